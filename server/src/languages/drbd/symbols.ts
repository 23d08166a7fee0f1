import { DocumentSymbol, FoldingRange, SymbolKind } from 'vscode-languageserver-types';
import { nameTable } from '../../common/nameTable';
import { outlineText } from '../../common/outline';
import type { ServiceContext } from '../types';
import type { Token } from './lexer';
import { optionIn } from './model';
import { DrbdDocument, Node, SectionNode, walk } from './parse';

/** What each section is in the outline; the others (net, disk, startup, handlers, options…) are namespaces. */
const KINDS: Record<string, SymbolKind> = nameTable({
  resource: SymbolKind.Module,
  on: SymbolKind.Object,
  floating: SymbolKind.Object,
  'stacked-on-top-of': SymbolKind.Object,
  host: SymbolKind.Object,
  volume: SymbolKind.Array,
  connection: SymbolKind.Interface,
  'connection-mesh': SymbolKind.Interface,
  path: SymbolKind.Interface,
});


type Statement = Node & { keyword: Token };
/** A '{' with no name before it (a syntax error) has no keyword to show. */
const hasKeyword = (node: Node): node is Statement => node.keyword !== undefined;
const words = (tokens: readonly Token[]) => tokens.map((t) => t.value).join(' ');

/**
 * The whole file as written: resources, hosts, volumes, connections (with
 * their paths and hosts) and every other section (net, disk, startup,
 * handlers, options, global, common) with their options, each with a detail
 * that tells it apart without opening it.
 */
export function symbols(doc: DrbdDocument, _ctx: ServiceContext): DocumentSymbol[] {
  const symbolsOf = (section: SectionNode): DocumentSymbol[] => section.children.flatMap((child) => (hasKeyword(child) ? [symbolOf(child)] : []));
  const symbolOf = (node: Statement): DocumentSymbol => {
    const selection = node.kind === 'section' ? (node.args[0] ?? node.keyword) : node.keyword;
    const last = node.kind === 'section' ? node.close : (node.terminator ?? node.args[node.args.length - 1]);
    const end = Math.max(last?.end ?? (node.kind === 'section' ? node.end : node.keyword.end), node.keyword.end);
    const peer = node.kind === 'option' && node.keyword.value === 'host' && node.args.length > 0;
    const symbol: DocumentSymbol = {
      name: peer ? `host ${node.args[0].value}` : nameOf(node),
      kind: node.kind === 'section' || peer ? (KINDS[node.keyword.value] ?? SymbolKind.Namespace) : SymbolKind.Property,
      range: doc.lines.range(node.keyword.start, end),
      selectionRange: doc.lines.range(selection.start, selection.end),
    };
    // A path's `host NAME address ADDR;` is a host like `on NAME { address ADDR; }`: named by it, its address as detail.
    const detail = node.kind === 'section' ? sectionDetail(node) : words(peer ? node.args.slice(node.args[1]?.value === 'address' ? 2 : 1) : node.args);
    if (detail) symbol.detail = outlineText(detail);
    if (node.kind === 'section') symbol.children = symbolsOf(node);
    return symbol;
  };
  return symbolsOf(doc.root);
}

/** A resource by its name; a section with arguments by keyword and arguments (`on alpha`, `volume 0`); an option by its keyword. */
function nameOf(node: Statement): string {
  if (node.kind === 'option') return node.keyword.value;
  const label = words(node.args);
  if (!label) return node.keyword.value;
  return node.name === 'resource' ? label : `${node.keyword.value} ${label}`;
}

/** What tells one section from its siblings: a volume's device, a host's address, the hosts a connection joins. */
function sectionDetail(section: SectionNode): string | undefined {
  const option = (name: string) => {
    const found = optionIn(section, name);
    return found && words(found.args);
  };
  switch (section.name) {
    case 'resource':
      return hostsOf(section, 'on') ?? 'resource';
    case 'volume':
      return option('device');
    case 'on':
    case 'host':
    case 'floating':
    case 'stacked-on-top-of':
      return option('address') ?? option('device');
    case 'connection': {
      // DRBD 9 writes a connection's hosts directly or in its paths (several paths join the same two hosts).
      const path = section.children.find((c): c is SectionNode => c.kind === 'section' && c.name === 'path');
      return hostsOf(section, 'host') ?? (path && hostsOf(path, 'host'));
    }
    case 'path':
      return hostsOf(section, 'host');
    case 'connection-mesh':
      return option('hosts');
    default:
      return undefined;
  }
}

/** The host names of a section's `on`/`host` statements (options and sections alike): a resource's nodes, the ends of a connection or path. */
function hostsOf(section: SectionNode, keyword: 'on' | 'host'): string | undefined {
  const names = section.children.filter((c) => c.keyword?.value === keyword && c.args.length > 0).map((c) => c.args[0].value);
  return names.length > 0 ? names.join(keyword === 'on' ? ', ' : ' - ') : undefined;
}

/** Every section spanning more than one line folds. */
export function folding(doc: DrbdDocument, _ctx: ServiceContext): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const node of walk(doc.root)) {
    if (node.kind !== 'section' || !node.keyword || !node.close) continue;
    const startLine = node.keyword.line;
    const endLine = node.close.line;
    if (endLine > startLine) ranges.push({ startLine, endLine });
  }
  return ranges;
}
