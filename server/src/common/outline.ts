/** Past this many characters an outline name or detail is cut: the outline shows one line per symbol. */
export const MAX_OUTLINE_TEXT = 60;

/** `text` on one line (runs of blanks and line breaks as one space), cut with "..." past MAX_OUTLINE_TEXT. */
export function outlineText(text: string): string {
  // Only the head is ever shown: a megabyte value costs no more than a short one.
  const head = text.slice(0, 4 * MAX_OUTLINE_TEXT).replace(/\s+/g, ' ').trim();
  return head.length > MAX_OUTLINE_TEXT ? `${head.slice(0, MAX_OUTLINE_TEXT - 3)}...` : head;
}
