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
import { LineIndex } from '../../../../shared/src/lineIndex';
import type { ParsedDocument } from '../types';
import { Code } from './codes';

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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(raw: string): string {
  return raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16) || 0xfffd);
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10) || 0xfffd);
    return ENTITIES[name] ?? whole;
  });
}

/** Anything but white space and the characters that end a name: / > = < " ' */
function isNameChar(code: number): boolean {
  return !(code === 32 || code === 9 || code === 10 || code === 13 || code === 47 || code === 62 || code === 61 || code === 60 || code === 34 || code === 39);
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/** Scans the element tree; never throws, closes whatever is left open at the end. */
function scanTree(text: string): Pick<ClusterDoc, 'elements' | 'comments'> & { topLevel: XmlElement[] } {
  const elements: XmlElement[] = [];
  const comments: { start: number; end: number }[] = [];
  const topLevel: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let i = 0;

  const addText = (start: number, end: number) => {
    const parent = stack[stack.length - 1];
    let first = start;
    while (first < end && isSpace(text[first])) first++;
    if (!parent || first === end) return;
    let last = end;
    while (isSpace(text[last - 1])) last--;
    parent.texts.push({ start: first, end: last });
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
      comments.push({ start: lt, end: i });
    } else if (text.startsWith('<![CDATA[', lt)) {
      i = skipTo(']]>', lt + 9);
      addText(lt, i);
    } else if (text.startsWith('<?', lt)) {
      i = skipTo('?>', lt + 2);
    } else if (text.startsWith('<!', lt)) {
      i = skipTo('>', lt + 2);
    } else if (text[lt + 1] === '/') {
      i = scanEndTag(lt);
    } else {
      i = scanStartTag(lt);
    }
  }
  for (const open of stack) {
    open.closed = false;
    open.end = text.length;
    open.contentEnd = text.length;
  }
  return { elements, comments, topLevel };

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

  function scanEndTag(lt: number): number {
    const nameEnd = readName(lt + 2);
    const name = text.slice(lt + 2, nameEnd);
    const gt = text.indexOf('>', nameEnd);
    const nextLt = text.indexOf('<', nameEnd);
    const after = gt < 0 || (nextLt >= 0 && nextLt < gt) ? nameEnd : gt + 1;
    const match = stack.map((e) => e.name).lastIndexOf(name);
    if (match < 0) return Math.max(after, lt + 2);
    // Elements opened after the matching one were never closed: they end here.
    while (stack.length > match + 1) {
      const unclosed = stack.pop()!;
      unclosed.closed = false;
      unclosed.contentEnd = lt;
      unclosed.end = lt;
    }
    const element = stack.pop()!;
    element.contentEnd = lt;
    element.end = after;
    element.endNameStart = lt + 2;
    return Math.max(after, lt + 2);
  }

  function scanStartTag(lt: number): number {
    const nameEnd = readName(lt + 1);
    const element: XmlElement = {
      name: text.slice(lt + 1, nameEnd),
      start: lt,
      nameStart: lt + 1,
      nameEnd,
      startTagEnd: nameEnd,
      contentEnd: nameEnd,
      end: nameEnd,
      selfClosing: false,
      closed: true,
      attributes: [],
      children: [],
      texts: [],
    };
    const parent = stack[stack.length - 1];
    if (parent) {
      element.parent = parent;
      parent.children.push(element);
    } else {
      topLevel.push(element);
    }
    elements.push(element);
    let j = nameEnd;
    for (;;) {
      while (j < text.length && isSpace(text[j])) j++;
      if (j >= text.length || text[j] === '<') {
        // Unterminated start tag: the element holds nothing and stays open to the end of the tag.
        element.startTagEnd = element.contentEnd = element.end = j;
        element.closed = false;
        return j;
      }
      if (text[j] === '>') {
        element.startTagEnd = element.contentEnd = j + 1;
        stack.push(element);
        return j + 1;
      }
      if (text[j] === '/' && text[j + 1] === '>') {
        element.startTagEnd = element.contentEnd = element.end = j + 2;
        element.selfClosing = true;
        return j + 2;
      }
      j = scanAttribute(element, j);
    }
  }

  function scanAttribute(element: XmlElement, from: number): number {
    let nameEnd = readName(from);
    if (nameEnd === from) nameEnd = from + 1; // a stray character: skip it
    const attr: XmlAttribute = {
      name: text.slice(from, nameEnd),
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
      if (isNameChar(text.charCodeAt(from))) element.attributes.push(attr);
      return nameEnd;
    }
    j++;
    while (j < text.length && isSpace(text[j])) j++;
    const quote = text[j];
    if (quote === '"' || quote === "'") {
      // A value runs to its closing quote; one that is never closed (or would swallow a `<`,
      // which XML forbids in values) stops at the end of its line, so the rest still parses.
      const close = text.indexOf(quote, j + 1);
      const terminated = close >= 0 && !text.slice(j + 1, close).includes('<');
      const valueEnd = terminated ? close : lineEndFrom(j + 1);
      attr.valueStart = j + 1;
      attr.valueEnd = valueEnd;
      attr.quoted = true;
      attr.value = decodeEntities(text.slice(j + 1, valueEnd));
      element.attributes.push(attr);
      return terminated ? close + 1 : valueEnd;
    }
    const valueEnd = readName(j);
    attr.valueStart = j;
    attr.valueEnd = valueEnd;
    attr.value = text.slice(j, valueEnd);
    element.attributes.push(attr);
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
  const before = /\S+$/.exec(lineText.slice(0, column0));
  return before ? { start: lineStart + before.index, end: lineStart + column0 } : { start: lineStart + column0, end: lineStart + column0 };
}

type Tree = ReturnType<typeof scanTree>;

function wellFormednessErrors(text: string, lines: LineIndex, tree: Tree): Diagnostic[] {
  const error = (start: number, end: number, message: string) => [diagnostic(lines.range(start, end), Severity.Error, Code.syntax, `XML is not well-formed: ${message}`, SOURCE)];
  if (text.trim() === '') {
    return [diagnostic(lines.range(0, 0), Severity.Error, Code.syntax, 'The file is empty: cluster.conf needs a <cluster name="…" config_version="1"> element.', SOURCE)];
  }
  let result: ReturnType<typeof XMLValidator.validate>;
  try {
    result = XMLValidator.validate(text, { allowBooleanAttributes: false });
  } catch (thrown) {
    return error(0, 0, String(thrown));
  }
  if (result !== true) {
    const { line, col, msg } = result.err;
    // For elements left open at the end the validator lists their names without a place; name the innermost.
    const unclosed = tree.elements.filter((e) => !e.closed).pop();
    if (msg.startsWith("Invalid '[") && unclosed) return error(unclosed.nameStart, unclosed.nameEnd, `<${unclosed.name}> is never closed; add </${unclosed.name}> or end its tag with />.`);
    // The validator leaves the position out for some errors (e.g. `<?>`): point at the start then.
    const token = tokenAt(lines, Number.isFinite(line) ? line : 1, Number.isFinite(col) ? col : 1);
    return error(token.start, token.end, msg);
  }
  return [...processingInstructionErrors(text, lines), ...laxValidatorErrors(text, tree, error)].slice(0, 1);
}

/** An `&` that does not start one of the five predefined entities or a character reference. */
const BARE_AMPERSAND = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)/;

/** What libxml2 rejects and fast-xml-parser's validator lets through. */
function laxValidatorErrors(text: string, tree: Tree, error: (start: number, end: number, message: string) => Diagnostic[]): Diagnostic[] {
  const extra = tree.topLevel[1];
  if (extra) return error(extra.nameStart, extra.nameEnd, `only one top-level element is allowed, but <${extra.name}> follows <${tree.topLevel[0].name}>.`);
  for (const element of tree.elements) {
    const runs = [
      ...element.attributes.filter((a) => a.quoted).map((a) => ({ start: a.valueStart, end: a.valueEnd, inValue: true })),
      ...element.texts.filter((t) => !text.startsWith('<![CDATA[', t.start)).map((t) => ({ ...t, inValue: false })),
    ];
    for (const run of runs) {
      const raw = text.slice(run.start, run.end);
      if (run.inValue && raw.includes('<')) return error(run.start + raw.indexOf('<'), run.start + raw.indexOf('<') + 1, "'<' is not allowed in an attribute value; write &lt;.");
      const ampersand = BARE_AMPERSAND.exec(raw);
      if (ampersand) {
        const at = run.start + ampersand.index;
        return error(at, at + (/^&[A-Za-z0-9#]*;?/.exec(raw.slice(ampersand.index))?.[0].length ?? 1), "'&' starts an entity reference; write &amp; for a literal ampersand (only &amp; &lt; &gt; &quot; &apos; are defined).");
      }
    }
  }
  return [];
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

export function parse(text: string): ClusterDoc {
  const lines = new LineIndex(text);
  const tree = scanTree(text);
  return { text, lines, syntaxErrors: wellFormednessErrors(text, lines, tree), root: tree.topLevel[0], elements: tree.elements, comments: tree.comments };
}
