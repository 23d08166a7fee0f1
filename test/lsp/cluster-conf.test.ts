/** cluster.conf through the real language server over stdio. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

  it('outlines nodes, fence devices and vms', async () => {
    const uri = 'file:///outline/cluster.conf';
    await client.open(uri, 'cluster-conf', EXAMPLE);
    const [cluster] = await client.documentSymbols(uri);
    assert.equal(cluster.name, 'an-cluster01');
    assert.deepEqual(cluster.children!.map((s) => s.name), ['cman', 'clusternodes', 'fencedevices', 'fence_daemon', 'totem', 'rm']);
    assert.deepEqual(cluster.children![1].children!.map((s) => s.name), ['an-node01.alteeve.com', 'an-node02.alteeve.com']);
  });
});
