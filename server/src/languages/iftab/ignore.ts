import { directiveIn, type IgnoreDirective } from '../../common/ignoreComments';
import type { IftabDocument } from './parse';

/**
 * The `# xcc-ignore …` comments of an iftab. ifrename ends every line at its
 * first `#`, quoted or not, so that is where a comment starts.
 */
export function ignoreComments(doc: IftabDocument): IgnoreDirective[] {
  const found: IgnoreDirective[] = [];
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const start = doc.lines.lineStart(line);
    const end = doc.lines.lineEnd(line);
    // Searches stay inside the line: an unbounded indexOf would rescan the rest of the file for every line.
    const hash = doc.text.slice(start, end).indexOf('#');
    if (hash < 0) continue;
    const directive = directiveIn(doc.text, start + hash, start + hash + 1, end, doc.lines);
    if (directive) found.push(directive);
  }
  return found;
}
