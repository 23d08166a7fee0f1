/** The DRBD dialects the services know; each has its own drbd.conf(5). */
export type Dialect = '8.3' | '8.4' | '9';

export const DIALECTS: readonly Dialect[] = ['8.3', '8.4', '9'];

/**
 * How an option's value is written:
 * - numeric: an integer, optionally with a unit suffix (k, M, G, s);
 * - enum / enum_or_number: one of `values` (or, for the latter, a number too);
 * - boolean: yes/no (DRBD 8.4 and later; a bare keyword means yes);
 * - flag: a bare keyword with no value (DRBD 8.3 style);
 * - string / command / key_serial: free text, usually quoted;
 * - value: a structured value the validator checks itself (address, device…);
 * - deprecated: drbdadm reads the option and its value, and ignores both.
 */
export type OptionType =
  | 'numeric'
  | 'enum'
  | 'enum_or_number'
  | 'boolean'
  | 'flag'
  | 'string'
  | 'command'
  | 'key_serial'
  | 'address'
  | 'value'
  | 'deprecated';

/** One option's facts in one dialect and section, as drbd-utils defines them. */
export interface OptionFact {
  type: OptionType | string;
  min?: number;
  max?: number;
  default?: string;
  /** Unit assumed when the number has no suffix: k = KiB, s = 512-byte sectors; absent = plain. */
  scale?: string;
  unit?: string;
  values?: string[];
  /** Accepted by drbdadm but not listed in drbd.conf(5). */
  undocumented?: boolean;
  /** A boolean that must be written with its value (`tiebreaker yes;`): drbdadm refuses the keyword alone. */
  needsValue?: boolean;
  /** An old name drbdadm still reads and renames to this one (8.4 `disk { rate }` → `resync-rate`). */
  alias?: string;
  /** DRBD 9: the first drbd-utils release whose drbdadm reads the keyword here (absent: every release). */
  since?: string;
}

export type OptionFactsTable = Record<string, Record<string, Record<string, OptionFact>>>;
