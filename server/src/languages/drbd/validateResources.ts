/**
 * Checks within a resource and across the resources of this file: every host
 * has what it needs, addresses and minors do not collide, the primaries are
 * consistent, and a dual-primary `common` section is fenced. What depends on
 * other files (collisions with their resources, a resource fenced by another
 * file's `common`) is in crossFile.ts.
 */
import { Severity } from '../../common/diagnostics';
import { Code, DrbdCode } from './codes';
import { addFencing } from './fixes';
import { dualPrimaryAnchor, dualPrimaryOf, fencingSections, withoutFencingMessage } from './fencing';
import { drbdadmLine, Token } from './lexer';
import { hostOrResourceOption, optionIn, resourceSetting, ResourceModel, resourcesOf } from './model';
import { DrbdDocument, Node, SectionNode, sectionsOf } from './parse';
import type { Dialect } from './schema';
import type { TokenReporter } from './reporter';
import { deviceMinor, isProblem, parseAddress } from './values';

/**
 * What a host needs. DRBD 9 defaults meta-disk to internal and takes a
 * diskless host (a device and no disk), so it wants a disk only where a
 * meta-disk is given; it wants an address where it makes the one connection
 * of two hosts itself (crossFile.ts and `needsAddress9`).
 */
const REQUIRED_HOST_KEYS: readonly { names: string[]; example: string; dialects: Dialect[] }[] = [
  { names: ['device'], example: 'device /dev/drbd0;', dialects: ['8.3', '8.4', '9'] },
  { names: ['disk'], example: 'disk /dev/sdb1;', dialects: ['8.3', '8.4', '9'] },
  { names: ['address'], example: 'address 10.0.0.1:7789;', dialects: ['8.3', '8.4', '9'] },
  { names: ['meta-disk', 'flexible-meta-disk'], example: 'meta-disk internal;', dialects: ['8.3', '8.4'] },
];

const META_DISK = ['meta-disk', 'flexible-meta-disk'];

export function validateResources(doc: DrbdDocument, dialect: Dialect, out: TokenReporter): void {
  const resources = resourcesOf(doc);
  for (const resource of resources) {
    checkHosts(resource, dialect, out);
    if (dialect === '9') checkNodeIds(resource, out);
    checkPrimaries(doc, resource, dialect, out);
  }
  for (const common of sectionsOf(doc.root, 'common')) checkCommonFencing(doc, common, dialect, out);
  checkCollisions(resources, out);
}

/** The one connection drbdadm 9 makes itself: two hosts and no connection sections. */
function implicitConnection(resource: ResourceModel): boolean {
  return resource.hosts.length === 2 && sectionsOf(resource.section, 'connection').length === 0 && sectionsOf(resource.section, 'connection-mesh').length === 0;
}

/** Whether a DRBD 9 host needs its own address: for the implicit connection of two hosts, or a connection mesh (a single host has no peer to reach). */
function needsAddress9(resource: ResourceModel): boolean {
  if (sectionsOf(resource.section, 'connection').length > 0) return false;
  return resource.hosts.length === 2 || sectionsOf(resource.section, 'connection-mesh').length > 0;
}

function hasKey(host: SectionNode, resource: SectionNode, names: readonly string[]): boolean {
  return Boolean(hostOrResourceOption(host, resource, names)) || everyVolumeHas(host, resource, names) || someVolumeHas(host, resource, names);
}

function checkHosts(resource: ResourceModel, dialect: Dialect, out: TokenReporter): void {
  const { section } = resource;
  const label = resource.name ? `'${resource.name.text}'` : '';
  const onSections = resource.hosts.filter((h) => h.section.name === 'on');
  const seen = new Map<string, Token>();
  for (const host of onSections) {
    if (!host.name) continue;
    const first = seen.get(host.name.value);
    if (first) out.report(host.name, Severity.Error, Code.duplicateHost, () => `Host '${host.name!.text}' already has an 'on' section in resource ${label} (line ${first.line + 1}).`);
    else seen.set(host.name.value, host.name);
    for (const key of REQUIRED_HOST_KEYS) {
      if (!key.dialects.includes(dialect)) continue;
      if (key.names[0] === 'address' && dialect === '9' && !needsAddress9(resource)) continue;
      if (key.names[0] === 'disk' && dialect === '9' && !hasKey(host.section, section, META_DISK)) continue;
      if (hostOrResourceOption(host.section, section, key.names) || everyVolumeHas(host.section, section, key.names)) continue;
      if (key.names[0] === 'address' && optionIn(host.section, 'proxy')) continue;
      const why = dialect !== '9' ? '' : key.names[0] === 'disk' ? ' (it sets a meta-disk, so it is not a diskless host)' : key.names[0] === 'address' ? " (drbdadm 9 needs both addresses to connect the two hosts, and asks for a 'node-id' on each without them)" : '';
      out.report(host.section.keyword!, Severity.Error, Code.missingHostOption, `'on ${host.name.text}' in resource ${label} has no '${key.names[0]}'${why}, and the resource sets none for it to inherit; add e.g. '${key.example}'.`);
    }
  }
  const hostCount = resource.hosts.length;
  if (dialect !== '9' && hostCount !== 2 && resource.name && !sectionsOf(section, 'stacked-on-top-of').length) {
    out.report(resource.name, Severity.Warning, Code.hostCount, `Resource ${label} has ${hostCount} host section${hostCount === 1 ? '' : 's'}; DRBD ${dialect} replicates between exactly two nodes. Use DRBD 9 for more than two.`);
  }
}

/**
 * DRBD 9 numbers the two hosts of the implicit connection itself; any other
 * host needs a `node-id`, and no two hosts of a resource may share one.
 */
function checkNodeIds(resource: ResourceModel, out: TokenReporter): void {
  const onSections = resource.hosts.filter((h) => h.section.name === 'on' && h.name);
  const ids = onSections.map((h) => optionIn(h.section, 'node-id'));
  const implicit = implicitConnection(resource) && ids.every((id) => !id);
  // Without an address the implicit connection cannot be made: the missing address is reported (checkHosts).
  if (implicit || (implicitConnection(resource) && onSections.some((h) => !optionIn(h.section, 'address') && !optionIn(h.section, 'proxy')))) return;
  const because =
    onSections.length > 2 || ids.some(Boolean) ? 'a resource has more than two hosts or any host sets one' : onSections.length === 1 ? 'a resource has a single host' : "the resource has 'connection' or 'connection-mesh' sections";
  const used = new Map<string, Token>();
  onSections.forEach((host, index) => {
    const id = ids[index];
    if (!id) {
      out.report(host.section.keyword!, Severity.Error, Code.missingNodeId, `'on ${host.name!.text}' has no 'node-id': DRBD 9 needs one on every host when ${because}; add e.g. 'node-id ${index};'.`);
      return;
    }
    const value = id.args[0];
    if (!value) return;
    const first = used.get(value.value);
    if (first) out.report(value, Severity.Error, Code.duplicateNodeId, `node-id ${value.text} is already the node-id of another host of this resource (line ${first.line + 1}); drbdadm refuses it ("conflicting use of node-id"): give each host its own.`, { related: [{ token: first, message: `node-id ${value.text}` }] });
    else used.set(value.value, value);
  });
}

const isVolume = (node: Node): node is SectionNode => node.kind === 'section' && node.name === 'volume';
const volumeHas = (volume: SectionNode, names: readonly string[]) => names.some((n) => optionIn(volume, n));

/**
 * Volume keys may be given per volume (8.4/9), on the host or at resource level: every volume number must have
 * them. Loops over the two sections' children rather than copies of their volume lists: checkHosts asks this for
 * every host and key, and the copies were the most allocated objects of validating a 500-resource file.
 */
function everyVolumeHas(host: SectionNode, resource: SectionNode, names: readonly string[]): boolean {
  let numbersWithKey: Set<string | undefined> | undefined;
  for (const scope of [host, resource]) {
    for (const volume of scope.children) if (isVolume(volume) && volumeHas(volume, names)) (numbersWithKey ??= new Set()).add(volume.args[0]?.value);
  }
  if (!numbersWithKey) return false;
  for (const scope of [host, resource]) {
    for (const volume of scope.children) if (isVolume(volume) && !numbersWithKey.has(volume.args[0]?.value)) return false;
  }
  return true;
}

function someVolumeHas(host: SectionNode, resource: SectionNode, names: readonly string[]): boolean {
  return [host, resource].some((scope) => scope.children.some((volume) => isVolume(volume) && volumeHas(volume, names)));
}

function checkPrimaries(doc: DrbdDocument, resource: ResourceModel, dialect: Dialect, out: TokenReporter): void {
  const { section } = resource;
  const label = resource.name ? `'${resource.name.text}'` : '';
  const oracleLine = section.keyword && drbdadmLine(section.keyword);
  const hostNames = new Set(resource.hosts.flatMap((h) => (h.name ? [h.name.value] : [])));
  const become = resourceSetting(doc, section, ['startup'], 'become-primary-on');
  for (const host of become?.args ?? []) {
    if (host.value === 'both' || hostNames.has(host.value)) continue;
    // drbdadm 8.x refuses the resource; DRBD 9 ignores the name.
    out.report(host, dialect === '9' ? Severity.Warning : Severity.Error, Code.unknownHost, `'become-primary-on ${host.text}': resource ${label} has no 'on ${host.text}' section; name one of ${[...hostNames].map((h) => `'${h}'`).join(', ') || 'its hosts'} or 'both'.`, { oracleLine });
  }
  const dual = dualPrimaryOf(doc, section, dialect);
  if (dual.becomeBoth && !dual.allowTwoPrimaries && dialect !== '9') {
    out.report(dual.becomeBoth, Severity.Error, Code.twoPrimariesNotAllowed, `'become-primary-on both' needs 'allow-two-primaries;' in the 'net' section of resource ${label}; without it the second node cannot become primary.`, { oracleLine });
  }
  const protocol = resourceSetting(doc, section, ['net'], 'protocol') ?? optionIn(section, 'protocol');
  const protocolValue = protocol?.args[0];
  if (dual.allowTwoPrimaries && protocolValue && protocolValue.value !== 'C') {
    out.report(protocolValue, Severity.Error, Code.dualPrimaryProtocol, `Resource ${label} allows two primaries with protocol ${protocolValue.text}; DRBD refuses that (writes must be on both disks before either node acknowledges them): use 'protocol C'.`);
  }
  // Whether the resource is fenced may depend on a `common` section of another file: crossFile.ts warns.
}

/** Warns when a `common` section makes every resource dual-primary without fencing them. */
function checkCommonFencing(doc: DrbdDocument, common: SectionNode, dialect: Dialect, out: TokenReporter): void {
  const dual = dualPrimaryOf(doc, common, dialect);
  const anchor = dualPrimaryAnchor(common, dual);
  if (!anchor || (dual.fencingOk && dual.fencePeer)) return;
  const message = withoutFencingMessage("The 'common' section (every resource)", dual.fencingOk, dual.fencePeer, fencingSections(dialect)[0]);
  out.report(anchor, Severity.Warning, Code.dualPrimaryWithoutFencing, message, { fixes: (d, ctx) => addFencing(doc, common, dialect, d, ctx) });
}

interface Claim {
  resource: string;
  token: Token;
}

/** Addresses, minors and device paths must be unique per host within the file (crossFile.ts compares them with other files). */
function checkCollisions(resources: ResourceModel[], out: TokenReporter): void {
  const addresses = new Map<string, Claim>();
  const minors = new Map<string, Claim>();
  const devices = new Map<string, Claim>();
  // `what` names the claim for the message, written only when it is listed (a generated file may repeat one resource throughout).
  const claim = (table: Map<string, Claim>, key: string, c: Claim, code: DrbdCode, what: () => string, oracleLine?: number) => {
    const first = table.get(key);
    if (first) out.report(c.token, Severity.Error, code, () => `${what()} is already used by resource '${first.resource}' on line ${first.token.line + 1}; each resource needs its own.`, { oracleLine });
    else table.set(key, c);
  };
  for (const resource of resources) {
    const name = resource.name?.value ?? '';
    for (const host of resource.hosts) {
      const hostName = host.name?.value ?? '';
      // drbdadm compares the addresses of `on` hosts; stacked and floating ones may repeat behind proxies.
      const address = host.section.name === 'on' ? optionIn(host.section, 'address') : undefined;
      if (address) {
        const parsed = parseAddress(address.args, address.keyword);
        // A malformed address is reported where the option is checked.
        if (!isProblem(parsed)) claim(addresses, parsed.key, { resource: name, token: parsed.token }, Code.duplicateAddress, () => `Address ${parsed.key}`);
      }
      const device = hostOrResourceOption(host.section, resource.section, ['device']);
      if (!device || !hostName) continue;
      const { minor, path, minorToken } = deviceMinor(device.args);
      if (minor !== undefined && minorToken) claim(minors, `${hostName}|${minor}`, { resource: name, token: minorToken }, Code.duplicateMinor, () => `Minor ${minor} on '${hostName}'`, resource.section.keyword && drbdadmLine(resource.section.keyword));
      if (path) claim(devices, `${hostName}|${path.value}`, { resource: name, token: path }, Code.duplicateDevice, () => `Device ${path.value} on '${hostName}'`, resource.section.keyword && drbdadmLine(resource.section.keyword));
    }
  }
}
