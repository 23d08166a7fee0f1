import type { Location } from 'vscode-languageserver-types';
import { parseMac } from '../common/mac';
import { decodePercent } from '../common/uri';
import type { DrbdCommonFact, DrbdResourceFact, FileFacts, Located } from './facts';

/** A fact together with the file it was found in. */
export interface Placed<T = string> {
  uri: string;
  fact: Located<T>;
}

export interface PlacedDomain {
  uri: string;
  /** The domain's name: its `name =` value, else the file name without `.cfg` (what xm/rgmanager look up). */
  name: string;
  facts: NonNullable<FileFacts['domain']>;
}

export interface PlacedResource {
  uri: string;
  resource: DrbdResourceFact;
}

/**
 * The cross-file model: every fact of every indexed file, grouped by the
 * keys the cross-file checks and navigation look things up by. Built in one
 * pass over the index and rebuilt when the index changes.
 */
export class WorkspaceModel {
  readonly domains: PlacedDomain[] = [];
  readonly domainByUri = new Map<string, PlacedDomain>();
  /** Disk targets the guest may write → where they are written. */
  readonly writableDisks = new Map<string, (Placed & { domain: PlacedDomain })[]>();
  readonly domainsByName = new Map<string, PlacedDomain[]>();
  readonly domainsByUuid = new Map<string, Placed[]>();
  /** vif MACs (normalized) → where they are written, with the vif's index in its domain. */
  readonly vifMacs = new Map<string, (Placed & { domain: PlacedDomain; index: number })[]>();
  readonly iftabMacs = new Map<string, (Placed & { interfaceName: Located })[]>();
  readonly clusterFiles: { uri: string; facts: NonNullable<FileFacts['cluster']> }[] = [];
  readonly clusterNodes = new Map<string, Placed[]>();
  readonly vmsByName = new Map<string, (Placed & { migratable: boolean })[]>();
  readonly fenceDevices = new Map<string, Placed[]>();
  readonly fenceDeviceRefs = new Map<string, Placed[]>();
  readonly drbdResources: PlacedResource[] = [];
  readonly drbdResourcesByName = new Map<string, PlacedResource[]>();
  readonly drbdHosts = new Map<string, (Placed & { resource: DrbdResourceFact })[]>();
  /** DRBD resources by device path (/dev/drbd0) and by minor number. */
  readonly drbdByDevice = new Map<string, PlacedResource>();
  readonly drbdByMinor = new Map<number, PlacedResource>();
  /** What DRBD hosts claim, for collisions across files: addresses by `ip:port`, minors and devices by `host|minor`, `host|/dev/drbdN` (host is empty for `floating` and `stacked-on-top-of`). */
  readonly drbdAddresses = new Map<string, (Placed & { resource: DrbdResourceFact; host: string })[]>();
  readonly drbdHostMinors = new Map<string, (Placed<number> & { resource: DrbdResourceFact; host: string })[]>();
  readonly drbdHostDevices = new Map<string, (Placed & { resource: DrbdResourceFact; host: string })[]>();
  /** The DRBD `common` sections, whose settings every resource inherits. */
  readonly drbdCommons: { uri: string; common: DrbdCommonFact }[] = [];
  /** DRBD files that include others → the absolute path patterns they include. */
  readonly drbdIncludes = new Map<string, string[]>();
  /** dom0 interfaces a host file sets up (xend's network-script `netdev=`, `bridge=`) → where. */
  readonly dom0Interfaces = new Map<string, Placed[]>();

  constructor(files: Iterable<{ uri: string; facts: FileFacts }>) {
    for (const { uri, facts } of files) this.add(uri, facts);
  }

  private add(uri: string, facts: FileFacts): void {
    if (facts.domain) {
      const name = facts.domain.name?.value ?? baseName(uri).replace(/\.cfg$/, '');
      const domain: PlacedDomain = { uri, name, facts: facts.domain };
      this.domains.push(domain);
      this.domainByUri.set(uri, domain);
      push(this.domainsByName, name, domain);
      for (const disk of facts.domain.disks) if (disk.writable) push(this.writableDisks, disk.value, { uri, fact: disk, domain });
      if (facts.domain.uuid) push(this.domainsByUuid, facts.domain.uuid.value.toLowerCase(), { uri, fact: facts.domain.uuid });
      facts.domain.macs.forEach((mac, index) => {
        const key = macKey(mac.value);
        if (key) push(this.vifMacs, key, { uri, fact: mac, domain, index });
      });
    }
    for (const entry of facts.iftab ?? []) {
      const key = entry.mac && macKey(entry.mac.value);
      if (entry.mac && key) push(this.iftabMacs, key, { uri, fact: entry.mac, interfaceName: entry.interfaceName });
    }
    if (facts.cluster) {
      this.clusterFiles.push({ uri, facts: facts.cluster });
      for (const node of facts.cluster.nodes) push(this.clusterNodes, node.value, { uri, fact: node });
      for (const vm of facts.cluster.vms) push(this.vmsByName, vm.value, { uri, fact: vm, migratable: vm.migratable });
      for (const device of facts.cluster.fenceDevices) push(this.fenceDevices, device.value, { uri, fact: device });
      for (const ref of facts.cluster.fenceDeviceRefs) push(this.fenceDeviceRefs, ref.value, { uri, fact: ref });
    }
    for (const resource of facts.drbdResources ?? []) {
      const placed = { uri, resource };
      this.drbdResources.push(placed);
      push(this.drbdResourcesByName, resource.name.value, placed);
      for (const host of resource.hosts) push(this.drbdHosts, host.value, { uri, fact: host, resource });
      for (const device of resource.devices) if (!this.drbdByDevice.has(device.value)) this.drbdByDevice.set(device.value, placed);
      for (const minor of resource.minors) if (!this.drbdByMinor.has(minor.value)) this.drbdByMinor.set(minor.value, placed);
      for (const address of resource.addresses) push(this.drbdAddresses, address.value, { uri, fact: address, resource, host: address.host });
      for (const minor of resource.minors) push(this.drbdHostMinors, `${minor.host}|${minor.value}`, { uri, fact: minor, resource, host: minor.host });
      for (const device of resource.devices) push(this.drbdHostDevices, `${device.host}|${device.value}`, { uri, fact: device, resource, host: device.host });
    }
    if (facts.drbdCommon) this.drbdCommons.push({ uri, common: facts.drbdCommon });
    if (facts.drbdIncludes?.length) this.drbdIncludes.set(uri, facts.drbdIncludes);
    for (const name of facts.dom0Interfaces ?? []) push(this.dom0Interfaces, name.value, { uri, fact: name });
  }

  get hasCluster(): boolean {
    return this.clusterFiles.length > 0;
  }
}

/** The normalized form of a MAC for comparisons, or undefined for malformed ones. */
export function macKey(text: string): string | undefined {
  return parseMac(text)?.normalized;
}

export function location(placed: { uri: string; fact: Located<unknown> }): Location {
  return { uri: placed.uri, range: placed.fact.range };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function baseName(uri: string): string {
  const path = decodePercent(uri.replace(/^[a-z]+:\/\/[^/]*/i, ''));
  return path.slice(path.lastIndexOf('/') + 1);
}
