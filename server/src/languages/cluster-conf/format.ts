/**
 * Formatting of cluster.conf: one element per line, indented one level per
 * enclosing element, end tags on their own line at their element's level
 * (`<rm></rm>` written on one line stays so). Inside a start tag one space
 * separates the attributes, none comes before `>` or `/>`, and attributes
 * continued on another line are indented one level deeper than their tag.
 *
 * Only white space between markup changes: attribute names, their order,
 * their values and quotes, comments, the declaration and any character data
 * are kept exactly. An element that holds text (mixed content) keeps its
 * inside as written, since white space there is part of the text.
 */
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { GapRule, layoutEdits, Span } from '../../common/format';
import type { ClusterDoc, XmlElement } from './parse';

type Piece = Span & (
  | { kind: 'open' | 'attribute' | 'close' | 'end'; element: XmlElement }
  | { kind: 'comment' | 'text' | 'other' }
);

export function format(doc: ClusterDoc, options: FormattingOptions, range?: Range): TextEdit[] {
  if (doc.syntaxErrors.length > 0) return [];
  const { text } = doc;
  const pieces = piecesOf(doc);
  const depth = new Map<XmlElement, number>();
  /** Elements whose content is kept as written: those with text, and everything inside them. */
  const keptInside = new Set<XmlElement>();
  for (const element of doc.elements) {
    const parent = element.parent;
    depth.set(element, parent ? depth.get(parent)! + 1 : 0);
    if (element.texts.length > 0 || (parent && keptInside.has(parent))) keptInside.add(element);
  }
  const rules: (GapRule | null)[] = [];
  const open: XmlElement[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    const enclosing = open[open.length - 1];
    if (piece.kind === 'attribute') {
      rules.push({ space: ' ', indent: depth.get(piece.element)! + 1 });
    } else if (piece.kind === 'close') {
      rules.push({ space: '', indent: depth.get(piece.element)! });
      if (!piece.element.selfClosing) open.push(piece.element);
    } else if (piece.kind === 'end') {
      open.pop();
      const before = pieces[i - 1];
      const empty = before.kind === 'close' && before.element === piece.element;
      rules.push(keptInside.has(piece.element) ? null : { newline: !empty, space: empty ? '' : undefined, indent: depth.get(piece.element)! });
    } else if ((enclosing && keptInside.has(enclosing)) || (piece.kind === 'other' && text[piece.start] !== '<')) {
      rules.push(null);
    } else {
      // A comment after markup on its line stays there; anything else starts its own line.
      const trailing = piece.kind === 'comment' && i > 0;
      rules.push({ newline: !trailing, indent: open.length });
    }
  }
  rules.push({ indent: 0 });
  return layoutEdits(doc.lines, { tokens: pieces, rule: (i) => rules[i] }, options, range);
}

/** Every stretch of markup and text, in file order; the white space between them is what formatting lays out. */
function piecesOf(doc: ClusterDoc): Piece[] {
  const { text } = doc;
  const found: Piece[] = [];
  for (const element of doc.elements) {
    found.push({ kind: 'open', element, start: element.start, end: element.nameEnd });
    for (const attribute of element.attributes) found.push({ kind: 'attribute', element, start: attribute.nameStart, end: attribute.valueEnd + (attribute.quoted ? 1 : 0) });
    const closeWidth = element.selfClosing ? 2 : 1;
    found.push({ kind: 'close', element, start: element.startTagEnd - closeWidth, end: element.startTagEnd });
    if (!element.selfClosing) {
      found.push({ kind: 'end', element, start: element.contentEnd, end: element.end });
      for (const t of element.texts) found.push({ kind: 'text', ...t });
    }
  }
  for (const comment of doc.comments) found.push({ kind: 'comment', ...comment });
  found.sort((a, b) => a.start - b.start);
  // What lies between them and is not white space: the declaration, a DOCTYPE, processing instructions.
  const pieces: Piece[] = [];
  let at = 0;
  for (const piece of found) {
    pieces.push(...markupBetween(text, at, piece.start), piece);
    at = piece.end;
  }
  pieces.push(...markupBetween(text, at, text.length));
  return pieces;
}

/** `<?…?>` and `<!…>` between `from` and `to`; anything else that is not white space becomes a piece left as it is. */
function* markupBetween(text: string, from: number, to: number): Generator<Piece> {
  let i = from;
  while (i < to) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9 || code === 10 || code === 13) {
      i++;
      continue;
    }
    const marker = text.startsWith('<?', i) ? '?>' : text.startsWith('<!', i) ? '>' : undefined;
    const close = marker ? text.indexOf(marker, i + 2) : -1;
    const end = close >= 0 && close + marker!.length <= to ? close + marker!.length : to;
    yield { kind: 'other', start: i, end };
    i = end;
  }
}
