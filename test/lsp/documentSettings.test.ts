/**
 * `xenConfig/documentSettings` through the real server: a config opened from a dom0 host is checked
 * with that host's Xen version and toolstack (what the dom0 explorer sends from `xl info`), while the
 * workspace's files keep the workspace's settings.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { DOCUMENT_SETTINGS_NOTIFICATION } from '../../shared/src/protocol';
import { inOrder, summary } from '../helpers/languageTester';
import { LspTestClient } from '../helpers/lspClient';

const show = (ds: Diagnostic[]) => inOrder(ds).map(summary);
/** A PV guest that xl 4.19 accepts: `bootloader_restrict` is new in 4.18, the vif `vlan=` in 4.19. */
const GUEST = 'name = "domu3"\ntype = "pv"\nkernel = "/boot/vmlinuz"\nmemory = 128\nbootloader_restrict = 1\nvif = [ "mac=00:16:3e:00:01:03,bridge=xenbr0,vlan=10" ]\n';

describe('per-document settings over LSP (a dom0 file checked with its host\'s Xen)', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ settings: { xen: { version: '4.19', toolstack: 'xl' } } });
  });
  after(async () => {
    await client.stop();
  });

  it('checks a remote document with the host\'s Xen 4.17.5 once told, and a workspace file with 4.19', async () => {
    const remote = 'xen-dom0://root%40127.0.0.1%3A2222/etc/xen/domu3.cfg';
    const local = 'file:///work/etc/xen/domu3-copy.cfg';
    assert.deepEqual(show(await client.open(remote, 'xl-config', GUEST)), [], 'under the workspace\'s 4.19 both settings are known');
    await client.open(local, 'xl-config', GUEST.replace('domu3', 'domu3-copy').replace('01:03', '01:04'));
    const told = client.waitForDiagnostics(remote, (ds) => ds.length > 0);
    await client.connection.sendNotification(DOCUMENT_SETTINGS_NOTIFICATION, { uri: remote, settings: { xen: { version: '4.17.5', toolstack: 'xl' } } });
    const diagnostics = await told;
    assert.deepEqual(show(diagnostics), ['5:1-20 warning xl/key-too-new', '6:46-50 warning xl/key-too-new']);
    assert.match(String(diagnostics[0].message), /Xen 4\.18.*Xen 4\.17\.5/);
    // The workspace file is not affected: asked again, it still has nothing to say.
    client.forgetDiagnostics(local);
    await client.change(local, [{ text: GUEST.replace('domu3', 'domu3-copy').replace('01:03', '01:04') + '\n' }]);
    assert.deepEqual(show(await client.diagnosticsFor(local)), []);
  });

  it('drops the override with null, and ignores a value that is not a version', async () => {
    const remote = 'xen-dom0://xenlab/etc/xen/domu1.cfg';
    await client.connection.sendNotification(DOCUMENT_SETTINGS_NOTIFICATION, { uri: remote, settings: { xen: { version: '4.17' } } });
    assert.equal(show(await client.open(remote, 'xl-config', GUEST.replace('domu3', 'domu1'))).length, 2, 'told before the open: checked with 4.17 from the start');
    const cleared = client.waitForDiagnostics(remote, (ds) => ds.length === 0);
    await client.connection.sendNotification(DOCUMENT_SETTINGS_NOTIFICATION, { uri: remote, settings: null });
    assert.deepEqual(show(await cleared), []);
    await client.connection.sendNotification(DOCUMENT_SETTINGS_NOTIFICATION, { uri: remote, settings: { xen: { version: '4.17; rm -rf /', toolstack: 'xend' } } });
    assert.deepEqual(show(await client.change(remote, [{ text: `${GUEST.replace('domu3', 'domu1')}\n` }])), [], 'an invalid override is no override: the workspace\'s 4.19 stands');
  });
});
