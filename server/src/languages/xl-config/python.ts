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
  { test: /(?:[\w)\]"']\s*[-+*/%]\s*[\w("'[])|(?:=\s*-)/, describe: () => 'Python arithmetic or string concatenation' },
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

/** `"""…"""` and `'''…'''` blocks (Python docstrings); the whole block is one Python construct. */
export function tripleQuotedBlocks(text: string): Span[] {
  const blocks: Span[] = [];
  const opener = /"""|'''/g;
  let match: RegExpExecArray | null;
  while ((match = opener.exec(text))) {
    const close = text.indexOf(match[0], match.index + 3);
    const end = close < 0 ? text.length : close + 3;
    blocks.push({ start: match.index, end });
    opener.lastIndex = end;
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
