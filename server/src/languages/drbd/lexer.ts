/**
 * Tokens of drbd.conf: words (`/dev/drbd0`, `10.0.0.1:7789`, `40M`), quoted
 * strings, `{`, `}` and `;`. `#` starts a comment that runs to the end of the
 * line (outside strings).
 */
export type TokenKind = 'word' | 'string' | '{' | '}' | ';';

export interface Token {
  kind: TokenKind;
  /** The text as written (strings with their quotes). */
  text: string;
  /** The value: a string's content without quotes and escapes, else the text. */
  value: string;
  start: number;
  end: number;
  /** 0-based line of the token's start. */
  line: number;
  /** For strings: false when the closing quote is missing. */
  closed?: boolean;
  /**
   * How many lines fewer drbdadm has counted by this token: its scanner takes
   * the line end into a string that is not closed on its line (inside a
   * `skip` block, where that is no error) without counting the line.
   */
  lag?: number;
}

import { StringPool } from '../../../../shared/src/stringPool';

const WORD_END = new Set([' ', '\t', '\n', '\r', '\f', '\v', ';', '{', '}', '"', '#']);

/**
 * A word or a brace or `;`: its value is its text, and it ends where its text
 * does. Two fields fewer than a string token, in the millions of tokens of a
 * big file (a token is most of what a DRBD document holds).
 */
class PlainToken implements Token {
  declare lag?: number;
  constructor(
    readonly kind: TokenKind,
    readonly text: string,
    readonly start: number,
    readonly line: number,
  ) {}

  get value(): string {
    return this.text;
  }

  get end(): number {
    return this.start + this.text.length;
  }
}

class StringToken implements Token {
  readonly kind = 'string';
  declare lag?: number;
  constructor(
    readonly text: string,
    readonly value: string,
    readonly start: number,
    readonly line: number,
    readonly closed: boolean,
  ) {}

  get end(): number {
    return this.start + this.text.length;
  }
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const words = new StringPool();
  let line = 0;
  let lag = 0;
  let i = 0;
  const push = (token: PlainToken | StringToken) => {
    if (lag > 0) token.lag = lag;
    tokens.push(token);
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) {
      line++;
      i++;
    } else if (ch === ' ' || ch === '\t' || ch === '\r' || ch === '\f' || ch === '\v') {
      i++;
    } else if (ch === '#') {
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (ch === '{' || ch === '}' || ch === ';') {
      push(new PlainToken(ch, ch, i, line));
      i++;
    } else if (ch === '"') {
      // A string ends at its closing quote or, when that is missing, at the end of the line.
      let j = i + 1;
      // Built from the stretches between escapes (a character at a time, a long string would be a rope of one-character strings).
      let value = '';
      let from = j;
      let closed = false;
      while (j < text.length && text[j] !== '\n' && text[j] !== '\r') {
        if (text[j] === '\\' && j + 1 < text.length && text[j + 1] !== '\n') {
          value += text.slice(from, j);
          from = j + 1;
          j += 2;
        } else if (text[j] === '"') {
          closed = true;
          break;
        } else {
          j++;
        }
      }
      value += text.slice(from, j);
      if (closed) j++;
      push(new StringToken(text.slice(i, j), value, i, line, closed));
      if (!closed && (text[j] === '\n' || text[j] === '\r')) lag++;
      i = j;
    } else {
      let j = i;
      while (j < text.length && !WORD_END.has(text[j])) j++;
      const word = words.slice(text, i, j);
      push(new PlainToken('word', word, i, line));
      i = j;
    }
  }
  return tokens;
}

/** The 0-based line drbdadm counts a token on (see `lag`). */
export function drbdadmLine(token: Token): number {
  return token.line - (token.lag ?? 0);
}
