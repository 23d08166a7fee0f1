/**
 * What a snippet body inserts in a real editor when the user accepts every default, as a RegExp to
 * match the editor's text against. Unlike expandWithDefaults (test/helpers/snippets.ts, whose parser
 * this uses), the values VS Code picks itself — variables such as $RANDOM_HEX or $UUID, and
 * transforms — are unknown here, so they match any text on their line. Leading tabs become
 * spaces, as VS Code re-indents each inserted line with the editor's indentation.
 */
import { parseSnippet, SnippetNode, tabstops } from '../../helpers/snippets';

const ANY_TEXT_ON_LINE = '[^\\n]*';

export function expectedSnippetText(body: string | string[], tabSize: number): RegExp {
  const nodes = parseSnippet(Array.isArray(body) ? body.join('\n') : body);
  // A tab stop's default is given once (its first placeholder or choice); its mirrors repeat it.
  const defaults = new Map<number, SnippetNode[] | string>();
  for (const stop of tabstops(nodes)) {
    if (defaults.has(stop.index)) continue;
    if (stop.choices) defaults.set(stop.index, stop.choices[0]);
    else if (stop.children) defaults.set(stop.index, stop.children);
  }
  const render = (list: SnippetNode[]): string =>
    list
      .map((node) => {
        if (node.kind === 'text') return escapeRegExp(node.value);
        if (node.kind === 'variable' || node.transform) return ANY_TEXT_ON_LINE;
        const value = defaults.get(node.index);
        return value === undefined ? '' : typeof value === 'string' ? escapeRegExp(value) : render(value);
      })
      .join('');
  const lines = render(nodes).split('\n').map((line) => indentWithSpaces(line, tabSize));
  return new RegExp(`^${lines.join('\n')}$`);
}

function indentWithSpaces(line: string, tabSize: number): string {
  const indentation = /^[ \t]*/.exec(line)![0];
  let column = 0;
  for (const char of indentation) column = char === '\t' ? column - (column % tabSize) + tabSize : column + 1;
  return ' '.repeat(column) + line.slice(indentation.length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
