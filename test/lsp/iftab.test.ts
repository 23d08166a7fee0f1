/** iftab over the real protocol: seed 000, ifrename's rules, quick fixes, completion and hover. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { protocolView as show } from '../helpers/diagnosticText';
import { readFixture } from '../helpers/fixtures';
import { applyEdits, editsOf, LspTestClient } from '../helpers/lspClient';

describe('iftab over LSP', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it("seed 000's recipe gets only ifrename's own hint on eth0", async () => {
    const diagnostics = await client.open('file:///repo/guests/vm01-web/etc/iftab', 'iftab', readFixture('iftab', 'seed-000.iftab'));
    assert.deepEqual(diagnostics.map(show), ['1:0-1:4 4 iftab/unreliable-name iftab']);
  });

  it('reports what ifrename drops, on the wrong token, and fixes it', async () => {
    const uri = 'file:///host/etc/iftab';
    const text = 'lan0 mca 00:16:3e:00:01:01\nlan1 mac 00-16-3e-00-01-02\nlan2 ma 00:16:3e:00:01:03\nlan3 mac 00:16:3e:00:01:01\n';
    const diagnostics = await client.open(uri, 'iftab', text);
    assert.deepEqual(diagnostics.map(show), [
      '0:5-0:8 1 iftab/unknown-selector iftab',
      '1:9-1:26 1 iftab/invalid-mac iftab',
      '2:5-2:7 4 iftab/abbreviated-selector iftab',
    ]);
    assert.equal(diagnostics[0].message, "unknown selector 'mca' (ifrename drops this line); did you mean 'mac'?");

    const [rename] = await client.codeActions(uri, diagnostics[0].range, [diagnostics[0]]);
    assert.equal(applyEdits(text, editsOf(rename, uri)).split('\n')[0], 'lan0 mac 00:16:3e:00:01:01');
    const [colons] = await client.codeActions(uri, diagnostics[1].range, [diagnostics[1]]);
    assert.equal(applyEdits(text, editsOf(colons, uri)).split('\n')[1], 'lan1 mac 00:16:3e:00:01:02');
    const [full] = await client.codeActions(uri, diagnostics[2].range, [diagnostics[2]]);
    assert.equal(applyEdits(text, editsOf(full, uri)).split('\n')[2], 'lan2 mac 00:16:3e:00:01:03');

    // Once line 0 parses, its MAC collides with line 3's.
    const after = await client.change(uri, [{ range: diagnostics[0].range, text: 'mac' }]);
    assert.deepEqual(after.map(show).filter((s) => s.includes('duplicate')), ['3:9-3:26 2 iftab/duplicate-mac iftab']);
  });

  it('completes selectors after the interface name and explains them on hover', async () => {
    const uri = 'file:///host2/etc/iftab';
    await client.open(uri, 'iftab', 'lan0 dri\nlan1 businfo 0000:02:00.0\n');
    const items = await client.completion(uri, { line: 0, character: 8 });
    assert.deepEqual(items.find((i) => i.label === 'driver')!.textEdit, { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 8 } }, newText: 'driver' });
    const hover = await client.hover(uri, { line: 1, character: 7 });
    assert.match((hover!.contents as MarkupContent).value, /^\*\*businfo\*\*: `businfo 0000:02:00\.0`/);
    assert.deepEqual(hover!.range, { start: { line: 1, character: 5 }, end: { line: 1, character: 12 } });
  });

  it("checks a guest's MACs against its open domain config, and fixes one from the diagnostic the client sends back", async () => {
    await client.open('file:///ws/etc/xen/web.cfg', 'xl-config', 'name = "web"\nvif = [ "mac=00:16:3e:00:01:01,bridge=xenbr0", "mac=00:16:3e:00:02:01,bridge=xenbr1" ]\n');
    const uri = 'file:///ws/guests/web/etc/iftab';
    const text = 'lan0 mac 00:16:3e:00:01:01\neth1 mac 00:16:3e:00:02:99\n';
    const diagnostics = await client.open(uri, 'iftab', text);
    assert.deepEqual(diagnostics.map(show), ['1:9-1:26 2 iftab/mac-not-on-guest iftab']);
    assert.equal(diagnostics[0].message, "no vif of 'web' has 00:16:3e:00:02:99, so this line never applies; vif 1 has 00:16:3e:00:02:01");
    const actions = await client.codeActions(uri, diagnostics[0].range, diagnostics);
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred]), [["Use vif 1's MAC '00:16:3e:00:02:01'", true]]);
    assert.equal(applyEdits(text, editsOf(actions[0], uri)), 'lan0 mac 00:16:3e:00:01:01\neth1 mac 00:16:3e:00:02:01\n');
  });

  it('lists the mappings as symbols', async () => {
    const uri = 'file:///host3/etc/iftab';
    await client.open(uri, 'iftab', readFixture('iftab', 'seed-000.iftab'));
    const symbols = await client.documentSymbols(uri);
    assert.deepEqual(symbols.map((s) => s.name), ['eth0', 'eth1']);
  });
});

describe('iftab over LSP: renaming a dom0 eth0 in a workspace', () => {
  it("renames eth0 to lan0 in the iftab, the vif's bridge= and xend's network-script, in one workspace edit", async () => {
    const root = mkdtempSync(join(tmpdir(), 'xcc-rename-'));
    mkdirSync(join(root, 'etc', 'xen'), { recursive: true });
    const files = {
      'etc/iftab': 'eth0 mac 52:54:00:12:34:56\n',
      'etc/xen/web.cfg': "name = 'web'\nvif = [ 'mac=00:16:3e:00:07:01,bridge=eth0' ]\n",
      'etc/xen/xend-config.sxp': "(network-script 'network-bridge netdev=eth0')\n",
    };
    for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
    const uri = (file: string) => `file://${join(root, file)}`;
    const client = await LspTestClient.start({ workspaceFolders: [{ uri: `file://${root}`, name: 'dom0' }] });
    try {
      await client.waitForLog(/^indexed 3 files/);
      const [hint] = await client.open(uri('etc/iftab'), 'iftab', files['etc/iftab']);
      assert.equal(hint.code, 'iftab/unreliable-name');
      const [action] = await client.codeActions(uri('etc/iftab'), hint.range, [hint]);
      assert.equal(action.title, "Rename 'eth0' to 'lan0' here and in 2 other files");
      const after = Object.fromEntries(Object.entries(files).map(([file, text]) => [file, applyEdits(text, editsOf(action, uri(file)))]));
      assert.deepEqual(after, {
        'etc/iftab': 'lan0 mac 52:54:00:12:34:56\n',
        'etc/xen/web.cfg': "name = 'web'\nvif = [ 'mac=00:16:3e:00:07:01,bridge=lan0' ]\n",
        'etc/xen/xend-config.sxp': "(network-script 'network-bridge netdev=lan0')\n",
      });
    } finally {
      await client.stop();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
