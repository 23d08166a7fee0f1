import type { Range } from 'vscode-languageserver-types';
import type { DrbdResourceFact, FileFacts, Located } from '../../workspace/facts';
import type { ServiceContext } from '../types';
import { detectDialect } from './dialect';
import { includeCandidates } from './includes';
import { dualPrimaryAnchor, dualPrimaryOf, fencingSections } from './fencing';
import type { Token } from './lexer';
import { hostOrResourceOption, optionIn, resourcesOf } from './model';
import { DrbdDocument, sectionsOf } from './parse';
import { deviceMinor, isProblem, parseAddress } from './values';

/** Resources with their hosts, addresses, minors, devices, disks and fencing, the `common` fencing and protocol, and where the includes point, for cross-file checks. */
export function facts(doc: DrbdDocument, ctx: ServiceContext): FileFacts {
  const dialect = detectDialect(doc, ctx.settings).dialect;
  const range = (token: Token): Range => doc.lines.range(token.start, token.end);
  const located = (token: Token): Located => ({ value: token.value, range: range(token) });
  const drbdResources: DrbdResourceFact[] = [];
  const commons = sectionsOf(doc.root, 'common');
  for (const resource of resourcesOf(doc)) {
    if (!resource.name) continue;
    const fact: DrbdResourceFact = { name: located(resource.name), hosts: [], addresses: [], minors: [], devices: [], disks: [], dualPrimary: false };
    for (const host of resource.hosts) {
      const hostName = host.name?.value ?? '';
      if (host.name) fact.hosts.push(located(host.name));
      const address = optionIn(host.section, 'address');
      const parsed = address && parseAddress(address.args, address.keyword);
      if (parsed && !isProblem(parsed)) fact.addresses.push({ value: parsed.key, range: range(parsed.token), host: hostName });
      const device = hostOrResourceOption(host.section, resource.section, ['device']);
      if (device) {
        const { minor, path, minorToken } = deviceMinor(device.args);
        if (minor !== undefined && minorToken) fact.minors.push({ value: minor, range: range(minorToken), host: hostName });
        if (path) fact.devices.push({ ...located(path), host: hostName });
      }
      const disk = hostOrResourceOption(host.section, resource.section, ['disk']);
      if (disk?.args[0]) fact.disks.push({ ...located(disk.args[0]), host: hostName });
    }
    const dual = dualPrimaryOf(doc, resource.section, dialect);
    fact.dualPrimary = Boolean(dual.allowTwoPrimaries || dual.becomeBoth);
    const anchor = dualPrimaryAnchor(resource.section, dual);
    if (anchor) fact.dualPrimaryFencing = { range: range(anchor), fencing: dual.fencingOk, fencePeer: dual.fencePeer, fencingSection: fencingSections(dialect)[0] };
    if (dialect === '8.3' && !optionIn(resource.section, 'protocol') && !commons.some((c) => optionIn(c, 'protocol'))) fact.withoutProtocol = true;
    drbdResources.push(fact);
  }
  const result: FileFacts = { drbdResources };
  const [common] = commons;
  if (common) {
    const policy = dualPrimaryOf(doc, common, dialect);
    result.drbdCommon = { fencing: policy.fencingOk ? 'resource-and-stonith' : undefined, fencePeer: policy.fencePeer, ...(optionIn(common, 'protocol') ? { protocol: true } : {}) };
  }
  const includes = doc.root.children.flatMap((c) => (c.kind === 'option' && c.keyword.value === 'include' && c.args[0] ? includeCandidates(c.args[0].value, ctx.path) : []));
  if (includes.length > 0) result.drbdIncludes = includes;
  return result;
}
