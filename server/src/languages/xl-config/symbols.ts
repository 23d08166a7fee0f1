import { DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind } from 'vscode-languageserver-types';
import { nameTable } from '../../common/nameTable';
import { outlineText } from '../../common/outline';
import type { ServiceContext } from '../types';
import { lastSetting, scalarText, Setting, Span, Value, XlDocument } from './ast';
import { parseDiskSpec } from './devices/diskSpec';
import { splitSpec } from './devices/keyValueSpec';

/** The domain (named by `name`) with its settings as children; xl.conf lists its settings. */
export function symbols(doc: XlDocument, _ctx?: ServiceContext): DocumentSymbol[] {
  const settings = doc.settings.map((s) => settingSymbol(doc, s));
  const name = doc.fileKind === 'domain' ? lastSetting(doc, 'name') : undefined;
  const domainName = scalarText(name?.value);
  if (!name?.value || !domainName) return settings;
  const whole = doc.lines.range(0, doc.text.length);
  return [{ name: domainName, detail: 'domain', kind: SymbolKind.Module, range: whole, selectionRange: doc.lines.range(name.value.start, name.value.end), children: settings }];
}

const itemCount = (n: number) => `[${n} item${n === 1 ? '' : 's'}]`;

function settingSymbol(doc: XlDocument, setting: Setting): DocumentSymbol {
  const value = setting.value;
  const symbol: DocumentSymbol = {
    name: setting.key.name,
    detail: outlineText(!value ? '' : value.kind === 'list' ? itemCount(value.items.length) : (scalarText(value) ?? '')),
    kind: value?.kind === 'list' ? SymbolKind.Array : SymbolKind.Property,
    range: doc.lines.range(setting.start, setting.end),
    selectionRange: doc.lines.range(setting.key.start, setting.key.end),
  };
  if (value?.kind === 'list' && value.items.length > 0) symbol.children = value.items.map((item) => itemSymbol(doc, setting.key.name, item));
  return symbol;
}

/**
 * One item of a list: a device named by what tells it from its siblings (a
 * disk by its vdev, a vif by its MAC or else its bridge, a PCI device by its
 * address, a channel by its name, a 9pfs share by its tag), any other item by
 * its text; the whole spec is the detail.
 */
function itemSymbol(doc: XlDocument, key: string, item: Value): DocumentSymbol {
  const range = doc.lines.range(item.start, item.end);
  if (item.kind !== 'string') {
    const name = item.kind === 'number' ? item.raw : itemCount(item.items.length);
    return { name, kind: item.kind === 'number' ? SymbolKind.Number : SymbolKind.Array, range, selectionRange: range };
  }
  const label = deviceLabel(doc, key, item);
  const symbol: DocumentSymbol = {
    name: outlineText(label?.text || item.value) || "''",
    kind: label ? SymbolKind.Object : SymbolKind.String,
    range,
    selectionRange: label ? doc.lines.range(label.start, label.end) : range,
  };
  if (label) symbol.detail = outlineText(item.value);
  return symbol;
}

/** Which `key=` names a device of each key=value list, in order of preference. */
const NAMING_KEYS: Record<string, readonly string[]> = nameTable({
  vif: ['mac', 'bridge', 'vifname'],
  pci: ['bdf', 'name'],
  channel: ['name'],
  p9: ['tag'],
  vtpm: ['uuid', 'backend'],
});

/** The part of a device spec that names the device, with its place in the document. */
function deviceLabel(doc: XlDocument, key: string, item: Value & { kind: 'string' }): ({ text: string } & Span) | undefined {
  if (key === 'disk') {
    const vdev = parseDiskSpec(doc.text, item).vdev;
    return vdev?.value ? { text: vdev.value, ...vdev.valueSpan } : undefined;
  }
  const naming = NAMING_KEYS[key];
  if (!naming) return undefined;
  const parts = splitSpec(doc.text, item);
  // A PCI device may also be named by a leading address with no key (`0000:03:00.0,permissive=1`).
  const [first] = parts;
  if (key === 'pci' && first && !first.value) return { ...first.key, text: first.key.name };
  for (const name of naming) {
    const part = parts.find((p) => p.key.name === name && p.value?.text);
    if (part?.value) return { ...part.value };
  }
  return undefined;
}

/** Lists that span lines, and runs of two or more comment lines. */
export function folding(doc: XlDocument, _ctx?: ServiceContext): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const setting of doc.settings) {
    if (setting.value?.kind !== 'list') continue;
    const startLine = doc.lines.positionAt(setting.start).line;
    const endLine = doc.lines.positionAt(setting.value.end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  let runStart = -1;
  let previous = -2;
  const closeRun = () => {
    if (runStart >= 0 && previous > runStart) ranges.push({ startLine: runStart, endLine: previous, kind: FoldingRangeKind.Comment });
  };
  for (const comment of doc.comments) {
    const line = doc.lines.positionAt(comment.start).line;
    const alone = doc.lines.lineText(line).trimStart().startsWith('#');
    if (alone && line === previous + 1) previous = line;
    else {
      closeRun();
      runStart = alone ? line : -1;
      previous = alone ? line : -2;
    }
  }
  closeRun();
  return ranges.sort((a, b) => a.startLine - b.startLine);
}
