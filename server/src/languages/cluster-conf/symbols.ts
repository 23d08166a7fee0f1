import { DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind } from 'vscode-languageserver-types';
import { nameTable } from '../../common/nameTable';
import { outlineText } from '../../common/outline';
import { attribute, ClusterDoc, XmlElement } from './parse';
import type { ServiceContext } from '../types';

const KINDS: Record<string, SymbolKind> = nameTable({
  cluster: SymbolKind.Module,
  clusternode: SymbolKind.Class,
  fencedevice: SymbolKind.Interface,
  method: SymbolKind.Method,
  device: SymbolKind.Field,
  service: SymbolKind.Function,
  vm: SymbolKind.Object,
  failoverdomain: SymbolKind.Enum,
  failoverdomainnode: SymbolKind.EnumMember,
});

/** The attributes that tell a named element from its siblings, shown after its element name. */
const KEY_ATTRIBUTES: Record<string, readonly string[]> = nameTable({
  cluster: ['config_version'],
  clusternode: ['nodeid', 'votes'],
  fencedevice: ['agent'],
  device: ['port', 'plug', 'nodename'],
  service: ['domain'],
  vm: ['domain'],
  failoverdomainnode: ['priority'],
});


/**
 * An element under its `name` (or `ref`), with its element name and key
 * attributes as detail (`clusternode (nodeid 1)`, `fencedevice
 * (fence_ipmilan)`); an element without a name (`cman`, `totem`, a resource)
 * under its element name, with its attributes as detail.
 */
function symbolOf(doc: ClusterDoc, element: XmlElement): DocumentSymbol {
  const name = attribute(element, 'name') ?? attribute(element, 'ref');
  const named = name !== undefined && name.value !== '';
  const range = doc.lines.range(element.start, element.end);
  const selectionRange = named && name.valueEnd > name.valueStart ? doc.lines.range(name.valueStart, name.valueEnd) : doc.lines.range(element.nameStart, element.nameEnd);
  const symbol: DocumentSymbol = {
    name: named ? name.value : element.name || '<?>',
    kind: KINDS[element.name] ?? (element.children.length > 0 ? SymbolKind.Namespace : SymbolKind.Property),
    range,
    selectionRange,
  };
  const detail = named ? namedDetail(element) : element.attributes.map((a) => `${a.name}="${a.value}"`).join(' ');
  if (detail) symbol.detail = outlineText(detail);
  if (element.children.length > 0) symbol.children = element.children.map((c) => symbolOf(doc, c));
  return symbol;
}

function namedDetail(element: XmlElement): string {
  const keys = (KEY_ATTRIBUTES[element.name] ?? []).flatMap((key) => {
    const value = attribute(element, key)?.value;
    // The agent alone says what a fence device is; the others read as "nodeid 1".
    return value ? [key === 'agent' ? value : `${key} ${value}`] : [];
  });
  return keys.length > 0 ? `${element.name} (${keys.join(', ')})` : element.name;
}

/** The outline: the element tree, each element under its `name` (nodes, fence devices, services, vms…). */
export function symbols(doc: ClusterDoc, _ctx: ServiceContext): DocumentSymbol[] {
  return doc.root ? [symbolOf(doc, doc.root)] : [];
}

/** Multi-line elements and comments fold. */
export function folding(doc: ClusterDoc, _ctx: ServiceContext): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (start: number, end: number, kind?: FoldingRangeKind) => {
    const startLine = doc.lines.positionAt(start).line;
    // Fold up to the line before the closing tag, so that it stays visible.
    const endLine = doc.lines.positionAt(end).line - (kind ? 0 : 1);
    if (endLine > startLine) ranges.push(kind ? { startLine, endLine, kind } : { startLine, endLine });
  };
  for (const element of doc.elements) if (element.closed && !element.selfClosing) add(element.start, element.contentEnd);
  for (const comment of doc.comments) add(comment.start, comment.end, FoldingRangeKind.Comment);
  return ranges;
}
