import { CompletionItem, CompletionItemKind, MarkupKind, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { commonIndex, Relevance, snippetItem, sortText } from '../../common/completion';
import { docText } from '../../common/markdown';
import { XEND_OPTIONS, XendOptionSpec } from './schema';
import { COMMON_OPTIONS } from './schema/docs';
import { SNIPPETS } from './schema/snippets';
import type { XendDocument } from './parse';
import type { SexpList, SexpNode } from '../../../../shared/src/sexp';
import { describeType, describeValue } from './hover';

/**
 * After `(` at the top level: every option name. After `(name `: the values
 * of that option (yes/no for booleans, the known scripts, the default…).
 */
export function complete(doc: XendDocument, position: Position): CompletionItem[] {
  const offset = doc.lines.offsetAt(position);
  const lineStart = doc.lines.lineStart(position.line);
  // The word being typed (option names and bare values contain no blanks, parens or quotes), read
  // backwards: `/[^\s()'"]*$/` would rescan a long word from each of its characters.
  let wordStart = offset;
  while (wordStart > lineStart && !/[\s()'"]/.test(doc.text[wordStart - 1])) wordStart--;
  const wordRange = Range.create(doc.lines.positionAt(wordStart), position);
  const form = topLevelListAt(doc, offset);
  // Between forms, on a line of its own, a template of whole forms fits.
  if (!form) return onLineOfItsOwn(doc, position.line, wordStart, offset) ? SNIPPETS.map((template) => snippetItem(template, {}, wordRange)) : [];
  const option = doc.options.find((o) => o.form === form);
  const set = new Set(doc.options.filter((o) => o !== option).map((o) => o.name));
  if (!option) return form.items.length === 0 ? optionItems(wordRange, set) : [];
  if (offset <= option.nameAtom.end) return optionItems(Range.create(option.nameAtom.range.start, position), set);
  return option.spec ? valueItems(option.spec, wordRange) : [];
}

/** The top-level list the cursor is in (an unclosed one reaches to the next form). */
function topLevelListAt(doc: XendDocument, offset: number): SexpList | undefined {
  let candidate: SexpNode | undefined;
  for (const node of doc.tree.nodes) {
    if (node.start >= offset) break;
    candidate = node;
  }
  if (candidate?.kind !== 'list') return undefined;
  return !candidate.closed || offset < candidate.end ? candidate : undefined;
}

/** Nothing on the cursor's line but the word being typed (no comment, no form before or after it). */
function onLineOfItsOwn(doc: XendDocument, line: number, wordStart: number, offset: number): boolean {
  const text = doc.lines.lineText(line);
  const lineStart = doc.lines.lineStart(line);
  return text.slice(0, wordStart - lineStart).trim() === '' && !/[^\s]/.test(text.slice(offset - lineStart).replace(/^[^\s()'"]*/, ''));
}

/** Common options first; those already set, and the ones only a vendor's xend reads, last. */
function optionRelevance(spec: XendOptionSpec, set: Set<string>): Relevance {
  if (set.has(spec.name)) return Relevance.Unlikely;
  if (spec.vendor) return Relevance.Rare;
  return COMMON_OPTIONS.includes(spec.name) ? Relevance.Common : Relevance.Other;
}

function optionItems(range: Range, set: Set<string>): CompletionItem[] {
  return XEND_OPTIONS.map((spec, index) => ({
    label: spec.name,
    kind: CompletionItemKind.Property,
    detail: describeType(spec),
    documentation: { kind: MarkupKind.Markdown, value: docText(spec.doc) },
    sortText: sortText(optionRelevance(spec, set), commonIndex(spec.name, COMMON_OPTIONS, COMMON_OPTIONS.length + index)),
    textEdit: TextEdit.replace(range, spec.name),
  }));
}

function valueItems(spec: XendOptionSpec, range: Range): CompletionItem[] {
  const values = spec.type === 'boolean' ? ['yes', 'no'] : [...(spec.suggestions ?? [])];
  if (spec.default !== undefined && /^[^\s()]+$/.test(spec.default) && !values.includes(spec.default)) values.push(spec.default);
  return values.map((value, index) => {
    const item: CompletionItem = { label: value, kind: CompletionItemKind.Value, sortText: String(index).padStart(3, '0'), textEdit: TextEdit.replace(range, value) };
    if (value === spec.default) item.detail = 'default';
    const meaning = describeValue(spec, value);
    if (meaning) item.documentation = { kind: MarkupKind.Markdown, value: meaning };
    return item;
  });
}
