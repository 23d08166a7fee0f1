/**
 * A fast yes for the common case of the well-formedness check. fast-xml-parser's
 * validator builds every tag name and attribute string a character at a time
 * (`+=`): on the bench's 2,109-line cluster.conf it was a quarter of
 * parse+validate. Almost every real file is plain XML: an optional declaration,
 * comments, elements with ASCII names and quoted attribute values, text
 * without `&`. This scanner recognises exactly that subset, in one pass and
 * without building strings; for it the validator always answers true.
 * Anything else (an entity, CDATA, a DOCTYPE, a non-ASCII name, any error)
 * answers false, and the caller asks the validator as before, so the messages
 * of every malformed file are the validator's own.
 */

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const EQUALS = 61; // =
const QUOTE = 34; // "
const APOSTROPHE = 39; // '
const AMPERSAND = 38; // &
const BANG = 33; // !
const DASH = 45; // -

/** The validator's white space: space, tab, line feed, carriage return. */
function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** ASCII letters, `_` and `:`: the ASCII part of XML's NameStartChar. */
function isNameStart(code: number): boolean {
  const lower = code | 0x20;
  return (lower >= 97 && lower <= 122) || code === 95 || code === 58;
}

/** NameStartChar plus digits, `-` and `.` (ASCII only). */
function isNamePart(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57) || code === DASH || code === 46;
}

/**
 * True only when `text` is in the plain subset above and well-formed, so that
 * `XMLValidator.validate(text, { allowBooleanAttributes: false })` returns true.
 * False means "not shown here", not "malformed". Linear: each character is read
 * a bounded number of times; the open elements are a stack of name ranges.
 */
export function isPlainWellFormed(text: string): boolean {
  const length = text.length;
  /** Start and end offsets of each open element's name. */
  const open: number[] = [];
  let rootSeen = false;
  let i = 0;
  // The declaration `<?xml …?>`, only at the very start (anywhere else the validator may refuse it).
  if (text.startsWith('<?', 0)) {
    const close = text.indexOf('?>', 2);
    if (close < 0) return false;
    i = close + 2;
  }
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code !== LT) {
      // Text: blank outside the root element; no `&` (entity references go to the validator).
      if (code === AMPERSAND || (open.length === 0 && !isBlank(code))) return false;
      i++;
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if (next === BANG) {
      if (!text.startsWith('<!--', i)) return false;
      const close = text.indexOf('-->', i + 4);
      if (close < 0) return false;
      i = close + 3;
    } else if (next === SLASH) {
      const nameEnd = nameEndAt(text, i + 2);
      if (nameEnd < 0 || open.length === 0) return false;
      const openEnd = open.pop()!;
      const openStart = open.pop()!;
      if (!sameRange(text, openStart, openEnd, i + 2, nameEnd)) return false;
      let j = nameEnd;
      while (j < length && isBlank(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) !== GT) return false;
      i = j + 1;
    } else {
      // A start tag; a second top-level element is the validator's "Multiple possible root nodes".
      if (open.length === 0 && rootSeen) return false;
      rootSeen = true;
      const end = startTagEnd(text, i + 1, open);
      if (end < 0) return false;
      i = end;
    }
  }
  return rootSeen && open.length === 0;
}

/** Where the ASCII name starting at `from` ends; -1 when there is none. */
function nameEndAt(text: string, from: number): number {
  if (!isNameStart(text.charCodeAt(from))) return -1;
  let j = from + 1;
  while (isNamePart(text.charCodeAt(j))) j++;
  return j;
}

/** True when text[start, end) and text[otherStart, otherEnd) hold the same characters. */
function sameRange(text: string, start: number, end: number, otherStart: number, otherEnd: number): boolean {
  if (end - start !== otherEnd - otherStart) return false;
  for (let k = 0; k < end - start; k++) if (text.charCodeAt(start + k) !== text.charCodeAt(otherStart + k)) return false;
  return true;
}

/**
 * Reads a start tag from its name at `from`: attributes `name="value"` (or
 * single quotes), each preceded by a blank, with distinct names and values
 * free of `<` and `&`; then `>` (the name is pushed on `open`) or `/>`.
 * Returns the offset after the tag, or -1 outside the subset.
 */
function startTagEnd(text: string, from: number, open: number[]): number {
  const nameEnd = nameEndAt(text, from);
  if (nameEnd < 0) return -1;
  // A set, not a list searched per attribute: a hostile tag may have a hundred thousand of them.
  const names = new Set<string>();
  let j = nameEnd;
  for (;;) {
    const before = j;
    while (isBlank(text.charCodeAt(j))) j++;
    const code = text.charCodeAt(j);
    if (code === GT) {
      open.push(from, nameEnd);
      return j + 1;
    }
    if (code === SLASH) return text.charCodeAt(j + 1) === GT ? j + 2 : -1;
    if (j === before) return -1; // no blank before the attribute
    const attrEnd = nameEndAt(text, j);
    if (attrEnd < 0) return -1;
    const name = text.slice(j, attrEnd);
    if (names.has(name)) return -1; // a repeated attribute
    names.add(name);
    j = attrEnd;
    while (isBlank(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== EQUALS) return -1;
    j++;
    while (isBlank(text.charCodeAt(j))) j++;
    const quote = text.charCodeAt(j);
    if (quote !== QUOTE && quote !== APOSTROPHE) return -1;
    j++;
    for (;;) {
      const inside = text.charCodeAt(j);
      if (Number.isNaN(inside) || inside === LT || inside === AMPERSAND) return -1;
      j++;
      if (inside === quote) break;
    }
  }
}
