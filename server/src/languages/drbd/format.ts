/**
 * Formatting of drbd.conf: indentation by section nesting, one level per `{`.
 * A line that goes on with the option begun above (`address` on one line, the
 * address on the next) is indented one level more; a `}` line goes back to
 * its section's level. Spacing inside a line (values aligned in columns, as
 * `drbdadm dump` writes them) is left as written.
 */
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { GapRule, layoutEdits } from '../../common/format';
import type { DrbdDocument } from './parse';

export function format(doc: DrbdDocument, options: FormattingOptions, range?: Range): TextEdit[] {
  if (doc.syntaxErrors.length > 0) return [];
  const { tokens } = doc;
  const rules: GapRule[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const previous = tokens[i - 1];
    // Inside an option that is not ended yet: its next line is a continuation.
    const continued = previous !== undefined && (previous.kind === 'word' || previous.kind === 'string') ? 1 : 0;
    const token = tokens[i];
    if (token.kind === '}') depth = Math.max(0, depth - 1);
    rules.push({ indent: depth + continued, commentIndent: token.kind === '}' ? depth + 1 : depth + continued });
    if (token.kind === '{') depth++;
  }
  rules.push({ indent: 0, commentIndent: depth });
  return layoutEdits(doc.lines, { tokens, rule: (i) => rules[i], lineComment: '#' }, options, range);
}
