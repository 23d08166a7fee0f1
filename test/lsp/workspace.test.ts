/**
 * The whole workspace through LSP: the server indexes a copy of examples/
 * (the seeds' two-node cluster) in the background and publishes cross-file
 * diagnostics for files that are not even open; rename and navigation reach
 * every file that names a thing, and nothing else.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Location, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyEdits, LspTestClient } from '../helpers/lspClient';
import { copyExamples, SEEDED_MISTAKES, WorkspaceCopy } from '../helpers/workspaceCopy';

const codes = (diagnostics: Diagnostic[]) =>
  diagnostics
    .filter((d) => d.source === 'workspace')
    .sort((a, b) => a.range.start.line - b.range.start.line)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`);

async function startOn(copy: WorkspaceCopy): Promise<LspTestClient> {
  const client = await LspTestClient.start({ workspaceFolders: [{ uri: `file://${copy.root}`, name: 'examples' }] });
  await client.waitForLog(/^indexed 8 files/);
  return client;
}

describe('workspace: the clean example cluster', () => {
  let copy: WorkspaceCopy;
  let client: LspTestClient;
  before(async () => {
    copy = copyExamples();
    client = await startOn(copy);
  });
  after(async () => {
    await client.stop();
    copy.remove();
  });

  it('has no cross-file diagnostics in any file', async () => {
    for (const file of ['etc/xen/vm01-web.cfg', 'etc/xen/vm02-db.cfg', 'etc/cluster/cluster.conf', 'etc/drbd.d/r0.res', 'guests/vm01-web/etc/iftab']) {
      const diagnostics = await client.open(copy.uri(file), languageOf(file), copy.read(file));
      assert.deepEqual(codes(diagnostics), [], file);
    }
  });

  it('answers the dom0 explorer with the cluster nodes of the workspace, each once, from its cluster.conf', async () => {
    const nodes = await client.request<{ name: string; uri: string }[]>('xenConfig/clusterNodes', null);
    const cluster = copy.uri('etc/cluster/cluster.conf');
    assert.deepEqual(nodes, [
      { name: 'an-node01.alteeve.com', uri: cluster },
      { name: 'an-node02.alteeve.com', uri: cluster },
    ]);
  });

  it('goes from <vm name="vm01-web"> to the domain config, and from the iftab MAC to the vif', async () => {
    const cluster = copy.uri('etc/cluster/cluster.conf');
    const [domain] = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: cluster }, position: { line: 37, character: 20 } });
    assert.deepEqual(domain, { uri: copy.uri('etc/xen/vm01-web.cfg'), range: { start: { line: 3, character: 8 }, end: { line: 3, character: 16 } } });
    const [vif] = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: copy.uri('guests/vm01-web/etc/iftab') }, position: { line: 4, character: 12 } });
    assert.equal(vif.uri, copy.uri('etc/xen/vm01-web.cfg'));
    assert.equal(copy.read('etc/xen/vm01-web.cfg').split('\n')[vif.range.start.line].slice(vif.range.start.character, vif.range.end.character), '00:16:3e:00:02:01');
  });

  it('renames a domain in its config and in cluster.conf, and nothing else', async () => {
    const config = copy.uri('etc/xen/vm01-web.cfg');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: config }, position: { line: 3, character: 10 }, newName: 'vm01-www' });
    assert.deepEqual(Object.keys(edit.changes!).sort(), [copy.uri('etc/cluster/cluster.conf'), config].sort());
    const renamedConfig = applyEdits(copy.read('etc/xen/vm01-web.cfg'), edit.changes![config]);
    assert.equal(renamedConfig, copy.read('etc/xen/vm01-web.cfg').replace('name = "vm01-web"', 'name = "vm01-www"'));
    const renamedCluster = applyEdits(copy.read('etc/cluster/cluster.conf'), edit.changes![copy.uri('etc/cluster/cluster.conf')]);
    assert.equal(renamedCluster, copy.read('etc/cluster/cluster.conf').replace('<vm name="vm01-web"', '<vm name="vm01-www"'));
  });

  it('renames a fence device at its definition and at every <device> that uses it', async () => {
    const cluster = copy.uri('etc/cluster/cluster.conf');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri: cluster }, position: { line: 21, character: 30 }, newName: 'ipmi_an01' });
    const changes = edit.changes ?? Object.fromEntries((edit.documentChanges ?? []).map((c) => ['textDocument' in c ? c.textDocument.uri : '', 'edits' in c ? c.edits : []]));
    assert.deepEqual(Object.keys(changes), [cluster]);
    const renamed = applyEdits(copy.read('etc/cluster/cluster.conf'), changes[cluster] as { range: never; newText: string }[]);
    assert.equal(renamed, copy.read('etc/cluster/cluster.conf').replaceAll('"fence_an01"', '"ipmi_an01"'));
  });

  it('keeps untitled buffers out of the workspace: a pasted copy of r0 does not collide with r0.res', async () => {
    const r0 = copy.uri('etc/drbd.d/r0.res');
    await client.open('untitled:Untitled-1', 'drbd', copy.read('etc/drbd.d/r0.res'));
    const diagnostics = await client.change(r0, [{ text: copy.read('etc/drbd.d/r0.res') }]);
    assert.deepEqual(diagnostics.map((d) => d.code), []);
    await client.close('untitled:Untitled-1');
  });

  it('lists workspace symbols from every file', async () => {
    const symbols = await client.request<{ name: string; location: Location }[]>('workspace/symbol', { query: 'vm0' });
    assert.deepEqual(symbols.map((s) => `${s.name} ${s.location.uri.slice(copy.root.length + 8)}`).sort(), [
      'vm01-web etc/cluster/cluster.conf',
      'vm01-web etc/xen/vm01-web.cfg',
      'vm02-db etc/cluster/cluster.conf',
      'vm02-db etc/xen/vm02-db.cfg',
    ]);
  });
});

describe('workspace: each seeded cross-file mistake', () => {
  let copy: WorkspaceCopy;
  let client: LspTestClient;
  before(async () => {
    copy = copyExamples(SEEDED_MISTAKES);
    client = await startOn(copy);
  });
  after(async () => {
    await client.stop();
    copy.remove();
  });

  /** Diagnostics the server published for a file it indexed from disk (never opened). */
  const published = (file: string, code: string) => client.waitForDiagnostics(copy.uri(file), (ds) => ds.some((d) => d.code === code));

  it('a MAC used by two domains: an error in both configs', async () => {
    assert.deepEqual(codes(await published('etc/xen/vm01-web.cfg', 'workspace/duplicate-mac')), ['15:14 workspace/duplicate-mac']);
    const vm02 = await published('etc/xen/vm02-db.cfg', 'workspace/duplicate-mac');
    assert.deepEqual(codes(vm02), ['11:14 workspace/duplicate-mac']);
    assert.equal(vm02.find((d) => d.code === 'workspace/duplicate-mac')!.relatedInformation![0].location.uri, copy.uri('etc/xen/vm01-web.cfg'));
  });

  it('iftab names out of vif order: a warning on each swapped name, pointing at the vif', async () => {
    const iftab = await published('guests/vm01-web/etc/iftab', 'workspace/iftab-vif-order');
    assert.deepEqual(codes(iftab), ['4:1 workspace/iftab-vif-order', '5:1 workspace/iftab-vif-order']);
    assert.match(String(iftab.find((d) => d.code === 'workspace/iftab-vif-order')!.message), /^'eth1' is given MAC 00:16:3e:00:01:01, which is vif 0 of domain 'vm01-web' \(etc\/xen\/vm01-web\.cfg:15\); name it eth0/);
  });

  it('a DRBD host that is not a cluster node: in r0.res and on the node in cluster.conf', async () => {
    const drbd = await published('etc/drbd.d/r0.res', 'workspace/drbd-host-not-cluster-node');
    assert.deepEqual(codes(drbd), ['3:10 workspace/node-missing-in-drbd', '25:8 workspace/drbd-host-not-cluster-node']);
    const cluster = await published('etc/cluster/cluster.conf', 'workspace/node-missing-in-drbd');
    assert.ok(codes(cluster).includes('6:28 workspace/node-missing-in-drbd'), codes(cluster).join(', '));
  });

  it('an rgmanager vm with no domain config: a warning on the vm', async () => {
    const cluster = await published('etc/cluster/cluster.conf', 'workspace/vm-without-config');
    assert.ok(codes(cluster).includes('39:19 workspace/vm-without-config'), codes(cluster).join(', '));
  });

  it('fixing the MAC in the editor clears the error in the other, unopened config', async () => {
    const vm02 = copy.uri('etc/xen/vm02-db.cfg');
    const text = copy.read('etc/xen/vm02-db.cfg');
    await client.open(vm02, 'xl-config', text);
    await client.change(vm02, [{ text: text.replace('00:16:3e:00:01:01', '00:16:3e:00:01:02') }]);
    const vm01 = await client.waitForDiagnostics(copy.uri('etc/xen/vm01-web.cfg'), (ds) => !ds.some((d) => d.code === 'workspace/duplicate-mac'));
    assert.deepEqual(codes(vm01), []);
  });
});

describe('workspace: only changed diagnostics are sent again', () => {
  it("re-sends an open document's diagnostics when an edit in another file changes them, and not when it leaves them as they were", async () => {
    const copy = copyExamples();
    const client = await startOn(copy);
    try {
      const vm01 = copy.uri('etc/xen/vm01-web.cfg');
      const vm02 = copy.uri('etc/xen/vm02-db.cfg');
      const text = copy.read('etc/xen/vm02-db.cfg');
      await client.open(vm01, 'xl-config', copy.read('etc/xen/vm01-web.cfg'));
      await client.open(vm02, 'xl-config', text);
      const before = client.publicationCount(vm01);
      // vm02 renamed: the closed cluster.conf, published after every open document, now has a vm without a
      // config; vm01-web.cfg shows what it showed.
      await client.change(vm02, [{ text: text.replace('name = "vm02-db"', 'name = "vm02-dbx"') }]);
      await client.waitForDiagnostics(copy.uri('etc/cluster/cluster.conf'), (ds) => ds.some((d) => d.code === 'workspace/vm-without-config'));
      assert.equal(client.publicationCount(vm01), before, 'vm01-web.cfg is not sent again: its diagnostics did not change');
      // vm02 takes vm01's MAC: vm01's diagnostics change, and are sent.
      await client.change(vm02, [{ text: text.replace('mac=00:16:3e:00:01:02', 'mac=00:16:3e:00:01:01') }]);
      const changed = await client.waitForDiagnostics(vm01, (ds) => ds.some((d) => d.code === 'workspace/duplicate-mac'));
      assert.deepEqual(codes(changed), ['15:14 workspace/duplicate-mac']);
      assert.equal(client.publicationCount(vm01), before + 1);
    } finally {
      await client.stop();
      copy.remove();
    }
  });
});

describe('workspace: live migration on a single-primary DRBD disk', () => {
  it('warns at the disk of the migratable vm', async () => {
    const copy = copyExamples({
      'etc/xen/vm01-web.cfg': [['target=/dev/drbd_sh0_vg0/vm01-web', 'target=/dev/drbd0']],
      'etc/drbd.d/r0.res': [
        ['        allow-two-primaries;\n', ''],
        ['        become-primary-on both;\n', ''],
      ],
    });
    const client = await startOn(copy);
    try {
      const diagnostics = await client.waitForDiagnostics(copy.uri('etc/xen/vm01-web.cfg'), (ds) => ds.some((d) => d.code === 'workspace/migration-needs-dual-primary'));
      const warning = diagnostics.find((d) => d.code === 'workspace/migration-needs-dual-primary')!;
      assert.equal(warning.range.start.line, 17);
      assert.match(String(warning.message), /^Disk \/dev\/drbd0 is on DRBD resource 'r0' \(etc\/drbd\.d\/r0\.res:3\), which is not dual-primary, but rgmanager manages 'vm01-web' as a migratable vm \(etc\/cluster\/cluster\.conf:38\)/);
    } finally {
      await client.stop();
      copy.remove();
    }
  });
});

describe('workspace: a closed drbd.conf whose include pattern depends on what is on disk', () => {
  it('loses its warning when a matching file is created, and gets it back when the file is deleted', async () => {
    const root = mkdtempSync(join(tmpdir(), 'xcc-include-'));
    mkdirSync(join(root, 'etc', 'drbd.d'), { recursive: true });
    writeFileSync(join(root, 'etc', 'drbd.conf'), 'include "drbd.d/*.res";\n');
    const client = await LspTestClient.start({ workspaceFolders: [{ uri: `file://${root}`, name: 'include' }] });
    const conf = `file://${join(root, 'etc', 'drbd.conf')}`;
    const res = join(root, 'etc', 'drbd.d', 'r0.res');
    const noMatch = (ds: Diagnostic[]) => ds.some((d) => d.code === 'drbd/include-no-match');
    try {
      await client.waitForDiagnostics(conf, noMatch);
      writeFileSync(res, 'resource r0 {\n}\n');
      await client.filesChanged([{ uri: `file://${res}`, type: 1 }]);
      await client.waitForDiagnostics(conf, (ds) => !noMatch(ds));
      rmSync(res);
      await client.filesChanged([{ uri: `file://${res}`, type: 3 }]);
      const back = await client.waitForDiagnostics(conf, noMatch);
      assert.deepEqual(back.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)}`), ['1:9 drbd/include-no-match']);
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

function languageOf(file: string): string {
  if (file.endsWith('.cfg')) return 'xl-config';
  if (file.endsWith('cluster.conf')) return 'cluster-conf';
  if (file.endsWith('.res')) return 'drbd';
  return 'iftab';
}
