/** Offset edits on a DRBD file's text, collected while walking the tree and applied once. */
import type { TextEdit } from 'vscode-languageserver-types';
import type { DrbdDocument, Node, SectionNode } from '../../languages/drbd/parse';

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

export class EditList {
  private readonly edits: OffsetEdit[] = [];

  constructor(private readonly doc: DrbdDocument) {}

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text });
  }

  /** An LSP edit from the drbd folder's edit helpers (edits.ts), in offsets. */
  add(edit: TextEdit): void {
    this.edits.push({ start: this.doc.lines.offsetAt(edit.range.start), end: this.doc.lines.offsetAt(edit.range.end), text: edit.newText });
  }

  get size(): number {
    return this.edits.length;
  }

  /** The text with every edit applied; insertions at one offset keep the order they were made in. */
  apply(): string {
    const ordered = this.edits.map((edit, order) => ({ ...edit, order })).sort((a, b) => b.start - a.start || b.end - a.end || b.order - a.order);
    let text = this.doc.text;
    for (const edit of ordered) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    return text;
  }
}

function indentOfLine(doc: DrbdDocument, line: number): string {
  return /^[ \t]*/.exec(doc.lines.lineText(line))![0];
}

function firstToken(node: Node) {
  return node.keyword ?? node.args[0];
}

/**
 * Inserts an option line as the last statement of `section`, indented like its other children
 * (`node-id 1;` into an `on` host). Undefined when the section's `}` is missing.
 */
export function appendOption(doc: DrbdDocument, section: SectionNode, line: string): OffsetEdit | undefined {
  if (!section.close || !section.keyword) return undefined;
  const child = section.children.find((c) => firstToken(c) && firstToken(c)!.line > section.keyword!.line);
  const outer = indentOfLine(doc, section.keyword.line);
  const indent = child ? indentOfLine(doc, firstToken(child)!.line) : `${outer}    `;
  const closeLineStart = doc.lines.lineStart(section.close.line);
  if (section.close.line > section.keyword.line && doc.text.slice(closeLineStart, section.close.start).trim() === '') {
    return { start: closeLineStart, end: closeLineStart, text: `${indent}${line}\n` };
  }
  return { start: section.close.start, end: section.close.start, text: `${line} ` };
}

/** The statement's text as written, from its keyword to its `;` (or `}`), for comments and notes. */
export function statementText(doc: DrbdDocument, node: Node): string {
  const first = firstToken(node);
  if (!first) return '';
  const end = node.kind === 'option' ? (node.terminator?.end ?? node.args[node.args.length - 1]?.end ?? first.end) : (node.close?.end ?? node.end);
  return doc.text.slice(first.start, end);
}

/** The `# comment` after a statement on its line (with a space before it), or ''. */
export function trailingComment(doc: DrbdDocument, node: Node): string {
  const end = node.kind === 'option' ? node.terminator?.end : node.close?.end;
  if (end === undefined) return '';
  const line = doc.lines.positionAt(end).line;
  const rest = doc.text.slice(end, doc.lines.lineEnd(line)).trim();
  return rest.startsWith('#') ? ` ${rest}` : '';
}
