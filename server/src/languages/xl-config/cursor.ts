/**
 * Where the cursor is, read from the text of its line so that it works while
 * the user is typing (an unclosed string, a list still open).
 */
import type { Setting, XlDocument } from './ast';

export type CursorContext =
  /** Typing a setting name at the start of a line. */
  | { kind: 'key'; word: { start: number; end: number }; setting?: Setting }
  /** After `key =`, outside quotes. */
  | { kind: 'value'; setting: Setting; word: { start: number; end: number } }
  /** Inside a quoted string of `setting` (a list item or the value itself). */
  | { kind: 'string'; setting: Setting; stringStart: number; quote: string; segment: { start: number; end: number } }
  | { kind: 'none' };

export function cursorContext(doc: XlDocument, offset: number): CursorContext {
  const line = doc.lines.positionAt(offset).line;
  const lineStart = doc.lines.lineStart(line);
  const prefix = doc.text.slice(lineStart, offset);
  const keyWord = /^\s*([a-z][a-z0-9_.]*)?$/.exec(prefix);
  if (keyWord) {
    const start = offset - (keyWord[1]?.length ?? 0);
    const rest = /^[a-z0-9_.]*/.exec(doc.text.slice(offset))![0];
    const setting = doc.settings.find((s) => s.key.start === start);
    // Only a key position when nothing but the key follows (not inside a multi-line list's item line).
    if (setting || !insideOpenList(doc, offset)) return { kind: 'key', word: { start, end: offset + rest.length }, setting };
  }
  const setting = settingBefore(doc, offset);
  if (!setting) return { kind: 'none' };
  const open = openString(prefix);
  if (open) {
    const stringStart = lineStart + open.index;
    const inString = doc.text.slice(stringStart + 1, offset);
    const segmentStart = stringStart + 1 + inString.lastIndexOf(',') + 1;
    let segmentEnd = offset;
    while (segmentEnd < doc.text.length && !',\n\'"'.includes(doc.text[segmentEnd])) segmentEnd++;
    const lead = /^\s*/.exec(doc.text.slice(segmentStart, offset))![0].length;
    return { kind: 'string', setting, stringStart, quote: open.quote, segment: { start: segmentStart + lead, end: segmentEnd } };
  }
  if (offset < setting.key.end) return { kind: 'none' };
  // The word before the cursor, read backwards (`/[A-Za-z0-9_.-]*$/` would rescan a long word from each of its characters).
  let start = offset;
  while (start > lineStart && /[A-Za-z0-9_.-]/.test(doc.text[start - 1])) start--;
  return { kind: 'value', setting, word: { start, end: offset } };
}

/** The setting the cursor belongs to: the last one that starts before it. */
function settingBefore(doc: XlDocument, offset: number): Setting | undefined {
  let found: Setting | undefined;
  for (const setting of doc.settings) {
    if (setting.start > offset) break;
    found = setting;
  }
  return found;
}

function insideOpenList(doc: XlDocument, offset: number): boolean {
  const setting = settingBefore(doc, offset);
  const value = setting?.value;
  return value?.kind === 'list' && offset > value.start && (!value.closed || offset < value.end);
}

/** The quote opened and not closed in `prefix`, with its index. */
function openString(prefix: string): { quote: string; index: number } | undefined {
  let open: { quote: string; index: number } | undefined;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix[i];
    if (open) {
      if (c === '\\') i++;
      else if (c === open.quote) open = undefined;
    } else if (c === '"' || c === "'") open = { quote: c, index: i };
    else if (c === '#') return undefined;
  }
  return open;
}
