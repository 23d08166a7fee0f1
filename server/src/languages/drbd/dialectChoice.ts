/** Which DRBD dialect a file is checked as, and why (dialect.ts decides; messages and hovers say it). */
import type { Token } from './lexer';
import type { Dialect } from './schema';

/** A statement or section whose syntax only some dialects take. */
export interface Mark {
  token: Token;
  /** The statement as written, for messages (`allow-two-primaries yes`). */
  text: string;
  dialects: readonly Dialect[];
}

export interface DialectChoice {
  dialect: Dialect;
  /** Why: the setting, the token that gave the dialect away, or the default when nothing does. */
  reason: 'setting' | 'default' | Token;
  /**
   * Set when the file mixes syntax no one dialect takes all of (an 8.3
   * `syncer` section and an 8.4 `allow-two-primaries yes`) and the dialect is
   * the one whose drbdadm reads the whole file: the two marks that disagree.
   */
  guess?: {
    first: Mark;
    second: Mark;
  };
}

const dialects = (list: readonly Dialect[]) => list.join('/');

export function describeDialectChoice(choice: DialectChoice): string {
  if (choice.guess) {
    const { first, second } = choice.guess;
    return `DRBD ${choice.dialect} (a guess: the file mixes '${first.text}' on line ${first.token.line + 1}, DRBD ${dialects(first.dialects)} syntax, with '${second.text}' on line ${second.token.line + 1}, DRBD ${dialects(second.dialects)} syntax; drbdadm ${choice.dialect} reads all of it)`;
  }
  if (choice.reason === 'setting') return `DRBD ${choice.dialect} (from the drbd.dialect setting)`;
  if (choice.reason === 'default') return `DRBD ${choice.dialect} (nothing in the file says otherwise)`;
  return `DRBD ${choice.dialect} (detected from '${choice.reason.text}' on line ${choice.reason.line + 1})`;
}
