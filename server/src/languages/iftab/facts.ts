import type { Range } from 'vscode-languageserver-types';
import { parseMac } from '../../common/mac';
import type { FileFacts } from '../../workspace/facts';
import type { IftabDocument, IftabEntry } from './parse';
import { readMac } from './values';

/** Every exact 6-byte MAC selector value (mac, ethaddr), normalized to lower case, in file order. */
export function exactMacs(doc: IftabDocument): { value: string; range: Range; entry: IftabEntry }[] {
  const macs: { value: string; range: Range; entry: IftabEntry }[] = [];
  for (const entry of doc.entries) {
    for (const use of entry.selectors) {
      if (use.lookup.kind === 'unknown' || use.lookup.kind === 'ambiguous' || use.lookup.spec.value !== 'mac' || !use.value) continue;
      const reading = readMac(use.value.text);
      const parsed = reading.kind === 'exact' && reading.octets === 6 ? parseMac(use.value.text) : undefined;
      if (parsed) macs.push({ value: parsed.normalized, range: use.value.range, entry });
    }
  }
  return macs;
}

/** One fact per mapping: the interface name, and its exact MAC when it has one. */
export function iftabFacts(doc: IftabDocument): FileFacts {
  const macByEntry = new Map(exactMacs(doc).map((m) => [m.entry, m]));
  return {
    iftab: doc.entries.map((entry) => {
      const mac = macByEntry.get(entry);
      return { interfaceName: { value: entry.name.text, range: entry.name.range }, ...(mac ? { mac: { value: mac.value, range: mac.range } } : {}) };
    }),
  };
}
