/** How xend interprets values: the rules of XendOptionsFile.get_config_bool / _int. */
import { BOOLEAN_FALSE, BOOLEAN_TRUE } from './schema';
import type { XendOption } from './parse';
import { valueAtom } from './parse';

/** true / false as xend reads the word, undefined when xend would refuse it. */
export function readBoolean(word: string): boolean | undefined {
  const lower = word.toLowerCase();
  if (BOOLEAN_TRUE.includes(lower)) return true;
  if (BOOLEAN_FALSE.includes(lower)) return false;
  return undefined;
}

/** Python's int(): optional sign, digits, surrounding blanks. */
export function readInteger(word: string): number | undefined {
  return /^\s*[+-]?\d+\s*$/.test(word) ? parseInt(word, 10) : undefined;
}

/** Whether a boolean option is switched on (its default when absent). */
export function isEnabled(option: XendOption | undefined, defaultValue = false): boolean {
  const atom = valueAtom(option);
  if (!atom) return defaultValue;
  return readBoolean(atom.value) ?? defaultValue;
}

/** An address meaning "every interface" when a server binds to it. */
export function isAnyAddress(address: string): boolean {
  const trimmed = address.trim();
  return trimmed === '' || trimmed === '0.0.0.0' || trimmed === '::' || trimmed === '*';
}

export function isLoopback(address: string): boolean {
  const trimmed = address.trim().toLowerCase();
  return trimmed === 'localhost' || trimmed === 'localhost.localdomain' || trimmed === '::1' || /^127\./.test(trimmed);
}

export interface NetworkScriptWord {
  text: string;
  /** Offset inside the value string. */
  start: number;
  end: number;
}

/** Splits the value the way xend does (`s.split(" ")`): the script, then its arguments. */
export function splitNetworkScript(value: string): NetworkScriptWord[] {
  const words: NetworkScriptWord[] = [];
  let start = 0;
  for (const piece of value.split(' ')) {
    if (piece) words.push({ text: piece, start, end: start + piece.length });
    start += piece.length + 1;
  }
  return words;
}
