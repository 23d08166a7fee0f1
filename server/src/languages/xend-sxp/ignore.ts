import { walkSexp } from '../../../../shared/src/sexp';
import { hashCommentDirectives, hashCommentsBetween, type IgnoreDirective } from '../../common/ignoreComments';
import type { XendDocument } from './parse';

/**
 * The `# xcc-ignore …` comments of xend-config.sxp. xend's reader (sxp.py)
 * takes `#` for a comment, outside strings, up to the end of the line; `;` is
 * a one-character atom to it, so a Lisp-style `; xcc-ignore` would be read as
 * data, not as a comment.
 */
export function ignoreComments(doc: XendDocument): IgnoreDirective[] {
  return hashCommentDirectives(doc.text, hashCommentsBetween(doc.text, atoms(doc)), doc.lines);
}

/** The atoms in source order: the strings are among them, so a `#` between them starts a comment. */
function* atoms(doc: XendDocument): Generator<{ start: number; end: number }> {
  for (const node of walkSexp(doc.tree.nodes)) if (node.kind === 'atom') yield node;
}
