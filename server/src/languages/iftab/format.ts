/**
 * Formatting of /etc/iftab: the words of every mapping aligned in columns
 * across the file (the interface name, then each selector and its value), as
 * `column -t` would, with spaces or, when the editor indents with tabs, with
 * tabs to the next tab stop. Mappings and comment lines start in column 0;
 * a comment after a mapping keeps its place after the last word.
 */
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { GapRule, layoutEdits, Span } from '../../common/format';
import type { IftabDocument } from './parse';

export function format(doc: IftabDocument, options: FormattingOptions, range?: Range): TextEdit[] {
  if (doc.syntaxErrors.length > 0) return [];
  const rows = doc.entries.map((entry): Span[] => [
    entry.name,
    ...entry.selectors.flatMap((use) => {
      const selector = { start: use.name.start, end: use.attribute ? use.attribute.end + 1 : use.name.end };
      return use.value ? [selector, use.value] : [selector];
    }),
  ]);
  const widths: number[] = [];
  for (const row of rows) row.forEach((word, k) => (widths[k] = Math.max(widths[k] ?? 0, word.end - word.start)));
  const tabs = options.insertSpaces ? 0 : Math.max(1, Math.floor(options.tabSize) || 1);
  // Where each column starts: one blank past the widest word before it, or the next tab stop.
  const columns = [0];
  for (let k = 1; k < widths.length; k++) {
    const end = columns[k - 1] + widths[k - 1];
    columns.push(tabs ? (Math.floor(end / tabs) + 1) * tabs : end + 1);
  }
  const padding = (k: number, previousWidth: number): string => {
    const from = columns[k - 1] + previousWidth;
    return tabs ? '\t'.repeat(columns[k] / tabs - Math.floor(from / tabs)) : ' '.repeat(columns[k] - from);
  };
  const tokens: Span[] = [];
  const rules: GapRule[] = [];
  for (const row of rows) {
    row.forEach((word, k) => {
      tokens.push(word);
      rules.push(k === 0 ? { indent: 0 } : { space: padding(k, row[k - 1].end - row[k - 1].start) });
    });
  }
  rules.push({ indent: 0 });
  return layoutEdits(doc.lines, { tokens, rule: (i) => rules[i], lineComment: '#' }, options, range);
}
