import { CompletionItem, CompletionItemKind, MarkupKind, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { XEND_OPTIONS, XendOptionSpec } from './schema';
import type { XendDocument } from './parse';
import type { SexpList, SexpNode } from '../../../../shared/src/sexp';
import { describeType } from './hover';

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
  if (!form) return [];
  const option = doc.options.find((o) => o.form === form);
  if (!option) return form.items.length === 0 ? optionItems(wordRange) : [];
  if (offset <= option.nameAtom.end) return optionItems(Range.create(option.nameAtom.range.start, position));
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

function optionItems(range: Range): CompletionItem[] {
  return XEND_OPTIONS.map((spec) => ({
    label: spec.name,
    kind: CompletionItemKind.Property,
    detail: describeType(spec),
    documentation: { kind: MarkupKind.Markdown, value: spec.doc },
    textEdit: TextEdit.replace(range, spec.name),
  }));
}

function valueItems(spec: XendOptionSpec, range: Range): CompletionItem[] {
  const values = spec.type === 'boolean' ? ['yes', 'no'] : [...(spec.suggestions ?? [])];
  if (spec.default !== undefined && /^[^\s()]+$/.test(spec.default) && !values.includes(spec.default)) values.push(spec.default);
  return values.map((value, index) => ({
    label: value,
    kind: CompletionItemKind.Value,
    detail: value === spec.default ? 'default' : undefined,
    sortText: String(index).padStart(3, '0'),
    textEdit: TextEdit.replace(range, value),
  }));
}
