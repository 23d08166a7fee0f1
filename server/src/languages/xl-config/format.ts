/**
 * Formatting of domain configs and xl.conf, the way xl's own examples and
 * xen-tools write them:
 *
 *     memory = 2048
 *     vif = [ 'mac=00:16:3e:00:01:01,bridge=xenbr0' ]
 *     disk = [
 *         'format=raw, vdev=xvda, access=rw, target=/dev/vg0/web',
 *         'format=raw, vdev=xvdb, access=ro, devtype=cdrom, target=/srv/iso/debian.iso'
 *     ]
 *
 * One space around `=` and `+=`, after `,` and `;` and inside the brackets of
 * a one-line list; settings start in column 0. A device list (`disk`, `vif`,
 * `pci`, …) of two or more devices, and any list already written over several
 * lines, gets one item per line, one level in, and its `]` on a line of its
 * own. Nothing is added or removed but white space: quotes, a trailing comma
 * and comments stay as written.
 */
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { GapRule, layoutEdits } from '../../common/format';
import type { XlDocument } from './ast';
import { Token, tokenize } from './lexer';
import { DEVICE_SPECS } from './schema';

interface ListShape {
  /** One item per line. */
  vertical: boolean;
}

export function format(doc: XlDocument, options: FormattingOptions, range?: Range): TextEdit[] {
  if (doc.syntaxErrors.length > 0) return [];
  const { tokens, lineBreakBefore } = significantTokens(doc.text);
  const shapes = listShapes(tokens, lineBreakBefore);
  const rules: GapRule[] = [];
  const open: ListShape[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1];
    const inner = open[open.length - 1];
    const closing = token.kind === ']';
    const level = open.length - (closing ? 1 : 0);
    const startsItemLine = inner?.vertical === true && (previous.kind === '[' || previous.kind === ',' || closing) && !(closing && previous.kind === '[');
    rules.push({ space: spaceBetween(previous, token), newline: startsItemLine, indent: level, commentIndent: open.length });
    if (token.kind === '[') open.push(shapes.get(i) ?? { vertical: false });
    else if (closing) open.pop();
  }
  rules.push({ indent: 0, commentIndent: 0 });
  return layoutEdits(doc.lines, { tokens, rule: (i) => rules[i], lineComment: '#' }, options, range);
}

/** The white space between two tokens on one line; undefined where there is no rule (kept as written). */
function spaceBetween(previous: Token | undefined, token: Token): string | undefined {
  if (!previous) return undefined;
  if (token.kind === '=' || token.kind === '+=' || previous.kind === '=' || previous.kind === '+=') return ' ';
  if (token.kind === ',' || token.kind === ';') return '';
  if (previous.kind === ',' || previous.kind === ';') return ' ';
  if (previous.kind === '[') return token.kind === ']' ? '' : ' ';
  if (token.kind === ']') return ' ';
  return undefined;
}

/** The tokens but line breaks (a comment reads as one), and which of them follow a line break. */
function significantTokens(text: string): { tokens: Token[]; lineBreakBefore: boolean[] } {
  const all = tokenize(text).tokens;
  const tokens: Token[] = [];
  const lineBreakBefore: boolean[] = [];
  let afterBreak = false;
  for (let i = 0; i < all.length; i++) {
    const token = all.at(i)!;
    if (token.kind === 'newline') afterBreak = true;
    else if (token.kind !== 'eof') {
      tokens.push(token);
      lineBreakBefore.push(afterBreak);
      afterBreak = false;
    }
  }
  return { tokens, lineBreakBefore };
}

/**
 * The shape of each list, by the index of its `[`: vertical when it is a
 * setting's device list of two or more items, or already spans lines. Worked
 * out in one pass with a stack (a list's extent is known at its `]`).
 */
function listShapes(tokens: readonly Token[], lineBreakBefore: readonly boolean[]): Map<number, ListShape> {
  const shapes = new Map<number, ListShape>();
  const open: { index: number; items: number; spansLines: boolean; deviceList: boolean }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const inner = open[open.length - 1];
    if (inner && lineBreakBefore[i]) inner.spansLines = true;
    const isValue = token.kind === 'string' || token.kind === 'number' || token.kind === '[';
    if (inner && isValue) inner.items++;
    if (token.kind === '[') {
      const operator = tokens[i - 1];
      const key = tokens[i - 2];
      const deviceList = open.length === 0 && (operator?.kind === '=' || operator?.kind === '+=') && key?.kind === 'ident' && DEVICE_SPECS.has(key.value);
      open.push({ index: i, items: 0, spansLines: false, deviceList });
    } else if (token.kind === ']' && inner) {
      open.pop();
      const outer = open[open.length - 1];
      if (outer && inner.spansLines) outer.spansLines = true;
      shapes.set(inner.index, { vertical: inner.spansLines || (inner.deviceList && inner.items >= 2) });
    }
  }
  return shapes;
}
