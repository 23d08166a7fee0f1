import { DocumentSymbol, FoldingRange, SymbolKind } from 'vscode-languageserver-types';
import type { XendDocument } from './parse';
import { walkSexp } from './sexp';

/** One symbol per option, named after it, with its value as detail. */
export function xendSymbols(doc: XendDocument): DocumentSymbol[] {
  return doc.options.map((option) => {
    const first = option.values[0];
    const detail = first?.kind === 'atom' ? first.value : first ? '( … )' : '';
    return DocumentSymbol.create(option.name, detail, SymbolKind.Property, option.form.range, option.nameAtom.range);
  });
}

/** Every list that spans several lines folds. */
export function xendFolding(doc: XendDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const node of walkSexp(doc.tree.nodes)) {
    if (node.kind === 'list' && node.range.end.line > node.range.start.line) ranges.push(FoldingRange.create(node.range.start.line, node.range.end.line));
  }
  return ranges;
}
