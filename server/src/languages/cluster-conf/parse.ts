/**
 * cluster.conf parsing. Well-formedness is judged by fast-xml-parser's
 * validator (it reports the first error with its line and column). The tree
 * with exact offsets comes from the small tolerant scanner below, because
 * fast-xml-parser's parser throws on an unterminated start tag (the state a
 * file is in while one types it), re-nests wrongly after an unclosed element,
 * and gives no attribute ranges; completion and hover need all three.
 */
import { XMLValidator } from 'fast-xml-parser';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnostic, Severity } from '../../common/diagnostics';
import { nameTable } from '../../common/nameTable';
import { LineIndex } from '../../../../shared/src/lineIndex';
import { StringPool } from '../../../../shared/src/stringPool';
import type { ParsedDocument } from '../types';
import { Code } from './codes';
import { isPlainWellFormed } from './plainXml';

export const SOURCE = 'cluster-conf';

export interface XmlAttribute {
  name: string;
  /** The value as written between the quotes, entities decoded. */
  value: string;
  nameStart: number;
  nameEnd: number;
  /** Offsets inside the quotes; equal to nameEnd when the attribute has no value. */
  valueStart: number;
  valueEnd: number;
  quoted: boolean;
}

export interface XmlElement {
  name: string;
  /** Offset of `<`. */
  start: number;
  nameStart: number;
  nameEnd: number;
  /** Offset just after the start tag (its `>` or `/>`), or where the unterminated tag stops. */
  startTagEnd: number;
  /** Offset of `</` of the end tag (= startTagEnd when self-closing or unclosed). */
  contentEnd: number;
  /** Offset just after the whole element. */
  end: number;
  selfClosing: boolean;
  /** False when the start tag or the element was never closed. */
  closed: boolean;
  /** Offset range of the end tag's name, when there is one. */
  endNameStart?: number;
  attributes: XmlAttribute[];
  children: XmlElement[];
  parent?: XmlElement;
  /** Non-blank character data directly inside the element (offset ranges). */
  texts: { start: number; end: number }[];
}

export interface ClusterDoc extends ParsedDocument {
  /** The first top-level element (normally `<cluster>`). */
  root?: XmlElement;
  /** Every element in document order. */
  elements: XmlElement[];
  /** Comment ranges, for folding. */
  comments: { start: number; end: number }[];
}

export function attribute(element: XmlElement, name: string): XmlAttribute | undefined {
  return element.attributes.find((a) => a.name === name);
}

export function attributeValue(element: XmlElement, name: string): string | undefined {
  return attribute(element, name)?.value;
}

const ENTITIES: Record<string, string> = nameTable({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" });

/** A character reference `&#…;` or `&#x…;` and the code point it names (NaN past any number). */
const CHARACTER_REFERENCE = /&#(?:x([0-9a-fA-F]+)|([0-9]+));/g;

function codePointOf(hex: string | undefined, decimal: string | undefined): number {
  return hex !== undefined ? parseInt(hex, 16) : parseInt(decimal!, 10);
}

/** XML 1.0's Char: what a character reference may name (xmllint refuses the others). */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** Entities and character references decoded; a reference to no character becomes U+FFFD (the syntax error says why). */
function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name] ?? whole;
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return String.fromCodePoint(isXmlChar(code) ? code : 0xfffd);
  });
}

/** xmllint's verdict on the first bad character reference of `raw` (at `offset` in the file). */
function badCharacterReference(raw: string, offset: number): { start: number; end: number; message: string } | undefined {
  if (!raw.includes('&#')) return undefined;
  for (const match of raw.matchAll(CHARACTER_REFERENCE)) {
    const code = codePointOf(match[1], match[2]);
    if (isXmlChar(code)) continue;
    const start = offset + match.index!;
    const message = code > 0x10ffff || !Number.isFinite(code)
      ? `character reference out of bounds: ${match[0]} is past U+10FFFF, the last Unicode character.`
      : `character reference ${match[0]} names U+${code.toString(16).toUpperCase().padStart(4, '0')}, which XML does not allow (xmllint: "invalid xmlChar value ${code}").`;
    return { start, end: start + match[0].length, message };
  }
  return undefined;
}

/** Anything but white space and the characters that end a name: / > = < " ' */
function isNameChar(code: number): boolean {
  return !(code === 32 || code === 9 || code === 10 || code === 13 || code === 47 || code === 62 || code === 61 || code === 60 || code === 34 || code === 39);
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/**
 * How many open elements an element may sit in: xmllint (libxml2) refuses the
 * next one with "Excessive depth in document: 256 use XML_PARSE_HUGE option",
 * so the tree (and every walk over it) stops at 257 levels.
 */
export const MAX_OPEN_ELEMENTS = 256;

/** The empty list elements share until they get attributes, children or text (never added to: it is frozen). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** A list starts as `[attr]`: an empty `[]` pushed to reserves room for 17 (most elements have one to four). */
function addAttribute(element: XmlElement, attr: XmlAttribute): void {
  if (element.attributes === NONE) element.attributes = [attr];
  else element.attributes.push(attr);
}

/**
 * A finished list as an array of its own size: one grown by push keeps room
 * for 16 or more (a `<clusternode name nodeid votes>` held 18 slots for its 3
 * attributes), and a big file has a list of attributes per element.
 */
function ownSize<T>(list: T[]): T[] {
  return list.length > 1 ? list.slice() : list;
}

/** An attribute value or a text that libxml2 refuses and fast-xml-parser's validator lets through. */
interface RunError {
  start: number;
  end: number;
  message: string;
}

/**
 * What the well-formedness check needs of the tree, besides its top-level
 * elements: the last element (in document order) never closed, and the first
 * element whose values or text hold a bad `<`, `&` or character reference.
 */
interface Verdicts {
  lastUnclosed?: XmlElement;
  firstRunError(): RunError | undefined;
}

/**
 * Scans the element tree; never throws, closes whatever is left open at the
 * end. With `keep` false (for the syntax errors alone) no element stays in
 * the tree once it is closed: `elements` and `comments` stay empty,
 * `topLevel` holds the first two, and each element is judged as it is closed.
 */
function scanTree(text: string, keep: boolean): Pick<ClusterDoc, 'elements' | 'comments'> & Verdicts & { topLevel: XmlElement[]; tooDeep?: XmlElement } {
  const elements: XmlElement[] = [];
  /** How many elements (not past the depth limit) were met: the index in `elements` of the next one. */
  let count = 0;
  /** The index in document order of each open element. */
  const openIndexes: number[] = [];
  let lastUnclosed: { element: XmlElement; index: number } | undefined;
  let firstBad: { error: RunError; index: number } | undefined;
  /** An element is finished: nothing more is added to it. */
  const finished = (element: XmlElement, index: number) => {
    if (!element.closed && (!lastUnclosed || index > lastUnclosed.index)) lastUnclosed = { element, index };
    if (keep || (firstBad && firstBad.index < index)) return;
    const error = runError(text, element);
    if (error) firstBad = { error, index };
  };
  // A big file repeats its element and attribute names and many values: one string each.
  const words = new StringPool();
  const comments: { start: number; end: number }[] = [];
  const topLevel: XmlElement[] = [];
  const stack: XmlElement[] = [];
  /** How many of the open elements have each name. */
  const openNames = new Map<string, number>();
  /** The first element past MAX_OPEN_ELEMENTS, and how many elements below it are open (they are scanned, not kept). */
  let tooDeep: XmlElement | undefined;
  let skipped = 0;
  let i = 0;

  const push = (element: XmlElement, index: number) => {
    stack.push(element);
    openIndexes.push(index);
    openNames.set(element.name, (openNames.get(element.name) ?? 0) + 1);
  };
  const pop = () => {
    const element = stack.pop()!;
    const index = openIndexes.pop()!;
    openNames.set(element.name, openNames.get(element.name)! - 1);
    element.children = ownSize(element.children);
    element.texts = ownSize(element.texts);
    return { element, index };
  };

  const addText = (start: number, end: number) => {
    if (skipped > 0) return;
    const parent = stack[stack.length - 1];
    let first = start;
    while (first < end && isSpace(text[first])) first++;
    if (!parent || first === end) return;
    let last = end;
    while (isSpace(text[last - 1])) last--;
    const found = { start: first, end: last };
    if (parent.texts === NONE) parent.texts = [found];
    else parent.texts.push(found);
  };

  const skipTo = (marker: string, from: number) => {
    const found = text.indexOf(marker, from);
    return found < 0 ? text.length : found + marker.length;
  };

  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      addText(i, text.length);
      break;
    }
    if (lt > i) addText(i, lt);
    if (text.startsWith('<!--', lt)) {
      i = skipTo('-->', lt + 4);
      if (keep) comments.push({ start: lt, end: i });
    } else if (text.startsWith('<![CDATA[', lt)) {
      i = skipTo(']]>', lt + 9);
      addText(lt, i);
    } else if (text.startsWith('<?', lt)) {
      i = skipTo('?>', lt + 2);
    } else if (text.startsWith('<!', lt)) {
      i = skipTo('>', lt + 2);
    } else if (text[lt + 1] === '/') {
      i = skipped > 0 ? skipEndTag(lt) : scanEndTag(lt);
    } else {
      i = scanStartTag(lt);
    }
  }
  stack.forEach((open, depth) => {
    open.closed = false;
    open.end = text.length;
    open.contentEnd = text.length;
    finished(open, openIndexes[depth]);
  });
  const firstRunError = () => {
    if (!keep) return firstBad?.error;
    for (const element of elements) {
      const error = runError(text, element);
      if (error) return error;
    }
    return undefined;
  };
  return { elements, comments, topLevel, tooDeep, lastUnclosed: lastUnclosed?.element, firstRunError };

  function lineEndFrom(from: number): number {
    let end = from;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    return end;
  }

  function readName(from: number): number {
    let j = from;
    while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
    return j;
  }

  /** Where an end tag's `>` is (or its name ends, when a `<` or the end comes first). */
  function endTagEnd(nameEnd: number): number {
    let j = nameEnd;
    while (j < text.length && text[j] !== '>' && text[j] !== '<') j++;
    return text[j] === '>' ? j + 1 : nameEnd;
  }

  /** An end tag inside an element past the depth limit: it only closes one level of what is skipped. */
  function skipEndTag(lt: number): number {
    skipped--;
    return Math.max(endTagEnd(readName(lt + 2)), lt + 2);
  }

  function scanEndTag(lt: number): number {
    const nameEnd = readName(lt + 2);
    const name = text.slice(lt + 2, nameEnd);
    const after = endTagEnd(nameEnd);
    // How many open elements have the name, kept as they open and close: a stray end tag is answered
    // without looking through the open elements (20,000 mismatched end tags under deep nesting).
    if (!openNames.get(name)) return Math.max(after, lt + 2);
    let match = stack.length - 1;
    while (stack[match].name !== name) match--;
    // Elements opened after the matching one were never closed: they end here.
    while (stack.length > match + 1) {
      const { element: unclosed, index } = pop();
      unclosed.closed = false;
      unclosed.contentEnd = lt;
      unclosed.end = lt;
      finished(unclosed, index);
    }
    const { element, index } = pop();
    element.contentEnd = lt;
    element.end = after;
    element.endNameStart = lt + 2;
    finished(element, index);
    return Math.max(after, lt + 2);
  }

  function scanStartTag(lt: number): number {
    const nameEnd = readName(lt + 1);
    const element: XmlElement = {
      name: words.slice(text, lt + 1, nameEnd),
      start: lt,
      nameStart: lt + 1,
      nameEnd,
      startTagEnd: nameEnd,
      contentEnd: nameEnd,
      end: nameEnd,
      selfClosing: false,
      closed: true,
      // Shared empty lists until the element has attributes or is opened: most elements are empty (`<clusternode …/>`).
      attributes: NONE,
      children: NONE,
      texts: NONE,
    };
    // Past the depth limit the element is scanned (to find where it ends) but not kept.
    const deep = skipped > 0 || stack.length > MAX_OPEN_ELEMENTS;
    const parent = stack[stack.length - 1];
    const index = deep ? -1 : count++;
    if (deep) {
      tooDeep ??= element;
    } else if (!keep) {
      if (!parent && topLevel.length < 2) topLevel.push(element);
    } else if (parent) {
      element.parent = parent;
      if (parent.children === NONE) parent.children = [element];
      else parent.children.push(element);
    } else {
      topLevel.push(element);
    }
    if (!deep && keep) elements.push(element);
    let j = nameEnd;
    for (;;) {
      while (j < text.length && isSpace(text[j])) j++;
      const tagEnds = j >= text.length || text[j] === '<' || text[j] === '>' || (text[j] === '/' && text[j + 1] === '>');
      if (tagEnds) element.attributes = ownSize(element.attributes);
      if (j >= text.length || text[j] === '<') {
        // Unterminated start tag: the element holds nothing and stays open to the end of the tag.
        element.startTagEnd = element.contentEnd = element.end = j;
        element.closed = false;
        if (!deep) finished(element, index);
        return j;
      }
      if (text[j] === '>') {
        element.startTagEnd = element.contentEnd = j + 1;
        if (deep) skipped++;
        else push(element, index);
        return j + 1;
      }
      if (text[j] === '/' && text[j + 1] === '>') {
        element.startTagEnd = element.contentEnd = element.end = j + 2;
        element.selfClosing = true;
        if (!deep) finished(element, index);
        return j + 2;
      }
      j = scanAttribute(element, j);
    }
  }

  function scanAttribute(element: XmlElement, from: number): number {
    let nameEnd = readName(from);
    if (nameEnd === from) nameEnd = from + 1; // a stray character: skip it
    const attr: XmlAttribute = {
      name: words.slice(text, from, nameEnd),
      value: '',
      nameStart: from,
      nameEnd,
      valueStart: nameEnd,
      valueEnd: nameEnd,
      quoted: false,
    };
    let j = nameEnd;
    while (j < text.length && isSpace(text[j])) j++;
    if (text[j] !== '=') {
      if (isNameChar(text.charCodeAt(from))) addAttribute(element, attr);
      return nameEnd;
    }
    j++;
    while (j < text.length && isSpace(text[j])) j++;
    const quote = text[j];
    if (quote === '"' || quote === "'") {
      // A value runs to its closing quote; one that is never closed (or would swallow a `<`,
      // which XML forbids in values) stops at the end of its line, so the rest still parses.
      // One scan to the closing quote or a `<`, whichever comes first (not to the next quote of the
      // file, which for an unclosed value may be far away, once for each such value).
      let close = j + 1;
      while (close < text.length && text[close] !== quote && text[close] !== '<') close++;
      const terminated = text[close] === quote;
      const valueEnd = terminated ? close : lineEndFrom(j + 1);
      attr.valueStart = j + 1;
      attr.valueEnd = valueEnd;
      attr.quoted = true;
      attr.value = decodeEntities(words.slice(text, j + 1, valueEnd));
      addAttribute(element, attr);
      return terminated ? close + 1 : valueEnd;
    }
    const valueEnd = readName(j);
    attr.valueStart = j;
    attr.valueEnd = valueEnd;
    attr.value = words.slice(text, j, valueEnd);
    addAttribute(element, attr);
    return valueEnd;
  }
}

/** The one-line range of the token at (or, failing that, just before) a 1-based line/column. */
function tokenAt(lines: LineIndex, line: number, column: number): { start: number; end: number } {
  const zeroLine = Math.max(0, Math.min(line - 1, lines.lineCount - 1));
  const lineText = lines.lineText(zeroLine);
  const column0 = Math.max(0, Math.min(column - 1, lineText.length));
  const lineStart = lines.lineStart(zeroLine);
  const token = /^(<\/?[^\s<>]*|[^\s<>="']+|\S)/.exec(lineText.slice(column0));
  if (token) return { start: lineStart + column0, end: lineStart + column0 + token[0].length };
  // The word that ends at the column, read backwards (`/\S+$/` would rescan a long word from each of its characters).
  let start = column0;
  while (start > 0 && !/\s/.test(lineText[start - 1])) start--;
  return { start: lineStart + start, end: lineStart + column0 };
}

type Tree = ReturnType<typeof scanTree>;

function wellFormednessErrors(text: string, lines: LineIndex, tree: Tree): Diagnostic[] {
  const error = (start: number, end: number, message: string) => [diagnostic(lines.range(start, end), Severity.Error, Code.syntax, `XML is not well-formed: ${message}`, SOURCE)];
  if (text.trim() === '') {
    return [diagnostic(lines.range(0, 0), Severity.Error, Code.syntax, 'The file is empty: cluster.conf needs a <cluster name="…" config_version="1"> element.', SOURCE)];
  }
  let result: ReturnType<typeof XMLValidator.validate> = true;
  // Plain XML (nearly every real file) is well-formed for the validator too: ask it only about the rest.
  if (!isPlainWellFormed(text)) {
    try {
      result = XMLValidator.validate(text, { allowBooleanAttributes: false });
    } catch (thrown) {
      return error(0, 0, String(thrown));
    }
  }
  // xmllint stops at the first element nested too deep; an error the validator finds after it is never reached.
  const deep = tree.tooDeep;
  const tooDeep = (before: number) => deep !== undefined && deep.start < before;
  const depthError = () => error(deep!.nameStart, deep!.nameEnd, `<${deep!.name}> is nested inside more than ${MAX_OPEN_ELEMENTS} elements: xmllint stops here ("Excessive depth in document: ${MAX_OPEN_ELEMENTS} use XML_PARSE_HUGE option"), and nothing inside it is read.`);
  if (result !== true) {
    const { line, col, msg } = result.err;
    // For elements left open at the end the validator lists their names without a place; name the innermost.
    const unclosed = tree.lastUnclosed;
    if (msg.startsWith("Invalid '[") && unclosed) return tooDeep(unclosed.start) ? depthError() : error(unclosed.nameStart, unclosed.nameEnd, `<${unclosed.name}> is never closed; add </${unclosed.name}> or end its tag with />.`);
    // The validator leaves the position out for some errors (e.g. `<?>`): point at the start then.
    const token = tokenAt(lines, Number.isFinite(line) ? line : 1, Number.isFinite(col) ? col : 1);
    return tooDeep(token.start) ? depthError() : error(token.start, token.end, msg);
  }
  const found = [...processingInstructionErrors(text, lines), ...laxValidatorErrors(tree, error)].slice(0, 1);
  if (deep && (found.length === 0 || tooDeep(lines.offsetAt(found[0].range.start)))) return depthError();
  return found;
}

/** An `&` that does not start one of the five predefined entities or a character reference. */
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;

/** What libxml2 rejects and fast-xml-parser's validator lets through. */
function laxValidatorErrors(tree: Tree, error: (start: number, end: number, message: string) => Diagnostic[]): Diagnostic[] {
  const extra = tree.topLevel[1];
  if (extra) return error(extra.nameStart, extra.nameEnd, `only one top-level element is allowed, but <${extra.name}> follows <${tree.topLevel[0].name}>.`);
  const bad = tree.firstRunError();
  return bad ? error(bad.start, bad.end, bad.message) : [];
}

/** The first bad `<`, `&` or character reference in an element's attribute values or text. */
function runError(text: string, element: XmlElement): RunError | undefined {
  // Attribute values first, then texts; no list of runs built per element (it is asked of every element).
  for (const attr of element.attributes) {
    const error = attr.quoted ? runErrorIn(text, attr.valueStart, attr.valueEnd, true) : undefined;
    if (error) return error;
  }
  for (const run of element.texts) {
    const error = text.startsWith('<![CDATA[', run.start) ? undefined : runErrorIn(text, run.start, run.end, false);
    if (error) return error;
  }
  return undefined;
}

/** The first bad `<` (in a value), `&` or character reference in text[start, end). */
function runErrorIn(text: string, start: number, end: number, inValue: boolean): RunError | undefined {
  const raw = text.slice(start, end);
  if (inValue && raw.includes('<')) return { start: start + raw.indexOf('<'), end: start + raw.indexOf('<') + 1, message: "'<' is not allowed in an attribute value; write &lt;." };
  if (!raw.includes('&')) return undefined;
  const ampersand = BARE_AMPERSAND.exec(raw);
  const reference = badCharacterReference(raw, start);
  if (reference && (!ampersand || reference.start < start + ampersand.index)) return reference;
  if (ampersand) {
    const at = start + ampersand.index;
    return { start: at, end: at + (/^&[A-Za-z0-9#]*;?/.exec(raw.slice(ampersand.index))?.[0].length ?? 1), message: "'&' starts an entity reference; write &amp; for a literal ampersand (only &amp; &lt; &gt; &quot; &apos; are defined)." };
  }
  return undefined;
}

const XML_DECLARATION = /^<\?xml\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>/;

/** What fast-xml-parser's validator lets through: a malformed `<?xml …?>` declaration or processing instruction. */
function processingInstructionErrors(text: string, lines: LineIndex): Diagnostic[] {
  for (const match of text.matchAll(/<\?([^\s?]*)/g)) {
    const start = match.index ?? 0;
    const target = match[1];
    const range = lines.range(start, start + 2 + target.length);
    if (!/^[A-Za-z_][A-Za-z0-9._-]*$/.test(target)) {
      return [diagnostic(range, Severity.Error, Code.syntax, `XML is not well-formed: '<?${target}' does not start a processing instruction (a name must follow '<?').`, SOURCE)];
    }
    if (target.toLowerCase() !== 'xml') continue;
    if (start !== 0) {
      return [diagnostic(range, Severity.Error, Code.syntax, 'XML is not well-formed: the <?xml …?> declaration may only appear at the very start of the file.', SOURCE)];
    }
    if (!XML_DECLARATION.test(text)) {
      return [diagnostic(range, Severity.Error, Code.syntax, 'XML is not well-formed: the declaration should read <?xml version="1.0"?> (optionally with encoding="…" and standalone="yes|no").', SOURCE)];
    }
  }
  return [];
}

/** Exactly `parse(text).syntaxErrors`, with each element let go once it is closed. */
export function syntaxErrors(text: string): Diagnostic[] {
  return wellFormednessErrors(text, new LineIndex(text), scanTree(text, false));
}

export function parse(text: string): ClusterDoc {
  const lines = new LineIndex(text);
  const tree = scanTree(text, true);
  return { text, lines, syntaxErrors: wellFormednessErrors(text, lines, tree), root: tree.topLevel[0], elements: tree.elements, comments: tree.comments };
}
