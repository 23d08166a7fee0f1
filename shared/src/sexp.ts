/**
 * S-expression reader with the lexical rules of xend's own `sxp.py`, plus
 * exact ranges and error recovery. It knows nothing about xend options, so
 * the dom0 explorer reuses it for `xm list --long` output.
 *
 * What xend's reader does, and so this one:
 * - whitespace is space, tab, CR, LF, VT, FF; `#` starts a comment up to the
 *   end of the line, also right after an atom (`(a b# c)` is `(a b)`);
 * - `(`…`)` is a list; any other of `{}<>[]!;` is a one-character atom;
 * - `"…"` and `'…'` are strings with C-like escapes (`\n`, `\\`, `\'`,
 *   `\xHH`, octal `\NNN`); an unknown escape such as `\.` keeps the
 *   backslash and DROPS the character after it;
 * - an atom may not start with a non-printable or non-ASCII character.
 * Where xend gives up (stray `)`, unclosed list or string), this reader
 * records a precise error and keeps going: an unclosed string ends at the end
 * of its line, and in a file where some list is never closed, every list open
 * at a `(` in column 0 ends there. A file whose lists all close is read by
 * nesting alone, as xend reads it: `(network-script` with its value list on
 * the next line, in column 0, is one option, not an error.
 */
import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from './lineIndex';
import { StringPool } from './stringPool';

export interface SexpAtom {
  kind: 'atom';
  /** The value xend sees: escapes decoded, quotes removed. */
  value: string;
  /** Offsets of the source text, quotes included. */
  start: number;
  end: number;
  range: Range;
  /** The quote character of a string; undefined for a bare atom. */
  quote?: '"' | "'";
  /** Unknown escapes (`\.`): xend keeps the backslash and drops the character. */
  lostEscapes: { start: number; end: number }[];
}

export interface SexpList {
  kind: 'list';
  items: SexpNode[];
  /** Offset of `(`. */
  start: number;
  /** Offset after `)`, or where recovery ended the unclosed list. */
  end: number;
  range: Range;
  closed: boolean;
}

export type SexpNode = SexpAtom | SexpList;

export type SexpErrorKind = 'unclosed-list' | 'unexpected-close' | 'unterminated-string' | 'invalid-character' | 'too-deep';

export interface SexpError {
  kind: SexpErrorKind;
  message: string;
  start: number;
  end: number;
  /** One line: the token at fault. */
  range: Range;
}

export interface SexpTree {
  nodes: SexpNode[];
  /** The first MAX_ERRORS errors in file order. */
  errors: SexpError[];
  /** How many more there were, and where the first of them starts. */
  moreErrors?: { count: number; start: number };
  lines: LineIndex;
}

const WHITESPACE = ' \t\n\v\f\r';
const SEPARATORS = '{}()<>[]!;';
const SIMPLE_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', t: '\t', n: '\n', v: '\v', f: '\f', r: '\r', '\\': '\\', "'": "'", '"': '"' };
const END_OF_TEXT = '\x04';
/** The lost escapes of almost every atom: none, one array shared by all of them (never added to). */
const NO_ESCAPES: { start: number; end: number }[] = Object.freeze([]) as unknown as { start: number; end: number }[];
/** The most errors a tree keeps (the first in file order): a file of a million stray ')' is counted, not kept. */
const MAX_ERRORS = 1000;
/** Deeper lists are not read (no real configuration nests more than a few levels), so the recursion stays bounded. */
const MAX_DEPTH = 200;

/** Python's string.printable, the characters an atom may start with. */
function isPrintable(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return (code >= 0x20 && code <= 0x7e) || WHITESPACE.includes(ch);
}

/** The list as an array of its own size (one grown by push keeps room for 16 or more; most lists hold two or three). */
function exact<T>(items: T[]): T[] {
  return items.length > 0 && items.length < 16 ? items.slice() : items;
}

/** The tree of `text`; with `keepNodes` false its `nodes` stay empty (each top-level form is let go once read), for the errors alone. */
export function parseSexp(text: string, lines: LineIndex = new LineIndex(text), keepNodes = true): SexpTree {
  // Most files close every list: one pass, by nesting alone. Only a file with a list that is never
  // closed is read again with the column-0 recovery, which then says which list lacks its ')'.
  const tree = new SexpReader(text, lines, keepNodes, false).read();
  if (!tree.errors.some((error) => error.kind === 'unclosed-list') && !tree.moreErrors) return tree;
  return new SexpReader(text, lines, keepNodes, true).read();
}

/** Every list and atom of the tree, depth first, in source order (with a stack of its own: no recursion, no chain of generators). */
export function* walkSexp(nodes: readonly SexpNode[]): Generator<SexpNode> {
  const stack: { items: readonly SexpNode[]; next: number }[] = [{ items: nodes, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.items.length) {
      stack.pop();
      continue;
    }
    const node = top.items[top.next++];
    yield node;
    if (node.kind === 'list' && node.items.length > 0) stack.push({ items: node.items, next: 0 });
  }
}

/**
 * The node types of one tree: a node keeps its offsets and works out its
 * range when asked (from the tree's LineIndex, shared through the class), so
 * a node is one small object, not four.
 */
function nodeClasses(lines: LineIndex) {
  class Atom implements SexpAtom {
    readonly kind = 'atom';
    constructor(
      public value: string,
      public start: number,
      public end: number,
      public quote: '"' | "'" | undefined,
      public lostEscapes: { start: number; end: number }[],
    ) {}

    get range(): Range {
      return lines.range(this.start, this.end);
    }
  }
  class List implements SexpList {
    readonly kind = 'list';
    constructor(
      public items: SexpNode[],
      public start: number,
      public end: number,
      public closed: boolean,
    ) {}

    get range(): Range {
      return lines.range(this.start, this.end);
    }
  }
  return { Atom, List };
}

class SexpReader {
  private pos = 0;
  private readonly nodes: ReturnType<typeof nodeClasses>;
  private readonly errors: SexpError[] = [];
  /** A big file repeats its option names: one string each. */
  private readonly words = new StringPool();
  private lastContentEnd?: { offset: number; end: number };
  private moreErrors?: { count: number; start: number };

  constructor(
    private readonly text: string,
    private readonly lines: LineIndex,
    private readonly keepNodes: boolean,
    /** Whether a `(` in column 0 ends the lists open there (only when some list is never closed). */
    private readonly recoverAtColumnZero: boolean,
  ) {
    this.nodes = nodeClasses(lines);
  }

  read(): SexpTree {
    const nodes: SexpNode[] = [];
    while (this.pos < this.text.length) {
      const node = this.readNode(0);
      if (node === 'eof') break;
      // 'close' and 'recover' only happen inside a list.
      if (typeof node === 'object' && node && this.keepNodes) nodes.push(node);
    }
    if (this.errors.length > MAX_ERRORS) this.trimErrors();
    const tree: SexpTree = { nodes, errors: this.errors, lines: this.lines };
    if (this.moreErrors) tree.moreErrors = this.moreErrors;
    return tree;
  }

  /**
   * Reads the next node at nesting `depth`; null when only trivia or an
   * error was consumed, 'close' at a `)` that closes the enclosing list,
   * 'recover' at a column-0 `(` inside a list, 'eof' at the end.
   */
  private readNode(depth: number): SexpNode | null | 'close' | 'recover' | 'eof' {
    this.skipTrivia();
    if (this.pos >= this.text.length) return 'eof';
    const ch = this.text[this.pos];
    if (ch === END_OF_TEXT) {
      this.pos = this.text.length;
      return 'eof';
    }
    if (ch === ')') {
      if (depth > 0) return 'close';
      this.error('unexpected-close', this.pos, this.pos + 1, "unexpected ')': no list is open here (xend stops reading the file at this point)");
      this.pos++;
      return null;
    }
    if (ch === '(') {
      if (depth > 0 && this.recoverAtColumnZero && this.isLineStart(this.pos)) return 'recover';
      if (depth >= MAX_DEPTH) {
        // One error for the whole too-deep list, not one for each '(' inside it.
        this.error('too-deep', this.pos, this.pos + 1, `lists nested more than ${MAX_DEPTH} deep: this list and everything in it are not read`);
        this.skipList();
        return null;
      }
      return this.readList(depth);
    }
    if (ch === '"' || ch === "'") return this.readString(ch);
    if (SEPARATORS.includes(ch)) return this.atom(ch, this.pos, ++this.pos);
    if (!isPrintable(ch)) {
      const width = ch.codePointAt(0)! > 0xffff ? 2 : 1;
      this.error('invalid-character', this.pos, this.pos + width, `invalid character U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}: xend accepts only printable ASCII outside quotes and comments`);
      this.pos += width;
      return null;
    }
    return this.readBareAtom();
  }

  private readList(depth: number): SexpList {
    const start = this.pos++;
    const items: SexpNode[] = [];
    for (;;) {
      const node = this.readNode(depth + 1);
      if (node === 'close') {
        this.pos++;
        return this.list(exact(items), start, this.pos, true);
      }
      if (node === 'eof' || node === 'recover') {
        const end = this.endOfContent(this.pos);
        this.unclosed(start, items);
        return this.list(exact(items), start, end, false);
      }
      if (node) items.push(node);
    }
  }

  /** Steps over a list (at its `(`) and everything in it: to its `)`, or, never closed, to the end (or a `(` in column 0 when recovering). */
  private skipList(): void {
    let depth = 0;
    for (;;) {
      this.skipTrivia();
      const ch = this.text[this.pos];
      if (ch === undefined || ch === END_OF_TEXT) return;
      if (ch === '(') {
        if (depth > 0 && this.recoverAtColumnZero && this.isLineStart(this.pos)) return;
        depth++;
        this.pos++;
      } else if (ch === ')') {
        this.pos++;
        if (--depth === 0) return;
      } else if (ch === '"' || ch === "'") this.readString(ch);
      else this.pos++;
    }
  }

  private unclosed(start: number, items: SexpNode[]): void {
    const head = items[0];
    const sameLine = head?.kind === 'atom' && this.lines.positionAt(head.end).line === this.lines.positionAt(start).line;
    const end = sameLine ? head.end : start + 1;
    const what = sameLine ? `'(${this.text.slice(head.start, head.end)}'` : "'('";
    this.error('unclosed-list', start, end, `${what} is never closed: add ')' (xend fails with "unexpected EOF" and reads none of the file)`);
  }

  private readString(quote: '"' | "'"): SexpAtom {
    const start = this.pos++;
    // Built from the stretches between escapes (a character at a time, a long string would be a rope of one-character strings).
    let value = '';
    let from = this.pos;
    let lostEscapes: { start: number; end: number }[] = NO_ESCAPES;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (ch === quote) {
        value += this.text.slice(from, this.pos);
        this.pos++;
        return this.atom(value, start, this.pos, quote, lostEscapes);
      }
      if (ch !== '\\') {
        this.pos++;
        continue;
      }
      value += this.text.slice(from, this.pos);
      const escapeStart = this.pos;
      const next = this.text[this.pos + 1];
      if (next === undefined) break;
      if (SIMPLE_ESCAPES[next] !== undefined) {
        value += SIMPLE_ESCAPES[next];
        this.pos += 2;
      } else if (next === 'x') {
        const hex = /^[0-9a-fA-F]{1,2}/.exec(this.text.slice(this.pos + 2, this.pos + 4))?.[0] ?? '';
        value += String.fromCharCode(parseInt(hex || '0', 16));
        this.pos += 2 + hex.length;
      } else if (next >= '0' && next <= '7') {
        const octal = /^[0-7]{1,3}/.exec(this.text.slice(this.pos + 1, this.pos + 4))![0];
        value += String.fromCharCode(parseInt(octal, 8) & 0xff);
        this.pos += 1 + octal.length;
      } else {
        value += '\\';
        if (lostEscapes === NO_ESCAPES) lostEscapes = [];
        lostEscapes.push({ start: escapeStart, end: escapeStart + 2 });
        this.pos += 2;
      }
      from = this.pos;
    }
    // Unterminated: xend reads to the end of the file and fails; recover at the end of the line.
    const lineEnd = this.lines.lineEnd(this.lines.positionAt(start).line);
    this.error('unterminated-string', start, lineEnd, `string opened with ${quote} is never closed: add the closing ${quote} (xend fails with "unexpected EOF")`);
    this.pos = lineEnd;
    return this.atom(this.words.slice(this.text, start + 1, lineEnd), start, lineEnd, quote, []);
  }

  private readBareAtom(): SexpAtom {
    const start = this.pos;
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (WHITESPACE.includes(ch) || SEPARATORS.includes(ch) || ch === '#') break;
      this.pos++;
    }
    return this.atom(this.words.slice(this.text, start, this.pos), start, this.pos);
  }

  private skipTrivia(): void {
    while (this.pos < this.text.length) {
      const ch = this.text[this.pos];
      if (WHITESPACE.includes(ch)) this.pos++;
      else if (ch === '#') {
        const newline = this.text.indexOf('\n', this.pos);
        this.pos = newline < 0 ? this.text.length : newline;
      } else break;
    }
  }

  private isLineStart(offset: number): boolean {
    return offset === 0 || this.text[offset - 1] === '\n' || this.text[offset - 1] === '\r';
  }

  /** The end of the last non-blank character before `offset` (so an unclosed list does not swallow blank lines). */
  private endOfContent(offset: number): number {
    // Nested lists left open at one place all ask for the same offset: walk back over the blanks once.
    if (this.lastContentEnd?.offset === offset) return this.lastContentEnd.end;
    let end = offset;
    while (end > 0 && WHITESPACE.includes(this.text[end - 1])) end--;
    this.lastContentEnd = { offset, end };
    return end;
  }

  private atom(value: string, start: number, end: number, quote?: '"' | "'", lostEscapes: { start: number; end: number }[] = NO_ESCAPES): SexpAtom {
    return new this.nodes.Atom(value, start, end, quote, lostEscapes);
  }

  private list(items: SexpNode[], start: number, end: number, closed: boolean): SexpList {
    return new this.nodes.List(items, start, end, closed);
  }

  private error(kind: SexpErrorKind, start: number, end: number, message: string): void {
    if (this.moreErrors && start >= this.moreErrors.start) {
      this.moreErrors.count++;
      return;
    }
    this.errors.push({ kind, message, start, end, range: this.lines.range(start, end) });
    if (this.errors.length >= 2 * MAX_ERRORS) this.trimErrors();
  }

  /** Keeps the first MAX_ERRORS errors in file order (ties in the order found) and counts the others. */
  private trimErrors(): void {
    this.errors.sort((a, b) => a.start - b.start);
    const dropped = this.errors.length - MAX_ERRORS;
    const start = this.errors[MAX_ERRORS].start;
    this.errors.length = MAX_ERRORS;
    this.moreErrors = { count: (this.moreErrors?.count ?? 0) + dropped, start: Math.min(start, this.moreErrors?.start ?? start) };
  }
}
