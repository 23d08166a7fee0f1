/**
 * A small S-expression reader for `xm list --long`.
 *
 * TEMPORARY: the xend-sxp language (server/src/languages/xend-sxp/sexp.ts,
 * `parseSexp`) is being written on another branch; once merged, readSexp()
 * should delegate to it. Everything here goes through this one function.
 */

/** An atom or a list. Quoted atoms lose their quotes. */
export type Sexp = string | Sexp[];

export type SexpResult = { ok: true; values: Sexp[] } | { ok: false; error: string };

/** Reads every top-level expression of `text`; never throws. */
export function readSexp(text: string): SexpResult {
  const stack: Sexp[][] = [[]];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '(') {
      stack.push([]);
      i++;
    } else if (ch === ')') {
      if (stack.length === 1) return { ok: false, error: `unbalanced ")" at offset ${i}` };
      const list = stack.pop() as Sexp[];
      stack[stack.length - 1].push(list);
      i++;
    } else if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'" || ch === '"') {
      let atom = '';
      let j = i + 1;
      while (j < text.length && text[j] !== ch) {
        if (text[j] === '\\' && j + 1 < text.length) j++;
        atom += text[j++];
      }
      if (j >= text.length) return { ok: false, error: `unterminated ${ch} string at offset ${i}` };
      stack[stack.length - 1].push(atom);
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[\s()'"]/.test(text[j])) j++;
      stack[stack.length - 1].push(text.slice(i, j));
      i = j;
    }
  }
  if (stack.length !== 1) return { ok: false, error: `${stack.length - 1} unclosed "(" at the end of the output` };
  return { ok: true, values: stack[0] };
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
