/**
 * The selectors ifrename knows, in the order of its `selector_list[]` (the
 * order matters: an abbreviation resolves to the first match, and is
 * ambiguous only when it matches selectors with different handlers).
 * Facts from `data/upstream/facts/iftab-selectors.json` (wireless-tools
 * v29/30); the documentation (docs.ts) is ours. The reader, validation,
 * completion and hover all read this table.
 */
import { SelectorDoc, SELECTOR_DOCS } from './docs';

export type { SelectorDoc } from './docs';

/** How ifrename checks a selector's value before accepting the line. */
export type SelectorValueKind = 'mac' | 'decimal' | 'hex-address' | 'string' | 'sysfs';

export interface SelectorSpec extends SelectorDoc {
  name: string;
  /** Selectors sharing a handler are aliases of each other (mac/ethaddr). */
  handler: string;
  value: SelectorValueKind;
  /** ifrename refuses values of this many characters or more. */
  maxLength?: number;
  /** Whether the value is matched as a shell glob (`*`, `?`, `[…]`). */
  glob: boolean;
}

/** Linux IFNAMSIZ: names hold at most 15 characters plus the terminating NUL. */
export const IFNAMSIZ = 16;
export const MAX_SYSFS_ATTRIBUTES = 8;

type SelectorFact = Omit<SelectorSpec, keyof SelectorDoc>;

const SELECTOR_FACTS: readonly SelectorFact[] = [
  { name: 'mac', handler: 'mac', value: 'mac', maxLength: 49, glob: true },
  { name: 'ethaddr', handler: 'mac', value: 'mac', maxLength: 49, glob: true },
  { name: 'arp', handler: 'arp', value: 'decimal', glob: false },
  { name: 'linktype', handler: 'arp', value: 'decimal', glob: false },
  { name: 'driver', handler: 'driver', value: 'string', maxLength: 32, glob: true },
  { name: 'businfo', handler: 'businfo', value: 'string', maxLength: 32, glob: true },
  { name: 'firmware', handler: 'firmware', value: 'string', maxLength: 32, glob: true },
  { name: 'baseaddress', handler: 'baseaddress', value: 'hex-address', glob: false },
  { name: 'irq', handler: 'irq', value: 'decimal', glob: false },
  { name: 'interrupt', handler: 'irq', value: 'decimal', glob: false },
  { name: 'iwproto', handler: 'iwproto', value: 'string', maxLength: IFNAMSIZ + 1, glob: true },
  { name: 'pcmciaslot', handler: 'pcmciaslot', value: 'decimal', glob: false },
  { name: 'sysfs', handler: 'sysfs', value: 'sysfs', glob: true },
  { name: 'prevname', handler: 'prevname', value: 'string', maxLength: IFNAMSIZ + 1, glob: true },
];

export const SELECTORS: readonly SelectorSpec[] = SELECTOR_FACTS.map((fact) => ({ ...fact, ...SELECTOR_DOCS[fact.name] }));

export type SelectorLookup = { kind: 'exact' | 'prefix'; spec: SelectorSpec } | { kind: 'ambiguous'; candidates: SelectorSpec[] } | { kind: 'unknown' };

/** ifrename's selector_find(): case-insensitive, exact name first, else a prefix that is unambiguous across handlers. */
export function findSelector(word: string): SelectorLookup {
  const lower = word.toLowerCase();
  const exact = SELECTORS.find((s) => s.name === lower);
  if (exact) return { kind: 'exact', spec: exact };
  const matches = SELECTORS.filter((s) => s.name.startsWith(lower));
  if (matches.length === 0) return { kind: 'unknown' };
  if (matches.some((s) => s.handler !== matches[0].handler)) return { kind: 'ambiguous', candidates: matches };
  return { kind: 'prefix', spec: matches[0] };
}

export const SELECTOR_NAMES: readonly string[] = SELECTORS.map((s) => s.name);
