import { hashCommentDirectives, type IgnoreDirective } from '../../common/ignoreComments';
import type { XlDocument } from './ast';

/** The `# xcc-ignore …` comments of a domain config or xl.conf (the lexer's comments: never a `#` inside a string). */
export function ignoreComments(doc: XlDocument): IgnoreDirective[] {
  return hashCommentDirectives(doc.text, doc.comments, doc.lines);
}
