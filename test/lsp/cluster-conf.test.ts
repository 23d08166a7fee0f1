/** cluster.conf through the real language server over stdio. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { fixturePath, readFixture, REPO_ROOT } from '../helpers/fixtures';
import { problem, summary } from '../helpers/languageTester';
import { applyEdits, editsOf, LspTestClient } from '../helpers/lspClient';
import { EXPECTED } from '../unit/cluster-conf/expected';

const EXAMPLE = readFileSync(join(REPO_ROOT, 'examples/etc/cluster/cluster.conf'), 'utf8');

describe('cluster-conf over LSP', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('publishes nothing for the clean example', async () => {
    assert.deepEqual(await client.open('file:///etc/cluster/cluster.conf', 'cluster-conf', EXAMPLE), []);
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`publishes ${expected.diagnostics.join(', ')} for ${name}`, async () => {
      const uri = `file:///broken/${name}/cluster.conf`;
      const found = await client.open(uri, 'cluster-conf', readFileSync(fixturePath('cluster-conf', 'broken', `${name}.conf`), 'utf8'));
      assert.deepEqual(found.map(summary), expected.diagnostics);
      if (expected.problem) assert.ok(found.map(problem).includes(expected.problem), found.map(problem).join('\n'));
      assert.ok(found.every((d) => d.source === 'cluster-conf'));
      await client.close(uri);
    });
  }

  it('creates the missing <fencedevice> with a quick fix', async () => {
    const uri = 'file:///fix/cluster.conf';
    const text = readFixture('cluster-conf', 'broken', 'dangling-device.conf');
    const [dangling] = await client.open(uri, 'cluster-conf', text);
    const actions = await client.codeActions(uri, dangling.range, [dangling]);
    assert.deepEqual(actions.map((a) => a.title), ["Change to 'fence_an01'", "Change to 'fence_an02'", 'Create <fencedevice name="fence_an03"> in <fencedevices>']);
    const after = applyEdits(text, editsOf(actions[2], uri));
    assert.equal(after, text.replace('    </fencedevices>', '        <fencedevice name="fence_an03" agent="fence_ipmilan" ipaddr="" login="" passwd_script=""/>\n    </fencedevices>'));
    assert.equal(applyEdits(text, editsOf(actions[1], uri)), EXAMPLE);
  });

  it('adds expected_votes="1" for two_node with a quick fix', async () => {
    const uri = 'file:///fix2/cluster.conf';
    const text = readFixture('cluster-conf', 'broken', 'two-node-without-expected-votes.conf');
    const [twoNode] = await client.open(uri, 'cluster-conf', text);
    const [action] = await client.codeActions(uri, twoNode.range, [twoNode]);
    assert.equal(action.title, 'Add expected_votes="1"');
    assert.equal(applyEdits(text, editsOf(action, uri)), EXAMPLE);
  });

  it('warns that a two-node cluster loses quorum with one node, and adds two_node mode with a quick fix', async () => {
    const uri = 'file:///fix3/cluster.conf';
    const text = readFixture('cluster-conf', 'accepted', 'two-nodes-without-two-node.conf');
    const [quorum] = await client.open(uri, 'cluster-conf', text);
    assert.equal(summary(quorum), '3:4-16 warning cluster-conf/two-node-quorum-loss');
    const [action] = await client.codeActions(uri, quorum.range, [quorum]);
    assert.equal(action.title, 'Add <cman two_node="1" expected_votes="1"/>');
    assert.equal(applyEdits(text, editsOf(action, uri)), text.replace('  <clusternodes>', '  <cman two_node="1" expected_votes="1"/>\n  <clusternodes>'));
  });

  it('completes fence device names and hovers the device a node uses', async () => {
    const uri = 'file:///nav/cluster.conf';
    const text = EXAMPLE.replace('<device name="fence_an02"', '<device name=""');
    await client.open(uri, 'cluster-conf', text);
    const items = await client.completion(uri, { line: 15, character: 34 });
    assert.deepEqual(items.map((i) => i.label), ['fence_an01', 'fence_an02']);
    const hover = await client.hover(uri, { line: 8, character: 36 });
    assert.match((hover!.contents as MarkupContent).value, /^Fence device defined on line 22:\n\n```xml\n<fencedevice name="fence_an01" agent="fence_ipmilan"/);
    assert.deepEqual(hover!.range, { start: { line: 8, character: 34 }, end: { line: 8, character: 44 } });
  });

  it('gives a node without a nodeid the next free one with a quick fix', async () => {
    const uri = 'file:///fix-nodeid/cluster.conf';
    const text = EXAMPLE.replace('<clusternode name="an-node02.alteeve.com" nodeid="2">', '<clusternode name="an-node02.alteeve.com">');
    const diagnostics = await client.open(uri, 'cluster-conf', text);
    assert.deepEqual(diagnostics.map(problem), ["13:10-21 error cluster-conf/missing-attribute <clusternode> needs the attribute 'nodeid'."]);
    const actions = await client.codeActions(uri, diagnostics[0].range, diagnostics);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [['Add nodeid="2"', true]]);
    const fixed = applyEdits(text, editsOf(actions[0], uri));
    assert.equal(fixed, EXAMPLE);
    assert.deepEqual(await client.change(uri, [{ text: fixed }]), []);
    await client.close(uri);
  });

  it('outlines nodes, fence devices and vms', async () => {
    const uri = 'file:///outline/cluster.conf';
    await client.open(uri, 'cluster-conf', EXAMPLE);
    const [cluster] = await client.documentSymbols(uri);
    assert.equal(cluster.name, 'an-cluster01');
    assert.deepEqual(cluster.children!.map((s) => s.name), ['cman', 'clusternodes', 'fencedevices', 'fence_daemon', 'totem', 'rm']);
    assert.deepEqual(cluster.children![1].children!.map((s) => `${s.name} (${s.detail})`), ['an-node01.alteeve.com (clusternode (nodeid 1))', 'an-node02.alteeve.com (clusternode (nodeid 2))']);
  });
});

describe('cluster-conf over LSP: config_version against the saved file', () => {
  it('offers to raise config_version while the editor holds a change the saved file has not', async () => {
    const root = mkdtempSync(join(tmpdir(), 'xcc-version-'));
    mkdirSync(join(root, 'etc', 'cluster'), { recursive: true });
    const path = join(root, 'etc', 'cluster', 'cluster.conf');
    writeFileSync(path, EXAMPLE);
    const uri = `file://${path}`;
    const client = await LspTestClient.start({ workspaceFolders: [{ uri: `file://${root}`, name: 'version' }] });
    try {
      await client.waitForLog(/^indexed 1 file/);
      assert.deepEqual(await client.open(uri, 'cluster-conf', EXAMPLE), []);
      const line = EXAMPLE.split('\n').findIndex((l) => l.includes('<totem'));
      const at = { start: { line, character: 8 }, end: { line, character: 8 } };
      assert.deepEqual((await client.codeActions(uri, at, [])).map((a) => a.title), [], 'nothing changed yet');
      const edited = EXAMPLE.replace('<totem token="10000"/>', '<totem token="20000"/>');
      await client.change(uri, [{ text: edited }]);
      const actions = await client.codeActions(uri, at, []);
      assert.deepEqual(actions.map((a) => a.title), ['Set config_version="2" (the saved file has 1)']);
      assert.equal(applyEdits(edited, editsOf(actions[0], uri)), edited.replace('config_version="1"', 'config_version="2"'));
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
