import { CompletionItem, CompletionItemKind, MarkupKind, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { commonIndex, Relevance, snippetItem, sortText } from '../../common/completion';
import { parseMac, randomXenMac } from '../../common/mac';
import type { ServiceContext } from '../types';
import { exactMacs } from './facts';
import { guestInWorkspace } from './guest';
import { selectorDoc } from './hover';
import type { IftabDocument } from './parse';
import { findSelector, SELECTORS } from './schema';
import { COMMON_SELECTORS } from './schema/docs';
import { SNIPPETS } from './schema/snippets';

/**
 * Templates where a line starts, selectors after the interface name (and
 * after each value); after `mac`, the MACs of the guest's vifs when the
 * workspace has its domain config.
 */
export function complete(doc: IftabDocument, position: Position, ctx: ServiceContext): CompletionItem[] {
  const before = doc.lines.lineText(position.line).slice(0, position.character);
  if (before.includes('#')) return [];
  const words = before.trimStart().split(/[ \t]+/);
  const current = words[words.length - 1];
  const index = words.length - 1;
  const range = Range.create(Position.create(position.line, position.character - current.length), position);
  if (index === 0) return doc.lines.lineText(position.line).trim() === current ? snippetItems(doc, ctx, range) : [];
  if (index % 2 === 1) return selectorItems(words.filter((_, i) => i % 2 === 1 && i !== index), range);
  const selector = findSelector(words[index - 1].replace(/\{.*$/, ''));
  if ((selector.kind === 'exact' || selector.kind === 'prefix') && selector.spec.value === 'mac') return macItems(doc, ctx, words[0], range);
  return [];
}

/** Common selectors first; one already on the line last (ifrename wants each once). */
function selectorItems(onLine: string[], range: Range): CompletionItem[] {
  const used = new Set(onLine.map((word) => word.toLowerCase()));
  return SELECTORS.map((spec, index) => ({
    label: spec.value === 'sysfs' ? 'SYSFS{…}' : spec.name,
    kind: CompletionItemKind.Keyword,
    detail: spec.syntax,
    documentation: { kind: MarkupKind.Markdown, value: selectorDoc(spec) },
    sortText: sortText(used.has(spec.name) ? Relevance.Unlikely : COMMON_SELECTORS.includes(spec.name) ? Relevance.Common : Relevance.Other, commonIndex(spec.name, COMMON_SELECTORS, COMMON_SELECTORS.length + index)),
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

/** The templates, with the guest's vif MACs when the workspace has its config, else MACs no guest uses. */
function snippetItems(doc: IftabDocument, ctx: ServiceContext, range: Range): CompletionItem[] {
  const vifs = guestInWorkspace(ctx, exactMacs(doc).map((m) => m.value))?.domain?.facts.macs.map((m) => m.value) ?? [];
  const used = new Set<string>();
  for (const file of ctx.workspace.otherFiles(ctx.uri)) for (const mac of file.facts.domain?.macs ?? []) used.add(parseMac(mac.value)?.normalized ?? mac.value);
  const mac = (n: number): string => {
    const chosen = vifs[n] ?? randomXenMac(used);
    used.add(chosen);
    return chosen;
  };
  const values = { mac: mac(0), mac2: mac(1) };
  return SNIPPETS.map((template) => snippetItem(template, values, range));
}
