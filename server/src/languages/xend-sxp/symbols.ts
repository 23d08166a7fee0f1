import { DocumentSymbol, FoldingRange, SymbolKind } from 'vscode-languageserver-types';
import { outlineText } from '../../common/outline';
import type { XendDocument } from './parse';
import { walkSexp } from '../../../../shared/src/sexp';

/** One symbol per option, named after it, with its value as detail (a list value as written: `((9363 pam '^localhost$'))`). */
export function symbols(doc: XendDocument): DocumentSymbol[] {
  return doc.options.map((option) => {
    const first = option.values[0];
    const last = option.values[option.values.length - 1];
    const written = () => doc.text.slice(doc.lines.offsetAt(first.range.start), doc.lines.offsetAt(last.range.end));
    const detail = !first ? '' : first.kind === 'atom' && option.values.length === 1 ? first.value : written();
    return DocumentSymbol.create(option.name, outlineText(detail), SymbolKind.Property, option.form.range, option.nameAtom.range);
  });
}

/** Every list that spans several lines folds (the outermost one when several start on a line). */
export function folding(doc: XendDocument): FoldingRange[] {
  const byStartLine = new Map<number, FoldingRange>();
  for (const node of walkSexp(doc.tree.nodes)) {
    const { start, end } = node.range;
    if (node.kind === 'list' && end.line > start.line && !byStartLine.has(start.line)) byStartLine.set(start.line, FoldingRange.create(start.line, end.line));
  }
  return [...byStartLine.values()];
}
