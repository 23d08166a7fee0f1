import { directiveIn, type IgnoreDirective } from '../../common/ignoreComments';
import type { ClusterDoc } from './parse';

const OPEN = '<!--';
const CLOSE = '-->';

/** The `<!-- xcc-ignore … -->` comments of a cluster.conf (an unclosed comment counts to the end of its first line). */
export function ignoreComments(doc: ClusterDoc): IgnoreDirective[] {
  const found: IgnoreDirective[] = [];
  for (const comment of doc.comments) {
    const start = comment.start + OPEN.length;
    const closed = doc.text.startsWith(CLOSE, comment.end - CLOSE.length) && comment.end - CLOSE.length >= start;
    const end = closed ? comment.end - CLOSE.length : doc.lines.lineEnd(doc.lines.positionAt(start).line);
    const directive = directiveIn(doc.text, comment.start, start, end, doc.lines);
    if (directive) found.push(directive);
  }
  return found;
}
