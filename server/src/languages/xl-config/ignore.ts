import { directiveIn, type IgnoreDirective } from '../../common/ignoreComments';
import type { XlDocument } from './ast';

/** The `# xcc-ignore …` comments of a domain config or xl.conf (the lexer's comments: never a `#` inside a string). */
export function ignoreComments(doc: XlDocument): IgnoreDirective[] {
  const found: IgnoreDirective[] = [];
  for (const comment of doc.comments) {
    const directive = directiveIn(doc.text, comment.start, comment.start + 1, comment.end, doc.lines);
    if (directive) found.push(directive);
  }
  return found;
}
