import type { Hover, Position } from 'vscode-languageserver-types';
import { describeMac, parseMac } from '../../common/mac';
import type { ServiceContext } from '../types';
import { contains, StringValue, stringItems, XlDocument } from './ast';
import { diskSpecOf } from './devices/diskSpec';
import { splitSpec } from './devices/keyValueSpec';
import { anyKeySpec, DEVICE_SPECS, KeySpec, SubKeySpec } from './schema';

/** Markdown for a key: what it does, then its facts. */
export function describeKey(spec: KeySpec): string {
  const facts: string[] = [];
  facts.push(`Syntax: ${spec.valueSyntax ? `\`${spec.valueSyntax}\`` : spec.kinds.join(' or ')}${spec.units ? ` (${spec.units})` : ''}`);
  if (spec.enum) facts.push(`One of: ${spec.enum.map((e) => `\`${e}\``).join(', ')}`);
  if (spec.default) facts.push(`Default: ${spec.default}`);
  if (spec.guestTypes) facts.push(`Guest types: ${spec.guestTypes.map((t) => t.toUpperCase()).join(', ')}`);
  if (spec.arch) facts.push(`Architecture: ${spec.arch.join(', ')}`);
  if (spec.since) facts.push(`Since Xen ${spec.since}${spec.until ? `, removed after ${spec.until}` : ''}`);
  if (spec.deprecation) facts.push(`**Deprecated**${spec.deprecation.ignored ? ' (ignored by xl)' : ''}${spec.deprecation.replacement ? `: use \`${spec.deprecation.replacement}\`` : ''}`);
  return `**${spec.name}**\n\n${spec.doc}\n\n${facts.map((f) => `- ${f}`).join('\n')}`;
}

export function describeSubKey(deviceKey: string, sub: SubKeySpec): string {
  const facts: string[] = [];
  if (sub.kind === 'flag') facts.push('Written alone, without `=`');
  if (sub.enum) facts.push(`One of: ${sub.enum.map((e) => `\`${e}\``).join(', ')}${sub.openEnum ? ' (others accepted)' : ''}`);
  if (sub.default) facts.push(`Default: ${sub.default}`);
  if (sub.since) facts.push(`Since Xen ${sub.since}`);
  if (sub.deprecation) facts.push(`**Deprecated**${sub.deprecation.replacement ? `: use \`${sub.deprecation.replacement}\`` : ''}`);
  return `**${deviceKey}: ${sub.name}**\n\n${sub.doc}${facts.length ? `\n\n${facts.map((f) => `- ${f}`).join('\n')}` : ''}`;
}

export function hover(doc: XlDocument, position: Position, ctx: ServiceContext): Hover | null {
  const offset = doc.lines.offsetAt(position);
  const setting = doc.settings.find((s) => contains(s, offset));
  if (!setting) return null;
  if (contains(setting.key, offset)) {
    const spec = anyKeySpec(doc.fileKind, ctx.settings.xen.toolstack, setting.key.name);
    return spec ? markdown(describeKey(spec), doc, setting.key) : null;
  }
  const item = stringItems(setting.value).find((s) => contains(s, offset));
  if (item && DEVICE_SPECS.has(setting.key.name)) return hoverInSpec(doc, setting.key.name, item, offset);
  // On a plain value, explain the key it belongs to.
  const spec = setting.value && contains(setting.value, offset) ? anyKeySpec(doc.fileKind, ctx.settings.xen.toolstack, setting.key.name) : undefined;
  return spec && setting.value ? markdown(describeKey(spec), doc, item ?? setting.value) : null;
}

/** Hover inside a device spec string: its sub-key, a disk's positional value, or a MAC. */
function hoverInSpec(doc: XlDocument, key: string, item: StringValue, offset: number): Hover | null {
  const device = DEVICE_SPECS.get(key)!;
  if (key === 'disk') {
    const param = diskSpecOf(doc.text, item).params.find((p) => contains(p.valueSpan, offset) || (p.keySpan && contains(p.keySpan, offset)));
    const sub = param && device.subKeys.get(param.name);
    if (!param || !sub) return null;
    const span = param.keySpan && contains(param.keySpan, offset) ? param.keySpan : param.valueSpan;
    const shown = param.positional ? `${describeSubKey(key, sub)}\n\n(positional value \`${param.value}\`)` : describeSubKey(key, sub);
    return markdown(shown, doc, span);
  }
  const part = splitSpec(doc.text, item).find((p) => contains(p.span, offset));
  if (!part) return null;
  if (part.value && contains(part.value, offset)) {
    const mac = parseMac(part.value.text);
    if (mac) return markdown(`**MAC ${mac.normalized}**\n\n${describeMac(mac)}`, doc, part.value);
  }
  const sub = device.subKeys.get(part.key.name);
  return sub ? markdown(describeSubKey(key, sub), doc, part.key) : null;
}

function markdown(value: string, doc: XlDocument, span: { start: number; end: number }): Hover {
  return { contents: { kind: 'markdown', value }, range: doc.lines.range(span.start, span.end) };
}
