import { hashCommentDirectives, type IgnoreDirective } from '../../common/ignoreComments';
import type { IftabDocument } from './parse';

/**
 * The `# xcc-ignore …` comments of an iftab. ifrename ends every line at its
 * first `#`, quoted or not, so that is where a comment starts.
 */
export function ignoreComments(doc: IftabDocument): IgnoreDirective[] {
  return hashCommentDirectives(doc.text, comments(doc), doc.lines);
}

function* comments(doc: IftabDocument): Generator<{ start: number; end: number }> {
  for (let line = 0; line < doc.lines.lineCount; line++) {
    const start = doc.lines.lineStart(line);
    const end = doc.lines.lineEnd(line);
    // Searches stay inside the line: an unbounded indexOf would rescan the rest of the file for every line.
    const hash = doc.text.slice(start, end).indexOf('#');
    if (hash >= 0) yield { start: start + hash, end };
  }
}
