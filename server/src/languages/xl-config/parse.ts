/**
 * libxlutil's grammar (libxlu_cfg_y.y) as a tolerant recursive-descent parser:
 *
 *   file       := { stmt } [ assignment ]          (the last line may lack its newline)
 *   stmt       := assignment end | end              end := NEWLINE | ';'
 *   assignment := IDENT ('=' | '+=') value
 *   value      := STRING | NUMBER | '[' nl* [ value nl* { ',' nl* value nl* } [ ',' nl* ] ] ']'
 *
 * It accepts exactly what xl accepts, reports the first error of each broken
 * statement on the token where xl reports it, and recovers at the next line
 * (or inside a list, at the next item) so the rest of the file stays usable.
 */
import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { diagnostic, Severity } from '../../common/diagnostics';
import { FirstProblems, MAX_PROBLEMS } from '../../common/report';
import { LineIndex } from '../../../../shared/src/lineIndex';
import type { ListValue, Setting, Span, Value, XlDocument } from './ast';
import { Code } from './codes';
import { configFileKind } from './fileKind';
import { LexicalError, Token, TokenList, tokenize } from './lexer';
import { pythonConstruct, tripleQuotedBlocks } from './python';

export const SOURCE = 'xl-config';

interface RawError extends Span {
  message: string;
  lexical?: LexicalError;
}

/**
 * How deep lists may nest. xl's parser (bison, at most 10,000 states) runs out
 * of stack past 4,996 lists in `[[[…` and earlier in other shapes; no real
 * setting nests more than two. Ours reads deeper lists with a stack of its
 * own, so the limit only says where xl would refuse the file.
 */
export const MAX_LIST_DEPTH = 4996;

interface OpenList {
  list: ListValue;
  expectItem: boolean;
  /** One error per list: the rest of a broken list is usually the same mistake. */
  reported: boolean;
}

export type { XlDocument } from './ast';

/** The settings and syntax errors of a domain config or xl.conf; `path` decides which of the two it is (a domain config without one). */
export function parse(text: string, path = ''): XlDocument {
  return read(text, path, true);
}

/** Exactly `parse(text, path).syntaxErrors`, with each setting let go once read. */
export function syntaxErrors(text: string, path = ''): Diagnostic[] {
  return read(text, path, false).syntaxErrors;
}

function read(text: string, path: string, keepSettings: boolean): XlDocument {
  const lines = new LineIndex(text);
  const lexed = tokenize(text);
  const parser = new Parser(lexed.tokens, lines);
  const settings = parser.parseFile(keepSettings);
  const pythonConstructs = new Map<Diagnostic, string>();
  const syntaxErrors = toDiagnostics(text, lines, { full: lexed.errors, more: lexed.moreErrors }, { full: parser.errors, more: parser.moreErrors }, pythonConstructs);
  return { text, lines, syntaxErrors, pythonConstructs, settings, comments: lexed.comments, fileKind: configFileKind(path) };
}

class Parser {
  private position = 0;
  /** The first MAX_PROBLEMS errors in full; past them, where each starts (they can only be counted). */
  readonly errors: RawError[] = [];
  readonly moreErrors: number[] = [];
  /** Errors come in file order (each at the token being read or just read), so one per line needs only the last line. */
  private lastErrorLine = -1;

  constructor(
    private readonly tokens: TokenList,
    private readonly lines: LineIndex,
  ) {}

  /** The settings of the file (none kept when `keep` is false: the errors are the same). */
  parseFile(keep: boolean): Setting[] {
    const settings: Setting[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind === 'eof') return settings;
      if (token.kind === 'newline' || token.kind === ';') {
        this.next();
      } else if (token.kind === 'ident') {
        const setting = this.parseSetting();
        if (keep) settings.push(setting);
        const after = this.peek();
        if (!setting.value) {
          this.skipLine();
        } else if (setting.value.kind === 'list' && !setting.value.closed) {
          // The unclosed list stopped before the next setting, which starts here.
        } else if (after.kind !== 'newline' && after.kind !== ';' && after.kind !== 'eof') {
          this.error(after, `unexpected ${describe(after)} after the value of \`${short(setting.key.name)}\`: one setting per line (or separate them with ';')`);
          this.skipLine();
        }
      } else {
        this.error(token, `unexpected ${describe(token)}: a line must start with a setting name (lower case, like \`memory\`)`);
        this.skipLine();
      }
    }
  }

  private parseSetting(): Setting {
    const name = this.next();
    const key = { name: name.value, start: name.start, end: name.end };
    const operator = this.peek();
    if (operator.kind !== '=' && operator.kind !== '+=') {
      const what = operator.kind === 'newline' || operator.kind === 'eof' ? `\`${short(name.value)}\` alone` : `${describe(operator)} after \`${short(name.value)}\``;
      this.error(operator.kind === 'newline' || operator.kind === 'eof' ? name : operator, `unexpected ${what}: expected \`${short(name.value)} = value\``);
      return { key, operator: '=', start: name.start, end: name.end };
    }
    this.next();
    const value = this.parseValue(operator);
    return { key, operator: operator.kind, value, start: name.start, end: value ? value.end : operator.end };
  }

  /** A value after `after` (the operator, or a list's `[`/`,`); reports and returns undefined when there is none. */
  private parseValue(after: Token): Value | undefined {
    const token = this.peek();
    if (token.kind === 'string') {
      this.next();
      return { kind: 'string', value: token.value, start: token.start, end: token.end, inner: { start: token.start + 1, end: token.end - 1 } };
    }
    if (token.kind === 'number') {
      this.next();
      return { kind: 'number', raw: token.value, start: token.start, end: token.end };
    }
    if (token.kind === '[') return this.parseList();
    if (token.kind === 'ident') {
      this.error(token, `\`${short(token.value)}\` is not a value: quote it ("${short(token.value)}") or write a number`);
    } else {
      const missing = token.kind === 'newline' || token.kind === 'eof';
      this.error(missing ? after : token, `${missing ? 'missing value' : `unexpected ${describe(token)}`} after '${after.value}': expected a quoted string, a number or a [ list ]`);
    }
    return undefined;
  }

  /**
   * A list, and the lists inside it, read with a stack of open lists rather
   * than by recursion, so that deep nesting cannot overflow the call stack.
   * Past MAX_LIST_DEPTH (where xl's own parser gives up) one error is
   * reported and the deeper lists are skipped to their `]`.
   */
  private parseList(): ListValue {
    const open: OpenList[] = [];
    const start = (token: Token): void => {
      const list: ListValue = { kind: 'list', items: [], closed: false, start: token.start, end: token.end };
      open.push({ list, expectItem: true, reported: false });
    };
    const report = (frame: OpenList, token: Token, message: string) => {
      if (!frame.reported) this.error(token, message);
      frame.reported = true;
    };
    /** Closes the innermost list; returns the outermost one when that was it. */
    const finish = (): ListValue | undefined => {
      const { list } = open.pop()!;
      const parent = open[open.length - 1];
      if (!parent) return list;
      parent.list.items.push(list);
      parent.list.end = list.end;
      parent.expectItem = false;
      return undefined;
    };
    start(this.next());
    for (;;) {
      const frame = open[open.length - 1];
      const { list } = frame;
      this.skipNewlines();
      const token = this.peek();
      if (token.kind === ']') {
        this.next();
        list.closed = true;
        list.end = token.end;
        const done = finish();
        if (done) return done;
        continue;
      }
      if (token.kind === 'eof' || this.startsNextSetting()) {
        const last = this.tokens.at(this.position - 1)!;
        report(frame, token.kind === 'eof' ? last : token, `the list opened at line ${this.lines.positionAt(list.start).line + 1} is not closed: add ']'`);
        const done = finish();
        if (done) return done;
        continue;
      }
      if (token.kind === ',') {
        if (frame.expectItem) report(frame, token, `unexpected ',' in the list: expected a value before it`);
        this.next();
        list.end = token.end;
        frame.expectItem = true;
        continue;
      }
      if (token.kind === 'string' || token.kind === 'number' || token.kind === '[') {
        if (!frame.expectItem) report(frame, token, `missing ',' before ${describe(token)} in the list`);
        if (token.kind === '[' && open.length >= MAX_LIST_DEPTH) {
          report(frame, token, `lists nested more than ${MAX_LIST_DEPTH} deep: xl's parser gives up here ("memory exhausted") and reads none of the file`);
          this.skipNestedList();
          frame.expectItem = false;
          continue;
        }
        if (token.kind === '[') {
          start(this.next());
          continue;
        }
        const item = this.parseValue(token)!;
        list.items.push(item);
        list.end = item.end;
        frame.expectItem = false;
        continue;
      }
      report(frame, token, token.kind === 'ident' ? `\`${short(token.value)}\` is not a value: quote it ("${short(token.value)}") or write a number` : `unexpected ${describe(token)} in the list: expected a quoted string, a number, ',' or ']'`);
      this.next();
    }
  }

  /** Steps over a list (at its `[`) and everything in it, to its `]` or to where an unclosed one stops. */
  private skipNestedList(): void {
    let depth = 0;
    for (;;) {
      const token = this.peek();
      if (token.kind === 'eof' || (depth > 0 && this.startsNextSetting())) return;
      this.next();
      if (token.kind === '[') depth++;
      else if (token.kind === ']' && --depth === 0) return;
    }
  }

  /** At a line break followed by `name =`: a list that never closed runs into the next setting. */
  private startsNextSetting(): boolean {
    const token = this.peek();
    const next = this.tokens.at(this.position + 1);
    if (token.kind !== 'ident' || !next || (next.kind !== '=' && next.kind !== '+=')) return false;
    const previous = this.tokens.at(this.position - 1);
    return previous?.kind === 'newline';
  }

  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.next();
  }

  /** Error recovery as libxlu's `error NEWLINE` rule: drop tokens up to the end of the line. */
  private skipLine(): void {
    while (this.peek().kind !== 'newline' && this.peek().kind !== 'eof') this.next();
  }

  private peek(): Token {
    return this.tokens.at(this.position)!;
  }

  private next(): Token {
    const token = this.tokens.at(this.position)!;
    if (token.kind !== 'eof') this.position++;
    return token;
  }

  /** Records one error per line at most (as xl does). */
  private error(token: Token, message: string): void {
    const line = this.lines.positionAt(token.start).line;
    if (line <= this.lastErrorLine) return;
    this.lastErrorLine = line;
    if (this.errors.length >= MAX_PROBLEMS) {
      this.moreErrors.push(token.start);
      return;
    }
    // A line break or the end of the file has no characters to underline.
    const end = token.kind === 'newline' || token.kind === 'eof' ? token.start : token.end;
    this.errors.push({ start: token.start, end, message });
  }
}

/** A word as messages quote it: a long one (a megabyte of garbage is one word) by its start. */
function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 60)}…` : text;
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'ident':
      return `word \`${short(token.value)}\``;
    case 'number':
      return `number ${short(token.value)}`;
    case 'string':
      return `string ${short(JSON.stringify(token.value))}`;
    case 'newline':
      return 'end of line';
    case 'eof':
      return 'end of file';
    default:
      return `'${token.kind}'`;
  }
}

/** Errors of one source in file order: the first ones in full, then only where each of the others starts. */
interface ErrorList<T> {
  full: T[];
  more: number[];
}

/**
 * Lexical errors first (a syntax error on the same line is only their
 * consequence, xl hides it too), then syntax errors; errors on a line that
 * is Python get a message that says so (the construct each names goes to
 * `pythonConstructs`); a Python docstring is one error. Both lists come in
 * file order and are merged as they are walked; the first MAX_PROBLEMS
 * problems are listed, the others only counted (the sources keep just their
 * starts, and a problem past the limit needs no message).
 */
function toDiagnostics(text: string, lines: LineIndex, lexical: ErrorList<LexicalError>, syntax: ErrorList<RawError>, pythonConstructs: Map<Diagnostic, string>): Diagnostic[] {
  const docstrings = tripleQuotedBlocks(text);
  // The errors are looked at in file order, so the block that may hold one only moves forward.
  let nextDocstring = 0;
  const inDocstring = (offset: number) => {
    while (nextDocstring < docstrings.length && docstrings[nextDocstring].end <= offset) nextDocstring++;
    const block = docstrings[nextDocstring];
    return block && offset >= block.start ? block : undefined;
  };
  const at = <T extends { start: number }>(list: ErrorList<T>, index: number): { start: number; error?: T } | undefined =>
    index < list.full.length ? { start: list.full[index].start, error: list.full[index] } : index - list.full.length < list.more.length ? { start: list.more[index - list.full.length] } : undefined;

  const problems = new FirstProblems<Diagnostic>((d) => d.range.start);
  let listed = 0;
  let leftOut = 0;
  let leftOutFrom: Position | undefined;
  let reportedDocstring: Span | undefined;
  const pythonLines = new Set<number>();
  /** One error, in file order: listed while there is room, else counted. */
  const take = (start: number, error: RawError | undefined): void => {
    const docstring = inDocstring(start);
    if (docstring) {
      if (reportedDocstring === docstring) return;
      reportedDocstring = docstring;
    }
    if (listed >= MAX_PROBLEMS || !error) {
      if (leftOut++ === 0) leftOutFrom = lines.positionAt(docstring ? docstring.start : start);
      return;
    }
    listed++;
    if (docstring) return python(lines.range(docstring.start, docstring.start + 3), 'a Python triple-quoted string');
    const range = lines.range(error.start, clampToLine(lines, error.start, error.end));
    if (error.lexical?.typographicQuote) return void problems.add(diagnostic(range, Severity.Error, Code.typographicQuote, error.message, SOURCE));
    const construct = pythonConstruct(lines.lineText(range.start.line));
    if (!construct) return void problems.add(diagnostic(range, Severity.Error, Code.syntax, error.message, SOURCE));
    // One Python diagnostic per line: the construct is the whole line, not each token xl trips on.
    if (pythonLines.has(range.start.line)) listed--;
    else python(range, construct);
    pythonLines.add(range.start.line);
  };
  const python = (range: Range, construct: string) => {
    const found = pythonDiagnostic(range, construct);
    pythonConstructs.set(found, construct);
    problems.add(found);
  };

  // A syntax error on a line with a lexical error is dropped; lexical errors of its line (and before) go first.
  let nextLexical = 0;
  let lexicalLine = -1;
  const takeLexicalUpTo = (line: number) => {
    for (let next = at(lexical, nextLexical); next; next = at(lexical, nextLexical)) {
      const nextLine = lines.positionAt(next.start).line;
      if (nextLine > line) return;
      nextLexical++;
      lexicalLine = nextLine;
      take(next.start, next.error && { start: next.error.start, end: next.error.end, message: next.error.message, lexical: next.error });
    }
  };
  for (let index = 0, next = at(syntax, 0); next; next = at(syntax, ++index)) {
    const line = lines.positionAt(next.start).line;
    takeLexicalUpTo(line);
    if (lexicalLine !== line) take(next.start, next.error);
  }
  takeLexicalUpTo(Infinity);
  if (leftOutFrom) problems.leaveOut(leftOutFrom, leftOut);
  return FirstProblems.finish(problems, SOURCE);
}

function pythonDiagnostic(range: Diagnostic['range'], construct: string): Diagnostic {
  const message = `${construct}: this is Python that only xm could read (xm ran domain configs as Python); xl reads only \`key = value\` settings with quoted strings, numbers and [ lists ]`;
  return diagnostic(range, Severity.Error, Code.python, message, SOURCE);
}

function clampToLine(lines: LineIndex, start: number, end: number): number {
  const line = lines.positionAt(start).line;
  return Math.min(end, lines.lineEnd(line));
}
