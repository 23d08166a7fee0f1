import { hashCommentDirectives, hashCommentsBetween, type IgnoreDirective } from '../../common/ignoreComments';
import type { DrbdDocument } from './parse';

/** The `# xcc-ignore …` comments of a DRBD file: a `#` outside the tokens (whose strings are tokens) starts one. */
export function ignoreComments(doc: DrbdDocument): IgnoreDirective[] {
  return hashCommentDirectives(doc.text, hashCommentsBetween(doc.text, doc.tokens), doc.lines);
}
