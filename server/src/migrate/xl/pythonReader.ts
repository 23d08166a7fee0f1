/**
 * Reads an xm-era domain config the way Python would cut it, without running it: tokens (strings with
 * Python's quoting and escapes, numbers, names, operators) and logical statements (a bracket or a
 * trailing backslash continues a line; an indented line belongs to the block its header opened).
 * One pass over the text, no backtracking: any bytes come out as tokens or as an `unknown` token.
 */

export type TokenKind = 'name' | 'number' | 'string' | 'op' | 'unknown';

export interface PyToken {
  kind: TokenKind;
  /** The name, the operator, the number as written, or the decoded string. */
  text: string;
  start: number;
  end: number;
}

export interface Statement {
  /** 0-based first and last line. */
  firstLine: number;
  lastLine: number;
  /** Offsets of the statement's code (its comments included) in the text. */
  start: number;
  end: number;
  tokens: PyToken[];
  /** `# …` comments inside the statement, in order, without their line breaks. */
  comments: string[];
  /** True when the statement starts indented (it belongs to a block). */
  indented: boolean;
  /** True when a string or bracket was still open at the end of the file. */
  unterminated: boolean;
}

/** One line of the file that holds no code: blank, or only a comment. */
export interface Trivia {
  line: number;
  /** Offset of the line's first character. */
  start: number;
  text: string;
}

export type Piece = { kind: 'statement'; statement: Statement } | { kind: 'trivia'; trivia: Trivia };

const OPERATORS = ['**=', '//=', '>>=', '<<=', '**', '//', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '->', '<<', '>>'];
const SINGLE_OPERATORS = '+-*/%()[]{},:.=<>!&|^~@;`';
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0', '\n': '' };

const isDigit = (c: string) => c >= '0' && c <= '9';
const isNameStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isNameChar = (c: string) => isNameStart(c) || isDigit(c);

/** Cuts the file into statements and code-free lines, in file order. */
export function readPython(text: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  let line = 0;
  let current: Statement | undefined;
  let depth = 0;
  let continued = false;
  let lineStart = 0;
  let lineHasCode = false;

  const finish = () => {
    if (current) pieces.push({ kind: 'statement', statement: current });
    current = undefined;
    depth = 0;
  };
  const token = (kind: TokenKind, value: string, start: number, end: number) => {
    if (!current) {
      const indented = start > lineStart;
      current = { firstLine: line, lastLine: line, start, end, tokens: [], comments: [], indented, unterminated: false };
    }
    current.tokens.push({ kind, text: value, start, end });
    current.lastLine = line;
    current.end = end;
    lineHasCode = true;
  };
  const endOfLine = (at: number) => {
    if (!lineHasCode && !current) pieces.push({ kind: 'trivia', trivia: { line, start: lineStart, text: text.slice(lineStart, at) } });
    else if (current && depth === 0 && !continued) finish();
    continued = false;
    line++;
    lineStart = at + 1;
    lineHasCode = false;
  };

  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      endOfLine(i);
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v') {
      i++;
    } else if (c === '#') {
      let end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
      if (current) {
        current.comments.push(text.slice(i, end).replace(/\r$/, ''));
        current.end = end;
      }
      i = end;
    } else if (c === '\\' && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      continued = true;
      i++;
    } else if (c === '"' || c === "'" || ((c === 'r' || c === 'R' || c === 'u' || c === 'U') && (text[i + 1] === '"' || text[i + 1] === "'"))) {
      const start = i;
      const raw = c === 'r' || c === 'R';
      if (c !== '"' && c !== "'") i++;
      const quote = text[i];
      const triple = text.startsWith(quote.repeat(3), i);
      const close = triple ? quote.repeat(3) : quote;
      i += close.length;
      const parts: string[] = [];
      let from = i;
      let closed = false;
      while (i < text.length) {
        const d = text[i];
        if (d === '\\' && i + 1 < text.length) {
          parts.push(text.slice(from, i));
          const e = text[i + 1];
          if (e === '\n') line++;
          parts.push(raw ? `\\${e}` : (ESCAPES[e] ?? `\\${e}`));
          i += 2;
          from = i;
        } else if (text.startsWith(close, i)) {
          parts.push(text.slice(from, i));
          i += close.length;
          closed = true;
          break;
        } else if (d === '\n' && !triple) {
          break;
        } else {
          if (d === '\n') line++;
          i++;
        }
      }
      if (!closed) parts.push(text.slice(from, i));
      token(closed ? 'string' : 'unknown', parts.join(''), start, i);
      if (!closed && current) current.unterminated = true;
    } else if (isDigit(c) || (c === '.' && isDigit(text[i + 1] ?? ''))) {
      const start = i;
      while (i < text.length && (isNameChar(text[i]) || text[i] === '.')) i++;
      token('number', text.slice(start, i), start, i);
    } else if (isNameStart(c)) {
      const start = i;
      while (i < text.length && isNameChar(text[i])) i++;
      token('name', text.slice(start, i), start, i);
    } else {
      const operator = OPERATORS.find((op) => text.startsWith(op, i)) ?? (SINGLE_OPERATORS.includes(c) ? c : undefined);
      if (operator) {
        if ('([{'.includes(operator)) depth++;
        else if (')]}'.includes(operator) && depth > 0) depth--;
        token('op', operator, i, i + operator.length);
        i += operator.length;
      } else {
        token('unknown', c, i, i + 1);
        i++;
      }
    }
  }
  if (current && depth > 0) current.unterminated = true;
  if (lineStart < text.length || current) endOfLine(text.length);
  finish();
  return pieces;
}
