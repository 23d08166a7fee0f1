/**
 * A strict reader of VS Code snippet bodies (the TextMate snippet syntax:
 * $1, ${1:default}, ${1|a,b|}, $VAR, ${VAR/regex/format/options}) and an
 * expander that produces the text a user gets when accepting every default.
 *
 * Stricter than VS Code on purpose: VS Code silently inserts a malformed `$`
 * as text, which in a config file (a regex ending in `$`, a shell variable)
 * means the snippet quietly produces something else than intended.
 */

export interface Transform {
  regex: string;
  format: string;
  options: string;
}

export type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number; children: SnippetNode[] | null; choices: string[] | null; transform: Transform | null }
  | { kind: 'variable'; name: string; children: SnippetNode[] | null; transform: Transform | null };

export class SnippetSyntaxError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at offset ${offset}`);
  }
}

/** The variables VS Code resolves in snippets (https://code.visualstudio.com/docs/editor/userdefinedsnippets#_variables). */
export const KNOWN_VARIABLES: readonly string[] = [
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME',
  'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH',
  'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM',
  'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
];

class Reader {
  pos = 0;
  constructor(readonly text: string) {}

  peek(offset = 0): string {
    return this.text.charAt(this.pos + offset);
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  expect(char: string): void {
    if (this.peek() !== char) throw new SnippetSyntaxError(`expected "${char}", found ${this.atEnd() ? 'the end' : `"${this.peek()}"`}`, this.pos);
    this.pos++;
  }

  /** Reads a run of characters matching `pattern` (one character at a time). */
  readWhile(pattern: RegExp): string {
    const start = this.pos;
    while (!this.atEnd() && pattern.test(this.peek())) this.pos++;
    return this.text.slice(start, this.pos);
  }

  /** Reads text up to an unescaped character of `stops`, resolving the escapes `\<escapable>`. */
  readEscapedUntil(stops: string, escapable: string): string {
    let out = '';
    while (!this.atEnd() && !stops.includes(this.peek())) {
      if (this.peek() === '\\' && escapable.includes(this.peek(1))) {
        out += this.peek(1);
        this.pos += 2;
      } else {
        out += this.peek();
        this.pos++;
      }
    }
    return out;
  }
}

/** Parses a snippet body; throws SnippetSyntaxError on anything VS Code would not read as intended. */
export function parseSnippet(body: string): SnippetNode[] {
  const reader = new Reader(body);
  const nodes = parseSequence(reader, false);
  if (!reader.atEnd()) throw new SnippetSyntaxError('unbalanced "}"', reader.pos);
  return nodes;
}

function parseSequence(reader: Reader, insidePlaceholder: boolean): SnippetNode[] {
  const nodes: SnippetNode[] = [];
  let text = '';
  const flushText = () => {
    if (text) nodes.push({ kind: 'text', value: text });
    text = '';
  };
  while (!reader.atEnd()) {
    const char = reader.peek();
    if (char === '\\' && '$}\\'.includes(reader.peek(1))) {
      text += reader.peek(1);
      reader.pos += 2;
    } else if (char === '$') {
      flushText();
      nodes.push(parseDollar(reader));
    } else if (char === '}' && insidePlaceholder) {
      break; // closes the placeholder; at top level a "}" is plain text (DRBD and iftab blocks)
    } else {
      text += char;
      reader.pos++;
    }
  }
  flushText();
  return nodes;
}

function parseDollar(reader: Reader): SnippetNode {
  const start = reader.pos;
  reader.expect('$');
  if (/[0-9]/.test(reader.peek())) return { kind: 'tabstop', index: Number(reader.readWhile(/[0-9]/)), children: null, choices: null, transform: null };
  if (/[A-Za-z_]/.test(reader.peek())) return { kind: 'variable', name: reader.readWhile(/[A-Za-z0-9_]/), children: null, transform: null };
  if (reader.peek() !== '{') throw new SnippetSyntaxError('a "$" that starts no tabstop or variable (write \\$ for a literal dollar)', start);
  reader.expect('{');
  if (/[0-9]/.test(reader.peek())) {
    const index = Number(reader.readWhile(/[0-9]/));
    if (reader.peek() === '|') {
      reader.expect('|');
      const choices: string[] = [];
      for (;;) {
        choices.push(reader.readEscapedUntil(',|', ',|\\'));
        if (reader.peek() === ',') reader.expect(',');
        else break;
      }
      reader.expect('|');
      reader.expect('}');
      return { kind: 'tabstop', index, children: null, choices, transform: null };
    }
    return { kind: 'tabstop', index, ...parseTail(reader, start), choices: null };
  }
  if (/[A-Za-z_]/.test(reader.peek())) {
    const name = reader.readWhile(/[A-Za-z0-9_]/);
    return { kind: 'variable', name, ...parseTail(reader, start) };
  }
  throw new SnippetSyntaxError('"${" must be followed by a tabstop number or a variable name', start);
}

/** After `${N` or `${NAME`: `}`, `:default}` or `/regex/format/options}`. */
function parseTail(reader: Reader, start: number): { children: SnippetNode[] | null; transform: Transform | null } {
  if (reader.peek() === '}') {
    reader.expect('}');
    return { children: null, transform: null };
  }
  if (reader.peek() === ':') {
    reader.expect(':');
    const children = parseSequence(reader, true);
    if (reader.atEnd()) throw new SnippetSyntaxError('placeholder is never closed with "}"', start);
    reader.expect('}');
    return { children, transform: null };
  }
  if (reader.peek() === '/') {
    reader.expect('/');
    const regex = reader.readEscapedUntil('/', '/');
    reader.expect('/');
    const format = reader.readEscapedUntil('/', '/');
    reader.expect('/');
    const options = reader.readWhile(/[a-z]/);
    reader.expect('}');
    try {
      new RegExp(regex, options);
    } catch (error) {
      throw new SnippetSyntaxError(`transform regex does not compile (${(error as Error).message})`, start);
    }
    return { children: null, transform: { regex, format, options } };
  }
  throw new SnippetSyntaxError(`unexpected "${reader.peek()}" in "\${...}"`, reader.pos);
}

type NodeOf<K extends SnippetNode['kind']> = Extract<SnippetNode, { kind: K }>;

/** Every node of one kind in a parsed snippet, nested ones included, in document order. */
function collect<K extends SnippetNode['kind']>(nodes: SnippetNode[], kind: K): NodeOf<K>[] {
  const found: NodeOf<K>[] = [];
  const visit = (list: SnippetNode[]) => {
    for (const node of list) {
      if (node.kind === kind) found.push(node as NodeOf<K>);
      if (node.kind !== 'text' && node.children) visit(node.children);
    }
  };
  visit(nodes);
  return found;
}

export const tabstops = (nodes: SnippetNode[]) => collect(nodes, 'tabstop');
export const variables = (nodes: SnippetNode[]) => collect(nodes, 'variable');

/**
 * Problems VS Code would not report but a user would hit: the same tabstop
 * given two different defaults (only the first one counts), gaps in the
 * numbering (Tab skips nothing but the author lost a field), and variables
 * VS Code does not know (they are inserted as their own name).
 */
export function snippetProblems(nodes: SnippetNode[]): string[] {
  const problems: string[] = [];
  const defaults = new Map<number, string>();
  for (const stop of tabstops(nodes)) {
    if (!stop.children && !stop.choices) continue;
    const shape = JSON.stringify(stop.choices ?? stop.children);
    const earlier = defaults.get(stop.index);
    if (earlier !== undefined && earlier !== shape) problems.push(`tabstop $${stop.index} has two different defaults`);
    defaults.set(stop.index, shape);
  }
  const indices = [...new Set(tabstops(nodes).map((t) => t.index))].filter((i) => i > 0).sort((a, b) => a - b);
  indices.forEach((index, i) => {
    if (index !== i + 1) problems.push(`tabstops are numbered ${indices.join(', ')}: $${i + 1} is missing`);
  });
  for (const variable of variables(nodes)) {
    if (!KNOWN_VARIABLES.includes(variable.name)) problems.push(`unknown variable $${variable.name} (VS Code would insert its name)`);
  }
  for (const stop of tabstops(nodes)) {
    if (stop.choices?.some((choice) => choice === '')) problems.push(`tabstop $${stop.index} offers an empty choice`);
  }
  return [...new Set(problems)];
}

/** Fixed values for the variables a snippet may use, so expansions are reproducible. */
export const TEST_VARIABLE_VALUES: Record<string, string> = {
  // Starts with a nibble >= 8 so the MAC snippets' "keep the octet below 0x80" transform is exercised.
  RANDOM_HEX: 'c50c7e',
  RANDOM: '482913',
  UUID: '3f2c1b8e-6a4d-4c11-9a0e-2b7d5e9f1c42',
  CURRENT_YEAR: '2026',
  TM_FILENAME_BASE: 'vm01-web',
  TM_FILENAME: 'vm01-web.cfg',
  LINE_COMMENT: '#',
};

/**
 * The text a user gets by pressing Tab through the snippet without typing:
 * each tabstop takes the default of its first occurrence that has one (a
 * choice takes its first entry), mirrors repeat it, variables take the
 * values above.
 */
export function expandWithDefaults(nodes: SnippetNode[]): string {
  const defaults = new Map<number, SnippetNode[] | string>();
  for (const stop of tabstops(nodes)) {
    if (defaults.has(stop.index)) continue;
    if (stop.choices) defaults.set(stop.index, stop.choices[0]);
    else if (stop.children) defaults.set(stop.index, stop.children);
  }
  const render = (list: SnippetNode[], depth: number): string => {
    if (depth > 20) throw new Error('tabstops refer to each other in a cycle');
    return list
      .map((node) => {
        if (node.kind === 'text') return node.value;
        if (node.kind === 'variable') {
          const value = TEST_VARIABLE_VALUES[node.name] ?? (node.children ? render(node.children, depth + 1) : node.name);
          return node.transform ? applyTransform(value, node.transform) : value;
        }
        const value = defaults.get(node.index);
        const text = value === undefined ? '' : typeof value === 'string' ? value : render(value, depth + 1);
        return node.transform ? applyTransform(text, node.transform) : text;
      })
      .join('');
  };
  return render(nodes, 0);
}

/**
 * Applies `${VAR/regex/format/options}`. The format knows $n, ${n} and the
 * conditionals ${n:-else}, ${n:+if}, ${n:?if:else}; anything else in it is
 * rejected rather than guessed.
 */
function applyTransform(value: string, transform: Transform): string {
  const regex = new RegExp(transform.regex, transform.options);
  return value.replace(regex, (...args: unknown[]) => {
    const group = (n: string) => (typeof args[Number(n)] === 'string' ? (args[Number(n)] as string) : '');
    const rest = transform.format.replace(/\$(?:(\d+)|\{(\d+)(?::(?:-([^}]*)|\+([^}]*)|\?([^:}]*):([^}]*)))?\})/g,
      (_, bare?: string, n?: string, orElse?: string, ifSet?: string, ifThen?: string, ifNot?: string) => {
        if (bare !== undefined) return group(bare);
        const captured = group(n!);
        if (orElse !== undefined) return captured || orElse;
        if (ifSet !== undefined) return captured ? ifSet : '';
        if (ifThen !== undefined) return captured ? ifThen : ifNot!;
        return captured;
      });
    if (rest.includes('${')) throw new Error(`unsupported transform format "${transform.format}"`);
    return rest;
  });
}
