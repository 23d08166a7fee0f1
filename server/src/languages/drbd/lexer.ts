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

/**
 * What ends a word: white space, `;`, `{`, `}`, `"`, `#`. A table by char code, read with charCodeAt: the
 * lexer compared one-character strings with a Set of strings before (tokenizing the 26,000 tokens of the bench's 500-resource file: 3.2 → 2.5 ms CPU).
 */
const WORD_END = new Uint8Array(128);
for (const ch of ' \t\n\r\f\v;{}"#') WORD_END[ch.charCodeAt(0)] = 1;
const endsWord = (code: number) => code < 128 && WORD_END[code] === 1;
const LF = 10;
const CR = 13;
const isLineEnd = (code: number) => code === LF || code === CR;

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
  const lexer = new Lexer(text);
  const tokens: Token[] = [];
  for (let token = lexer.next(); token; token = lexer.next()) tokens.push(token);
  return tokens;
}

/** The tokens of a text one at a time, in file order: a reader that needs only the last few keeps no more. */
export class Lexer {
  private readonly words = new StringPool();
  private line = 0;
  private lag = 0;
  private i = 0;

  constructor(private readonly text: string) {}

  /** The next token, or undefined at the end of the text. */
  next(): Token | undefined {
    const { text } = this;
    while (this.i < text.length) {
      const i = this.i;
      const code = text.charCodeAt(i);
      if (code === LF || (code === CR && text.charCodeAt(i + 1) !== LF)) {
        this.line++;
        this.i++;
      } else if (code === 32 /* space */ || code === 9 /* \t */ || code === CR || code === 12 /* \f */ || code === 11 /* \v */) {
        this.i++;
      } else if (code === 35 /* # */) {
        let j = i;
        while (j < text.length && !isLineEnd(text.charCodeAt(j))) j++;
        this.i = j;
      } else if (code === 123 /* { */ || code === 125 /* } */ || code === 59 /* ; */) {
        this.i++;
        const ch = text[i] as '{' | '}' | ';';
        return this.withLag(new PlainToken(ch, ch, i, this.line));
      } else if (code === 34 /* " */) {
        // A string ends at its closing quote or, when that is missing, at the end of the line.
        let j = i + 1;
        // Built from the stretches between escapes (a character at a time, a long string would be a rope of one-character strings).
        let value = '';
        let from = j;
        let closed = false;
        while (j < text.length && !isLineEnd(text.charCodeAt(j))) {
          const inside = text.charCodeAt(j);
          if (inside === 92 /* \ */ && j + 1 < text.length && text.charCodeAt(j + 1) !== LF) {
            value += text.slice(from, j);
            from = j + 1;
            j += 2;
          } else if (inside === 34 /* " */) {
            closed = true;
            break;
          } else {
            j++;
          }
        }
        value += text.slice(from, j);
        if (closed) j++;
        const token = this.withLag(new StringToken(text.slice(i, j), value, i, this.line, closed));
        if (!closed && isLineEnd(text.charCodeAt(j))) this.lag++;
        this.i = j;
        return token;
      } else {
        let j = i;
        while (j < text.length && !endsWord(text.charCodeAt(j))) j++;
        this.i = j;
        return this.withLag(new PlainToken('word', this.words.slice(text, i, j), i, this.line));
      }
    }
    return undefined;
  }

  private withLag(token: PlainToken | StringToken): Token {
    if (this.lag > 0) token.lag = this.lag;
    return token;
  }
}

/** The 0-based line drbdadm counts a token on (see `lag`). */
export function drbdadmLine(token: Token): number {
  return token.line - (token.lag ?? 0);
}
