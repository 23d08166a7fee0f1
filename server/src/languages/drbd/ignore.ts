import { directiveIn, hashCommentsBetween, type IgnoreDirective } from '../../common/ignoreComments';
import type { DrbdDocument } from './parse';

/** The `# xcc-ignore …` comments of a DRBD file: a `#` outside the tokens (whose strings are tokens) starts one. */
export function ignoreComments(doc: DrbdDocument): IgnoreDirective[] {
  const found: IgnoreDirective[] = [];
  for (const comment of hashCommentsBetween(doc.text, doc.tokens)) {
    const directive = directiveIn(doc.text, comment.start, comment.start + 1, comment.end, doc.lines);
    if (directive) found.push(directive);
  }
  return found;
}
