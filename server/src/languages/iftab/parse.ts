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
const isBlank = (code: number) => code === 32 /* space */ || code === 9 /* \t */ || code === 13 /* \r */;
/** Before the name ifrename skips with isspace(), which also takes \v and \f. */
const isLeadingSpace = (code: number) => isBlank(code) || code === 11 /* \v */ || code === 12 /* \f */;
/** A selector name also ends where its `{attribute}` starts. */
const endsSelector = (code: number) => isBlank(code) || code === 123 /* { */;

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
  const reader = new LineReader(text, lines, errors, new StringPool());
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const entry = reader.read(lineStart, lineEnd);
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

/**
 * A token keeps its offsets and works out its range when asked: one small object per word of a big file, not four.
 * One class for every document, each token pointing at its document's LineIndex: a class made per document
 * (to share the LineIndex through a closure) starts every parse with new, cold hidden classes, which made
 * its field initializer 29 % of parse+validate on the bench's 5,000-line file.
 */
class IftabToken implements Token {
  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    readonly quoted: boolean | undefined,
    private readonly lines: LineIndex,
  ) {}

  get range(): Range {
    return this.lines.range(this.start, this.end);
  }
}

/** `text.indexOf(ch, from)` if it is before `to`, else -1; a loop so that the search stays inside the line (an unbounded indexOf would rescan the rest of the file for every line). */
function indexBetween(text: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** Reads the lines of one document, one at a time. */
class LineReader {
  private pos = 0;
  /** The end of the current line's content: its newline or its comment. */
  private end = 0;

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly errors: { push(found: Diagnostic): void },
    private readonly words: StringPool,
  ) {}

  /** The entry of the line [start, lineEnd), undefined for a blank or comment line. */
  read(lineStart: number, lineEnd: number): IftabEntry | undefined {
    this.pos = lineStart;
    const comment = indexBetween(this.text, 35 /* # */, lineStart, lineEnd);
    this.end = comment >= 0 ? comment : lineEnd;
    while (this.pos < this.end && isLeadingSpace(this.text.charCodeAt(this.pos))) this.pos++;
    // A blank line, CR or not, is skipped by ifrename (isspace() takes the CR too).
    if (this.pos >= this.end) return undefined;
    const entry = this.readEntry();
    this.reportCarriageReturn(lineStart, entry);
    return entry;
  }

  private readEntry(): IftabEntry {
    const name = this.word(isBlank);
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
    const name = this.word(endsSelector);
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
    use.value = this.text[this.pos] === '"' ? this.readQuoted() : this.word(isBlank, false);
    return use;
  }

  private readQuoted(): Token & { quoted: boolean } {
    const open = this.pos;
    const close = this.indexInLine('"', open + 1);
    if (close < 0) {
      this.error(open, this.end, Code.syntax, 'quoted value is never closed: add the closing " (ifrename drops this line)');
      this.pos = this.end;
      return this.token(open, this.end, true, open + 1, this.end) as Token & { quoted: boolean };
    }
    this.pos = close + 1;
    // ifrename skips the character after the closing quote, blank or not.
    if (this.pos < this.end && !isBlank(this.text.charCodeAt(this.pos))) {
      this.warn(this.pos, this.pos + 1, Code.textAfterQuote, `'${this.text[this.pos]}' right after the closing quote: ifrename silently swallows it; put a space after the quote`);
      this.pos++;
    }
    return this.token(open, close + 1, true, open + 1, close) as Token & { quoted: boolean };
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
    const cr = indexBetween(this.text, 13 /* \r */, lineStart, this.end);
    if (cr < 0) return;
    const fix = 'save the file with Unix (LF) line endings';
    const lead = 'this line ends with a carriage return (Windows line ending)';
    const quoted = entry.selectors.find((use) => use.value?.quoted && use.value.end === cr);
    if (quoted) {
      this.push(cr, cr + 1, Severity.Information, `${lead}: harmless here, ifrename skips the character after a closing quote; still, ${fix}`);
      return;
    }
    let start = cr;
    while (start > lineStart && !isBlank(this.text.charCodeAt(start - 1))) start--;
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
    return indexBetween(this.text, ch.charCodeAt(0), from, this.end);
  }

  private word(stops: (code: number) => boolean): Token;
  private word(stops: (code: number) => boolean, quoted: boolean): Token & { quoted: boolean };
  private word(stops: (code: number) => boolean, quoted?: boolean): Token {
    const start = this.pos;
    while (this.pos < this.end && !stops(this.text.charCodeAt(this.pos))) this.pos++;
    return this.token(start, this.pos, quoted);
  }

  private skipBlanks(): void {
    while (this.pos < this.end && isBlank(this.text.charCodeAt(this.pos))) this.pos++;
  }

  /** The token on [start, end) whose text is [textStart, textEnd) (inside the quotes of a quoted value). */
  private token(start: number, end: number, quoted?: boolean, textStart = start, textEnd = end): Token {
    return new IftabToken(this.words.slice(this.text, textStart, textEnd), start, end, quoted, this.lines);
  }

  private error(start: number, end: number, code: string, message: string): void {
    this.errors.push(diagnostic(this.lines.range(start, end), Severity.Error, code, message, SOURCE));
  }

  private warn(start: number, end: number, code: string, message: string): void {
    this.errors.push(diagnostic(this.lines.range(start, end), Severity.Warning, code, message, SOURCE));
  }
}
