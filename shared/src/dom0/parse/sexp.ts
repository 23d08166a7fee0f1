/**
 * `xm list --long` output read with the xend-sxp language's S-expression
 * reader (the same rules xend used to print it), simplified to nested
 * arrays of strings for the model.
 */
import { parseSexp, SexpError, SexpErrorKind, SexpNode } from '../../sexp';

/** An atom or a list. Quoted atoms lose their quotes. */
export type Sexp = string | Sexp[];

/** One top-level expression, and what was wrong with it (an unclosed list: the output was cut off). */
export interface SexpItem {
  readonly value: Sexp;
  /** The first problem inside this expression, if any. */
  readonly error?: string;
  /** False for a list that is never closed. */
  readonly complete: boolean;
}

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

/**
 * Reads every top-level expression of `text`, each with the first error inside
 * it; `stray` has errors outside any expression. Never throws.
 */
export function readSexpItems(text: string): { items: SexpItem[]; stray: string[] } {
  const tree = parseSexp(text);
  const describe = (error: SexpError) => `${PROBLEMS[error.kind]} (line ${error.range.start.line + 1}, column ${error.range.start.character + 1})`;
  const items: SexpItem[] = [];
  let next = 0; // errors are in source order, and so are the nodes
  const stray: string[] = [];
  for (const node of tree.nodes) {
    let error: SexpError | undefined;
    while (next < tree.errors.length && tree.errors[next].start < node.end) {
      const candidate = tree.errors[next++];
      if (candidate.start >= node.start) error ??= candidate;
      else stray.push(describe(candidate));
    }
    items.push({ value: simplify(node), complete: node.kind === 'atom' || node.closed, ...(error ? { error: describe(error) } : {}) });
  }
  for (; next < tree.errors.length; next++) stray.push(describe(tree.errors[next]));
  return { items, stray };
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
