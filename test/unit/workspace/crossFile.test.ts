/** Cross-file checks and navigation on hand-made facts (the language services fill these in real use). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { crossFileRulesOf, languageForPath } from '../../../server/src/languages/registry';
import { crossFileDiagnostics } from '../../../server/src/workspace/crossFile';
import type { FileFacts, Located } from '../../../server/src/workspace/facts';
import { WorkspaceIndex } from '../../../server/src/workspace/index';
import { definitions, linkAt, references, rename, RenameError, workspaceSymbols } from '../../../server/src/workspace/navigation';

const at = <T = string>(value: T, line: number, character = 0, length = String(value).length): Located<T> => ({
  value,
  range: { start: { line, character }, end: { line, character: character + length } },
});

const ROOT = '/repo';
const VM01 = 'file:///repo/etc/xen/vm01-web.cfg';
const VM02 = 'file:///repo/etc/xen/vm02-db.cfg';
const IFTAB = 'file:///repo/guests/vm01-web/etc/iftab';
const CLUSTER = 'file:///repo/etc/cluster/cluster.conf';
const R0 = 'file:///repo/etc/drbd.d/r0.res';

function vm01(overrides: Partial<NonNullable<FileFacts['domain']>> = {}): FileFacts {
  return {
    domain: {
      name: at('vm01-web', 0, 8),
      macs: [at('00:16:3e:00:01:01', 3, 12), at('00:16:3e:00:02:01', 3, 40)],
      bridges: [at('xenbr0', 3, 30)],
      disks: [{ ...at('/dev/drbd0', 2, 14), writable: true }],
      ...overrides,
    },
  };
}

function cluster(vmMigratable = true, nodes = ['an-node01.alteeve.com', 'an-node02.alteeve.com']): FileFacts {
  return {
    cluster: {
      clusterName: at('an-cluster01', 1, 15),
      nodes: nodes.map((n, i) => at(n, 4 + i, 24)),
      fenceDevices: [at('fence_an01', 20, 30), at('fence_an02', 21, 30)],
      fenceDeviceRefs: [at('fence_an01', 6, 30), at('fence_an02', 9, 30)],
      services: [],
      vms: [{ ...at('vm01-web', 30, 14), migratable: vmMigratable }, { ...at('vm02-db', 31, 14), migratable: vmMigratable }],
    },
  };
}

function r0(dualPrimary = true, hosts = ['an-node01.alteeve.com', 'an-node02.alteeve.com']): FileFacts {
  return {
    drbdResources: [
      {
        name: at('r0', 0, 9),
        hosts: hosts.map((h, i) => at(h, 10 + 6 * i, 3)),
        addresses: [],
        minors: hosts.map((h, i) => ({ ...at(0, 11 + 6 * i, 20, 1), host: h })),
        devices: hosts.map((h, i) => ({ ...at('/dev/drbd0', 11 + 6 * i, 9), host: h })),
        disks: [],
        dualPrimary,
      },
    ],
  };
}

function indexOf(files: Record<string, FileFacts>): WorkspaceIndex {
  const index = new WorkspaceIndex(ROOT);
  for (const [uri, facts] of Object.entries(files)) index.update(uri, facts, false);
  return index;
}

function diagnosticsOf(index: WorkspaceIndex, uri: string) {
  return crossFileDiagnostics(uri, index.factsOf(uri)!, index.model(), crossFileRulesOf(languageForPath(uri)!), { root: ROOT });
}

const clean = (): Record<string, FileFacts> => ({
  [VM01]: vm01(),
  [VM02]: { domain: { name: at('vm02-db', 0, 8), macs: [at('00:16:3e:00:01:02', 3, 12)], bridges: [], disks: [] } },
  [IFTAB]: { iftab: [{ interfaceName: at('eth0', 0), mac: at('00:16:3e:00:01:01', 0, 9) }, { interfaceName: at('eth1', 1), mac: at('00:16:3e:00:02:01', 1, 9) }] },
  [CLUSTER]: cluster(),
  [R0]: r0(),
});

describe('cross-file diagnostics', () => {
  it('a consistent two-node cluster workspace is clean', () => {
    const index = indexOf(clean());
    for (const uri of [VM01, VM02, IFTAB, CLUSTER, R0]) assert.deepEqual(diagnosticsOf(index, uri), [], uri);
  });

  it('the same MAC in two domains is a warning in both files (xl starts both), each pointing at the other', () => {
    const files = clean();
    files[VM02].domain!.macs = [at('00:16:3E:00:01:01', 3, 12)];
    const index = indexOf(files);
    const [first] = diagnosticsOf(index, VM01);
    assert.equal(first.code, 'workspace/duplicate-mac');
    assert.equal(first.severity, DiagnosticSeverity.Warning);
    assert.deepEqual(first.range, { start: { line: 3, character: 12 }, end: { line: 3, character: 29 } });
    assert.equal(first.message, "MAC 00:16:3e:00:01:01 is also given to a vif of domain 'vm02-db' (etc/xen/vm02-db.cfg:4); two guests with one MAC on a bridge steal each other's traffic. Give one of them another 00:16:3e address.");
    assert.equal(first.relatedInformation![0].location.uri, VM02);
    const [second] = diagnosticsOf(index, VM02);
    assert.equal(second.code, 'workspace/duplicate-mac');
    assert.match(String(second.message), /domain 'vm01-web' \(etc\/xen\/vm01-web\.cfg:4\)/);
  });

  it('the same domain name or uuid in two configs is an error', () => {
    const files = clean();
    files[VM02].domain!.name = at('vm01-web', 0, 8);
    files[VM01].domain!.uuid = at('5a1f0c1e-0000-4000-8000-000000000001', 1, 8);
    files[VM02].domain!.uuid = at('5A1F0C1E-0000-4000-8000-000000000001', 1, 8);
    const index = indexOf(files);
    const codes = diagnosticsOf(index, VM02).map((d) => d.code);
    assert.deepEqual(codes.sort(), ['workspace/duplicate-domain-name', 'workspace/duplicate-uuid']);
  });

  it('a writable disk of two domains is a warning in both; a read-only one is not', () => {
    const files = clean();
    files[VM02].domain!.disks = [{ ...at('/dev/drbd0', 4, 14), writable: true }];
    const index = indexOf(files);
    const [first] = diagnosticsOf(index, VM01);
    assert.equal(first.code, 'workspace/shared-disk');
    assert.deepEqual(first.range.start, { line: 2, character: 14 });
    assert.equal(first.message, "Disk /dev/drbd0 is also a writable disk of domain 'vm02-db' (etc/xen/vm02-db.cfg:5); if both guests run and write it, the file system is corrupted (unless it holds a cluster file system such as GFS2 or OCFS2). Give each guest its own volume, or make one of them read-only.");
    assert.deepEqual(diagnosticsOf(index, VM02).map((d) => d.code), ['workspace/shared-disk']);
    files[VM02].domain!.disks = [{ ...at('/dev/drbd0', 4, 14), writable: false }];
    assert.deepEqual(diagnosticsOf(indexOf(files), VM01), []);
  });

  it('an iftab none of whose MACs a vif carries gets a hint per MAC', () => {
    const files = clean();
    files[IFTAB].iftab = [
      { interfaceName: at('eth0', 0), mac: at('00:16:3e:99:99:98', 0, 9) },
      { interfaceName: at('eth1', 1), mac: at('00:16:3e:99:99:99', 1, 9) },
    ];
    const diagnostics = diagnosticsOf(indexOf(files), IFTAB);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [
      ['workspace/iftab-mac-unknown', DiagnosticSeverity.Hint, 0],
      ['workspace/iftab-mac-unknown', DiagnosticSeverity.Hint, 1],
    ]);
    assert.equal(diagnostics[1].message, "No domain config in the workspace gives a vif the MAC 00:16:3e:99:99:99; 'eth1' will only be renamed if some interface carries it. Check the guest's vif line.");
  });

  it("a name out of vif order is a warning; a stray MAC in a known guest's iftab is left to the iftab service", () => {
    const files = clean();
    files[IFTAB].iftab = [
      { interfaceName: at('eth0', 0), mac: at('00:16:3e:00:02:01', 0, 9) },
      { interfaceName: at('eth1', 1), mac: at('00:16:3e:99:99:99', 1, 9) },
    ];
    const diagnostics = diagnosticsOf(indexOf(files), IFTAB);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line]), [['workspace/iftab-vif-order', DiagnosticSeverity.Warning, 0]]);
    assert.equal(diagnostics[0].message, "'eth0' is given MAC 00:16:3e:00:02:01, which is vif 1 of domain 'vm01-web' (etc/xen/vm01-web.cfg:4); name it eth1 so that guest names follow the vif order (vif1 ↔ eth1), or reorder the vif list.");
  });

  it('a DRBD host that is not a cluster node is reported in the DRBD file and the missing node in both', () => {
    const files = clean();
    files[R0] = r0(true, ['an-node01', 'an-node02.alteeve.com']);
    const index = indexOf(files);
    const drbd = diagnosticsOf(index, R0);
    assert.deepEqual(drbd.map((d) => d.code), ['workspace/drbd-host-not-cluster-node', 'workspace/node-missing-in-drbd']);
    assert.equal(drbd[0].message, "DRBD host 'an-node01' in resource 'r0' is not a node of the cluster. The cluster has 'an-node01.alteeve.com' (etc/cluster/cluster.conf:5); DRBD compares the name with `uname -n`, which must be the same name the cluster uses.");
    assert.deepEqual(drbd[0].range.start, { line: 10, character: 3 });
    const clusterSide = diagnosticsOf(index, CLUSTER);
    assert.deepEqual(clusterSide.map((d) => [d.code, d.range.start.line]), [['workspace/node-missing-in-drbd', 4]]);
    assert.match(String(clusterSide[0].message), /^Cluster node 'an-node01\.alteeve\.com' has no 'on an-node01\.alteeve\.com' section in DRBD resource 'r0' \(etc\/drbd\.d\/r0\.res:1\)/);
  });

  it('an rgmanager vm without a domain config is a warning; a domain outside the cluster a hint', () => {
    const files = clean();
    files[CLUSTER].cluster!.vms = [{ ...at('vm01-webb', 30, 14), migratable: true }];
    const index = indexOf(files);
    const [vm] = diagnosticsOf(index, CLUSTER);
    assert.equal(vm.code, 'workspace/vm-without-config');
    assert.equal(vm.message, "rgmanager will start vm 'vm01-webb', but no domain config in the workspace has that name (or file name); the service fails to start. Did you mean 'vm01-web'?");
    const hints = diagnosticsOf(index, VM02);
    assert.deepEqual(hints.map((d) => [d.code, d.severity]), [['workspace/domain-not-in-cluster', DiagnosticSeverity.Hint]]);
  });

  it('a migratable vm on a single-primary DRBD disk is a warning at the disk', () => {
    const files = clean();
    files[R0] = r0(false);
    const diagnostics = diagnosticsOf(indexOf(files), VM01);
    assert.deepEqual(diagnostics.map((d) => d.code), ['workspace/migration-needs-dual-primary']);
    assert.deepEqual(diagnostics[0].range.start, { line: 2, character: 14 });
    assert.equal(diagnostics[0].relatedInformation!.length, 2);
    files[CLUSTER] = cluster(false);
    assert.deepEqual(diagnosticsOf(indexOf(files), VM01), [], 'no warning when the vm is not migrated');
  });
});

describe('cross-file navigation', () => {
  it('goes from an rgmanager vm to the domain config, and from an iftab MAC to the vif', () => {
    const index = indexOf(clean());
    const vm = linkAt(index.factsOf(CLUSTER)!, { line: 30, character: 16 })!;
    assert.deepEqual(definitions(vm, index.model()), [{ uri: VM01, range: at('vm01-web', 0, 8).range }]);
    const mac = linkAt(index.factsOf(IFTAB)!, { line: 1, character: 10 })!;
    assert.deepEqual(definitions(mac, index.model()), [{ uri: VM01, range: at('x', 3, 40, 17).range }]);
  });

  it('finds every reference to a fence device and renames exactly those places', () => {
    const index = indexOf(clean());
    const device = linkAt(index.factsOf(CLUSTER)!, { line: 6, character: 31 })!;
    assert.equal(device.key, 'fence_an01');
    assert.equal(references(device, index.allFiles()).length, 2);
    const edit = rename(device, 'ipmi_an01', index.allFiles());
    assert.deepEqual(edit.changes, {
      [CLUSTER]: [
        { range: at('fence_an01', 20, 30).range, newText: 'ipmi_an01' },
        { range: at('fence_an01', 6, 30).range, newText: 'ipmi_an01' },
      ],
    });
  });

  it('renames a domain in its config and in cluster.conf, and refuses a bad MAC', () => {
    const index = indexOf(clean());
    const domain = linkAt(index.factsOf(VM01)!, { line: 0, character: 9 })!;
    const edit = rename(domain, 'vm01-www', index.allFiles());
    assert.deepEqual(Object.keys(edit.changes!).sort(), [CLUSTER, VM01].sort());
    assert.equal(edit.changes![CLUSTER].length, 1);
    const mac = linkAt(index.factsOf(VM01)!, { line: 3, character: 13 })!;
    assert.throws(() => rename(mac, 'not-a-mac', index.allFiles()), RenameError);
  });

  it('renames a bridge in every vif that names it and in xend\'s network-script, goes to where xend sets it up, refuses a name the kernel or a vif spec cannot hold', () => {
    const XEND = 'file:///repo/etc/xen/xend-config.sxp';
    const index = indexOf({ ...clean(), [XEND]: { dom0Interfaces: [at('eth0', 21, 40), at('xenbr0', 21, 54)] } });
    const bridge = linkAt(index.factsOf(VM01)!, { line: 3, character: 32 })!;
    assert.deepEqual([bridge.kind, bridge.key], ['interface', 'xenbr0']);
    assert.deepEqual(definitions(bridge, index.model()), [{ uri: XEND, range: at('xenbr0', 21, 54).range }]);
    assert.deepEqual(rename(bridge, 'br-lan', index.allFiles()).changes, {
      [VM01]: [{ range: at('xenbr0', 3, 30).range, newText: 'br-lan' }],
      [XEND]: [{ range: at('xenbr0', 21, 54).range, newText: 'br-lan' }],
    });
    for (const bad of ['br,lan', 'br lan', 'a-name-of-16-chr', 'br:0', "br'"]) assert.throws(() => rename(bridge, bad, index.allFiles()), RenameError, bad);
  });

  it('lists workspace symbols matching a query', () => {
    const names = workspaceSymbols('an', indexOf(clean()).model()).map((s) => s.name);
    assert.deepEqual(names, ['an-node01.alteeve.com', 'an-node02.alteeve.com', 'fence_an01', 'fence_an02']);
  });
});
