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
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic, Severity } from '../../common/diagnostics';
import { LineIndex } from '../../../../shared/src/lineIndex';
import type { ListValue, Setting, Span, Value, XlDocument } from './ast';
import { Code } from './codes';
import { configFileKind } from './fileKind';
import { LexicalError, Token, tokenize } from './lexer';
import { pythonConstruct, tripleQuotedBlocks } from './python';

export const SOURCE = 'xl-config';

interface RawError extends Span {
  message: string;
  lexical?: LexicalError;
}

export type { XlDocument } from './ast';

/** The settings and syntax errors of a domain config or xl.conf; `path` decides which of the two it is (a domain config without one). */
export function parse(text: string, path = ''): XlDocument {
  const lines = new LineIndex(text);
  const lexed = tokenize(text);
  const parser = new Parser(lexed.tokens, lines);
  const settings = parser.parseFile();
  const pythonConstructs = new Map<Diagnostic, string>();
  const syntaxErrors = toDiagnostics(text, lines, lexed.errors, parser.errors, pythonConstructs);
  return { text, lines, syntaxErrors, pythonConstructs, settings, comments: lexed.comments, fileKind: configFileKind(path) };
}

class Parser {
  private position = 0;
  readonly errors: RawError[] = [];
  private readonly linesWithError = new Set<number>();

  constructor(
    private readonly tokens: Token[],
    private readonly lines: LineIndex,
  ) {}

  parseFile(): Setting[] {
    const settings: Setting[] = [];
    for (;;) {
      const token = this.peek();
      if (token.kind === 'eof') return settings;
      if (token.kind === 'newline' || token.kind === ';') {
        this.next();
      } else if (token.kind === 'ident') {
        const setting = this.parseSetting();
        settings.push(setting);
        const after = this.peek();
        if (!setting.value) {
          this.skipLine();
        } else if (setting.value.kind === 'list' && !setting.value.closed) {
          // The unclosed list stopped before the next setting, which starts here.
        } else if (after.kind !== 'newline' && after.kind !== ';' && after.kind !== 'eof') {
          this.error(after, `unexpected ${describe(after)} after the value of \`${setting.key.name}\`: one setting per line (or separate them with ';')`);
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
      const what = operator.kind === 'newline' || operator.kind === 'eof' ? `\`${name.value}\` alone` : `${describe(operator)} after \`${name.value}\``;
      this.error(operator.kind === 'newline' || operator.kind === 'eof' ? name : operator, `unexpected ${what}: expected \`${name.value} = value\``);
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
      this.error(token, `\`${token.value}\` is not a value: quote it ("${token.value}") or write a number`);
    } else {
      const missing = token.kind === 'newline' || token.kind === 'eof';
      this.error(missing ? after : token, `${missing ? 'missing value' : `unexpected ${describe(token)}`} after '${after.value}': expected a quoted string, a number or a [ list ]`);
    }
    return undefined;
  }

  private parseList(): ListValue {
    const open = this.next();
    const list: ListValue = { kind: 'list', items: [], closed: false, start: open.start, end: open.end };
    let expectItem = true;
    let reported = false;
    const report = (token: Token, message: string) => {
      if (!reported) this.error(token, message);
      reported = true;
    };
    for (;;) {
      this.skipNewlines();
      const token = this.peek();
      if (token.kind === ']') {
        this.next();
        list.closed = true;
        list.end = token.end;
        return list;
      }
      if (token.kind === 'eof' || this.startsNextSetting()) {
        const last = this.tokens[this.position - 1];
        report(token.kind === 'eof' ? last : token, `the list opened at line ${this.lines.positionAt(open.start).line + 1} is not closed: add ']'`);
        return list;
      }
      if (token.kind === ',') {
        if (expectItem) report(token, `unexpected ',' in the list: expected a value before it`);
        this.next();
        list.end = token.end;
        expectItem = true;
        continue;
      }
      if (token.kind === 'string' || token.kind === 'number' || token.kind === '[') {
        if (!expectItem) report(token, `missing ',' before ${describe(token)} in the list`);
        const item = this.parseValue(token)!;
        list.items.push(item);
        list.end = item.end;
        expectItem = false;
        continue;
      }
      report(token, token.kind === 'ident' ? `\`${token.value}\` is not a value: quote it ("${token.value}") or write a number` : `unexpected ${describe(token)} in the list: expected a quoted string, a number, ',' or ']'`);
      this.next();
    }
  }

  /** At a line break followed by `name =`: a list that never closed runs into the next setting. */
  private startsNextSetting(): boolean {
    const token = this.peek();
    const next = this.tokens[this.position + 1];
    if (token.kind !== 'ident' || !next || (next.kind !== '=' && next.kind !== '+=')) return false;
    const previous = this.tokens[this.position - 1];
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
    return this.tokens[this.position];
  }

  private next(): Token {
    const token = this.tokens[this.position];
    if (token.kind !== 'eof') this.position++;
    return token;
  }

  /** Records one error per line at most (as xl does). */
  private error(token: Token, message: string): void {
    const line = this.lines.positionAt(token.start).line;
    if (this.linesWithError.has(line)) return;
    this.linesWithError.add(line);
    // A line break or the end of the file has no characters to underline.
    const end = token.kind === 'newline' || token.kind === 'eof' ? token.start : token.end;
    this.errors.push({ start: token.start, end, message });
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'ident':
      return `word \`${token.value}\``;
    case 'number':
      return `number ${token.value}`;
    case 'string':
      return `string ${JSON.stringify(token.value)}`;
    case 'newline':
      return 'end of line';
    case 'eof':
      return 'end of file';
    default:
      return `'${token.kind}'`;
  }
}

/**
 * Lexical errors first (a syntax error on the same line is only their
 * consequence, xl hides it too), then syntax errors; errors on a line that
 * is Python get a message that says so (the construct each names goes to
 * `pythonConstructs`); a Python docstring is one error.
 */
function toDiagnostics(text: string, lines: LineIndex, lexical: LexicalError[], syntax: RawError[], pythonConstructs: Map<Diagnostic, string>): Diagnostic[] {
  const docstrings = tripleQuotedBlocks(text);
  const inDocstring = (offset: number) => docstrings.find((b) => offset >= b.start && offset < b.end);
  const all: RawError[] = [];
  const lexicalLines = new Set<number>();
  let sawCarriageReturn = false;
  for (const error of lexical) {
    // One carriage-return error is enough: it is the file's line endings, not each line.
    if (text[error.start] === '\r') {
      if (sawCarriageReturn) continue;
      sawCarriageReturn = true;
    }
    // Like xl, one lexical error per line: the rest of the line is usually the same mistake.
    const line = lines.positionAt(error.start).line;
    if (lexicalLines.has(line)) continue;
    lexicalLines.add(line);
    all.push({ start: error.start, end: error.end, message: error.message, lexical: error });
  }
  for (const error of syntax) if (!lexicalLines.has(lines.positionAt(error.start).line)) all.push(error);
  all.sort((a, b) => a.start - b.start);

  const diagnostics: Diagnostic[] = [];
  const python = (range: Diagnostic['range'], construct: string) => {
    const found = pythonDiagnostic(range, construct);
    pythonConstructs.set(found, construct);
    diagnostics.push(found);
  };
  const reportedDocstrings = new Set<Span>();
  const pythonLines = new Set<number>();
  for (const error of all) {
    const docstring = inDocstring(error.start);
    if (docstring) {
      if (reportedDocstrings.has(docstring)) continue;
      reportedDocstrings.add(docstring);
      python(lines.range(docstring.start, docstring.start + 3), 'a Python triple-quoted string');
      continue;
    }
    const range = lines.range(error.start, clampToLine(lines, error.start, error.end));
    if (error.lexical?.typographicQuote) {
      diagnostics.push(diagnostic(range, Severity.Error, Code.typographicQuote, error.message, SOURCE));
      continue;
    }
    const construct = pythonConstruct(lines.lineText(range.start.line));
    if (construct) {
      // One Python diagnostic per line: the construct is the whole line, not each token xl trips on.
      if (!pythonLines.has(range.start.line)) python(range, construct);
      pythonLines.add(range.start.line);
    }
    else diagnostics.push(diagnostic(range, Severity.Error, Code.syntax, error.message, SOURCE));
  }
  return diagnostics;
}

function pythonDiagnostic(range: Diagnostic['range'], construct: string): Diagnostic {
  const message = `${construct}: this is Python that only xm could read (xm ran domain configs as Python); xl reads only \`key = value\` settings with quoted strings, numbers and [ lists ]`;
  return diagnostic(range, Severity.Error, Code.python, message, SOURCE);
}

function clampToLine(lines: LineIndex, start: number, end: number): number {
  const line = lines.positionAt(start).line;
  return Math.min(end, lines.lineEnd(line));
}
