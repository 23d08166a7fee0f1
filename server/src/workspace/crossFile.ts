/**
 * Checks that look across files: the mistakes that live between a guest's
 * config, its iftab, the cluster's cluster.conf and the DRBD resources. Each
 * diagnostic names the other file and line, and carries it as related
 * information so editors can jump there.
 */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { didYouMean } from '../common/didYouMean';
import { displayLocation } from './displayPath';
import type { DrbdResourceFact, FileFacts, Located } from './facts';
import { location, macKey, PlacedDomain, WorkspaceModel } from './model';

const SOURCE = 'workspace';

export interface CrossFileOptions {
  /** Workspace root, to show other files by a short relative path. */
  root?: string;
}

function related(placed: { uri: string; fact: Located<unknown> }, message: string): DiagnosticRelatedInformation {
  return { location: location(placed), message };
}

function make(range: Range, severity: DiagnosticSeverity, code: string, message: string, relatedInformation: DiagnosticRelatedInformation[]): Diagnostic {
  return { range, severity, code, source: SOURCE, message, relatedInformation };
}

/** All cross-file diagnostics for the file `uri` (whose facts are `facts`). */
export function crossFileDiagnostics(uri: string, facts: FileFacts, model: WorkspaceModel, options: CrossFileOptions = {}): Diagnostic[] {
  const at = (placed: { uri: string; fact: Located<unknown> }) => displayLocation(placed.uri, placed.fact.range.start.line, options.root);
  const out: Diagnostic[] = [];
  if (facts.domain) out.push(...domainChecks(uri, facts.domain, model, at));
  if (facts.iftab) out.push(...iftabChecks(facts.iftab, model, at));
  if (facts.cluster) out.push(...clusterChecks(facts.cluster, model, at));
  for (const resource of facts.drbdResources ?? []) out.push(...drbdChecks(resource, model, at));
  return out;
}

type At = (placed: { uri: string; fact: Located<unknown> }) => string;

function domainChecks(uri: string, domain: NonNullable<FileFacts['domain']>, model: WorkspaceModel, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  const self = model.domainByUri.get(uri);
  if (!self) return out;

  if (domain.name) {
    const twins = (model.domainsByName.get(self.name) ?? []).filter((d) => d.uri !== uri);
    for (const twin of twins) {
      const where = { uri: twin.uri, fact: twin.facts.name ?? domain.name };
      out.push(
        make(domain.name.range, DiagnosticSeverity.Error, 'workspace/duplicate-domain-name', `Domain name '${self.name}' is also used by ${at(where)}; xl refuses to start a second domain with a name that is already running, so give each config its own name.`, [related(where, `the other domain named '${self.name}'`)]),
      );
    }
  }
  if (domain.uuid) {
    const twins = (model.domainsByUuid.get(domain.uuid.value.toLowerCase()) ?? []).filter((p) => p.uri !== uri);
    for (const twin of twins) {
      out.push(make(domain.uuid.range, DiagnosticSeverity.Error, 'workspace/duplicate-uuid', `UUID ${domain.uuid.value} is also set in ${at(twin)}; two domains with one UUID confuse the toolstack and management tools; remove one of them (xl generates a fresh UUID when none is set).`, [related(twin, 'the other domain with this UUID')]));
    }
  }
  if (domain.name && model.hasCluster && !model.vmsByName.has(self.name)) {
    const cluster = model.clusterFiles[0];
    const where = { uri: cluster.uri, fact: cluster.facts.clusterName ?? cluster.facts.nodes[0] ?? domain.name };
    out.push(make(domain.name.range, DiagnosticSeverity.Hint, 'workspace/domain-not-in-cluster', `Domain '${self.name}' is not an rgmanager <vm> in ${at(where)}; the cluster will not restart it or move it when its node fails. Add <vm name="${self.name}" …/> to <rm> if it should be highly available.`, [related(where, 'the cluster configuration')]));
  }
  for (const mac of domain.macs) {
    const key = macKey(mac.value);
    if (!key) continue;
    const twins = (model.vifMacs.get(key) ?? []).filter((p) => p.uri !== uri);
    for (const twin of twins) {
      out.push(make(mac.range, DiagnosticSeverity.Error, 'workspace/duplicate-mac', `MAC ${key} is also given to a vif of domain '${twin.domain.name}' (${at(twin)}); two guests with one MAC on a bridge steal each other's traffic. Give one of them another 00:16:3e address.`, [related(twin, `the same MAC in domain '${twin.domain.name}'`)]));
    }
  }
  for (const disk of domain.disks.filter((d) => d.writable)) {
    for (const where of model.writableDisks.get(disk.value) ?? []) {
      if (where.uri === uri || where.domain.name === self.name) continue;
      const other = where.domain.name;
      out.push(make(disk.range, DiagnosticSeverity.Warning, 'workspace/shared-disk', `Disk ${disk.value} is also a writable disk of domain '${other}' (${at(where)}); if both guests run and write it, the file system is corrupted (unless it holds a cluster file system such as GFS2 or OCFS2). Give each guest its own volume, or make one of them read-only.`, [related(where, `the same disk in domain '${other}'`)]));
    }
  }
  for (const disk of domain.disks) {
    const resource = drbdResourceOfDisk(disk.value, model);
    if (!resource || resource.resource.dualPrimary) continue;
    const vms = model.vmsByName.get(self.name)?.filter((vm) => vm.migratable) ?? [];
    for (const vm of vms) {
      const resourceWhere = { uri: resource.uri, fact: resource.resource.name };
      out.push(
        make(disk.range, DiagnosticSeverity.Warning, 'workspace/migration-needs-dual-primary', `Disk ${disk.value} is on DRBD resource '${resource.resource.name.value}' (${at(resourceWhere)}), which is not dual-primary, but rgmanager manages '${self.name}' as a migratable vm (${at(vm)}): live migration needs the disk writable on both nodes at once. Allow two primaries (net { allow-two-primaries yes; } with fencing resource-and-stonith) or disable migration for this vm.`, [
          related(resourceWhere, `DRBD resource '${resource.resource.name.value}' (single-primary)`),
          related(vm, `the migratable <vm name="${self.name}">`),
        ]),
      );
    }
  }
  return out;
}

/** The DRBD resource a disk target lives on: /dev/drbdN, /dev/drbd/by-res/NAME[/VOL], or a resource's device path. */
export function drbdResourceOfDisk(target: string, model: WorkspaceModel): { uri: string; resource: DrbdResourceFact } | undefined {
  const path = target.replace(/^(phy|file|tap|tap2|aio|qcow2?|vhd|raw):/, '');
  const byRes = /^\/dev\/drbd\/by-res\/([^/]+)/.exec(path);
  if (byRes) return model.drbdResourcesByName.get(byRes[1])?.[0];
  const minor = /^\/dev\/drbd(\d+)$/.exec(path);
  return model.drbdByDevice.get(path) ?? (minor ? model.drbdByMinor.get(Number(minor[1])) : undefined);
}

function iftabChecks(entries: NonNullable<FileFacts['iftab']>, model: WorkspaceModel, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (model.domains.length === 0) return out;
  const guest = guestOfIftab(entries, model);
  for (const entry of entries) {
    if (!entry.mac) continue;
    const key = macKey(entry.mac.value);
    if (!key) continue;
    const carriers = model.vifMacs.get(key) ?? [];
    // Judge the order against the guest this iftab belongs to, when it carries the MAC.
    const own = carriers.filter((vif) => vif.domain === guest);
    const vifs = own.length > 0 ? own : carriers;
    if (vifs.length === 0) {
      // Once the file's guest is known, the iftab service itself says which of the guest's vifs a
      // stray MAC should be (iftab/mac-not-on-guest); this hint is for files no domain claims.
      if (guest) continue;
      out.push(make(entry.mac.range, DiagnosticSeverity.Hint, 'workspace/iftab-mac-unknown', `No domain config in the workspace gives a vif the MAC ${key}; '${entry.interfaceName.value}' will only be renamed if some interface carries it. Check the guest's vif line.`, []));
      continue;
    }
    const expected = /^eth(\d+)$/.exec(entry.interfaceName.value);
    for (const vif of vifs) {
      if (expected && Number(expected[1]) !== vif.index) {
        out.push(make(entry.interfaceName.range, DiagnosticSeverity.Warning, 'workspace/iftab-vif-order', `'${entry.interfaceName.value}' is given MAC ${key}, which is vif ${vif.index} of domain '${vif.domain.name}' (${at(vif)}); name it eth${vif.index} so that guest names follow the vif order (vif${vif.index} ↔ eth${vif.index}), or reorder the vif list.`, [related(vif, `vif ${vif.index} of '${vif.domain.name}'`)]));
      }
    }
  }
  return out;
}

/** The domain whose vifs carry most of the iftab's MACs: the guest the file is written for. */
function guestOfIftab(entries: NonNullable<FileFacts['iftab']>, model: WorkspaceModel): PlacedDomain | undefined {
  const votes = new Map<PlacedDomain, number>();
  for (const entry of entries) {
    const key = entry.mac && macKey(entry.mac.value);
    for (const vif of (key && model.vifMacs.get(key)) || []) votes.set(vif.domain, (votes.get(vif.domain) ?? 0) + 1);
  }
  let best: PlacedDomain | undefined;
  for (const [domain, count] of votes) if (!best || count > votes.get(best)!) best = domain;
  return best;
}

function clusterChecks(cluster: NonNullable<FileFacts['cluster']>, model: WorkspaceModel, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (model.domains.length > 0) {
    for (const vm of cluster.vms) {
      if (!model.domainsByName.has(vm.value)) {
        const suggestions = didYouMean(vm.value, model.domainsByName.keys());
        const hint = suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : '';
        out.push(make(vm.range, DiagnosticSeverity.Warning, 'workspace/vm-without-config', `rgmanager will start vm '${vm.value}', but no domain config in the workspace has that name (or file name); the service fails to start.${hint}`, []));
      }
    }
  }
  // A cluster node that some DRBD resource replicating between cluster nodes leaves out.
  const nodeNames = new Set(cluster.nodes.map((n) => n.value));
  for (const placed of model.drbdResources) {
    const hosts = placed.resource.hosts.map((h) => h.value);
    if (!hosts.some((h) => nodeNames.has(h))) continue;
    for (const node of cluster.nodes) {
      if (hosts.includes(node.value)) continue;
      const where = { uri: placed.uri, fact: placed.resource.name };
      out.push(make(node.range, DiagnosticSeverity.Warning, 'workspace/node-missing-in-drbd', `Cluster node '${node.value}' has no 'on ${node.value}' section in DRBD resource '${placed.resource.name.value}' (${at(where)}); services that fail over to it will not find the replicated disk.`, [related(where, `DRBD resource '${placed.resource.name.value}'`)]));
    }
  }
  return out;
}

function drbdChecks(resource: DrbdResourceFact, model: WorkspaceModel, at: At): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!model.hasCluster) return out;
  const nodes = [...model.clusterNodes.keys()];
  for (const host of resource.hosts) {
    if (model.clusterNodes.has(host.value)) continue;
    const node = closestNode(host.value, nodes);
    const placedNode = node ? model.clusterNodes.get(node)![0] : undefined;
    const suffix = placedNode ? ` The cluster has '${node}' (${at(placedNode)}); DRBD compares the name with \`uname -n\`, which must be the same name the cluster uses.` : ' DRBD compares the name with `uname -n` on each node, which must match a clusternode name.';
    out.push(make(host.range, DiagnosticSeverity.Warning, 'workspace/drbd-host-not-cluster-node', `DRBD host '${host.value}' in resource '${resource.name.value}' is not a node of the cluster.${suffix}`, placedNode ? [related(placedNode, `cluster node '${node}'`)] : []));
  }
  const hosts = new Set(resource.hosts.map((h) => h.value));
  if (resource.hosts.some((h) => model.clusterNodes.has(h.value))) {
    for (const [node, places] of model.clusterNodes) {
      if (hosts.has(node)) continue;
      out.push(make(resource.name.range, DiagnosticSeverity.Warning, 'workspace/node-missing-in-drbd', `Resource '${resource.name.value}' has no 'on ${node}' section, but '${node}' is a cluster node (${at(places[0])}); add it so the data is replicated there.`, [related(places[0], `cluster node '${node}'`)]));
    }
  }
  return out;
}

/** The cluster node a DRBD host name most likely means (same short name, or a close spelling). */
function closestNode(host: string, nodes: string[]): string | undefined {
  const short = (name: string) => name.split('.')[0];
  return nodes.find((n) => short(n) === short(host)) ?? didYouMean(host, nodes, 1)[0];
}
