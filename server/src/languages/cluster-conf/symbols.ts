import { DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind } from 'vscode-languageserver-types';
import { attribute, ClusterDoc, XmlElement } from './parse';
import type { ServiceContext } from '../types';

const KINDS: Record<string, SymbolKind> = {
  cluster: SymbolKind.Module,
  clusternode: SymbolKind.Class,
  fencedevice: SymbolKind.Interface,
  method: SymbolKind.Method,
  device: SymbolKind.Field,
  service: SymbolKind.Function,
  vm: SymbolKind.Object,
  failoverdomain: SymbolKind.Enum,
  failoverdomainnode: SymbolKind.EnumMember,
};

function symbolOf(doc: ClusterDoc, element: XmlElement): DocumentSymbol {
  const name = attribute(element, 'name') ?? attribute(element, 'ref');
  const agent = attribute(element, 'agent');
  const range = doc.lines.range(element.start, element.end);
  const selectionRange = name && name.valueEnd > name.valueStart ? doc.lines.range(name.valueStart, name.valueEnd) : doc.lines.range(element.nameStart, element.nameEnd);
  const symbol: DocumentSymbol = {
    name: name?.value || element.name || '<?>',
    detail: agent ? `${element.name} (${agent.value})` : element.name,
    kind: KINDS[element.name] ?? (element.children.length > 0 ? SymbolKind.Namespace : SymbolKind.Property),
    range,
    selectionRange,
  };
  if (element.children.length > 0) symbol.children = element.children.map((c) => symbolOf(doc, c));
  return symbol;
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
