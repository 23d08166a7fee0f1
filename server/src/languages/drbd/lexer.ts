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
}

const WORD_END = new Set([' ', '\t', '\n', '\r', '\f', '\v', ';', '{', '}', '"', '#']);

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let line = 0;
  let i = 0;
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
      tokens.push({ kind: ch, text: ch, value: ch, start: i, end: i + 1, line });
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
      tokens.push({ kind: 'string', text: text.slice(i, j), value, start: i, end: j, line, closed });
      i = j;
    } else {
      let j = i;
      while (j < text.length && !WORD_END.has(text[j])) j++;
      const word = text.slice(i, j);
      tokens.push({ kind: 'word', text: word, value: word, start: i, end: j, line });
      i = j;
    }
  }
  return tokens;
}
