import { iftabLanguage } from '../../../server/src/languages/iftab';
import type { DomainFact } from '../../../server/src/workspace/facts';
import { languageTester } from '../../helpers/languageTester';

/** The iftab service as a test talks to it; a host's /etc/iftab unless told otherwise. */
export const iftab = languageTester(iftabLanguage, '/etc/iftab');

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 1 } });

/** The facts the xl-config service gives for a domain config with these vif MACs. */
export function domainFacts(name: string, macs: string[], bridges: string[] = []): DomainFact {
  return { name: { value: name, range: at(0) }, macs: macs.map((value, i) => ({ value, range: at(i + 1) })), bridges: bridges.map((value, i) => ({ value, range: at(i + 1) })), disks: [] };
}

/** A workspace with the examples' two domains. */
export const EXAMPLE_DOMAINS = [
  { uri: 'file:///repo/etc/xen/vm01-web.cfg', facts: { domain: domainFacts('vm01-web', ['00:16:3e:00:01:01', '00:16:3e:00:02:01'], ['xenbr0', 'xenbr1']) } },
  { uri: 'file:///repo/etc/xen/vm02-db.cfg', facts: { domain: domainFacts('vm02-db', ['00:16:3e:00:01:02'], ['xenbr0']) } },
];

/** vm01-web's iftab in its guest tree, with the examples' domains in the workspace (rooted at /repo). */
export const IN_GUEST = { path: '/repo/guests/vm01-web/etc/iftab', others: EXAMPLE_DOMAINS, root: '/repo' };
