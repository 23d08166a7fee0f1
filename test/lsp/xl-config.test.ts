/** xl-config through the real language server over stdio: what a user sees in the editor. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { readFixture } from '../helpers/fixtures';
import { inOrder, summary } from '../helpers/languageTester';
import { applyEdits, editsOf, LspTestClient } from '../helpers/lspClient';

const show = (ds: Diagnostic[]) => inOrder(ds).map(summary);
const seed = (name: string) => readFixture('xl-config', 'seeds', name);

describe('xl-config over LSP', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ settings: { xen: { version: '4.19', toolstack: 'xl' } } });
  });
  after(async () => {
    await client.stop();
  });

  // Each seed defines its own domain (name, MACs, disks), so they can share one workspace.
  it('publishes the expert diagnostics of the seed configs', async () => {
    assert.deepEqual(show(await client.open('file:///etc/xen/xen1-node.cfg', 'xl-config', seed('000-xen1-cluster-node.cfg'))), ['8:119-121 error xl/disk-access']);
    assert.deepEqual(show(await client.open('file:///etc/xen/iscsitest.cfg', 'xl-config', seed('001-iscsitest.cfg'))), []);
    assert.deepEqual(show(await client.open('file:///etc/xen/f13.cfg', 'xl-config', seed('003-f13_builder_01.cfg'))), ['14:10-14 warning xl/spec-value', '16:70-77 warning xl/vif-stale-vifname']);
    const windows = await client.open('file:///etc/xen/win2008_sql_01.cfg', 'xl-config', seed('003-win2008_sql_01.cfg'));
    assert.deepEqual(show(windows), ['2:1-7 warning xl/hvmloader-kernel', '3:1-8 warning xl/deprecated-key', '14:1-13 warning xl/deprecated-key', '21:1-11 warning xl/xm-only-key']);
    const builder = windows.find((d) => d.range.start.line === 2)!;
    assert.equal(builder.message, '`builder` is deprecated since Xen 4.10: write `type = "hvm"`');
    assert.equal(builder.source, 'xl-config');
  });

  it('applies the builder → type quick fix to exactly the setting', async () => {
    const uri = 'file:///etc/xen/win2008_sql_01.cfg';
    const text = seed('003-win2008_sql_01.cfg');
    const diagnostics = await client.diagnosticsFor(uri, 1);
    const builder = diagnostics.find((d) => d.code === 'xl/deprecated-key' && d.range.start.line === 2)!;
    const actions = await client.codeActions(uri, builder.range, [builder]);
    const fix = actions.find((a) => a.title === `Replace with 'type = "hvm"'`)!;
    const after = applyEdits(text, editsOf(fix, uri));
    assert.equal(after.split('\n')[2], 'type = "hvm"');
    assert.equal(after.replace('type = "hvm"', "builder='hvm'"), text);
  });

  it('moves a foreign MAC into the Xen range', async () => {
    const uri = 'file:///etc/xen/mac.cfg';
    const text = 'name = "m"\nkernel = "/k"\nvif = [ "mac=00:00:00:01:01:01, bridge=xenbr0" ]\n';
    const [diagnostic] = await client.open(uri, 'xl-config', text);
    assert.equal(diagnostic.code, 'xl/vif-mac-not-xen');
    const [move] = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    assert.equal(applyEdits(text, editsOf(move, uri)), 'name = "m"\nkernel = "/k"\nvif = [ "mac=00:16:3e:01:01:01, bridge=xenbr0" ]\n');
  });

  it("refuses what xl refuses in a device spec, with xl's own words, and fixes the key", async () => {
    const uri = 'file:///etc/xen/displ.cfg';
    const text = "name = 'd'\nkernel = '/k'\nvdispl = [ 'backend=0, beAlloc=0, connectors=c0:1024x768' ]\n";
    const [diagnostic, ...rest] = await client.open(uri, 'xl-config', text);
    assert.deepEqual(rest, []);
    assert.deepEqual([summary(diagnostic), diagnostic.message], ['3:24-31 error xl/spec-unknown-key', 'unknown vdispl setting `beAlloc`: xl refuses the domain ("Unknown string "beAlloc=0" in vdispl spec"); did you mean \'be-alloc\'?']);
    const [fix] = await client.codeActions(uri, diagnostic.range, [diagnostic]);
    assert.equal(applyEdits(text, editsOf(fix, uri)).split('\n')[2], "vdispl = [ 'backend=0, be-alloc=0, connectors=c0:1024x768' ]");
  });

  /** Waits for the publication that satisfies `done`: earlier ones may still be on their way from before a settings change. */
  async function publicationWhere(uri: string, done: (ds: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    for (;;) {
      client.forgetDiagnostics(uri);
      const diagnostics = await client.diagnosticsFor(uri);
      if (done(diagnostics)) return diagnostics;
    }
  }

  it('re-checks when the toolstack setting changes to xm', async () => {
    const uri = 'file:///etc/xen/win2008_sql_01.cfg';
    const cleared = publicationWhere(uri, (ds) => ds.length === 0);
    await client.changeSettings({ xen: { version: '3.4', toolstack: 'xm' } });
    assert.deepEqual(show(await cleared), []);
    const back = publicationWhere(uri, (ds) => ds.length > 0);
    await client.changeSettings({ xen: { version: '4.19', toolstack: 'xl' } });
    assert.equal((await back).length, 4);
  });

  it('sees a MAC used by another open domain config', async () => {
    await client.open('file:///etc/xen/a.cfg', 'xl-config', 'name = "a"\nkernel = "/k"\nvif = [ "mac=00:16:3e:00:09:09" ]\n');
    const diagnostics = await client.open('file:///etc/xen/b.cfg', 'xl-config', 'name = "b"\nkernel = "/k"\nvif = [ "mac=00:16:3e:00:09:09" ]\n');
    assert.deepEqual(show(diagnostics), ['3:14-31 warning workspace/duplicate-mac']);
    assert.equal(diagnostics[0].message, "MAC 00:16:3e:00:09:09 is also given to a vif of domain 'a' (/etc/xen/a.cfg:3); two guests with one MAC on a bridge steal each other's traffic. Give one of them another 00:16:3e address.");
  });

  it('completes, hovers and outlines', async () => {
    const uri = 'file:///etc/xen/edit.cfg';
    await client.open(uri, 'xl-config', 'name = "edit"\nmemo\ndisk = [ \'phy:/dev/vg/a,xvda,w\' ]\n');
    const items = await client.completion(uri, { line: 1, character: 4 });
    assert.ok(items.some((i) => i.label === 'memory'));
    const hover = await client.hover(uri, { line: 2, character: 25 });
    assert.match((hover?.contents as MarkupContent).value, /^\*\*disk: vdev\*\*/);
    const symbols = await client.documentSymbols(uri);
    assert.equal(symbols[0].name, 'edit');
    assert.deepEqual(symbols[0].children?.map((s) => s.name), ['name', 'memo', 'disk']);
  });

  it('answers at once on a broken half-typed file', async () => {
    const uri = 'file:///etc/xen/typing.cfg';
    const diagnostics = await client.open(uri, 'xl-config', "name = \"t\"\nvif = [ 'mac=\nmemroy = 64\n");
    assert.deepEqual(show(diagnostics), ['2:9-14 error xl/syntax', '3:1-7 error xl/syntax', '3:1-7 warning xl/unknown-key']);
    const macs = await client.completion(uri, { line: 1, character: 13 });
    assert.match(String(macs[0]?.label), /^00:16:3e:/);
  });
});
