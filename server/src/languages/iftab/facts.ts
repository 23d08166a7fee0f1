import { parseMac } from '../../common/mac';
import type { FileFacts } from '../../workspace/facts';
import type { FileContext } from '../types';
import { placeOf } from './guest';
import type { IftabDocument, IftabEntry, Token } from './parse';
import { readMac } from './values';

export interface ExactMac {
  /** Normalized (lower case, two digits a byte). */
  value: string;
  /** The value as written. */
  token: Token;
  entry: IftabEntry;
}

/** Every exact 6-byte MAC selector value (mac, ethaddr), normalized to lower case, in file order. */
export function exactMacs(doc: IftabDocument): ExactMac[] {
  const macs: ExactMac[] = [];
  for (const entry of doc.entries) {
    for (const use of entry.selectors) {
      if (use.lookup.kind === 'unknown' || use.lookup.kind === 'ambiguous' || use.lookup.spec.value !== 'mac' || !use.value) continue;
      const reading = readMac(use.value.text);
      const parsed = reading.kind === 'exact' && reading.octets === 6 ? parseMac(use.value.text) : undefined;
      if (parsed) macs.push({ value: parsed.normalized, token: use.value, entry });
    }
  }
  return macs;
}

/**
 * One fact per mapping (the interface name, and its exact MAC when it has
 * one), and what the guest checks need: where the file sits and every exact MAC.
 */
export function facts(doc: IftabDocument, ctx: FileContext): FileFacts {
  const macs = exactMacs(doc);
  const macByEntry = new Map(macs.map((m) => [m.entry, m]));
  return {
    iftab: doc.entries.map((entry) => {
      const mac = macByEntry.get(entry);
      return { interfaceName: { value: entry.name.text, range: entry.name.range }, ...(mac ? { mac: { value: mac.value, range: mac.token.range } } : {}) };
    }),
    iftabGuest: { ...placeOf(ctx.path), macs: macs.map((m) => ({ value: m.value, range: m.token.range, interfaceName: m.entry.name.text })) },
  };
}
