/** Rule control through the real language server over stdio: ignore comments and the severity setting, as the editor shows them. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { inOrder, problem, summary } from '../helpers/languageTester';
import { LspTestClient } from '../helpers/lspClient';

const show = (ds: Diagnostic[]) => inOrder(ds).map(summary);

describe('rule control over LSP', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ settings: {} });
  });
  after(async () => {
    await client.stop();
  });

  it('typing an xcc-ignore comment above a line removes its diagnostic; a stale one gets a faded hint', async () => {
    const uri = 'file:///etc/xen/ignore.cfg';
    assert.deepEqual(show(await client.open(uri, 'xl-config', 'name = "vm1"\nkernel = "/k"\nfoo = 1\n')), ['3:1-4 warning xl/unknown-key']);
    const silenced = await client.change(uri, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '# xcc-ignore xl/unknown-key\n' }]);
    assert.deepEqual(show(silenced), []);
    // The key is fixed: the comment now silences nothing.
    const stale = await client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 3 } }, text: 'memory' }]);
    assert.deepEqual(inOrder(stale).map(problem), ["3:14-28 hint workspace/unused-ignore 'xl/unknown-key' is not reported on line 4, so this xcc-ignore silences nothing: remove it"]);
    assert.deepEqual(stale[0].tags, [1], 'DiagnosticTag.Unnecessary: shown faded');
  });

  it('a <!-- xcc-ignore --> comment in cluster.conf removes the diagnostic of the next line', async () => {
    const text = (ignore: string) => `<cluster name="c" config_version="1">\n  <clusternodes>\n${ignore}    <clusternode name="n1" nodeid="1" bogus="x"><fence/></clusternode>\n  </clusternodes>\n</cluster>\n`;
    const plain = await client.open('file:///etc/cluster/plain/cluster.conf', 'cluster-conf', text(''));
    assert.ok(show(plain).includes('3:39-44 error cluster-conf/unknown-attribute'), show(plain).join(', '));
    const ignored = await client.open('file:///etc/cluster/ignored/cluster.conf', 'cluster-conf', text('    <!-- xcc-ignore cluster-conf/unknown-attribute -->\n'));
    assert.ok(!show(ignored).some((s) => s.includes('unknown-attribute')), show(ignored).join(', '));
    assert.equal(ignored.length, plain.length - 1, 'nothing else is lost');
    // Closed, they leave the workspace (they are not on disk): the domains of the other tests are in no cluster.
    await client.close('file:///etc/cluster/plain/cluster.conf');
    await client.close('file:///etc/cluster/ignored/cluster.conf');
  });

  it('xenConfig.diagnostics.severity changes a code to error, and off drops it, in open documents', async () => {
    const uri = 'file:///etc/xen/severity.cfg';
    assert.deepEqual(show(await client.open(uri, 'xl-config', 'name = "vm2"\nkernel = "/k"\nbar = 1\n')), ['3:1-4 warning xl/unknown-key']);
    await client.changeSettings({ diagnostics: { severity: { 'xl/unknown-key': 'error' } } });
    const raised = await client.waitForDiagnostics(uri, (ds) => ds.some((d) => d.severity === 1));
    assert.deepEqual(show(raised), ['3:1-4 error xl/unknown-key']);
    await client.changeSettings({ diagnostics: { severity: { 'xl/unknown-key': 'off', 'not/a-level': 'loud' } } });
    assert.deepEqual(show(await client.waitForDiagnostics(uri, (ds) => ds.length === 0)), []);
    await client.changeSettings({});
    assert.deepEqual(show(await client.waitForDiagnostics(uri, (ds) => ds.length === 1)), ['3:1-4 warning xl/unknown-key']);
  });
});
