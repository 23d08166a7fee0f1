/**
 * Formatting of xend-config.sxp: indentation by list nesting, one level per
 * open `(`; a line that starts with `)` goes back to its list's level. Atoms,
 * strings (even those that span lines) and spacing inside a line are left as
 * written.
 */
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { GapRule, layoutEdits, Span } from '../../common/format';
import type { SexpNode } from '../../../../shared/src/sexp';
import type { XendDocument } from './parse';

export function format(doc: XendDocument, options: FormattingOptions, range?: Range): TextEdit[] {
  if (doc.syntaxErrors.length > 0) return [];
  const tokens: Span[] = [];
  const rules: GapRule[] = [];
  let depth = 0;
  /** A token at `indent`; comment lines before it stand at `commentIndent` (inside the list a `)` closes). */
  const add = (start: number, end: number, indent: number, commentIndent = indent) => {
    tokens.push({ start, end });
    rules.push({ indent, commentIndent });
  };
  // Depth first with a stack of its own: each entry is a list still to close, or a node to emit.
  const pending: (SexpNode | { close: number })[] = [...doc.tree.nodes].reverse();
  while (pending.length > 0) {
    const next = pending.pop()!;
    if ('close' in next) {
      depth--;
      add(next.close, next.close + 1, depth, depth + 1);
    } else if (next.kind === 'atom') {
      add(next.start, next.end, depth);
    } else {
      add(next.start, next.start + 1, depth);
      depth++;
      // Without syntax errors every list is closed: its `)` is its last character.
      pending.push({ close: next.end - 1 });
      for (let i = next.items.length - 1; i >= 0; i--) pending.push(next.items[i]);
    }
  }
  rules.push({ indent: 0, commentIndent: 0 });
  return layoutEdits(doc.lines, { tokens, rule: (i) => rules[i], lineComment: '#' }, options, range);
}
