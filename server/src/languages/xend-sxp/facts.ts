import type { FileFacts, Located } from '../../workspace/facts';
import type { XendDocument } from './parse';
import { splitNetworkScript } from './values';

/** The `key=` arguments of a network script that name a dom0 interface. */
const INTERFACE_ARGUMENTS = ['netdev', 'bridge'];

/**
 * The dom0 interfaces the network script sets up by name: `netdev=` and
 * `bridge=` of `(network-script 'network-bridge netdev=eth0 bridge=xenbr0')`
 * (xend reads the first form of an option). The rest of xend-config.sxp
 * describes the host's xend alone; its quick fixes read the workspace's
 * cluster nodes and DRBD addresses instead (validateSecurity.ts).
 */
export function facts(doc: XendDocument): FileFacts {
  const script = doc.options.find((o) => o.name === 'network-script')?.values[0];
  if (script?.kind !== 'atom') return {};
  const quote = script.quote ? 1 : 0;
  // Offsets inside the value are the source's only when it has no escapes (the usual case).
  const inner = script.start + quote;
  if (doc.text.slice(inner, script.end - quote) !== script.value) return {};
  const dom0Interfaces: Located[] = [];
  for (const word of splitNetworkScript(script.value).slice(1)) {
    const equals = word.text.indexOf('=');
    if (equals < 0 || !INTERFACE_ARGUMENTS.includes(word.text.slice(0, equals)) || equals === word.text.length - 1) continue;
    const start = inner + word.start + equals + 1;
    dom0Interfaces.push({ value: word.text.slice(equals + 1), range: doc.lines.range(start, inner + word.end) });
  }
  return dom0Interfaces.length > 0 ? { dom0Interfaces } : {};
}
