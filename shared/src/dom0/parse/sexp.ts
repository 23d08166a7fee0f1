/**
 * `xm list --long` output read with the xend-sxp language's S-expression
 * reader (the same rules xend used to print it), simplified to nested
 * arrays of strings for the model.
 */
import { parseSexp, SexpErrorKind, SexpNode } from '../../sexp';

/** An atom or a list. Quoted atoms lose their quotes. */
export type Sexp = string | Sexp[];

export type SexpResult = { ok: true; values: Sexp[] } | { ok: false; error: string };

function simplify(node: SexpNode): Sexp {
  return node.kind === 'atom' ? node.value : node.items.map(simplify);
}

/** What went wrong, said about command output rather than a config file. */
const PROBLEMS: Record<SexpErrorKind, string> = {
  'unclosed-list': 'a "(" is never closed',
  'unexpected-close': 'a ")" closes nothing',
  'unterminated-string': 'a quoted string is never closed',
  'invalid-character': 'a character xend never prints',
  'too-deep': 'lists are nested too deeply',
};

/** Reads every top-level expression of `text`; never throws. */
export function readSexp(text: string): SexpResult {
  const tree = parseSexp(text);
  const [first] = tree.errors;
  if (first) return { ok: false, error: `${PROBLEMS[first.kind]} (line ${first.range.start.line + 1}, column ${first.range.start.character + 1})` };
  return { ok: true, values: tree.nodes.map(simplify) };
}

/** The first `(key value...)` child of `list`, if any. */
export function child(list: Sexp, key: string): Sexp[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.find((item): item is Sexp[] => Array.isArray(item) && item[0] === key);
}

/** Every `(key ...)` child of `list`. */
export function children(list: Sexp, key: string): Sexp[][] {
  if (!Array.isArray(list)) return [];
  return list.filter((item): item is Sexp[] => Array.isArray(item) && item[0] === key);
}

/** The atom value of `(key value)` in `list`. */
export function atom(list: Sexp, key: string): string | undefined {
  const found = child(list, key);
  return found && typeof found[1] === 'string' ? found[1] : undefined;
}
