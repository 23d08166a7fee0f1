import { DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind } from 'vscode-languageserver-types';
import type { ServiceContext } from '../types';
import { lastSetting, scalarText, Setting, XlDocument } from './ast';

/** The domain (named by `name`) with its settings as children; xl.conf lists its settings. */
export function symbols(doc: XlDocument, _ctx?: ServiceContext): DocumentSymbol[] {
  const settings = doc.settings.map((s) => settingSymbol(doc, s));
  const name = doc.fileKind === 'domain' ? lastSetting(doc, 'name') : undefined;
  const domainName = scalarText(name?.value);
  if (!name?.value || !domainName) return settings;
  const whole = doc.lines.range(0, doc.text.length);
  return [{ name: domainName, detail: 'domain', kind: SymbolKind.Module, range: whole, selectionRange: doc.lines.range(name.value.start, name.value.end), children: settings }];
}

function settingSymbol(doc: XlDocument, setting: Setting): DocumentSymbol {
  const value = setting.value;
  const detail = !value ? '' : value.kind === 'list' ? `[${value.items.length} item${value.items.length === 1 ? '' : 's'}]` : (scalarText(value) ?? '');
  return {
    name: setting.key.name,
    detail: detail.length > 60 ? `${detail.slice(0, 57)}...` : detail,
    kind: value?.kind === 'list' ? SymbolKind.Array : SymbolKind.Property,
    range: doc.lines.range(setting.start, setting.end),
    selectionRange: doc.lines.range(setting.key.start, setting.key.end),
  };
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
