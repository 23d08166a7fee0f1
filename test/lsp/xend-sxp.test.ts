/** xend-config.sxp over the real protocol: the seeds' settings, their warnings and fixes, completion, hover. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { protocolView as show } from '../helpers/diagnosticText';
import { readFixture } from '../helpers/fixtures';
import { applyEdits, editsOf, LspTestClient } from '../helpers/lspClient';

/**
 * Waits until the server has applied the settings it pulls after `initialized`:
 * the client answers that request before it sees the first publication, so a
 * change sent after that publication is validated with the settings.
 */
async function settingsApplied(client: LspTestClient): Promise<void> {
  const probe = 'file:///probe/etc/xen/xend-config.sxp';
  await client.open(probe, 'xend-sxp', '(dom0-min-mem 1)\n');
  await client.change(probe, [{ text: '(dom0-min-mem 2)\n' }]);
}

describe('xend-sxp over LSP, for hosts that run xend (toolstack xm)', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ settings: { xen: { version: '4.1', toolstack: 'xm' } } });
    await settingsApplied(client);
  });
  after(async () => {
    await client.stop();
  });

  it("seed 003's permissive block gets the three security warnings, each on its value", async () => {
    const uri = 'file:///host/etc/xen/xend-config.sxp';
    const text = readFixture('xend-sxp', 'seed-003-permissive.sxp');
    const diagnostics = await client.open(uri, 'xend-sxp', text);
    assert.deepEqual(diagnostics.map(show), [
      '8:14-8:16 2 xend/listens-on-all-addresses xend-sxp',
      '9:25-9:27 2 xend/listens-on-all-addresses xend-sxp',
      '10:29-10:31 2 xend/relocation-open xend-sxp',
    ]);
    assert.equal(diagnostics[2].message, "relocation is on (xend-relocation-server) but xend-relocation-hosts-allow is empty: anyone who reaches port 8002 can push a domain onto this host or pull one off it; list the peer hosts, e.g. (xend-relocation-hosts-allow '^an-node02\\\\.example\\\\.com$')");

    const actions = await client.codeActions(uri, diagnostics[2].range, [diagnostics[2]]);
    assert.deepEqual(actions.map((a) => a.title), ['Allow relocation only from localhost (then add your peer hosts)']);
    const fixed = applyEdits(text, editsOf(actions[0], uri));
    assert.equal(fixed.split('\n')[10], "(xend-relocation-hosts-allow '^localhost$')");

    const bind = await client.codeActions(uri, diagnostics[0].range, [diagnostics[0]]);
    assert.deepEqual(bind.map((a) => a.title), ["Bind xend's HTTP server to localhost", "Turn xend's HTTP server off"]);
    assert.equal(applyEdits(text, editsOf(bind[0], uri)).split('\n')[8], "(xend-address 'localhost')");
  });

  it("seed 001's single line warns that relocation is open to anyone, and the fix adds hosts-allow", async () => {
    const uri = 'file:///host1/etc/xen/xend-config.sxp';
    const text = readFixture('xend-sxp', 'seed-001-relocation.sxp');
    const diagnostics = await client.open(uri, 'xend-sxp', text);
    assert.deepEqual(diagnostics.map(show), ['1:24-1:27 2 xend/relocation-open xend-sxp', '1:24-1:27 2 xend/listens-on-all-addresses xend-sxp']);
    const actions = await client.codeActions(uri, diagnostics[0].range, diagnostics);
    const allow = actions.find((a) => a.title.startsWith('Allow relocation'))!;
    assert.equal(applyEdits(text, editsOf(allow, uri)), `${text.trimEnd()}\n(xend-relocation-hosts-allow '^localhost$')\n`);
  });

  it("seed 003's custom network script is accepted and explained", async () => {
    const uri = 'file:///host2/etc/xen/xend-config.sxp';
    const diagnostics = await client.open(uri, 'xend-sxp', readFixture('xend-sxp', 'seed-003-network-script.sxp'));
    assert.deepEqual(diagnostics, []);
    const hover = await client.hover(uri, { line: 3, character: 20 });
    assert.match((hover!.contents as MarkupContent).value, /^Custom network script `an-network-script`/);
  });

  it('completes option names after "(" and values after the name', async () => {
    const uri = 'file:///host3/etc/xen/xend-config.sxp';
    await client.open(uri, 'xend-sxp', '(xend-relocation-s\n(xend-relocation-server \n');
    const names = await client.completion(uri, { line: 0, character: 18 });
    assert.ok(names.some((i) => i.label === 'xend-relocation-server'));
    assert.ok(names.some((i) => i.label === 'xend-relocation-ssl-server'));
    const values = await client.completion(uri, { line: 1, character: 24 });
    assert.deepEqual(values.map((i) => i.label), ['yes', 'no']);
  });

  it('reports a missing parenthesis with a precise range and keeps checking the rest', async () => {
    const uri = 'file:///host4/etc/xen/xend-config.sxp';
    const diagnostics = await client.open(uri, 'xend-sxp', '(xend-port 8000\n(xend-relocaton-server yes)\n');
    assert.deepEqual(diagnostics.map(show), ['0:0-0:10 1 xend/syntax-unclosed-list xend-sxp', '1:1-1:22 2 xend/unknown-option xend-sxp']);
    const actions = await client.codeActions(uri, diagnostics[1].range, [diagnostics[1]]);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [["Change to 'xend-relocation-server'", true]]);
  });
});

describe('xend-sxp over LSP with the default target (Xen 4.19, xl)', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('says as hints that nothing reads the file, and at each option what xl has instead', async () => {
    const diagnostics = await client.open('file:///new/etc/xen/xend-config.sxp', 'xend-sxp', '(vif-script vif-bridge)\n(dom0-min-mem 512)\n');
    assert.deepEqual(diagnostics.map(show), ['0:1-0:11 4 xend/xend-removed xend-sxp', '0:1-0:11 4 xend/xend-removed xend-sxp', '1:1-1:13 4 xend/xend-removed xend-sxp']);
    assert.match(String(diagnostics[0].message), /^Xen 4\.19 has no xend \(removed in 4\.5\): nothing reads this file; /);
    assert.equal(diagnostics[1].message, "vif-script under xl: `vif.default.script` in xl.conf (or `script=` in a domain's vif spec).");
  });

  it('drops the note when the user says the hosts run xend', async () => {
    const uri = 'file:///old/etc/xen/xend-config.sxp';
    await client.open(uri, 'xend-sxp', '(dom0-min-mem 512)\n');
    client.forgetDiagnostics(uri);
    await client.changeSettings({ xen: { version: '4.19', toolstack: 'xm' } });
    assert.deepEqual(await client.diagnosticsFor(uri), []);
  });
});
