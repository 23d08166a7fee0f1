import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic, Severity } from '../../common/diagnostics';
import { FirstProblems, moreProblems } from '../../common/report';
import { LineIndex } from '../../../../shared/src/lineIndex';
import type { ParsedDocument } from '../types';
import { Code } from './codes';
import { drbdadmLine, Lexer, Token } from './lexer';
import { ALL_SECTION_NAMES, anyDialectNests, KNOWN_KEYWORDS, OPAQUE_SECTIONS, TOP_LEVEL } from './schema';

export const SOURCE = 'drbd';

/**
 * How deep sections may nest before the parser stops reading deeper ones.
 * drbdadm's grammar nests a handful (resource, on, volume, connection, path);
 * this only keeps the tree and every walk over it bounded.
 */
export const MAX_SECTION_DEPTH = 256;

/** `keyword args… ;` */
export interface OptionNode {
  kind: 'option';
  keyword: Token;
  args: Token[];
  /** The `;`, absent when it is missing. */
  terminator?: Token;
  parent: SectionNode;
}

/** `keyword args… { children }`; the root is a section with no keyword. */
export interface SectionNode {
  kind: 'section';
  /** Section name ('' for the root). */
  name: string;
  keyword?: Token;
  args: Token[];
  open?: Token;
  /** The `}`, absent when it is missing. */
  close?: Token;
  /** Offset where the section's content ends: its `}`, or where parsing found it had to end. */
  end: number;
  children: Node[];
  parent?: SectionNode;
}

export type Node = OptionNode | SectionNode;

export interface DrbdDocument extends ParsedDocument {
  readonly root: SectionNode;
  readonly tokens: Token[];
  /** The syntax errors (`syntaxErrors`) with what their quick fix and the parity test need. */
  readonly syntaxProblems: readonly SyntaxProblem[];
}

/** A syntax error, with where a missing `;` goes and the line drbdadm reports it on. */
export interface SyntaxProblem {
  diagnostic: Diagnostic;
  /** Offset where the missing `;` goes (the quick fix inserts it there). */
  semicolonAt?: number;
  /** 0-based line drbdadm reports the error on, when it is not the diagnostic's line. */
  oracleLine?: number;
}

/**
 * The tokens as the parser reads them, by index, from a lexer: all of them
 * kept (the document's `tokens`), or, for the syntax errors alone, only those
 * from the statement being read on (a 20 MB file holds millions).
 */
class TokenWindow {
  readonly all: Token[] = [];
  /** Index of the first token still held. */
  private base = 0;
  private done = false;

  constructor(
    private readonly lexer: Lexer,
    private readonly keepAll: boolean,
  ) {}

  at(index: number): Token | undefined {
    while (!this.done && this.base + this.all.length <= index) {
      const token = this.lexer.next();
      if (token) this.all.push(token);
      else this.done = true;
    }
    return this.all[index - this.base];
  }

  /** Tokens before `index` are no longer asked for. */
  release(index: number): void {
    const gone = index - this.base;
    if (this.keepAll || gone < 4096 || gone < this.all.length / 2) return;
    this.all.splice(0, gone);
    this.base = index;
  }
}

class Parser {
  private index = 0;
  /** The first MAX_PROBLEMS in file order, and a count of the others (a file of a million stray ';' keeps a thousand). */
  readonly errors = new FirstProblems<SyntaxProblem>((p) => p.diagnostic.range.start);
  /** Unterminated strings outside opaque sections: after every other syntax error when two start at one place. */
  private readonly stringErrors = new FirstProblems<SyntaxProblem>((p) => p.diagnostic.range.start);
  /** Offsets spanned by sections whose contents are not parsed (`skip`, proxy `plugin`), in file order. */
  private readonly opaque: { start: number; end: number }[] = [];
  /** The opaque span that may hold the next token checked for an unterminated string (both only move forward). */
  private nextOpaque = 0;
  /** Tokens before this index were checked for an unterminated string. */
  private checked = 0;
  readonly root: SectionNode;
  private readonly stack: SectionNode[];

  constructor(
    private readonly tokens: TokenWindow,
    private readonly lines: LineIndex,
    /** False for the syntax errors alone: no node is added to the tree. */
    private readonly keepNodes: boolean,
  ) {
    this.root = { kind: 'section', name: TOP_LEVEL, args: [], children: [], end: lines.text.length };
    this.stack = [this.root];
  }

  parse(): SectionNode {
    while (this.tokens.at(this.index)) {
      this.statement();
      // What a statement has read is never read again but for the token before the last (an unexpected ';' looks back).
      this.checkStrings(this.index);
      this.tokens.release(this.index - 2);
    }
    for (const open of this.stack.slice(1).reverse()) this.unclosed(open, undefined);
    this.checkStrings(this.index);
    const { items, more } = this.stringErrors.result();
    for (const problem of items) this.errors.add(problem);
    if (more) this.errors.leaveOut(more.from, more.count);
    return this.root;
  }

  /** Reports the unterminated strings among the tokens before `end` (inside a `skip` section a string may span lines). */
  private checkStrings(end: number): void {
    for (; this.checked < end; this.checked++) {
      const token = this.tokens.at(this.checked)!;
      if (token.kind !== 'string' || token.closed || this.inOpaque(token)) continue;
      this.stringErrors.add({ diagnostic: diagnostic(this.lines.range(token.start, token.end), Severity.Error, Code.syntax, 'Unterminated string: add the closing \'"\' on this line.', SOURCE) });
    }
  }

  private inOpaque(token: Token): boolean {
    while (this.nextOpaque < this.opaque.length && this.opaque[this.nextOpaque].end < token.end) this.nextOpaque++;
    const span = this.opaque[this.nextOpaque];
    return span !== undefined && token.start >= span.start && token.end <= span.end;
  }

  private get top(): SectionNode {
    return this.stack[this.stack.length - 1];
  }

  private error(token: Token, code: string, message: string, extra: Omit<SyntaxProblem, 'diagnostic'> = {}): void {
    const oracleLine = extra.oracleLine ?? (token.lag ? drbdadmLine(token) : undefined);
    this.errors.add({ diagnostic: diagnostic(this.lines.range(token.start, token.end), Severity.Error, code, message, SOURCE), ...extra, ...(oracleLine === undefined ? {} : { oracleLine }) });
  }

  private statement(): void {
    const first = this.tokens.at(this.index)!;
    if (first.kind === '}') {
      this.index++;
      if (this.stack.length === 1) {
        this.error(first, Code.syntax, "Unexpected '}': there is no open section to close here.");
      } else {
        const section = this.stack.pop()!;
        if (this.keepNodes) section.children = exact(section.children);
        section.close = first;
        section.end = first.start;
      }
      return;
    }
    if (first.kind === ';') {
      this.index++;
      const after = this.tokens.at(this.index - 2);
      const what = after?.kind === '}' ? "after '}' (a section needs no ';')" : 'with no option before it';
      this.error(first, Code.syntax, `Unexpected ';' ${what}; remove it.`);
      return;
    }
    if (first.kind === '{') {
      this.index++;
      this.error(first, Code.syntax, "'{' without a section name before it; write e.g. 'net {'.");
      if (this.tooDeep(first)) return;
      this.push({ kind: 'section', name: '', args: [], open: first, children: [], parent: this.top, end: this.lines.text.length });
      return;
    }
    const keyword = first;
    this.index++;
    const args = this.readArguments(keyword);
    const next = this.tokens.at(this.index);
    if (next?.kind === ';') {
      this.index++;
      this.add({ kind: 'option', keyword, args, terminator: next, parent: this.top });
    } else if (next?.kind === '{') {
      this.index++;
      this.openSection(keyword, args, next);
    } else {
      // The end of the file, a '}', or a word on a new line that begins the next statement.
      this.missingSemicolon(keyword, args, next);
      this.add({ kind: 'option', keyword, args, parent: this.top });
    }
  }

  /** Reused by readArguments: an argument list grown by push, then cut to size, was most of the garbage of parsing a big file. */
  private readonly argumentBuffer: Token[] = [];

  /** The words and strings after `keyword` up to its `;`, `{` or `}`, or the next statement's keyword on a new line; as an array of its own size. */
  private readArguments(keyword: Token): Token[] {
    const buffer = this.argumentBuffer;
    let count = 0;
    for (let next = this.tokens.at(this.index); next && next.kind !== ';' && next.kind !== '{' && next.kind !== '}'; next = this.tokens.at(this.index)) {
      const previous = count > 0 ? buffer[count - 1] : keyword;
      if (next.line > previous.line && next.kind === 'word' && this.startsStatement(next)) break;
      buffer[count++] = next;
      this.index++;
    }
    return buffer.slice(0, count);
  }

  /** A word on a new line that names an option or a section begins a new statement. */
  private startsStatement(token: Token): boolean {
    return KNOWN_KEYWORDS.has(token.value);
  }

  private missingSemicolon(keyword: Token, args: Token[], next: Token | undefined): void {
    const last = args.length > 0 ? args[args.length - 1] : keyword;
    if (last.kind === 'string' && !last.closed) return; // the unterminated string is the error
    // drbdadm reports a missing `;` on the line of the token that follows.
    this.error(last, Code.missingSemicolon, `Missing ';' after '${last.text}' to end the '${keyword.text}' option.`, { semicolonAt: last.end, oracleLine: drbdadmLine(next ?? last) });
  }

  private openSection(keyword: Token, args: Token[], open: Token): void {
    const name = keyword.value;
    // A section that cannot live here but can live further out means a '}' is missing.
    if (!anyDialectNests(this.top.name, name) && ALL_SECTION_NAMES.has(name)) {
      let depth = this.stack.length - 1;
      while (depth >= 0 && !anyDialectNests(this.stack[depth].name, name)) depth--;
      if (depth >= 0 && depth < this.stack.length - 1) {
        for (const section of this.stack.splice(depth + 1).reverse()) {
          section.end = keyword.start;
          this.unclosed(section, keyword);
        }
      }
    }
    if (this.tooDeep(keyword)) return;
    this.push({ kind: 'section', name, keyword, args, open, children: [], parent: this.top, end: this.lines.text.length });
    if (OPAQUE_SECTIONS.has(name)) this.skipOpaque(open);
  }

  /** Past MAX_SECTION_DEPTH: one error, and the section (its `{` just read) is stepped over to its `}` unread. */
  private tooDeep(opener: Token): boolean {
    if (this.stack.length <= MAX_SECTION_DEPTH) return false;
    this.error(opener, Code.syntax, `Sections nested more than ${MAX_SECTION_DEPTH} deep: this one and everything in it are not read (drbdadm's grammar nests only a few, such as resource, on and volume).`);
    let depth = 0;
    for (let token = this.tokens.at(this.index); token; token = this.tokens.at(this.index)) {
      this.index++;
      if (token.kind === '{') depth++;
      else if (token.kind === '}' && depth-- === 0) break;
    }
    return true;
  }

  /** Steps over an opaque section's contents to its matching `}` (balanced braces). */
  private skipOpaque(open: Token): void {
    let depth = 0;
    for (let token = this.tokens.at(this.index); token; token = this.tokens.at(this.index)) {
      if (token.kind === '{') depth++;
      else if (token.kind === '}' && depth-- === 0) break;
      this.index++;
    }
    const end = this.tokens.at(this.index)?.start ?? this.lines.text.length;
    this.opaque.push({ start: open.end, end });
  }

  private unclosed(section: SectionNode, before: Token | undefined): void {
    const opener = section.keyword ?? section.open!;
    const label = section.keyword ? `'${[section.keyword.text, ...section.args.map((a) => a.text)].join(' ')}'` : 'the section';
    const where = `opened on line ${opener.line + 1}`;
    if (before) {
      this.error(before, Code.missingBrace, `Missing '}' to close ${label} (${where}) before this '${before.text}' section.`, { oracleLine: drbdadmLine(before) });
    } else {
      this.error(opener, Code.missingBrace, `Missing '}': ${label} (${where}) is not closed by the end of the file.`);
    }
  }

  private push(section: SectionNode): void {
    this.add(section);
    this.stack.push(section);
  }

  private add(node: Node): void {
    if (this.keepNodes) this.top.children.push(node);
  }
}

/**
 * The list as an array of its own size: an array that grew by push keeps room
 * for 16 or more, and a big file has a children list per section.
 */
function exact<T>(items: T[]): T[] {
  return items.length > 0 && items.length < 16 ? items.slice() : items;
}

export function parse(text: string): DrbdDocument {
  const lines = new LineIndex(text);
  const tokens = new TokenWindow(new Lexer(text), true);
  const parser = new Parser(tokens, lines, true);
  const root = parser.parse();
  const problems = syntaxProblemsOf(parser);
  return { text, lines, syntaxErrors: problems.map((p) => p.diagnostic), syntaxProblems: problems, root, tokens: tokens.all };
}

/** Exactly `parse(text).syntaxErrors`, read with no tree and only the tokens of the statement at hand. */
export function syntaxErrors(text: string): Diagnostic[] {
  const parser = new Parser(new TokenWindow(new Lexer(text), false), new LineIndex(text), false);
  parser.parse();
  return syntaxProblemsOf(parser).map((p) => p.diagnostic);
}

function syntaxProblemsOf(parser: Parser): SyntaxProblem[] {
  const { items, more } = parser.errors.result();
  // The list closes with how many more there are (validation adds it like the others, and the Reporter counts them).
  return more ? [...items, { diagnostic: moreProblems(more.count, more.from, SOURCE) }] : items;
}

/** Depth-first walk over every node below `section` (with a stack of its own: no recursion, no chain of generators). */
export function* walk(section: SectionNode): Generator<Node> {
  const stack: { children: Node[]; next: number }[] = [{ children: section.children, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.children.length) {
      stack.pop();
      continue;
    }
    const child = top.children[top.next++];
    yield child;
    if (child.kind === 'section' && child.children.length > 0) stack.push({ children: child.children, next: 0 });
  }
}

export function sectionsOf(section: SectionNode, name: string): SectionNode[] {
  return section.children.filter((c): c is SectionNode => c.kind === 'section' && c.name === name);
}

/** The innermost section whose braces contain `offset` (the root when none). */
export function sectionAt(root: SectionNode, offset: number): SectionNode {
  let section = root;
  for (let inner = innerAt(section, offset); inner; inner = innerAt(section, offset)) section = inner;
  return section;
}

function innerAt(section: SectionNode, offset: number): SectionNode | undefined {
  for (const child of section.children) {
    if (child.kind === 'section' && child.open && offset > child.open.start && offset <= child.end) return child;
  }
  return undefined;
}

/** The statement and token under `offset` (touching either end of the token counts). */
export function tokenAt(root: SectionNode, offset: number): { node: Node; token: Token; argIndex: number } | undefined {
  const touches = (t: Token) => offset >= t.start && offset <= t.end;
  for (const node of walk(root)) {
    if (node.keyword && touches(node.keyword)) return { node, token: node.keyword, argIndex: -1 };
    const index = node.args.findIndex(touches);
    if (index >= 0) return { node, token: node.args[index], argIndex: index };
  }
  return undefined;
}
