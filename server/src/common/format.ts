/**
 * The one engine behind every language's formatter. A formatter only ever
 * changes the white space between tokens, never a token: a language hands it
 * the spans it must not touch (words, strings, tags, brackets) and a rule for
 * the gap before each of them, and gets back the edits that make each gap
 * follow its rule. Comments that run to the end of the line (`#`) live inside
 * gaps and are kept, re-indented when they stand on a line of their own.
 *
 * Line breaks are never removed: a gap keeps every line it spans (blank lines
 * too, emptied of their blanks), so a formatted file has the same lines in the
 * same order plus the breaks a rule asked for. Only changed stretches become
 * edits, one per line they touch, so an unchanged line gets no edit.
 */
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { LineIndex } from '../../../shared/src/lineIndex';

export interface Span {
  start: number;
  end: number;
}

/** How the white space before a token should look. A field left undefined keeps what is written. */
export interface GapRule {
  /** The white space when the gap stays inside one line. */
  space?: string;
  /** The token must start a line: a break is inserted where the gap has none. */
  newline?: boolean;
  /** Indentation, in levels, of the token when it starts a line. */
  indent?: number;
  /** Indentation of the comment lines inside the gap (default: `indent`). */
  commentIndent?: number;
}

/** A file's tokens and the rule of each gap; null leaves a gap exactly as written (trailing blanks included). */
export interface Layout {
  /** In file order, not overlapping: what formatting never changes. */
  tokens: readonly Span[];
  /** The rule of the gap before token `i`; `i === tokens.length` is the gap after the last token. */
  rule(i: number): GapRule | null;
  /** What starts a comment that runs to the end of the line, if the language has one. */
  lineComment?: string;
}

/**
 * Lines nested deeper are indented no further: no real config nests past a
 * handful of levels, and a generated file nested ten thousand deep would
 * otherwise grow by the square of its depth.
 */
export const MAX_INDENT_LEVELS = 64;

const isBlank = (code: number) => code === 32 || code === 9 || code === 11 || code === 12;

/** One level of indentation as the editor wants it. */
export function indentUnit(options: FormattingOptions): string {
  return options.insertSpaces ? ' '.repeat(Math.max(1, Math.floor(options.tabSize) || 1)) : '\t';
}

/** The line break the file already uses, for the breaks a rule inserts. */
function lineBreakOf(text: string): string {
  const lf = text.indexOf('\n');
  return lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n';
}

/** One line's share of a gap: its blanks, and the comment on it, if any. */
interface Segment extends Span {
  /** Offset where the comment starts, or -1. */
  comment: number;
}

/**
 * The lines of the gap [from, to), split at its line breaks (which stay as
 * they are); undefined when the gap holds anything but blanks and comments
 * (something the language's tokens do not cover: such a gap is left as written).
 */
function segmentsOf(text: string, from: number, to: number, lineComment: string | undefined): Segment[] | undefined {
  const segments: Segment[] = [];
  let start = from;
  let comment = -1;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      segments.push({ start, end: i, comment });
      // A CRLF is one break; the line break itself is never edited.
      if (code === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < to) i++;
      start = i + 1;
      comment = -1;
    } else if (comment < 0 && !isBlank(code)) {
      if (!lineComment || !text.startsWith(lineComment, i)) return undefined;
      comment = i;
    }
  }
  segments.push({ start, end: to, comment });
  return segments;
}

/** The comment of a segment without the blanks after it. */
function commentText(text: string, segment: Segment): string {
  let end = segment.end;
  while (end > segment.comment && isBlank(text.charCodeAt(end - 1))) end--;
  return text.slice(segment.comment, end);
}

/** The edits that make every gap follow its layout rule; with `range`, only those on the lines it covers. */
export function layoutEdits(lines: LineIndex, layout: Layout, options: FormattingOptions, range?: Range): TextEdit[] {
  const text = lines.text;
  const unit = indentUnit(options);
  const indent = (levels: number | undefined, written: string) => (levels === undefined ? written : unit.repeat(Math.min(MAX_INDENT_LEVELS, Math.max(0, levels))));
  const lineBreak = lineBreakOf(text);
  const { tokens } = layout;
  const changes: { start: number; end: number; newText: string }[] = [];
  const change = (start: number, end: number, newText: string) => {
    // Only what differs: the common start and end of the old and the new text stay.
    let head = 0;
    const old = text.slice(start, end);
    while (head < old.length && head < newText.length && old[head] === newText[head]) head++;
    let tail = 0;
    while (tail < old.length - head && tail < newText.length - head && old[old.length - 1 - tail] === newText[newText.length - 1 - tail]) tail++;
    if (head === old.length && head === newText.length) return;
    changes.push({ start: start + head, end: end - tail, newText: newText.slice(head, newText.length - tail) });
  };

  for (let i = 0; i <= tokens.length; i++) {
    const rule = layout.rule(i);
    if (!rule) continue;
    const from = i === 0 ? 0 : tokens[i - 1].end;
    const to = i === tokens.length ? text.length : tokens[i].start;
    const segments = segmentsOf(text, from, to, layout.lineComment);
    if (!segments) continue;
    const hasPrevious = i > 0;
    const hasNext = i < tokens.length;
    const last = segments.length - 1;
    const commentIndent = rule.commentIndent ?? rule.indent;
    for (let s = 0; s <= last; s++) {
      const segment = segments[s];
      const written = text.slice(segment.start, segment.end);
      const hasComment = segment.comment >= 0;
      let wanted: string;
      if (s === 0 && hasPrevious) {
        // After a token on its line: the space before the next token, or the blanks (and comment) ending the line.
        if (last === 0 && hasNext) wanted = rule.newline ? lineBreak + indent(rule.indent, '') : (rule.space ?? written);
        else wanted = hasComment ? text.slice(segment.start, segment.comment) + commentText(text, segment) : '';
      } else if (s === last && hasNext) {
        wanted = indent(rule.indent, written);
      } else {
        wanted = hasComment ? indent(commentIndent, text.slice(segment.start, segment.comment)) + commentText(text, segment) : '';
      }
      change(segment.start, segment.end, wanted);
    }
  }

  const [firstLine, lastLine] = range ? coveredLines(range) : [0, Number.MAX_SAFE_INTEGER];
  const edits: TextEdit[] = [];
  for (const c of changes) {
    const editRange = lines.range(c.start, c.end);
    if (editRange.start.line >= firstLine && editRange.end.line <= lastLine) edits.push({ range: editRange, newText: c.newText });
  }
  return edits;
}

/** The lines a range formatting request covers: a selection that ends at the start of a line does not take that line. */
function coveredLines(range: Range): [number, number] {
  const { start, end } = range;
  const lastLine = end.character === 0 && end.line > start.line ? end.line - 1 : end.line;
  return [start.line, lastLine];
}
