/**
 * Recognises the Python that xm-era domain configs contain. xm executed the
 * file as Python; xl's parser (libxlutil) reads only `key = value` lines, so
 * such a file fails in xl with an obscure "syntax error near `os'". We name
 * the construct instead.
 */
import type { Span } from './ast';

interface PythonPattern {
  test: RegExp;
  describe: (match: RegExpExecArray) => string;
}

const PATTERNS: PythonPattern[] = [
  { test: /^\s*(import|from)\s+[A-Za-z_][\w.]*/, describe: (m) => `\`${m[0].trim()}\` is a Python import` },
  { test: /^\s*(if|elif|else|for|while|def|try|except|finally|with|class|return|print|pass|del)\b/, describe: (m) => `\`${m[1]}\` is a Python statement` },
  { test: /\b(True|False|None)\b/, describe: (m) => `\`${m[1]}\` is a Python constant (xl wants 1, 0 or a quoted string)` },
  { test: /[A-Za-z_][\w.]*\s*\(/, describe: (m) => `\`${m[0].replace(/\s*\($/, '')}(…)\` is a Python function call` },
  { test: /\[[^\]]*\bfor\b[^\]]*\bin\b/, describe: () => 'a Python list comprehension' },
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

/** `"""…"""` and `'''…'''` blocks (Python docstrings) outside comments; the whole block is one Python construct. */
export function tripleQuotedBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      const newline = text.indexOf('\n', i);
      if (newline < 0) break;
      i = newline;
    } else if ((c === '"' || c === "'") && text.startsWith(c.repeat(3), i)) {
      const close = text.indexOf(c.repeat(3), i + 3);
      const end = close < 0 ? text.length : close + 3;
      blocks.push({ start: i, end });
      i = end - 1;
    } else if (c === '"' || c === "'") {
      // An ordinary string: skip to its closing quote on the same line.
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += text[j] === '\\' ? 2 : 1;
      i = text[j] === c ? j : j - 1;
    }
  }
  return blocks;
}

/** The line with string contents blanked (`"…"` becomes `""`) and without its `# comment`. */
function codeOnly(line: string): string {
  let code = '';
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) {
        quote = '';
        code += c;
      }
    } else if (c === '"' || c === "'") {
      quote = c;
      code += c;
    } else if (c === '#') return code;
    else code += c;
  }
  return code;
}
