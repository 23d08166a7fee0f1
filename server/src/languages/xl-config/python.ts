/**
 * Recognises the Python that xm-era domain configs contain. xm executed the
 * file as Python; xl's parser (libxlutil) reads only `key = value` lines, so
 * such a file fails in xl with an obscure "syntax error near `os'". We name
 * the construct instead.
 */
import type { Span } from './ast';

interface PythonPattern {
  /** A regular expression, or a scanner with the same contract where a regular expression would backtrack. */
  test: { exec(code: string): readonly string[] | null };
  describe: (match: readonly string[]) => string;
}

const PATTERNS: PythonPattern[] = [
  { test: /^\s*(import|from)\s+[A-Za-z_][\w.]*/, describe: (m) => `\`${m[0].trim()}\` is a Python import` },
  { test: /^\s*(if|elif|else|for|while|def|try|except|finally|with|class|return|print|pass|del)\b/, describe: (m) => `\`${m[1]}\` is a Python statement` },
  { test: /\b(True|False|None)\b/, describe: (m) => `\`${m[1]}\` is a Python constant (xl wants 1, 0 or a quoted string)` },
  { test: { exec: functionCall }, describe: (m) => `\`${m[1]}(…)\` is a Python function call` },
  { test: { exec: listComprehension }, describe: () => 'a Python list comprehension' },
  { test: /[\w)\]"']\s*[-+*/%]\s*[\w("'[]/, describe: () => 'Python arithmetic or string concatenation' },
  { test: /\s%\s*\(|%\s*[A-Za-z_]/, describe: () => 'Python string formatting (`%`)' },
];

/** Why `lineText` is Python, or undefined when it does not look like Python. */
export function pythonConstruct(lineText: string): string | undefined {
  const code = codeOnly(lineText);
  for (const pattern of PATTERNS) {
    const match = pattern.test.exec(code);
    if (match) return pattern.describe(match);
  }
  return undefined;
}

const isWordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const BLANK = /\s/;

/**
 * What `/[A-Za-z_][\w.]*\s*\(/` finds, in one pass: that expression tries every
 * letter of a long word and runs to the word's end each time (quadratic). The
 * run of `[\w.]` after a start is the same for every start inside one run, so
 * each run is looked at once: its first letter or `_`, then blanks and `(`.
 * Returns [match, callee].
 */
function functionCall(code: string): string[] | null {
  for (let i = 0; i < code.length; ) {
    const c = code.charCodeAt(i);
    if (!isWordChar(c) && c !== 46) {
      i++;
      continue;
    }
    let start = -1;
    let end = i;
    for (; end < code.length && (isWordChar(code.charCodeAt(end)) || code.charCodeAt(end) === 46); end++) {
      const d = code.charCodeAt(end);
      if (start < 0 && d !== 46 && !(d >= 48 && d <= 57)) start = end;
    }
    let after = end;
    while (after < code.length && BLANK.test(code[after])) after++;
    if (start >= 0 && code[after] === '(') return [code.slice(start, after + 1), code.slice(start, end)];
    i = end;
  }
  return null;
}

/**
 * What `/\[[^\]]*\bfor\b[^\]]*\bin\b/` finds (a `[`, then the words `for` and
 * `in`, with no `]` in between), in one pass: that expression is cubic on
 * `[for [for [for …`. Between two `]`, the first `[` leaves the most room.
 */
function listComprehension(code: string): string[] | null {
  const words = /\b(for|in)\b|\]/g;
  let open = code.indexOf('[');
  while (open >= 0) {
    words.lastIndex = open + 1;
    let sawFor = false;
    let closedAt = -1;
    for (let match = words.exec(code); match; match = words.exec(code)) {
      if (match[0] === ']') {
        closedAt = match.index;
        break;
      }
      if (match[1] === 'for') sawFor = true;
      else if (sawFor) return [code.slice(open, match.index + 2)];
    }
    if (closedAt < 0) return null;
    open = code.indexOf('[', closedAt + 1);
  }
  return null;
}

const HASH = 35;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const LINE_FEED = 10;
const BACKSLASH = 92;

/** `"""…"""` and `'''…'''` blocks (Python docstrings) outside comments; the whole block is one Python construct. */
export function tripleQuotedBlocks(text: string): Span[] {
  // Char codes, not one-character strings and a `c.repeat(3)` per string: it runs over every file parsed.
  const blocks: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === HASH) {
      const newline = text.indexOf('\n', i);
      if (newline < 0) break;
      i = newline;
    } else if ((c === DOUBLE_QUOTE || c === SINGLE_QUOTE) && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
      const close = text.indexOf(c === DOUBLE_QUOTE ? '"""' : "'''", i + 3);
      const end = close < 0 ? text.length : close + 3;
      blocks.push({ start: i, end });
      i = end - 1;
    } else if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
      // An ordinary string: skip to its closing quote on the same line.
      let j = i + 1;
      for (;;) {
        const inside = text.charCodeAt(j);
        if (j >= text.length || inside === c || inside === LINE_FEED) break;
        j += inside === BACKSLASH ? 2 : 1;
      }
      i = text.charCodeAt(j) === c ? j : j - 1;
    }
  }
  return blocks;
}

/** The line with string contents blanked (`"…"` becomes `""`) and without its `# comment`. */
function codeOnly(line: string): string {
  // Copied a stretch at a time (a character at a time, a long line becomes a deep rope of one-character strings).
  const parts: string[] = [];
  let from = 0;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) {
        quote = '';
        from = i;
      }
    } else if (c === '"' || c === "'") {
      quote = c;
      parts.push(line.slice(from, i + 1));
    } else if (c === '#') {
      parts.push(line.slice(from, i));
      return parts.join('');
    }
  }
  if (!quote) parts.push(line.slice(from));
  return parts.join('');
}
