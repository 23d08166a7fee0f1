import { CompletionItem, CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, Position, Range } from 'vscode-languageserver-types';
import { choice, commonIndex, listedRelevance, placeholder, Relevance, snippetItem, sortText } from '../../common/completion';
import { parseMac, randomXenMac } from '../../common/mac';
import { pathOfUri } from '../../common/uri';
import type { ServiceContext } from '../types';
import type { XlDocument } from './ast';
import { CursorContext, cursorContext } from './cursor';
import { facts } from './facts';
import { guestTypeOf } from './guestType';
import { describeKey, describeSubKey, describeValue } from './hover';
import { DEVICE_SPECS, DeviceSpec, GuestType, keyTableFor, KeySpec, SubKeySpec } from './schema';
import { COMMON_KEYS, REQUIRED_KEYS, SUB_KEY_RANKS, SUGGESTED_VALUES } from './schema/docs';
import { SNIPPETS } from './schema/snippets';

export function complete(doc: XlDocument, position: Position, ctx: ServiceContext): CompletionItem[] {
  const offset = doc.lines.offsetAt(position);
  const context = cursorContext(doc, offset);
  const table = keyTableFor(doc.fileKind, ctx.settings.xen.toolstack);
  const range = (span: { start: number; end: number }): Range => doc.lines.range(span.start, span.end);
  switch (context.kind) {
    case 'key': {
      const keys = keyItems(table, ctx, doc, context, range(context.word));
      return isEmptyDomainConfig(doc, context) ? [...snippetItems(doc, ctx, range(context.word)), ...keys] : keys;
    }
    case 'value': {
      const spec = table.get(context.setting.key.name);
      return spec ? valueItems(spec, range(context.word)) : [];
    }
    case 'string':
      return stringItems(doc, context, table, ctx, range);
    default:
      return [];
  }
}

/** A domain config with no setting yet but the word being typed: where a whole-file template fits. */
function isEmptyDomainConfig(doc: XlDocument, context: Extract<CursorContext, { kind: 'key' }>): boolean {
  return doc.fileKind === 'domain' && doc.settings.every((s) => s === context.setting);
}

/**
 * Where a key ranks: required and common keys first, then the rest; keys
 * already set, or for another guest type (HVM-only keys in a PVH guest), and
 * deprecated ones last.
 */
function keyRelevance(spec: KeySpec, guestType: GuestType, alreadySet: boolean): Relevance {
  if (spec.deprecation) return Relevance.Deprecated;
  if (alreadySet || (spec.guestTypes && !spec.guestTypes.includes(guestType))) return Relevance.Unlikely;
  if (REQUIRED_KEYS.includes(spec.name)) return Relevance.Required;
  return COMMON_KEYS.includes(spec.name) ? Relevance.Common : Relevance.Other;
}

function keyItems(table: ReadonlyMap<string, KeySpec>, ctx: ServiceContext, doc: XlDocument, context: Extract<CursorContext, { kind: 'key' }>, replace: Range): CompletionItem[] {
  const guestType = guestTypeOf(doc).type;
  const set = new Set(doc.settings.filter((s) => s !== context.setting).map((s) => s.key.name));
  // Replacing the key of a written setting keeps its value: insert the name alone.
  const withValue = !context.setting?.value;
  const items: CompletionItem[] = [];
  let index = 0;
  for (const spec of table.values()) {
    index++;
    if (spec.until) continue;
    const item: CompletionItem = {
      label: spec.name,
      kind: CompletionItemKind.Property,
      detail: spec.valueSyntax ?? spec.kinds.join(' | '),
      documentation: { kind: MarkupKind.Markdown, value: describeKey(spec) },
      sortText: sortText(keyRelevance(spec, guestType, set.has(spec.name)), commonIndex(spec.name, COMMON_KEYS, COMMON_KEYS.length + index)),
      insertTextFormat: withValue ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: replace, newText: withValue ? `${spec.name} = ${valueSnippet(spec, doc, ctx)}` : spec.name },
    };
    if (spec.deprecation) item.tags = [CompletionItemTag.Deprecated];
    items.push(item);
  }
  return items;
}

/** The number a key's placeholder shows: the upstream default, a working value, or the lowest the key takes. */
function numberPlaceholder(spec: KeySpec): string {
  const fallback = spec.default?.replace(/\.$/, '');
  if (fallback !== undefined && /^\d+$/.test(fallback)) return fallback;
  return SUGGESTED_VALUES[spec.name] ?? String(spec.range?.min ?? 0);
}

/** The value placeholder inserted with a key: valid as inserted (the default, or a free value). */
function valueSnippet(spec: KeySpec, doc: XlDocument, ctx: ServiceContext): string {
  if (spec.name === 'name') return `"${placeholder(1, domainNameFor(ctx))}"`;
  if (spec.name === 'disk') return "[ '${1:format=raw}, ${2:vdev=xvda}, ${3:access=rw}, target=${4:/dev/vg/lv}' ]";
  if (spec.name === 'vif') return `[ 'mac=${placeholder(1, freshMac(doc, ctx))}, bridge=\${2:xenbr0}' ]`;
  if (spec.kinds.includes('list') && !spec.kinds.includes('string')) return '[ "$1" ]';
  if (spec.enum && !spec.kinds.includes('list')) return `"${choice(1, defaultFirst(spec.enum, spec.default))}"`;
  if (spec.kinds.includes('string')) return '"$1"';
  // A boolean is usually written to change it from its default.
  if (spec.kinds.includes('boolean') && !spec.kinds.includes('number')) return choice(1, spec.default === '1' ? ['0', '1'] : ['1', '0']);
  return placeholder(1, numberPlaceholder(spec));
}

const defaultFirst = (values: readonly string[], preferred: string | undefined): string[] =>
  preferred !== undefined && values.includes(preferred) ? [preferred, ...values.filter((v) => v !== preferred)] : [...values];

/** The domain name a new config gets: its file's name (`vm03-mail.cfg` → vm03-mail). */
function domainNameFor(ctx: ServiceContext): string {
  const base = pathOfUri(ctx.uri).split('/').pop() ?? '';
  const name = base.replace(/\.(cfg|conf|xl|xm)$/, '');
  return /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) ? name : 'guest';
}

function valueItems(spec: KeySpec, replace: Range): CompletionItem[] {
  const values = spec.enum ?? (spec.kinds.includes('boolean') && !spec.kinds.includes('string') ? ['1', '0'] : []);
  const quoted = spec.kinds.includes('string') || spec.kinds.includes('list');
  return values.map((value) => valueItem(quoted ? `"${value}"` : value, replace, spec.name, describeValue(spec.name, value, spec.valueDocs), CompletionItemKind.EnumMember));
}

function valueItem(text: string, replace: Range, detail: string | undefined, documentation: string | undefined, kind: CompletionItemKind = CompletionItemKind.Value): CompletionItem {
  const item: CompletionItem = { label: text, kind, textEdit: { range: replace, newText: text } };
  if (detail) item.detail = detail;
  if (documentation) item.documentation = { kind: MarkupKind.Markdown, value: documentation };
  return item;
}

function stringItems(doc: XlDocument, context: Extract<CursorContext, { kind: 'string' }>, table: ReadonlyMap<string, KeySpec>, ctx: ServiceContext, range: (s: { start: number; end: number }) => Range): CompletionItem[] {
  const key = context.setting.key.name;
  const device = DEVICE_SPECS.get(key);
  const segmentText = doc.text.slice(context.segment.start, context.segment.end);
  if (!device) {
    const spec = table.get(key);
    return (spec?.enum ?? []).map((value) => valueItem(value, range(context.segment), undefined, describeValue(key, value, spec?.valueDocs), CompletionItemKind.EnumMember));
  }
  const equals = segmentText.indexOf('=');
  if (equals < 0) return subKeyItems(doc, context, device, range(context.segment));
  const name = segmentText.slice(0, equals);
  const valueSpan = { start: context.segment.start + equals + 1, end: context.segment.end };
  return subValueItems(doc, ctx, device, name, range(valueSpan));
}

/** Sub-keys already written in the spec string being edited. */
function subKeysInString(doc: XlDocument, context: Extract<CursorContext, { kind: 'string' }>): Set<string> {
  let end = context.segment.end;
  while (end < doc.text.length && !'\'"\n'.includes(doc.text[end])) end++;
  const written = doc.text.slice(context.stringStart + 1, end);
  const names = new Set<string>();
  let at = 0;
  for (const part of written.split(',')) {
    const partStart = context.stringStart + 1 + at;
    at += part.length + 1;
    if (partStart <= context.segment.start && context.segment.start <= partStart + part.length) continue;
    names.add(part.trim().split('=')[0]);
  }
  return names;
}

function subKeyRelevance(device: DeviceSpec, sub: SubKeySpec, written: boolean): Relevance {
  if (sub.deprecation) return Relevance.Deprecated;
  if (written) return Relevance.Unlikely;
  return listedRelevance(sub.name, SUB_KEY_RANKS[device.key] ?? {}) ?? Relevance.Other;
}

function subKeyItems(doc: XlDocument, context: Extract<CursorContext, { kind: 'string' }>, device: DeviceSpec, replace: Range): CompletionItem[] {
  const written = subKeysInString(doc, context);
  const common = SUB_KEY_RANKS[device.key]?.common;
  return [...device.subKeys.values()].map((sub, index) => ({
    label: sub.kind === 'flag' ? sub.name : `${sub.name}=`,
    kind: CompletionItemKind.Field,
    documentation: { kind: MarkupKind.Markdown, value: describeSubKey(device.key, sub) },
    sortText: sortText(subKeyRelevance(device, sub, written.has(sub.name)), commonIndex(sub.name, common, (common?.length ?? 0) + index)),
    textEdit: { range: replace, newText: sub.kind === 'flag' ? sub.name : `${sub.name}=` },
    tags: sub.deprecation ? [CompletionItemTag.Deprecated] : undefined,
    command: sub.kind === 'flag' ? undefined : { title: 'values', command: 'editor.action.triggerSuggest' },
  }));
}

function subValueItems(doc: XlDocument, ctx: ServiceContext, device: DeviceSpec, name: string, replace: Range): CompletionItem[] {
  if (device.key === 'vif' && name === 'mac') return [{ ...valueItem(freshMac(doc, ctx), replace, 'a new Xen MAC, unused in the workspace', undefined), preselect: true }];
  if (device.key === 'vif' && name === 'bridge') return knownBridges(doc, ctx).map((bridge) => valueItem(bridge, replace, 'bridge used in the workspace', undefined));
  const sub = device.subKeys.get(name);
  return (sub?.enum ?? []).map((value) => valueItem(value, replace, undefined, describeValue(`${device.key} ${name}`, value, sub?.valueDocs)));
}

/** The domain config templates, named after the file and with a MAC no other guest uses. */
function snippetItems(doc: XlDocument, ctx: ServiceContext, replace: Range): CompletionItem[] {
  return SNIPPETS.map((template) => snippetItem(template, { name: domainNameFor(ctx), mac: freshMac(doc, ctx) }, replace));
}

/** MACs of this file and of every other domain of the workspace. */
function usedMacs(doc: XlDocument, ctx: ServiceContext): Set<string> {
  const used = new Set<string>();
  for (const mac of facts(doc).domain?.macs ?? []) used.add(mac.value);
  for (const file of ctx.workspace.otherFiles(ctx.uri)) for (const mac of file.facts.domain?.macs ?? []) used.add(parseMac(mac.value)?.normalized ?? mac.value);
  return used;
}

export function freshMac(doc: XlDocument, ctx: ServiceContext): string {
  return randomXenMac(usedMacs(doc, ctx));
}

function knownBridges(doc: XlDocument, ctx: ServiceContext): string[] {
  const bridges = new Set<string>(['xenbr0']);
  for (const bridge of facts(doc).domain?.bridges ?? []) bridges.add(bridge.value);
  for (const file of ctx.workspace.otherFiles(ctx.uri)) for (const bridge of file.facts.domain?.bridges ?? []) bridges.add(bridge.value);
  return [...bridges].sort();
}
