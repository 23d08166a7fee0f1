import { DocumentSymbol, FoldingRange, SymbolKind } from 'vscode-languageserver-types';
import type { ServiceContext } from '../types';
import { DrbdDocument, SectionNode, walk } from './parse';

/** What each section is in the outline; sections not listed are shown as plain namespaces. */
const KINDS: Record<string, SymbolKind> = {
  resource: SymbolKind.Module,
  on: SymbolKind.Object,
  floating: SymbolKind.Object,
  'stacked-on-top-of': SymbolKind.Object,
  volume: SymbolKind.Array,
  connection: SymbolKind.Interface,
  global: SymbolKind.Namespace,
  common: SymbolKind.Namespace,
};

/** Resources, their hosts and volumes (and connections), nested as in the file. */
export function symbols(doc: DrbdDocument, _ctx: ServiceContext): DocumentSymbol[] {
  const symbolsOf = (section: SectionNode): DocumentSymbol[] =>
    section.children.flatMap((child) => {
      if (child.kind !== 'section' || !child.keyword || !(child.name in KINDS)) return [];
      const label = child.args.map((a) => a.value).join(' ');
      const name = label ? (child.name === 'resource' ? label : `${child.name} ${label}`) : child.name;
      const end = child.close ? child.close.end : child.end;
      const selection = child.args[0] ?? child.keyword;
      return [
        {
          name,
          detail: child.name === 'resource' ? 'resource' : undefined,
          kind: KINDS[child.name],
          range: doc.lines.range(child.keyword.start, Math.max(end, child.keyword.end)),
          selectionRange: doc.lines.range(selection.start, selection.end),
          children: symbolsOf(child),
        },
      ];
    });
  return symbolsOf(doc.root);
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
