/**
 * iftab reader with the rules of ifrename's mapping_readfile(): one mapping
 * per line, `#` ends the line wherever it is (even inside quotes), the name
 * is the first word, then `selector[{attribute}] value` pairs; a value may be
 * "double-quoted" (no escapes). Where ifrename drops the rest of a line at
 * the first problem, this reader records it and keeps going.
 */
import type { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { diagnostic, Severity } from '../../common/diagnostics';
import { FirstProblems } from '../../common/report';
import { LineIndex } from '../../../../shared/src/lineIndex';
import { StringPool } from '../../../../shared/src/stringPool';
import type { ParsedDocument } from '../types';
import { Code } from './codes';
import { findSelector, SelectorLookup } from './schema';

export const SOURCE = 'iftab';

export interface Token {
  text: string;
  start: number;
  end: number;
  range: Range;
}

export interface SelectorUse {
  /** The selector word as written (without its `{…}`). */
  name: Token;
  lookup: SelectorLookup;
  /** The attribute between braces, `SYSFS{address}`. */
  attribute?: Token;
  /** The value, quotes removed; the range covers the quotes. */
  value?: Token & { quoted: boolean };
}

export interface IftabEntry {
  /** 0-based line of the LineIndex. */
  line: number;
  name: Token;
  selectors: SelectorUse[];
  /** Reading stopped at a syntax error (already reported), so selectors may be missing. */
  incomplete: boolean;
}

export interface IftabDocument extends ParsedDocument {
  entries: IftabEntry[];
}

/** ifrename splits words on space and tab (and the newline getline keeps); a CR is reported, then read as a blank. */
const BLANKS = ' \t\r';
/** Before the name ifrename skips with isspace(), which also takes \v and \f. */
const LEADING_SPACE = ' \t\r\v\f';
/** A selector name also ends where its `{attribute}` starts. */
const SELECTOR_END = ' \t\r{';

export function parse(text: string): IftabDocument {
  return read(text, true);
}

/** Exactly `parse(text).syntaxErrors`, with each line's entry let go once read. */
export function syntaxErrors(text: string): Diagnostic[] {
  return read(text, false).syntaxErrors;
}

function read(text: string, keepEntries: boolean): IftabDocument {
  const lines = new LineIndex(text);
  const entries: IftabEntry[] = [];
  // The first MAX_PROBLEMS in file order, and a count of the others (a Windows file has one on every line).
  const problems = new FirstProblems<Diagnostic>((d) => d.range.start);
  const errors = { push: (found: Diagnostic) => problems.add(found) };
  const words = new StringPool();
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const entry = new LineReader(text, lines, lineStart, lineEnd, errors, words).read();
    // Its selectors as an array of their own size (one grown by push keeps room for 16; a line has one or two).
    if (entry && keepEntries) {
      if (entry.selectors.length > 0) entry.selectors = entry.selectors.slice();
      entries.push(entry);
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return { text, lines, syntaxErrors: FirstProblems.finish(problems, SOURCE), entries };
}

/** Lookups by word, shared (they are read, never changed): a big file writes the same few selectors on every line. */
const lookups = new Map<string, SelectorLookup>();

function lookupSelector(word: string): SelectorLookup {
  let found = lookups.get(word);
  if (!found) {
    if (lookups.size >= 1024) lookups.clear();
    lookups.set(word, (found = findSelector(word)));
  }
  return found;
}

/** A token keeps its offsets and works out its range when asked: one small object per word of a big file, not four. */
interface TokenClass {
  new (text: string, start: number, end: number, quoted?: boolean): Token & { quoted?: boolean };
}

const tokenClasses = new WeakMap<LineIndex, TokenClass>();

/** The token class of one document (its LineIndex is shared through the class, not stored in each token). */
function tokenClassFor(lines: LineIndex): TokenClass {
  let found = tokenClasses.get(lines);
  if (!found) {
    found = class IftabToken {
      constructor(
        readonly text: string,
        readonly start: number,
        readonly end: number,
        readonly quoted?: boolean,
      ) {}

      get range(): Range {
        return lines.range(this.start, this.end);
      }
    };
    tokenClasses.set(lines, found);
  }
  return found;
}

class LineReader {
  private pos: number;
  private readonly end: number;
  private readonly Token: TokenClass;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    start: number,
    lineEnd: number,
    private readonly errors: { push(found: Diagnostic): void },
    private readonly words: StringPool,
  ) {
    this.pos = start;
    this.Token = tokenClassFor(lines);
    // Searches stay inside the line: an unbounded indexOf would rescan the rest of the file for every line.
    const comment = text.slice(start, lineEnd).indexOf('#');
    this.end = comment >= 0 ? start + comment : lineEnd;
  }

  read(): IftabEntry | undefined {
    const lineStart = this.pos;
    while (this.pos < this.end && LEADING_SPACE.includes(this.text[this.pos])) this.pos++;
    // A blank line, CR or not, is skipped by ifrename (isspace() takes the CR too).
    if (this.pos >= this.end) return undefined;
    const entry = this.readEntry();
    this.reportCarriageReturn(lineStart, entry);
    return entry;
  }

  private readEntry(): IftabEntry {
    const name = this.word(BLANKS);
    const entry: IftabEntry = { line: this.lines.positionAt(name.start).line, name, selectors: [], incomplete: false };
    this.skipBlanks();
    while (this.pos < this.end) {
      const use = this.readSelector();
      if (!use) {
        entry.incomplete = true;
        break;
      }
      entry.selectors.push(use);
      // Like ifrename, give up on the rest of the line after a selector it cannot resolve.
      if (use.lookup.kind === 'unknown' || use.lookup.kind === 'ambiguous') break;
      this.skipBlanks();
    }
    return entry;
  }

  /** One `selector[{attribute}] value`; undefined when the rest of the line cannot be read. */
  private readSelector(): SelectorUse | undefined {
    const name = this.word(SELECTOR_END);
    const use: SelectorUse = { name, lookup: lookupSelector(name.text) };
    if (this.text[this.pos] === '{') {
      const close = this.indexInLine('}', this.pos);
      if (close < 0) {
        this.error(this.pos, this.pos + 1, Code.syntax, `'{' after '${name.text}' is never closed: add '}' after the attribute name (ifrename drops this line)`);
        return undefined;
      }
      use.attribute = this.token(this.pos + 1, close);
      this.pos = close + 1;
    }
    this.skipBlanks();
    const resolved = use.lookup.kind === 'exact' || use.lookup.kind === 'prefix';
    if (this.pos >= this.end) {
      // An unknown selector is reported as such; its missing value would only add noise.
      if (!resolved) return use;
      const where = use.attribute ? this.token(name.start, use.attribute.end + 1) : name;
      this.error(where.start, where.end, Code.missingValue, `selector '${name.text}' has no value (ifrename drops this line)`);
      return use;
    }
    use.value = this.text[this.pos] === '"' ? this.readQuoted() : this.word(BLANKS, false);
    return use;
  }

  private readQuoted(): Token & { quoted: boolean } {
    const open = this.pos;
    const close = this.indexInLine('"', open + 1);
    if (close < 0) {
      this.error(open, this.end, Code.syntax, 'quoted value is never closed: add the closing " (ifrename drops this line)');
      this.pos = this.end;
      return new this.Token(this.words.slice(this.text, open + 1, this.end), open, this.end, true) as Token & { quoted: boolean };
    }
    this.pos = close + 1;
    // ifrename skips the character after the closing quote, blank or not.
    if (this.pos < this.end && !BLANKS.includes(this.text[this.pos])) {
      this.warn(this.pos, this.pos + 1, Code.textAfterQuote, `'${this.text[this.pos]}' right after the closing quote: ifrename silently swallows it; put a space after the quote`);
      this.pos++;
    }
    return new this.Token(this.words.slice(this.text, open + 1, close), open, close + 1, true) as Token & { quoted: boolean };
  }

  /**
   * A line with a CR before its LF (a Windows line ending). ifrename reads the
   * CR as part of the word it ends, so what it does depends on that word: it
   * drops the line when the word is a name, a selector or a value it parses
   * strictly (a MAC, a number), or when the CR stands alone after a blank (an
   * unknown selector); it keeps a text value with the CR in it, which then
   * never matches; and it skips a CR right after a closing quote.
   */
  private reportCarriageReturn(lineStart: number, entry: IftabEntry): void {
    const offset = this.text.slice(lineStart, this.end).indexOf('\r');
    if (offset < 0) return;
    const cr = lineStart + offset;
    const fix = 'save the file with Unix (LF) line endings';
    const lead = 'this line ends with a carriage return (Windows line ending)';
    const quoted = entry.selectors.find((use) => use.value?.quoted && use.value.end === cr);
    if (quoted) {
      this.push(cr, cr + 1, Severity.Information, `${lead}: harmless here, ifrename skips the character after a closing quote; still, ${fix}`);
      return;
    }
    let start = cr;
    while (start > lineStart && !BLANKS.includes(this.text[start - 1])) start--;
    const afterQuote = entry.selectors.some((use) => use.value?.quoted && use.value.end === cr - 1);
    if (start === cr || afterQuote) {
      this.push(cr, cr + 1, Severity.Error, `${lead}: ifrename reads the carriage return as a selector of its own, which it does not know, and drops the line; ${fix}`);
      return;
    }
    const word = this.text.slice(start, cr);
    const use = entry.selectors.find((u) => u.value && !u.value.quoted && u.value.end === cr);
    const spec = use && (use.lookup.kind === 'exact' || use.lookup.kind === 'prefix') ? use.lookup.spec : undefined;
    const keptAsText = spec && (spec.value === 'string' || spec.value === 'sysfs') && (spec.maxLength === undefined || word.length + 1 < spec.maxLength);
    if (keptAsText) {
      this.push(start, cr, Severity.Warning, `${lead}: ifrename keeps it in the value, compares '${word}' plus a carriage return, and this mapping never matches; ${fix}`);
      return;
    }
    this.push(start, cr, Severity.Error, `${lead}: ifrename reads it as part of '${word}' and drops the line; ${fix}`);
  }

  private push(start: number, end: number, severity: DiagnosticSeverity, message: string): void {
    // The carriage return is part of the line break to an editor, so a range on it alone would lie past
    // the line's end: mark the character before it instead (the blank it follows, or the quote).
    const line = this.lines.positionAt(start).line;
    const lineEnd = this.lines.lineEnd(line);
    const to = Math.min(end, lineEnd);
    const from = Math.min(start, Math.max(this.lines.lineStart(line), to - 1));
    this.errors.push(diagnostic(this.lines.range(from, to), severity, Code.carriageReturn, message, SOURCE));
  }

  /** Offset of `ch` between `from` and the end of the line's content, or -1. */
  private indexInLine(ch: string, from: number): number {
    const offset = this.text.slice(from, this.end).indexOf(ch);
    return offset < 0 ? -1 : from + offset;
  }

  private word(stopAt: string): Token;
  private word(stopAt: string, quoted: boolean): Token & { quoted: boolean };
  private word(stopAt: string, quoted?: boolean): Token {
    const start = this.pos;
    while (this.pos < this.end && !stopAt.includes(this.text[this.pos])) this.pos++;
    return this.token(start, this.pos, quoted);
  }

  private skipBlanks(): void {
    while (this.pos < this.end && BLANKS.includes(this.text[this.pos])) this.pos++;
  }

  private token(start: number, end: number, quoted?: boolean): Token {
    return new this.Token(this.words.slice(this.text, start, end), start, end, quoted);
  }

  private error(start: number, end: number, code: string, message: string): void {
    this.errors.push(diagnostic(this.lines.range(start, end), Severity.Error, code, message, SOURCE));
  }

  private warn(start: number, end: number, code: string, message: string): void {
    this.errors.push(diagnostic(this.lines.range(start, end), Severity.Warning, code, message, SOURCE));
  }
}
