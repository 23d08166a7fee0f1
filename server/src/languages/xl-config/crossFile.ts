import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { crossFileDiagnostic, related } from '../../workspace/crossFile';
import type { FileFacts } from '../../workspace/facts';
import { macKey, PlacedResource, WorkspaceModel } from '../../workspace/model';
import type { CrossFileContext, CrossFileRule } from '../types';
import { Code } from './codes';

function domainChecks(uri: string, domain: NonNullable<FileFacts['domain']>, { model, at }: CrossFileContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const self = model.domainByUri.get(uri);
  if (!self) return out;

  if (domain.name) {
    const twins = (model.domainsByName.get(self.name) ?? []).filter((d) => d.uri !== uri);
    for (const twin of twins) {
      const where = { uri: twin.uri, fact: twin.facts.name ?? domain.name };
      out.push(
        crossFileDiagnostic(domain.name.range, DiagnosticSeverity.Error, Code.duplicateDomainName, `Domain name '${self.name}' is also used by ${at(where)}; xl refuses to start a second domain with a name that is already running, so give each config its own name.`, [related(where, `the other domain named '${self.name}'`)]),
      );
    }
  }
  if (domain.uuid) {
    const twins = (model.domainsByUuid.get(domain.uuid.value.toLowerCase()) ?? []).filter((p) => p.uri !== uri);
    for (const twin of twins) {
      out.push(crossFileDiagnostic(domain.uuid.range, DiagnosticSeverity.Error, Code.duplicateUuid, `UUID ${domain.uuid.value} is also set in ${at(twin)}; two domains with one UUID confuse the toolstack and management tools; remove one of them (xl generates a fresh UUID when none is set).`, [related(twin, 'the other domain with this UUID')]));
    }
  }
  if (domain.name && model.hasCluster && !model.vmsByName.has(self.name)) {
    const cluster = model.clusterFiles[0];
    const where = { uri: cluster.uri, fact: cluster.facts.clusterName ?? cluster.facts.nodes[0] ?? domain.name };
    out.push(crossFileDiagnostic(domain.name.range, DiagnosticSeverity.Hint, Code.domainNotInCluster, `Domain '${self.name}' is not an rgmanager <vm> in ${at(where)}; the cluster will not restart it or move it when its node fails. Add <vm name="${self.name}" …/> to <rm> if it should be highly available.`, [related(where, 'the cluster configuration')]));
  }
  // The other files' vifs per MAC, looked up once per MAC: a config may repeat one MAC on many vifs.
  const otherVifs = new Map<string, ReturnType<WorkspaceModel['vifMacs']['get']> & object>();
  for (const mac of domain.macs) {
    const key = macKey(mac.value);
    if (!key) continue;
    let twins = otherVifs.get(key);
    if (!twins) otherVifs.set(key, (twins = (model.vifMacs.get(key) ?? []).filter((p) => p.uri !== uri)));
    for (const twin of twins) {
      out.push(crossFileDiagnostic(mac.range, DiagnosticSeverity.Warning, Code.duplicateMac, `MAC ${key} is also given to a vif of domain '${twin.domain.name}' (${at(twin)}); two guests with one MAC on a bridge steal each other's traffic. Give one of them another 00:16:3e address.`, [related(twin, `the same MAC in domain '${twin.domain.name}'`)]));
    }
  }
  for (const disk of domain.disks.filter((d) => d.writable)) {
    for (const where of model.writableDisks.get(disk.value) ?? []) {
      if (where.uri === uri || where.domain.name === self.name) continue;
      const other = where.domain.name;
      out.push(crossFileDiagnostic(disk.range, DiagnosticSeverity.Warning, Code.sharedDisk, `Disk ${disk.value} is also a writable disk of domain '${other}' (${at(where)}); if both guests run and write it, the file system is corrupted (unless it holds a cluster file system such as GFS2 or OCFS2). Give each guest its own volume, or make one of them read-only.`, [related(where, `the same disk in domain '${other}'`)]));
    }
  }
  // Only a domain rgmanager may live-migrate needs its DRBD disks dual-primary: without such a <vm>, no
  // disk is looked up (the bench's storage domain has 4,500 disks and was 5 % of its cli.js check).
  const migratableVms = model.vmsByName.get(self.name)?.filter((vm) => vm.migratable) ?? [];
  for (const disk of migratableVms.length > 0 ? domain.disks : []) {
    const resource = drbdResourceOfDisk(disk.value, model);
    if (!resource || resource.resource.dualPrimary) continue;
    for (const vm of migratableVms) {
      const resourceWhere = { uri: resource.uri, fact: resource.resource.name };
      out.push(
        crossFileDiagnostic(disk.range, DiagnosticSeverity.Warning, Code.migrationNeedsDualPrimary, `Disk ${disk.value} is on DRBD resource '${resource.resource.name.value}' (${at(resourceWhere)}), which is not dual-primary, but rgmanager manages '${self.name}' as a migratable vm (${at(vm)}): live migration needs the disk writable on both nodes at once. Allow two primaries (net { allow-two-primaries yes; } with fencing resource-and-stonith) or disable migration for this vm.`, [
          related(resourceWhere, `DRBD resource '${resource.resource.name.value}' (single-primary)`),
          related(vm, `the migratable <vm name="${self.name}">`),
        ]),
      );
    }
  }
  return out;
}

/** The DRBD resource a disk target lives on: /dev/drbdN, /dev/drbd/by-res/NAME[/VOL], or a resource's device path. */
function drbdResourceOfDisk(target: string, model: WorkspaceModel): PlacedResource | undefined {
  const path = target.replace(/^(phy|file|tap|tap2|aio|qcow2?|vhd|raw):/, '');
  const byRes = /^\/dev\/drbd\/by-res\/([^/]+)/.exec(path);
  if (byRes) return model.drbdResourcesByName.get(byRes[1])?.[0];
  const minor = /^\/dev\/drbd(\d+)$/.exec(path);
  return model.drbdByDevice.get(path) ?? (minor ? model.drbdByMinor.get(Number(minor[1])) : undefined);
}

/** Names, UUIDs, MACs and disks a domain shares with other domains; its place in the cluster and on DRBD. */
export const crossFileRules: readonly CrossFileRule[] = [
  { name: 'xl-config/domain-across-files', check: (uri, facts, ctx) => (facts.domain ? domainChecks(uri, facts.domain, ctx) : []) },
];
