import { CompletionItem, CompletionItemKind, CompletionItemTag, InsertTextFormat, Position, Range } from 'vscode-languageserver-types';
import { parseMac, randomXenMac } from '../../common/mac';
import type { ServiceContext } from '../types';
import type { XlDocument } from './ast';
import { CursorContext, cursorContext } from './cursor';
import { facts } from './facts';
import { describeKey, describeSubKey } from './hover';
import { DEVICE_SPECS, DeviceSpec, keyTableFor, KeySpec } from './schema';

export function complete(doc: XlDocument, position: Position, ctx: ServiceContext): CompletionItem[] {
  const offset = doc.lines.offsetAt(position);
  const context = cursorContext(doc, offset);
  const table = keyTableFor(doc.fileKind, ctx.settings.xen.toolstack);
  const range = (span: { start: number; end: number }): Range => doc.lines.range(span.start, span.end);
  switch (context.kind) {
    case 'key':
      return keyItems(table, ctx, doc, range(context.word));
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

function keyItems(table: ReadonlyMap<string, KeySpec>, ctx: ServiceContext, doc: XlDocument, replace: Range): CompletionItem[] {
  const items: CompletionItem[] = [];
  for (const spec of table.values()) {
    if (spec.until) continue;
    const item: CompletionItem = {
      label: spec.name,
      kind: CompletionItemKind.Property,
      detail: spec.valueSyntax ?? spec.kinds.join(' | '),
      documentation: { kind: 'markdown', value: describeKey(spec) },
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: replace, newText: `${spec.name} = ${valueSnippet(spec, doc, ctx)}` },
    };
    if (spec.deprecation) item.tags = [CompletionItemTag.Deprecated];
    items.push(item);
  }
  return items;
}

/** The value placeholder inserted with a key. */
function valueSnippet(spec: KeySpec, doc: XlDocument, ctx: ServiceContext): string {
  if (spec.name === 'disk') return "[ '${1:phy:/dev/vg/lv},${2:xvda},${3:w}' ]";
  if (spec.name === 'vif') return `[ 'mac=\${1:${freshMac(doc, ctx)}},bridge=\${2:xenbr0}' ]`;
  if (spec.kinds.includes('list') && !spec.kinds.includes('string')) return '[ "$1" ]';
  if (spec.enum && !spec.kinds.includes('list')) return `"\${1|${spec.enum.join(',')}|}"`;
  if (spec.kinds.includes('string')) return '"$1"';
  if (spec.kinds.includes('boolean') && !spec.kinds.includes('number')) return '${1|1,0|}';
  return '${1:0}';
}

function valueItems(spec: KeySpec, replace: Range): CompletionItem[] {
  const values = spec.enum ?? (spec.kinds.includes('boolean') && !spec.kinds.includes('string') ? ['1', '0'] : []);
  const quoted = spec.kinds.includes('string') || spec.kinds.includes('list');
  return values.map((value) => ({
    label: quoted ? `"${value}"` : value,
    kind: CompletionItemKind.EnumMember,
    detail: spec.name,
    textEdit: { range: replace, newText: quoted ? `"${value}"` : value },
  }));
}

function stringItems(doc: XlDocument, context: Extract<CursorContext, { kind: 'string' }>, table: ReadonlyMap<string, KeySpec>, ctx: ServiceContext, range: (s: { start: number; end: number }) => Range): CompletionItem[] {
  const key = context.setting.key.name;
  const device = DEVICE_SPECS.get(key);
  const segmentText = doc.text.slice(context.segment.start, context.segment.end);
  if (!device) {
    const enumValues = table.get(key)?.enum ?? [];
    return enumValues.map((value) => ({ label: value, kind: CompletionItemKind.EnumMember, textEdit: { range: range(context.segment), newText: value } }));
  }
  const equals = segmentText.indexOf('=');
  if (equals < 0) return subKeyItems(device, range(context.segment));
  const name = segmentText.slice(0, equals);
  const valueSpan = { start: context.segment.start + equals + 1, end: context.segment.end };
  return subValueItems(doc, ctx, device, name, range(valueSpan));
}

function subKeyItems(device: DeviceSpec, replace: Range): CompletionItem[] {
  return [...device.subKeys.values()].map((sub) => ({
    label: sub.kind === 'flag' ? sub.name : `${sub.name}=`,
    kind: CompletionItemKind.Field,
    documentation: { kind: 'markdown', value: describeSubKey(device.key, sub) },
    textEdit: { range: replace, newText: sub.kind === 'flag' ? sub.name : `${sub.name}=` },
    tags: sub.deprecation ? [CompletionItemTag.Deprecated] : undefined,
    command: sub.kind === 'flag' ? undefined : { title: 'values', command: 'editor.action.triggerSuggest' },
  }));
}

function subValueItems(doc: XlDocument, ctx: ServiceContext, device: DeviceSpec, name: string, replace: Range): CompletionItem[] {
  const item = (value: string, detail?: string, preselect = false): CompletionItem => ({ label: value, kind: CompletionItemKind.Value, detail, preselect: preselect || undefined, textEdit: { range: replace, newText: value } });
  if (device.key === 'vif' && name === 'mac') return [item(freshMac(doc, ctx), 'a new Xen MAC, unused in the workspace', true)];
  if (device.key === 'vif' && name === 'bridge') return knownBridges(doc, ctx).map((bridge) => item(bridge, 'bridge used in the workspace'));
  const sub = device.subKeys.get(name);
  return (sub?.enum ?? []).map((value) => item(value));
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
