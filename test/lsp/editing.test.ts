/**
 * Editing over the real protocol: completion inserts snippets with valid
 * placeholders (and templates named after the file), hovers link another
 * file by a path relative to the workspace folder.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CompletionItemKind, InsertTextFormat, MarkupContent } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';

describe('editing over LSP', () => {
  let client: LspTestClient;
  before(async () => {
    // A folder that does not exist on disk: the workspace is what the client opens.
    client = await LspTestClient.start({ workspaceFolders: [{ uri: 'file:///nonexistent-ws', name: 'ws' }] });
  });
  after(async () => {
    await client.stop();
  });

  it('completes a key as a snippet with a valid placeholder, and offers templates named after the file', async () => {
    const uri = 'file:///nonexistent-ws/etc/xen/vm07-mail.cfg';
    await client.open(uri, 'xl-config', 'mem');
    const items = await client.completion(uri, { line: 0, character: 3 });
    const memory = items.find((i) => i.label === 'memory')!;
    assert.equal(memory.insertTextFormat, InsertTextFormat.Snippet);
    assert.deepEqual(memory.textEdit, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } }, newText: 'memory = ${1:512}' });
    const pvh = items.find((i) => i.label === 'xl-pvh')!;
    assert.equal(pvh.kind, CompletionItemKind.Snippet);
    assert.match(pvh.textEdit!.newText, /^# PVH guest, see xl\.cfg\(5\)\nname = "\$\{1:vm07-mail\}"\n/);
  });

  it('hovers a MAC of an iftab with a link to the vif line of the guest\'s config, relative to the workspace', async () => {
    await client.open('file:///nonexistent-ws/etc/xen/web.cfg', 'xl-config', 'name = "web"\nvif = [ "mac=00:16:3e:00:01:01,bridge=xenbr0" ]\n');
    const uri = 'file:///nonexistent-ws/guests/web/etc/iftab';
    await client.open(uri, 'iftab', 'eth0 mac 00:16:3e:00:01:01\n');
    const hover = await client.hover(uri, { line: 0, character: 12 });
    assert.equal(
      (hover!.contents as MarkupContent).value,
      '**00:16:3e:00:01:01**: Xen guest range (OUI 00:16:3e, assigned to the Xen project); unicast; globally unique (IEEE-assigned).\n\nCarried by vif 0 of domain **web** on bridge `xenbr0` ([etc/xen/web.cfg:2](file:///nonexistent-ws/etc/xen/web.cfg#L2)).',
    );
  });
});
