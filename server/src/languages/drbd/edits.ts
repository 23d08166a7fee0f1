/** Text edits that add options to sections while keeping the file's indentation. */
import type { TextEdit } from 'vscode-languageserver-types';
import type { Token } from './lexer';
import type { DrbdDocument, Node, OptionNode, SectionNode } from './parse';

function indentOfLine(doc: DrbdDocument, line: number): string {
  return /^[ \t]*/.exec(doc.lines.lineText(line))![0];
}

function nodeLine(node: Node): number {
  return (node.keyword ?? node.args[0])?.line ?? 0;
}

/** One indentation step, as the file writes it (the resource's first child against the resource). */
function indentUnit(doc: DrbdDocument, section: SectionNode): string {
  const child = section.children[0];
  if (section.keyword && child && nodeLine(child) > section.keyword.line) {
    const outer = indentOfLine(doc, section.keyword.line);
    const inner = indentOfLine(doc, nodeLine(child));
    if (inner.startsWith(outer) && inner.length > outer.length) return inner.slice(outer.length);
  }
  return '    ';
}

/** Where a new last line inside `section` goes: the start of the line of its `}` when that line holds only the brace. */
function closingLineStart(doc: DrbdDocument, section: SectionNode): number | undefined {
  if (!section.close) return undefined;
  const lineStart = doc.lines.lineStart(section.close.line);
  return doc.text.slice(lineStart, section.close.start).trim() === '' ? lineStart : undefined;
}

/**
 * Edits that put `lines` (options without indentation) into the `name`
 * section of `scope` — appended to the first such section, or in a new one
 * added at the end of `scope`. Undefined when the braces needed are missing.
 */
export function addToSection(doc: DrbdDocument, scope: SectionNode, name: string, lines: string[]): TextEdit | undefined {
  const unit = indentUnit(doc, scope);
  const scopeIndent = scope.keyword ? indentOfLine(doc, scope.keyword.line) : '';
  const existing = scope.children.find((c): c is SectionNode => c.kind === 'section' && c.name === name && c.close !== undefined);
  if (existing) {
    const indent = indentOfLine(doc, existing.keyword!.line) + unit;
    const at = closingLineStart(doc, existing);
    if (at !== undefined) return insert(doc, at, lines.map((l) => `${indent}${l}\n`).join(''));
    return insert(doc, existing.close!.start, `${lines.join(' ')} `);
  }
  const at = closingLineStart(doc, scope);
  if (at === undefined) return undefined;
  const inner = scopeIndent + unit;
  return insert(doc, at, `${inner}${name} {\n${lines.map((l) => `${inner}${unit}${l}\n`).join('')}${inner}}\n`);
}

function insert(doc: DrbdDocument, offset: number, newText: string): TextEdit {
  const position = doc.lines.positionAt(offset);
  return { range: { start: position, end: position }, newText };
}

/** Deletes the text from `first` to `last` (tokens), with their lines when nothing else is on them. */
function deleteSpan(doc: DrbdDocument, first: Token, last: Token): TextEdit {
  let start = first.start;
  let end = last.end;
  const firstLineStart = doc.lines.lineStart(first.line);
  const lastLineEnd = doc.lines.lineEnd(last.line);
  if (doc.text.slice(firstLineStart, start).trim() === '' && doc.text.slice(end, lastLineEnd).trim() === '') {
    start = firstLineStart;
    end = last.line + 1 < doc.lines.lineCount ? doc.lines.lineStart(last.line + 1) : lastLineEnd;
  }
  return { range: doc.lines.range(start, end), newText: '' };
}

/** Deletes a whole section (undefined when its braces are incomplete). */
export function deleteSection(doc: DrbdDocument, section: SectionNode): TextEdit | undefined {
  return section.keyword && section.close ? deleteSpan(doc, section.keyword, section.close) : undefined;
}

/** Deletes one option statement. */
export function deleteOption(doc: DrbdDocument, option: OptionNode): TextEdit {
  return deleteSpan(doc, option.keyword, option.terminator ?? option.args[option.args.length - 1] ?? option.keyword);
}

/**
 * Joins insertions at the same position into one edit, in order, so that
 * every client applies them the same way (the order of same-position edits
 * is easy to get wrong).
 */
export function joinInsertions(edits: TextEdit[]): TextEdit[] {
  const joined: TextEdit[] = [];
  for (const edit of edits) {
    const { start, end } = edit.range;
    const same = joined.find((e) => e.range.start.line === start.line && e.range.start.character === start.character && e.range.end.line === end.line && e.range.end.character === end.character && start.line === end.line && start.character === end.character);
    if (same) same.newText += edit.newText;
    else joined.push({ ...edit });
  }
  return joined;
}
