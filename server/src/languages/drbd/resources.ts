/**
 * Checks across a resource and across resources: every host has what it
 * needs, addresses and minors do not collide, and a dual-primary resource is
 * fenced.
 */
import { Severity } from '../../common/diagnostics';
import type { WorkspaceView } from '../../workspace/view';
import type { Token } from './lexer';
import { hostOrResourceOption, isOn, optionIn, resourceSetting, ResourceModel, resourcesOf } from './model';
import type { Dialect } from './schema';
import { DrbdDocument, SectionNode, sectionsOf } from './parse';
import type { Reporter } from './report';
import { deviceMinor, isProblem, parseAddress } from './values';

/** Where the fencing policy lives: `disk` in 8.x, `net` in 9 (drbdadm 9 still takes it in `disk`). */
export function fencingSections(dialect: Dialect): string[] {
  return dialect === '9' ? ['net', 'disk'] : ['disk'];
}

export interface DualPrimary {
  /** `allow-two-primaries` (when on) and `become-primary-on both`. */
  allowTwoPrimaries?: Token;
  becomeBoth?: Token;
  fencingOk: boolean;
  fencePeer: boolean;
}

export function dualPrimaryOf(doc: DrbdDocument, resource: SectionNode, dialect: Dialect): DualPrimary {
  const allow = resourceSetting(doc, resource, ['net'], 'allow-two-primaries');
  const become = resourceSetting(doc, resource, ['startup'], 'become-primary-on');
  const fencing = resourceSetting(doc, resource, fencingSections(dialect), 'fencing');
  return {
    allowTwoPrimaries: allow && isOn(allow) ? allow.keyword : undefined,
    becomeBoth: become?.args.find((a) => a.value === 'both'),
    fencingOk: fencing?.args[0]?.value === 'resource-and-stonith',
    fencePeer: resourceSetting(doc, resource, ['handlers'], 'fence-peer') !== undefined,
  };
}

/** What every host needs; DRBD 9 defaults meta-disk to internal. */
const REQUIRED_HOST_KEYS: readonly { names: string[]; example: string; dialects: Dialect[] }[] = [
  { names: ['device'], example: 'device /dev/drbd0;', dialects: ['8.3', '8.4', '9'] },
  { names: ['disk'], example: 'disk /dev/sdb1;', dialects: ['8.3', '8.4', '9'] },
  { names: ['address'], example: 'address 10.0.0.1:7789;', dialects: ['8.3', '8.4', '9'] },
  { names: ['meta-disk', 'flexible-meta-disk'], example: 'meta-disk internal;', dialects: ['8.3', '8.4'] },
];

export function validateResources(doc: DrbdDocument, dialect: Dialect, workspace: WorkspaceView, uri: string, out: Reporter): void {
  const resources = resourcesOf(doc);
  for (const resource of resources) {
    checkHosts(resource, dialect, out);
    checkPrimaries(doc, resource, dialect, inheritedCommon(workspace, uri), out);
  }
  for (const common of sectionsOf(doc.root, 'common')) {
    checkFencing(common, dualPrimaryOf(doc, common, dialect), "The 'common' section (every resource)", dialect, out);
  }
  checkCollisions(resources, workspace, uri, out);
}

function checkHosts(resource: ResourceModel, dialect: Dialect, out: Reporter): void {
  const { section } = resource;
  const label = resource.name ? `'${resource.name.text}'` : '';
  const onSections = resource.hosts.filter((h) => h.section.name === 'on');
  const seen = new Map<string, Token>();
  for (const host of onSections) {
    if (!host.name) continue;
    const first = seen.get(host.name.value);
    if (first) out.report(host.name, Severity.Error, 'drbd/duplicate-host', `Host '${host.name.text}' already has an 'on' section in resource ${label} (line ${first.line + 1}).`);
    else seen.set(host.name.value, host.name);
    for (const key of REQUIRED_HOST_KEYS) {
      if (!key.dialects.includes(dialect)) continue;
      if (key.names[0] === 'address' && dialect === '9' && sectionsOf(section, 'connection').length > 0) continue;
      if (hostOrResourceOption(host.section, section, key.names) || everyVolumeHas(host.section, section, key.names)) continue;
      if (key.names[0] === 'address' && optionIn(host.section, 'proxy')) continue;
      out.report(host.section.keyword!, Severity.Error, 'drbd/missing-host-option', `'on ${host.name.text}' in resource ${label} has no '${key.names[0]}', and the resource sets none for it to inherit; add e.g. '${key.example}'.`);
    }
    if (dialect === '9' && (onSections.length > 2 || onSections.some((h) => optionIn(h.section, 'node-id'))) && !optionIn(host.section, 'node-id')) {
      out.report(host.section.keyword!, Severity.Error, 'drbd/missing-node-id', `'on ${host.name.text}' has no 'node-id': DRBD 9 needs one on every host when a resource has more than two hosts or any host sets one; add e.g. 'node-id ${onSections.indexOf(host)};'.`);
    }
  }
  const hostCount = resource.hosts.length;
  if (dialect !== '9' && hostCount !== 2 && resource.name && !sectionsOf(section, 'stacked-on-top-of').length) {
    out.report(resource.name, Severity.Warning, 'drbd/host-count', `Resource ${label} has ${hostCount} host section${hostCount === 1 ? '' : 's'}; DRBD ${dialect} replicates between exactly two nodes. Use DRBD 9 for more than two.`);
  }
}

/** Volume keys may be given per volume (8.4/9), on the host or at resource level: every volume number must have them. */
function everyVolumeHas(host: SectionNode, resource: SectionNode, names: readonly string[]): boolean {
  const volumes = [...sectionsOf(host, 'volume'), ...sectionsOf(resource, 'volume')];
  const numbers = new Set(volumes.map((v) => v.args[0]?.value));
  const has = (number: string | undefined) => volumes.some((v) => v.args[0]?.value === number && names.some((n) => optionIn(v, n)));
  return numbers.size > 0 && [...numbers].every(has);
}

/**
 * Fencing set in the `common` section of another workspace file (drbd.conf
 * includes drbd.d/global_common.conf before the resources), which every
 * resource inherits.
 */
function inheritedCommon(workspace: WorkspaceView, uri: string): { fencingOk: boolean; fencePeer: boolean } {
  let fencingOk = false;
  let fencePeer = false;
  for (const { facts } of workspace.otherFiles(uri)) {
    if (facts.drbdCommon?.fencing === 'resource-and-stonith') fencingOk = true;
    if (facts.drbdCommon?.fencePeer) fencePeer = true;
  }
  return { fencingOk, fencePeer };
}

function checkPrimaries(doc: DrbdDocument, resource: ResourceModel, dialect: Dialect, inherited: { fencingOk: boolean; fencePeer: boolean }, out: Reporter): void {
  const { section } = resource;
  const label = resource.name ? `'${resource.name.text}'` : '';
  const oracleLine = section.keyword?.line;
  const hostNames = new Set(resource.hosts.flatMap((h) => (h.name ? [h.name.value] : [])));
  const become = resourceSetting(doc, section, ['startup'], 'become-primary-on');
  for (const host of become?.args ?? []) {
    if (host.value === 'both' || hostNames.has(host.value)) continue;
    // drbdadm 8.x refuses the resource; DRBD 9 ignores the name.
    out.report(host, dialect === '9' ? Severity.Warning : Severity.Error, 'drbd/unknown-host', `'become-primary-on ${host.text}': resource ${label} has no 'on ${host.text}' section; name one of ${[...hostNames].map((h) => `'${h}'`).join(', ') || 'its hosts'} or 'both'.`, { oracleLine });
  }
  const dual = dualPrimaryOf(doc, section, dialect);
  if (dual.becomeBoth && !dual.allowTwoPrimaries && dialect !== '9') {
    out.report(dual.becomeBoth, Severity.Error, 'drbd/two-primaries-not-allowed', `'become-primary-on both' needs 'allow-two-primaries;' in the 'net' section of resource ${label}; without it the second node cannot become primary.`, { oracleLine });
  }
  const protocol = resourceSetting(doc, section, ['net'], 'protocol') ?? optionIn(section, 'protocol');
  const protocolValue = protocol?.args[0];
  if (dual.allowTwoPrimaries && protocolValue && protocolValue.value !== 'C') {
    out.report(protocolValue, Severity.Error, 'drbd/dual-primary-protocol', `Resource ${label} allows two primaries with protocol ${protocolValue.text}; DRBD refuses that (writes must be on both disks before either node acknowledges them): use 'protocol C'.`);
  }
  checkFencing(section, { ...dual, fencingOk: dual.fencingOk || inherited.fencingOk, fencePeer: dual.fencePeer || inherited.fencePeer }, `Resource ${label}`, dialect, out);
}

/** True when `token` is written inside `section` (not inherited from `common`). */
function inside(section: SectionNode, token: Token): boolean {
  return section.open !== undefined && token.start > section.open.start && token.start < section.end;
}

/** Warns when a dual-primary scope (a resource, or `common` for all resources) lacks fencing. */
function checkFencing(scope: SectionNode, dual: DualPrimary, label: string, dialect: Dialect, out: Reporter): void {
  const anchor = dual.allowTwoPrimaries ?? dual.becomeBoth;
  // A resource that inherits dual-primary from `common` is warned about there, once.
  if (!anchor || !inside(scope, anchor) || (dual.fencingOk && dual.fencePeer)) return;
  const missing = [
    ...(dual.fencingOk ? [] : [`'fencing resource-and-stonith;' in the '${fencingSections(dialect)[0]}' section`]),
    ...(dual.fencePeer ? [] : ["a 'fence-peer' handler (e.g. \"/usr/lib/drbd/rhcs_fence\" under cman, \"/usr/lib/drbd/crm-fence-peer.sh\" under Pacemaker)"]),
  ];
  out.report(
    anchor,
    Severity.Warning,
    'drbd/dual-primary-without-fencing',
    `${label} is dual-primary without fencing: if the replication link fails, both nodes stay primary and keep writing, the data splits brain and one side's writes are lost. Add ${missing.join(' and ')}.`,
  );
}

interface Claim {
  resource: string;
  host: string;
  token: Token;
}

/** Addresses, minors and device paths must be unique per host, in this file and across the workspace. */
function checkCollisions(resources: ResourceModel[], workspace: WorkspaceView, uri: string, out: Reporter): void {
  const addresses = new Map<string, Claim>();
  const minors = new Map<string, Claim>();
  const devices = new Map<string, Claim>();
  const elsewhere = otherFilesClaims(workspace, uri);
  const claim = (table: Map<string, Claim>, key: string, c: Claim, code: string, what: string, oracleLine?: number) => {
    const first = table.get(key);
    if (first) {
      out.report(c.token, Severity.Error, code, `${what} is already used by resource '${first.resource}' on line ${first.token.line + 1}; each resource needs its own.`, { oracleLine });
      return;
    }
    table.set(key, c);
    const other = elsewhere.get(`${code}|${key}`);
    if (other) out.report(c.token, Severity.Warning, code, `${what} is also used by resource '${other.resource}' in ${other.file}; when both are loaded drbdadm refuses the second.`);
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
        if (!isProblem(parsed)) claim(addresses, parsed.key, { resource: name, host: hostName, token: parsed.token }, 'drbd/duplicate-address', `Address ${parsed.key}`);
      }
      const device = hostOrResourceOption(host.section, resource.section, ['device']);
      if (!device || !hostName) continue;
      const { minor, path, minorToken } = deviceMinor(device.args);
      if (minor !== undefined && minorToken) claim(minors, `${hostName}|${minor}`, { resource: name, host: hostName, token: minorToken }, 'drbd/duplicate-minor', `Minor ${minor} on '${hostName}'`, resource.section.keyword?.line);
      if (path) claim(devices, `${hostName}|${path.value}`, { resource: name, host: hostName, token: path }, 'drbd/duplicate-device', `Device ${path.value} on '${hostName}'`, resource.section.keyword?.line);
    }
  }
}

function otherFilesClaims(workspace: WorkspaceView, uri: string): Map<string, { resource: string; file: string }> {
  const claims = new Map<string, { resource: string; file: string }>();
  for (const { uri: otherUri, facts } of workspace.otherFiles(uri)) {
    const file = otherUri.slice(otherUri.lastIndexOf('/') + 1);
    for (const resource of facts.drbdResources ?? []) {
      const add = (code: string, key: string) => claims.set(`${code}|${key}`, { resource: resource.name.value, file });
      for (const a of resource.addresses) add('drbd/duplicate-address', a.value);
      for (const m of resource.minors) add('drbd/duplicate-minor', `${m.host}|${m.value}`);
      for (const d of resource.devices) add('drbd/duplicate-device', `${d.host}|${d.value}`);
    }
  }
  return claims;
}
