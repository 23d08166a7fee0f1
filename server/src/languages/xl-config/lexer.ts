/**
 * The tokenizer of libxlutil's config reader (libxlu_cfg_l.l), rule for rule,
 * so that we accept and reject exactly what `xl` does:
 *  - IDENT `[a-z][._0-9a-z]*` (lower case only; dots are for xl.conf keys),
 *  - NUMBER `[0-9][0-9a-fx]*` (decimal, 0x hex or 0 octal: strtol decides later),
 *  - STRING in '…' or "…" on one line, with C escapes,
 *  - `=`, `+=`, `,`, `[`, `]`, `;`, and NEWLINE (a `# comment` counts as one,
 *    but only when a line break follows it),
 *  - anything else starts a lexical error that swallows the rest of the word.
 */

import { MAX_PROBLEMS } from '../../common/report';
import { StringPool } from '../../../../shared/src/stringPool';

export type TokenKind = 'ident' | 'number' | 'string' | '=' | '+=' | ',' | '[' | ']' | ';' | 'newline' | 'eof';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Decoded value of a string; the raw text of an ident or number. */
  value: string;
}

export interface LexicalError {
  start: number;
  end: number;
  message: string;
  /** The error began with a character Python uses (`+ - . ( ) :`), as libxlu notes. */
  pythonish: boolean;
  /** The offending character is a typographic quote (‘ ’ “ ”) pasted from a web page. */
  typographicQuote: boolean;
}

const TYPOGRAPHIC_QUOTES = '\u2018\u2019\u201c\u201d';
const PYTHON_CHARS = '+-.():';

const isLower = (c: string) => c >= 'a' && c <= 'z';
const isDigit = (c: string) => c >= '0' && c <= '9';
const isIdentTail = (c: string) => isLower(c) || isDigit(c) || c === '_' || c === '.';
const isNumberTail = (c: string) => isDigit(c) || (c >= 'a' && c <= 'f') || c === 'x';

const KINDS: readonly TokenKind[] = ['ident', 'number', 'string', '=', '+=', ',', '[', ']', ';', 'newline', 'eof'];
const KIND_CODES = new Map(KINDS.map((kind, code) => [kind, code]));
/** The code of a string in typographic quotes (a `string` token whose value is the text between them). */
const TYPOGRAPHIC_STRING = KINDS.length;

/**
 * The tokens of a file, kept in typed arrays: a token is read as an object
 * only while the parser looks at it, and its value is read from the text
 * then. A 20 MB file holds millions of tokens, and an object each (or only
 * a value each) cost more than the file many times over while it was parsed.
 */
export class TokenList {
  private kinds = new Uint8Array(1024);
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  /** A big file repeats its keys and values: one string each (see StringPool). */
  private readonly words = new StringPool();
  length = 0;

  constructor(private readonly text: string) {}

  /** Adds a token; a `string` in typographic quotes says so with `typographic`. */
  push(kind: TokenKind, start: number, end: number, typographic = false): void {
    if (this.length === this.kinds.length) this.grow();
    this.kinds[this.length] = typographic ? TYPOGRAPHIC_STRING : KIND_CODES.get(kind)!;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  /** The token at `index` (undefined outside the list). */
  at(index: number): Token | undefined {
    if (index < 0 || index >= this.length) return undefined;
    const code = this.kinds[index];
    const [start, end] = [this.starts[index], this.ends[index]];
    if (code === TYPOGRAPHIC_STRING) return { kind: 'string', start, end, value: this.text.slice(start + 1, end - 1) };
    const kind = KINDS[code];
    return { kind, start, end, value: this.valueOf(kind, start, end) };
  }

  private valueOf(kind: TokenKind, start: number, end: number): string {
    if (kind === 'ident' || kind === 'number') return this.words.slice(this.text, start, end);
    if (kind === 'string') return dequote(this.text.slice(start, end)).value;
    return PUNCTUATION_VALUES[kind];
  }

  private grow(): void {
    const size = this.kinds.length * 2;
    const kinds = new Uint8Array(size);
    kinds.set(this.kinds);
    const starts = new Int32Array(size);
    starts.set(this.starts);
    const ends = new Int32Array(size);
    ends.set(this.ends);
    [this.kinds, this.starts, this.ends] = [kinds, starts, ends];
  }
}

/** What a token without a value of its own reads as (its text). */
const PUNCTUATION_VALUES: Record<TokenKind, string> = { ident: '', number: '', string: '', '=': '=', '+=': '+=', ',': ',', '[': '[', ']': ']', ';': ';', newline: '\n', eof: '' };

export interface Lexed {
  tokens: TokenList;
  /** The first error of each line, in file order, in full for the first MAX_PROBLEMS such lines. */
  errors: LexicalError[];
  /** Where the first error of each later line starts: more cannot be listed, they are only counted. */
  moreErrors: number[];
  /** `# …` comments, without their line break. */
  comments: { start: number; end: number }[];
}

export function tokenize(text: string): Lexed {
  const tokens = new TokenList(text);
  const errors = new LexicalErrors(text);
  const comments: { start: number; end: number }[] = [];
  let i = 0;
  const push = (kind: TokenKind, start: number, end: number, typographic = false) => tokens.push(kind, start, end, typographic);
  // Looked up once: asking "is there a line break after this `#`?" at every `#` of the last line rescans it each time.
  const lastNewline = text.lastIndexOf('\n');
  const strings = new QuoteScanner(text);

  while (i < text.length) {
    const c = text[i];
    if (isLower(c)) {
      let j = i + 1;
      while (j < text.length && isIdentTail(text[j])) j++;
      push('ident', i, j);
      i = j;
    } else if (isDigit(c)) {
      let j = i + 1;
      while (j < text.length && isNumberTail(text[j])) j++;
      push('number', i, j);
      i = j;
    } else if (c === ' ' || c === '\t') {
      i++;
    } else if (c === ',' || c === '[' || c === ']' || c === '=' || c === ';') {
      push(c, i, i + 1);
      i++;
    } else if (c === '+' && text[i + 1] === '=') {
      push('+=', i, i + 2);
      i += 2;
    } else if (c === '\n') {
      push('newline', i, i + 1);
      i++;
    } else if (c === '#' && i < lastNewline) {
      const newline = text.indexOf('\n', i);
      comments.push({ start: i, end: newline > i && text[newline - 1] === '\r' ? newline - 1 : newline });
      push('newline', newline, newline + 1);
      i = newline + 1;
    } else if ((c === '"' || c === "'") && strings.end(i) > 0) {
      const end = strings.end(i);
      const decoded = dequote(text.slice(i, end));
      push('string', i, end);
      if (decoded.error && errors.wanted(i)) errors.push({ start: i, end, message: decoded.error, pythonish: false, typographicQuote: false });
      i = end;
    } else if (typographicEnd(text, i) > 0) {
      // libxlu stops at a curly quote pasted from a web page (reported, with its fix), but the string
      // it meant is plain to see: read it as one, so the setting is still checked (a `w!` inside it).
      const end = typographicEnd(text, i);
      lexicalError(text, i, errors, tokens); // reports only: a closing quote follows, so it pushes no line break
      push('string', i, end, true);
      i = end;
    } else {
      i = lexicalError(text, i, errors, tokens);
    }
  }
  tokens.push('eof', text.length, text.length);
  return { tokens, errors: errors.full, moreErrors: errors.more, comments };
}

/** The closing twin of each opening typographic quote. */
const TYPOGRAPHIC_PAIRS: Record<string, string> = { '\u2018': '\u2019', '\u201c': '\u201d' };

/** End offset (after the closing curly quote) of a ‘…’ or “…” string at `start` closed on its line, or -1. */
function typographicEnd(text: string, start: number): number {
  const close = TYPOGRAPHIC_PAIRS[text[start]];
  if (!close) return -1;
  for (let i = start + 1; i < text.length && text[i] !== '\n'; i++) if (text[i] === close) return i + 1;
  return -1;
}

/**
 * Where the string that starts at a quote ends. A quote that is not closed on
 * its line makes the scan run to the line's end; a later quote of the same
 * kind on that line was passed as an escaped character by that scan, so its
 * own scan would retrace the same characters and fail too: it is answered from
 * the first, and a line of unclosed quotes costs one scan, not one per quote.
 */
class QuoteScanner {
  private readonly unclosedUntil: Record<string, number> = { '"': -1, "'": -1 };
  private last = { start: -1, end: -1 };

  constructor(private readonly text: string) {}

  /** End offset (after the closing quote) of the string starting at `start`, or -1 when it is not closed on its line. */
  end(start: number): number {
    if (this.last.start === start) return this.last.end;
    const quote = this.text[start];
    const end = start < this.unclosedUntil[quote] ? -1 : this.scan(start, quote);
    this.last = { start, end };
    return end;
  }

  private scan(start: number, quote: string): number {
    const text = this.text;
    for (let i = start + 1; i < text.length; i++) {
      const c = text[i];
      if (c === quote) return i + 1;
      if (c === '\n') return this.unclosed(quote, i);
      if (c === '\\') {
        if (i + 1 >= text.length || text[i + 1] === '\n') return this.unclosed(quote, i + 1);
        i++;
      }
    }
    return this.unclosed(quote, text.length);
  }

  private unclosed(quote: string, lineEnd: number): number {
    this.unclosedUntil[quote] = lineEnd;
    return -1;
  }
}

/**
 * The lexical errors worth keeping: xl reports one per line (the rest of a
 * line is usually the same mistake) and one carriage return for the whole
 * file (it is the file's line endings), so only the first error of each line
 * is kept, and only the first MAX_PROBLEMS lines' in full: past those nothing
 * can be listed, and a start offset is enough to count them. Lines are the
 * LineIndex's (a lone CR ends one too), counted as the errors come, in order.
 */
class LexicalErrors {
  readonly full: LexicalError[] = [];
  readonly more: number[] = [];
  private line = 0;
  private counted = 0;
  private lastLine = -1;
  private sawCarriageReturn = false;

  constructor(private readonly text: string) {}

  /** Whether the error starting at `start` is its line's first that counts; if so and past the limit, it is counted here. */
  wanted(start: number): boolean {
    for (; this.counted < start; this.counted++) {
      const c = this.text.charCodeAt(this.counted);
      if (c === 10 || (c === 13 && this.text.charCodeAt(this.counted + 1) !== 10)) this.line++;
    }
    if (this.text.charCodeAt(start) === 13) {
      if (this.sawCarriageReturn) return false;
      this.sawCarriageReturn = true;
    }
    if (this.line === this.lastLine) return false;
    this.lastLine = this.line;
    if (this.full.length < MAX_PROBLEMS) return true;
    this.more.push(start);
    return false;
  }

  push(error: LexicalError): void {
    this.full.push(error);
  }
}

/**
 * libxlu's lexical-error state: the bad character and the rest of its word
 * (or the one blank after it) form the error. At the very end of the file
 * flex matches nothing more, and libxlu reports nothing: we do the same.
 */
function lexicalError(text: string, start: number, errors: LexicalErrors, tokens: TokenList): number {
  const c = text[start];
  let end = start + 1;
  if (end >= text.length) return end;
  const next = text[end];
  let newlineAfter = false;
  if (next === '\n') newlineAfter = true;
  else if (next === ' ' || next === '\t') end++;
  else while (end < text.length && text[end] !== ' ' && text[end] !== '\t' && text[end] !== '\n') end++;
  const word = text.slice(start, end).replace(/[ \t]+$/, '');
  if (errors.wanted(start)) errors.push({
    start,
    end: start + word.length,
    message: describeBadCharacter(c, word),
    pythonish: PYTHON_CHARS.includes(c),
    typographicQuote: TYPOGRAPHIC_QUOTES.includes(c),
  });
  if (newlineAfter) {
    tokens.push('newline', end, end + 1);
    end++;
  }
  return end;
}

function describeBadCharacter(c: string, whole: string): string {
  // A word of garbage can be the rest of a megabyte line: the message quotes its start.
  const word = whole.length > 80 ? `${whole.slice(0, 60)}…` : whole;
  if (TYPOGRAPHIC_QUOTES.includes(c)) return `typographic quote '${c}' in \`${word}\`: xl only accepts ASCII quotes ' or "`;
  if (c === '\r') return 'carriage return (Windows line ending): xl rejects it; save the file with Unix (LF) line endings';
  if (c === '"' || c === "'") return `string \`${word}\` is not closed on its line: add the closing ${c} (strings cannot span lines)`;
  if (c >= 'A' && c <= 'Z') return `\`${word}\`: setting names are lower case, and words must be quoted as strings ("${word}")`;
  if (c === '#') return 'comment at the very end of the file without a line break: xl rejects it; end the file with a newline';
  if (c === '-') return `\`${word}\`: xl has no negative numbers or arithmetic; write the value as a plain number or a quoted string`;
  return `unexpected \`${word}\`: xl accepts only \`key = value\` with quoted strings, numbers and [ lists ]`;
}

/**
 * libxlu's dequoting (xlu__cfgl_dequote): \" \' \\ \a \b \f \n \r \t \v.
 * Its numeric escapes are buggy upstream: `\x..` is always rejected, and an
 * octal escape needs three digits and is then dropped. We mirror that.
 */
export function dequote(raw: string): { value: string; error?: string } {
  const simple: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
  // Built from the stretches between escapes (a character at a time, a long string would be a rope of one-character strings).
  let value = '';
  for (let i = 1; i < raw.length - 1; ) {
    const backslash = raw.indexOf('\\', i);
    if (backslash < 0 || backslash >= raw.length - 1) {
      value += raw.slice(i, raw.length - 1);
      break;
    }
    value += raw.slice(i, backslash);
    i = backslash + 1;
    const escape = raw[i++];
    if (escape in simple) {
      value += simple[escape];
    } else if (escape === 'x') {
      return { value, error: `\`\\x\` escape in ${raw}: xl's parser rejects hexadecimal escapes; write the character itself` };
    } else if (escape >= '0' && escape <= '7') {
      // Upstream reads the next three characters with strtoul(…, 10): blanks and a sign count.
      const consumed = /^\s*[+-]?\d+/.exec(raw.slice(i, i + 3))?.[0].length ?? 0;
      if (consumed < 2) return { value, error: `octal escape in ${raw}: xl needs three digits (like \\101); write the character itself` };
      i += consumed;
    } else {
      return { value, error: `unknown escape \`\\${escape}\` in ${raw}: xl knows \\" \\' \\\\ \\n \\t \\r \\a \\b \\f \\v; write \\\\ for a backslash` };
    }
  }
  return { value };
}
