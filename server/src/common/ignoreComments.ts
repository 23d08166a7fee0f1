/**
 * Ignore comments: `xcc-ignore CODE[,CODE…]` silences those codes on the next
 * line (on its own line when it follows code there), `xcc-ignore-file
 * CODE[,CODE…]` in the whole file. Each language finds
 * its comments (`ignoreComments` in its `ignore.ts`: `#` for four of them,
 * `<!-- -->` for cluster.conf); what a comment says is read here, once for all,
 * and the runner applies it to the file's own and cross-file diagnostics alike
 * (workspace/ruleControl.ts).
 *
 *   # xcc-ignore xl/unknown-key
 *   vendor_key = 1
 *   other_key = 2   # xcc-ignore xl/unknown-key
 *   # xcc-ignore-file workspace/duplicate-mac, xl/deprecated-key -- lab copy of vm01
 *
 * Text after ` -- ` is the reason, for the reader only.
 */
import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from '../../../shared/src/lineIndex';

export interface IgnoreDirective {
  /** `line`: one line (see `afterCode`); `file`: every line. */
  scope: 'line' | 'file';
  /** 0-based line the comment ends on. */
  line: number;
  /**
   * The comment follows code on its line, and silences that line; one on a
   * line of its own silences the next line that is not itself an ignore comment.
   */
  afterCode: boolean;
  /** The codes it names, each with its place in the comment (for the hint when it silences nothing). */
  codes: { code: string; range: Range }[];
  /** The `xcc-ignore` or `xcc-ignore-file` word (for the hint when it names no code). */
  keyword: Range;
}

/** Every ignore comment contains it, as written (case matters): a file without it has none (the runner's shortcut). */
export const IGNORE_KEYWORD = 'xcc-ignore';
const KEYWORD = IGNORE_KEYWORD;
const FILE_SUFFIX = '-file';
const REASON = '--';
const SPACE = ' \t\r\f\v';
/** A code is a word of these characters (`xl/unknown-key`); anything else ends the list. */
const CODE_CHARACTER = /[A-Za-z0-9_./-]/;

/**
 * The directive in a comment that starts at `commentStart` (its `#` or `<!--`)
 * and whose body, the text without the markers, is from `start` to `end`; or
 * undefined when it is no ignore comment. The body must begin (after blanks)
 * with the keyword: a comment that merely mentions xcc-ignore is not one.
 */
export function directiveIn(text: string, commentStart: number, start: number, end: number, lines: LineIndex): IgnoreDirective | undefined {
  let i = skip(text, start, end);
  if (!text.startsWith(KEYWORD, i) || i + KEYWORD.length > end) return undefined;
  const keywordStart = i;
  i += KEYWORD.length;
  let scope: IgnoreDirective['scope'] = 'line';
  if (text.startsWith(FILE_SUFFIX, i) && i + FILE_SUFFIX.length <= end) {
    scope = 'file';
    i += FILE_SUFFIX.length;
  }
  // `xcc-ignored`, `xcc-ignore-files`: some other word.
  if (i < end && !SPACE.includes(text[i])) return undefined;
  const keyword = lines.range(keywordStart, i);
  const codes: IgnoreDirective['codes'] = [];
  for (;;) {
    i = skip(text, i, end);
    if (text[i] === ',') {
      i = skip(text, i + 1, end);
    }
    if (i >= end || (text.startsWith(REASON, i) && (i + REASON.length >= end || SPACE.includes(text[i + REASON.length])))) break;
    const codeStart = i;
    while (i < end && CODE_CHARACTER.test(text[i])) i++;
    if (i === codeStart) break;
    codes.push({ code: text.slice(codeStart, i), range: lines.range(codeStart, i) });
  }
  const lineStart = lines.lineStart(lines.positionAt(commentStart).line);
  const afterCode = skip(text, lineStart, commentStart) < commentStart;
  return { scope, line: lines.positionAt(end).line, afterCode, codes, keyword };
}

/** The directives of `#` comments, each given from its `#` to the end of its line. */
export function hashCommentDirectives(text: string, comments: Iterable<{ start: number; end: number }>, lines: LineIndex): IgnoreDirective[] {
  const found: IgnoreDirective[] = [];
  for (const comment of comments) {
    const directive = directiveIn(text, comment.start, comment.start + 1, comment.end, lines);
    if (directive) found.push(directive);
  }
  return found;
}

function skip(text: string, i: number, end: number): number {
  while (i < end && SPACE.includes(text[i])) i++;
  return i;
}

/**
 * The `#` comments of a text whose other tokens are `spans` (in order, not
 * overlapping): a `#` outside every span starts a comment that runs to the end
 * of its line. For the formats whose tokenizer keeps no comments (DRBD, xend's
 * S-expressions): their strings are tokens, so a `#` between tokens is always
 * a comment's.
 */
export function hashCommentsBetween(text: string, spans: Iterable<{ start: number; end: number }>): { start: number; end: number }[] {
  const comments: { start: number; end: number }[] = [];
  let from = 0;
  // The next `#` at or after `from`, found once and reused across gaps: a search per gap would rescan the rest of the text.
  let nextHash = text.indexOf('#');
  const scanGap = (to: number) => {
    while (nextHash >= 0 && nextHash < to) {
      if (nextHash >= from) {
        from = endOfLine(text, nextHash);
        comments.push({ start: nextHash, end: from });
      }
      nextHash = text.indexOf('#', Math.max(from, nextHash + 1));
    }
  };
  for (const span of spans) {
    if (span.start < from) continue;
    scanGap(span.start);
    from = Math.max(from, span.end);
  }
  scanGap(text.length);
  return comments;
}

/** The offset of the line break (`\n`, `\r\n` or `\r`) after `offset`, or the text's end. */
export function endOfLine(text: string, offset: number): number {
  for (let i = offset; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') return i;
  return text.length;
}
