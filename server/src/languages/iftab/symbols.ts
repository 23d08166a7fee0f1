import { DocumentSymbol, FoldingRange, SymbolKind } from 'vscode-languageserver-types';
import { outlineText } from '../../common/outline';
import type { IftabDocument } from './parse';

/** One symbol per mapping: the interface name, with its selectors as detail. */
export function symbols(doc: IftabDocument): DocumentSymbol[] {
  return doc.entries.map((entry) => {
    const detail = entry.selectors.map((s) => `${s.name.text} ${s.value?.text ?? ''}`.trim()).join(' ');
    const last = entry.selectors[entry.selectors.length - 1];
    const end = last?.value?.range.end ?? last?.name.range.end ?? entry.name.range.end;
    return DocumentSymbol.create(entry.name.text, outlineText(detail), SymbolKind.Interface, { start: entry.name.range.start, end }, entry.name.range);
  });
}

/** One mapping per line: nothing to fold. */
export function folding(): FoldingRange[] {
  return [];
}
