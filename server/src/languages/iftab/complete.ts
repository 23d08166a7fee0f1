import { CompletionItem, CompletionItemKind, MarkupKind, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { ServiceContext } from '../types';
import { exactMacs } from './facts';
import { guestInWorkspace } from './guest';
import type { IftabDocument } from './parse';
import { findSelector, SELECTORS } from './schema';

/**
 * Selectors after the interface name (and after each value); after `mac`,
 * the MACs of the guest's vifs when the workspace has its domain config.
 */
export function complete(doc: IftabDocument, position: Position, ctx: ServiceContext): CompletionItem[] {
  const before = doc.lines.lineText(position.line).slice(0, position.character);
  if (before.includes('#')) return [];
  const words = before.trimStart().split(/[ \t]+/);
  const current = words[words.length - 1];
  const index = words.length - 1;
  const range = Range.create(Position.create(position.line, position.character - current.length), position);
  if (index === 0) return [];
  if (index % 2 === 1) return selectorItems(range);
  const selector = findSelector(words[index - 1].replace(/\{.*$/, ''));
  if ((selector.kind === 'exact' || selector.kind === 'prefix') && selector.spec.value === 'mac') return macItems(doc, ctx, words[0], range);
  return [];
}

function selectorItems(range: Range): CompletionItem[] {
  return SELECTORS.map((spec) => ({
    label: spec.value === 'sysfs' ? 'SYSFS{…}' : spec.name,
    kind: CompletionItemKind.Keyword,
    detail: spec.syntax,
    documentation: { kind: MarkupKind.Markdown, value: spec.doc },
    textEdit: TextEdit.replace(range, spec.value === 'sysfs' ? 'SYSFS{address}' : spec.name),
  }));
}

/** The guest's vif MACs; vif N's first for `ethN`. */
function macItems(doc: IftabDocument, ctx: ServiceContext, interfaceName: string, range: Range): CompletionItem[] {
  const domain = guestInWorkspace(ctx, exactMacs(doc).map((m) => m.value))?.domain?.facts;
  if (!domain) return [];
  const wanted = /^eth(\d+)$/.exec(interfaceName)?.[1];
  return domain.macs.map((mac, index) => ({
    label: mac.value,
    kind: CompletionItemKind.Value,
    detail: `vif ${index} of ${domain.name?.value ?? 'the guest'}`,
    sortText: String(index === Number(wanted) ? -1 : index).padStart(3, '0'),
    preselect: index === Number(wanted),
    textEdit: TextEdit.replace(range, mac.value),
  }));
}
