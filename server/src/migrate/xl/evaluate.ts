/**
 * Evaluates the right-hand side of an xm config assignment when it is plain data: literals (strings,
 * numbers, lists, tuples), names assigned earlier, `+ - * / // %` on them (with Python 2's integer
 * division, which is what xm ran) and `%` string formatting. Anything else (a call, an attribute, a
 * subscript, a comparison) is refused with what it is, so the caller can leave it to a person.
 */
import type { PyToken } from './pythonReader';

export type PyValue = { kind: 'number'; value: number } | { kind: 'string'; value: string } | { kind: 'list'; items: PyValue[] } | { kind: 'tuple'; items: PyValue[] } | { kind: 'bool'; value: boolean } | { kind: 'none' };

export class NotPlainData extends Error {
  /**
   * How the expression needs Python ("`os.uname(…)` is a function call"); `invalid` when it is not
   * Python either (xm refused it too), so no toolstack ever read it.
   */
  constructor(readonly why: string, readonly at?: PyToken, readonly invalid = false) {
    super(why);
  }
}

const TYPOGRAPHIC_QUOTES = '\u2018\u2019\u201c\u201d';

/** Names the expression reads, in order (a refused statement may define them). */
export function namesRead(tokens: readonly PyToken[]): string[] {
  const names: string[] = [];
  tokens.forEach((token, i) => {
    if (token.kind === 'name' && tokens[i - 1]?.text !== '.' && !KEYWORD_CONSTANTS.has(token.text)) names.push(token.text);
  });
  return names;
}

const KEYWORD_CONSTANTS = new Set(['True', 'False', 'None']);
/** Python keywords that make an expression more than data. */
const KEYWORDS = new Set(['and', 'or', 'not', 'if', 'else', 'for', 'in', 'is', 'lambda', 'yield', 'await']);
/** Deeper than any real setting; keeps a hostile `((((…` from exhausting the stack. */
const MAX_DEPTH = 200;
/** Longer than any real value; keeps `"a" * 4096 * 4096` from filling the memory. */
const MAX_LENGTH = 1 << 20;

export function evaluate(tokens: readonly PyToken[], env: ReadonlyMap<string, PyValue>): PyValue {
  return new Evaluator(tokens, env).whole();
}

class Evaluator {
  private position = 0;
  private depth = 0;
  private readonly ownLists = new WeakSet<PyValue[]>();

  constructor(
    private readonly tokens: readonly PyToken[],
    private readonly env: ReadonlyMap<string, PyValue>,
  ) {}

  whole(): PyValue {
    if (this.tokens.length === 0) throw new NotPlainData('nothing after `=`');
    const value = this.tupleOrExpression(() => this.atEnd());
    const after = this.peek();
    if (after?.kind === 'name' || after?.kind === 'string' || after?.kind === 'number') throw new NotPlainData(`\`${after.text}\` after a complete value: one setting per line`, after, true);
    if (after) this.refuse(after);
    return value;
  }

  private atEnd(): boolean {
    return this.position >= this.tokens.length;
  }

  private peek(): PyToken | undefined {
    return this.tokens[this.position];
  }

  private isOp(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'op' && token.text === text;
  }

  private expect(text: string): void {
    if (!this.isOp(text)) this.refuse(this.peek(), `\`${text}\` expected`);
    this.position++;
  }

  private refuse(token: PyToken | undefined, why?: string): never {
    if (!token) throw new NotPlainData(why ?? 'the expression ends early');
    if (why) throw new NotPlainData(why, token);
    if (token.kind === 'name' && KEYWORDS.has(token.text)) throw new NotPlainData(`\`${token.text}\` is Python logic`, token);
    if (token.text === '(') throw new NotPlainData('a Python function call', token);
    if (token.text === '.') throw new NotPlainData('a Python attribute or method', token);
    if (token.text === '[') throw new NotPlainData('a Python subscript', token);
    if (token.kind === 'op' && ['==', '!=', '<', '>', '<=', '>='].includes(token.text)) throw new NotPlainData('a Python comparison', token);
    if (TYPOGRAPHIC_QUOTES.includes(token.text)) throw new NotPlainData(`\`${token.text}\` is a typographic quote, not a quote (retype it as ' or ")`, token, true);
    throw new NotPlainData(`\`${token.text}\` is not plain data`, token, token.kind === 'unknown');
  }

  /** `a, b` at the top or inside parentheses is a tuple. */
  private tupleOrExpression(closes: () => boolean): PyValue {
    const first = this.expression();
    if (!this.isOp(',')) return first;
    const items = [first];
    while (this.isOp(',')) {
      this.position++;
      if (closes()) break;
      items.push(this.expression());
    }
    return { kind: 'tuple', items };
  }

  private expression(): PyValue {
    if (++this.depth > MAX_DEPTH) throw new NotPlainData('nested too deeply');
    let value = this.term();
    while (this.isOp('+') || this.isOp('-')) {
      const operator = this.tokens[this.position++];
      value = arithmetic(operator, value, this.term(), this.ownLists);
    }
    this.depth--;
    return value;
  }

  private term(): PyValue {
    let value = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('//') || this.isOp('%')) {
      const operator = this.tokens[this.position++];
      value = arithmetic(operator, value, this.unary(), this.ownLists);
    }
    return value;
  }

  private unary(): PyValue {
    if (this.isOp('-') || this.isOp('+')) {
      const operator = this.tokens[this.position++];
      if (++this.depth > MAX_DEPTH) throw new NotPlainData('nested too deeply');
      const operand = this.unary();
      this.depth--;
      if (operand.kind !== 'number') throw new NotPlainData(`\`${operator.text}\` before something that is not a number`, operator);
      return operator.text === '-' ? { kind: 'number', value: -operand.value } : operand;
    }
    const value = this.primary();
    // A call, attribute or subscript after a value is Python, not data.
    const next = this.peek();
    if (next?.kind === 'op' && (next.text === '(' || next.text === '.' || next.text === '[')) this.refuse(next);
    return value;
  }

  private primary(): PyValue {
    const token = this.peek();
    if (!token) this.refuse(token);
    if (token.kind === 'number') {
      this.position++;
      return { kind: 'number', value: pythonNumber(token) };
    }
    if (token.kind === 'string') {
      // Adjacent string literals are one string, as in Python.
      let value = '';
      while (this.peek()?.kind === 'string') value += this.tokens[this.position++].text;
      return { kind: 'string', value };
    }
    if (token.kind === 'name') {
      this.position++;
      if (token.text === 'True' || token.text === 'False') return { kind: 'bool', value: token.text === 'True' };
      if (token.text === 'None') return { kind: 'none' };
      if (KEYWORDS.has(token.text)) this.refuse(token);
      if (this.isOp('(')) throw new NotPlainData(`\`${token.text}(…)\` is a Python function call`, token);
      if (this.isOp('.')) throw new NotPlainData(`\`${token.text}.…\` is a Python attribute or method`, token);
      const value = this.env.get(token.text);
      if (!value) throw new NotPlainData(`\`${token.text}\` is not defined by a plain assignment above`, token);
      return value;
    }
    if (token.kind === 'op' && (token.text === '[' || token.text === '(')) {
      this.position++;
      const close = token.text === '[' ? ']' : ')';
      if (this.isOp(close)) {
        this.position++;
        return { kind: close === ']' ? 'list' : 'tuple', items: [] };
      }
      const inner = this.tupleOrExpression(() => this.isOp(close));
      this.expect(close);
      if (close === ']') return { kind: 'list', items: inner.kind === 'tuple' ? inner.items : [inner] };
      return inner;
    }
    this.refuse(token);
  }
}

function pythonNumber(token: PyToken): number {
  const text = token.text.replace(/[lL]$/, '');
  let value: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(text)) value = parseInt(text.slice(2), 16);
  else if (/^0[oO]?[0-7]+$/.test(text)) value = parseInt(text.replace(/^0[oO]?/, ''), 8);
  else if (/^0[bB][01]+$/.test(text)) value = parseInt(text.slice(2), 2);
  else if (/^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) value = Number(text);
  else throw new NotPlainData(`\`${token.text}\` is not a number`, token);
  return value;
}

const typeName = (value: PyValue) => value.kind;


/**
 * `left op right`. `ownLists` holds the item arrays earlier `+`s of the same expression made, which no
 * name or literal shares, so `a + b + c …` grows one list instead of copying it at every step.
 */
function arithmetic(operator: PyToken, left: PyValue, right: PyValue, ownLists: WeakSet<PyValue[]>): PyValue {
  const op = operator.text;
  const asNumber = (value: PyValue) => (value.kind === 'bool' ? Number(value.value) : value.kind === 'number' ? value.value : undefined);
  const a = asNumber(left);
  const b = asNumber(right);
  if (a !== undefined && b !== undefined) {
    if ((op === '/' || op === '//' || op === '%') && b === 0) throw new NotPlainData('division by zero', operator);
    const integers = Number.isInteger(a) && Number.isInteger(b);
    const result =
      op === '+' ? a + b
      : op === '-' ? a - b
      : op === '*' ? a * b
      : op === '%' ? a - b * Math.floor(a / b)
      : op === '//' || integers ? Math.floor(a / b) // Python 2: int / int is floor division
      : a / b;
    return { kind: 'number', value: result };
  }
  const tooLong = (length: number) => {
    if (length > MAX_LENGTH) throw new NotPlainData(`\`${op}\` makes a value longer than any setting`, operator);
  };
  if (op === '+' && left.kind === 'string' && right.kind === 'string') {
    tooLong(left.value.length + right.value.length);
    return { kind: 'string', value: left.value + right.value };
  }
  if (op === '+' && left.kind === right.kind && (left.kind === 'list' || left.kind === 'tuple')) {
    const items = (right as typeof left).items;
    tooLong(left.items.length + items.length);
    if (ownLists.has(left.items)) {
      for (const item of items) left.items.push(item);
      return left;
    }
    const joined = [...left.items, ...items];
    ownLists.add(joined);
    return { kind: left.kind, items: joined };
  }
  if (op === '*' && b !== undefined && Number.isInteger(b) && b >= 0) {
    if (left.kind === 'string') {
      tooLong(left.value.length * b);
      return { kind: 'string', value: left.value.repeat(b) };
    }
    if (left.kind === 'list') {
      tooLong(left.items.length * b);
      return { kind: 'list', items: Array.from({ length: b }, () => left.items).flat() };
    }
  }
  if (op === '%' && left.kind === 'string') return { kind: 'string', value: format(left.value, right, operator) };
  throw new NotPlainData(`\`${op}\` between a ${typeName(left)} and a ${typeName(right)}`, operator);
}

// The width cannot start with 0 (that is a flag), so the two never compete for a character.
const FORMAT_SPEC = /%([-+ #0]*)([1-9]\d*)?(?:\.(\d+))?([sdirxXo%])/g;

/** Python's `'…' % args` for the conversions configs use: %s %d %i %r %x %X %o and %%. */
function format(template: string, args: PyValue, operator: PyToken): string {
  const values = args.kind === 'tuple' ? args.items : [args];
  let next = 0;
  const result = template.replace(FORMAT_SPEC, (_whole: string, flags: string, width: string, precision: string | undefined, conversion: string) => {
    if (conversion === '%') return '%';
    const value = values[next++];
    if (!value) throw new NotPlainData('not enough values for the `%` format', operator);
    let text: string;
    if (conversion === 's' || conversion === 'r') {
      text = conversion === 'r' && value.kind === 'string' ? `'${value.value}'` : display(value);
      if (precision !== undefined) text = text.slice(0, Number(precision));
    } else {
      const number = value.kind === 'number' ? value.value : value.kind === 'bool' ? Number(value.value) : undefined;
      if (number === undefined) throw new NotPlainData(`\`%${conversion}\` needs a number`, operator);
      const integer = Math.trunc(number);
      const radix = conversion === 'x' || conversion === 'X' ? 16 : conversion === 'o' ? 8 : 10;
      text = Math.abs(integer).toString(radix);
      if (conversion === 'X') text = text.toUpperCase();
      if (integer < 0) text = `-${text}`;
    }
    const padding = Number(width || 0) - text.length;
    if (padding > 0) text = flags.includes('-') ? text + ' '.repeat(padding) : flags.includes('0') && conversion !== 's' ? text.replace(/^(-?)/, `$1${'0'.repeat(padding)}`) : ' '.repeat(padding) + text;
    return text;
  });
  if (next < values.length) throw new NotPlainData('more values than the `%` format uses', operator);
  return result;
}

/** How Python's str() shows a value. */
function display(value: PyValue): string {
  switch (value.kind) {
    case 'number':
      return String(value.value);
    case 'string':
      return value.value;
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'none':
      return 'None';
    case 'list':
      return `[${value.items.map((item) => (item.kind === 'string' ? `'${item.value}'` : display(item))).join(', ')}]`;
    case 'tuple':
      return `(${value.items.map((item) => (item.kind === 'string' ? `'${item.value}'` : display(item))).join(', ')}${value.items.length === 1 ? ',' : ''})`;
  }
}
