import type { Hover, Position } from 'vscode-languageserver-types';
import { describeMac, parseMac } from '../../common/mac';
import { code, docText, escapeText, ManualLink, manualLine } from '../../common/markdown';
import type { ServiceContext } from '../types';
import { contains, scalarText, StringValue, stringItems, XlDocument } from './ast';
import { parseDiskSpec } from './devices/diskSpec';
import { splitSpec } from './devices/keyValueSpec';
import { anyKeySpec, DEVICE_SPECS, KeySpec, SubKeySpec } from './schema';

/** Markdown for a key: what it does, then its facts and its manual section. */
export function describeKey(spec: KeySpec): string {
  const facts: string[] = [];
  facts.push(`Syntax: ${spec.valueSyntax ? code(spec.valueSyntax) : spec.kinds.join(' or ')}${spec.units ? ` (${spec.units})` : ''}`);
  if (spec.enum) facts.push(`One of: ${spec.enum.map(code).join(', ')}`);
  if (spec.default) facts.push(`Default: ${code(spec.default)}`);
  if (spec.guestTypes) facts.push(`Guest types: ${spec.guestTypes.map((t) => t.toUpperCase()).join(', ')}`);
  if (spec.arch) facts.push(`Architecture: ${spec.arch.join(', ')}`);
  if (spec.since) facts.push(`Since Xen ${spec.since}${spec.until ? `, removed after ${spec.until}` : ''}`);
  if (spec.deprecation) facts.push(`**Deprecated**${spec.deprecation.ignored ? ' (ignored by xl)' : ''}${spec.deprecation.replacement ? `: use ${code(spec.deprecation.replacement)}` : ''}`);
  return sections(`**${escapeText(spec.name)}**`, docText(spec.doc), facts, spec.manual);
}

export function describeSubKey(deviceKey: string, sub: SubKeySpec): string {
  const facts: string[] = [];
  if (sub.kind === 'flag') facts.push(`Written alone, without ${code('=')}`);
  if (sub.enum) facts.push(`One of: ${sub.enum.map(code).join(', ')}${sub.openEnum ? ' (others accepted)' : ''}`);
  if (sub.default) facts.push(`Default: ${code(sub.default)}`);
  if (sub.since) facts.push(`Since Xen ${sub.since}`);
  if (sub.deprecation) facts.push(`**Deprecated**${sub.deprecation.replacement ? `: use ${code(sub.deprecation.replacement)}` : ''}`);
  return sections(`**${escapeText(`${deviceKey}: ${sub.name}`)}**`, docText(sub.doc), facts, sub.manual);
}

/** What one value of a key or sub-key means, for hover on the value and the completion item. */
export function describeValue(owner: string, value: string, valueDocs: Readonly<Record<string, string>> | undefined): string | undefined {
  const doc = valueDocs?.[value];
  return doc === undefined ? undefined : `${code(value)} (${escapeText(owner)}): ${docText(doc)}`;
}

function sections(title: string, doc: string, facts: string[], manual: ManualLink | undefined): string {
  const parts = [title, doc];
  if (facts.length) parts.push(facts.map((f) => `- ${f}`).join('\n'));
  if (manual) parts.push(manualLine(manual));
  return parts.join('\n\n');
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
  if (!spec || !setting.value) return null;
  const value = item ? doc.text.slice(item.start + 1, item.end - 1) : scalarText(setting.value);
  const meaning = value !== undefined ? describeValue(spec.name, value, spec.valueDocs) : undefined;
  return markdown(meaning ? `${meaning}\n\n---\n\n${describeKey(spec)}` : describeKey(spec), doc, item ?? setting.value);
}

/** Hover inside a device spec string: its sub-key, a disk's positional value, or a MAC. */
function hoverInSpec(doc: XlDocument, key: string, item: StringValue, offset: number): Hover | null {
  const device = DEVICE_SPECS.get(key)!;
  if (key === 'disk') {
    const param = parseDiskSpec(doc.text, item).params.find((p) => contains(p.valueSpan, offset) || (p.keySpan && contains(p.keySpan, offset)));
    const sub = param && device.subKeys.get(param.name);
    if (!param || !sub) return null;
    const span = param.keySpan && contains(param.keySpan, offset) ? param.keySpan : param.valueSpan;
    const meaning = describeValue(`${key} ${sub.name}`, param.value, sub.valueDocs);
    const described = meaning && contains(param.valueSpan, offset) ? `${meaning}\n\n---\n\n${describeSubKey(key, sub)}` : describeSubKey(key, sub);
    const shown = param.positional ? `${described}\n\n(positional value ${code(param.value)})` : described;
    return markdown(shown, doc, span);
  }
  const part = splitSpec(doc.text, item).find((p) => contains(p.span, offset));
  if (!part) return null;
  if (part.value && contains(part.value, offset)) {
    const mac = parseMac(part.value.text);
    if (mac) return markdown(`**MAC ${mac.normalized}**\n\n${escapeText(describeMac(mac))}`, doc, part.value);
  }
  const sub = device.subKeys.get(part.key.name);
  if (!sub) return null;
  const meaning = part.value && contains(part.value, offset) ? describeValue(`${key} ${sub.name}`, part.value.text, sub.valueDocs) : undefined;
  return markdown(meaning ? `${meaning}\n\n---\n\n${describeSubKey(key, sub)}` : describeSubKey(key, sub), doc, part.key);
}

function markdown(value: string, doc: XlDocument, span: { start: number; end: number }): Hover {
  return { contents: { kind: 'markdown', value }, range: doc.lines.range(span.start, span.end) };
}
