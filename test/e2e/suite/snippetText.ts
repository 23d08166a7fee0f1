/**
 * What a snippet body inserts when the user accepts every default, as a RegExp to match the editor's
 * text against: `${1:x}` gives x (nested placeholders expanded), `${1|a,b|}` gives a, `$1`/`${1}`
 * repeat tab stop 1's default, `$0` gives nothing, `\$` `\}` `\\` give the character. Variables
 * (`$UUID`, `${RANDOM_HEX}`) and transforms (`${1/re/fmt/}`) cannot be predicted: they match any
 * text on the line. Leading tabs become spaces, as the editor re-indents inserted lines. Grammar: https://code.visualstudio.com/docs/editor/userdefinedsnippets#_grammar
 */
export function expectedSnippetText(body: string | string[], tabSize: number): RegExp {
  const source = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<string, string>();
  // Two passes: a tab stop may be mirrored before the placeholder that gives its default.
  expand(source, defaults);
  const lines = expand(source, defaults).split('\n').map((line) => indentWithSpaces(line, tabSize));
  return new RegExp(`^${lines.join('\n')}$`);
}

/** VS Code re-indents each inserted line with the editor's indentation: spaces, here. */
function indentWithSpaces(line: string, tabSize: number): string {
  const indentation = /^[ \t]*/.exec(line)![0];
  let column = 0;
  for (const char of indentation) column = char === '\t' ? column - (column % tabSize) + tabSize : column + 1;
  return ' '.repeat(column) + line.slice(indentation.length);
}

const ANY_TEXT_ON_LINE = '[^\\n]*';

/** Expands `text` into a RegExp source, recording placeholder defaults into `defaults`. */
function expand(text: string, defaults: Map<string, string>): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '\\' && i + 1 < text.length && '$}\\'.includes(text[i + 1])) {
      out += escapeRegExp(text[i + 1]);
      i += 2;
    } else if (char === '$' && /[0-9]/.test(text[i + 1] ?? '')) {
      const digits = /^\d+/.exec(text.slice(i + 1))![0];
      out += defaults.get(digits) ?? '';
      i += 1 + digits.length;
    } else if (char === '$' && /[A-Za-z_]/.test(text[i + 1] ?? '')) {
      i += 1 + /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))![0].length;
      out += ANY_TEXT_ON_LINE;
    } else if (char === '$' && text[i + 1] === '{') {
      const end = closingBrace(text, i + 2);
      out += expandBraced(text.slice(i + 2, end), defaults);
      i = end + 1;
    } else {
      out += escapeRegExp(char);
      i += 1;
    }
  }
  return out;
}

/** The inside of `${...}`: a tab stop, placeholder, choice, variable or transform. */
function expandBraced(inner: string, defaults: Map<string, string>): string {
  const tabStop = /^(\d+)(?::([\s\S]*)|\|([\s\S]*)\||(\/[\s\S]*))?$/.exec(inner);
  if (!tabStop) return ANY_TEXT_ON_LINE; // a variable, with or without default or transform
  const [, index, placeholder, choices, transform] = tabStop;
  if (transform !== undefined) return ANY_TEXT_ON_LINE;
  if (choices !== undefined) {
    const first = escapeRegExp(choices.split(/(?<!\\),/)[0].replace(/\\([,|\\])/g, '$1'));
    defaults.set(index, first);
    return first;
  }
  if (placeholder !== undefined) {
    const expanded = expand(placeholder, defaults);
    defaults.set(index, expanded);
    return expanded;
  }
  return defaults.get(index) ?? '';
}

/** Index of the `}` closing a `${` whose content starts at `start` (nesting and escapes respected). */
function closingBrace(text: string, start: number): number {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) return i;
  }
  return text.length;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
