/**
 * The one way hover and completion text becomes Markdown. VS Code renders
 * Markdown with HTML allowed and drops tags it does not know, so a raw
 * `<clusternode>` simply vanishes: names and values from data and from the
 * user's file are escaped or put in code spans here, never pasted raw.
 */
import { displayPath } from '../workspace/displayPath';

/** `text` as a code span that shows it literally, backticks included. */
export function code(text: string): string {
  let fence = '`';
  while (text.includes(fence)) fence += '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fenced code block holding `text` literally (the fence outgrows any backtick run inside). */
export function codeBlock(language: string, text: string): string {
  let fence = '```';
  while (text.includes(fence)) fence += '`';
  return `${fence}${language}\n${text}\n${fence}`;
}

const MARKUP = /[\\`*_[\]<>&|~#]/g;

/** Plain text (a name from the file, a value from a table) made safe for Markdown: every character shows as itself. */
export function escapeText(text: string): string {
  return text.replace(MARKUP, (c) => `\\${c}`);
}

/** Code spans of a documentation sentence and the text between them. */
function* spans(text: string): Generator<{ code: boolean; text: string }> {
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('`', at);
    const close = open < 0 ? -1 : text.indexOf('`', open + 1);
    if (close < 0) {
      yield { code: false, text: text.slice(at) };
      return;
    }
    if (open > at) yield { code: false, text: text.slice(at, open) };
    yield { code: true, text: text.slice(open, close + 1) };
    at = close + 1;
  }
}

/** An XML tag as written in prose: `<clusternode>`, `</rm>`, `<device name="…">`. */
const TAG = /<\/?[A-Za-z_][^<>\n]{0,80}>/g;

/**
 * One of this project's documentation sentences as Markdown. Its `code
 * spans` and `**bold**` stay; an XML tag written in the prose becomes a code
 * span, and any other `<`, `>` or `&` is escaped, so nothing reads as HTML.
 */
export function docText(text: string): string {
  let out = '';
  for (const part of spans(text)) {
    if (part.code) {
      out += part.text;
      continue;
    }
    let last = 0;
    for (const tag of part.text.matchAll(TAG)) {
      out += part.text.slice(last, tag.index).replace(/[<>&]/g, (c) => `\\${c}`) + code(tag[0]);
      last = tag.index + tag[0].length;
    }
    out += part.text.slice(last).replace(/[<>&]/g, (c) => `\\${c}`);
  }
  return out;
}

/** A documentation sentence as plain text (CompletionItem.detail): code spans lose their backticks. */
export function plainText(text: string): string {
  let out = '';
  for (const part of spans(text)) out += part.code ? part.text.slice(1, -1) : part.text;
  return out;
}

/** A Markdown link; `label` is plain text. */
export function link(label: string, url: string): string {
  return `[${escapeText(label)}](${url.replace(/[()\s]/g, encodeURIComponent)})`;
}

/** A section of an upstream manual, from a schema table: its page's name (`xl.cfg(5)`) and URL. */
export interface ManualLink {
  title: string;
  url: string;
}

/** The line a hover ends with: where the upstream manual explains the thing. */
export function manualLine(manual: ManualLink): string {
  return `Manual: ${link(manual.title, manual.url)}`;
}

/**
 * Another file's line as VS Code links it: the path relative to the workspace
 * root as the label (`vm/web.cfg:12`), the file URI with a `#Lnn` fragment as
 * the target. `line` is 0-based.
 */
export function fileLink(uri: string, line: number, root: string | undefined): string {
  return link(`${displayPath(uri, root)}:${line + 1}`, `${uri.replace(/#.*$/, '')}#L${line + 1}`);
}

/** Opening or closing tags outside code spans: what a Markdown renderer would take as HTML (for tests). */
export function rawTags(markdown: string): string[] {
  const found: string[] = [];
  for (const part of spans(markdown.replace(/```[\s\S]*?```/g, '').replace(/\\[\\`<>]/g, ''))) if (!part.code) found.push(...(part.text.match(/<\/?[A-Za-z][^<>]*>/g) ?? []));
  return found;
}
