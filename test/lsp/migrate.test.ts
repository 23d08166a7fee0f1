/**
 * "Convert to …" over the real protocol: the server offers one action per migration from the
 * document's language, its command carries the converted files and the notes, and nothing is
 * written (no edit, no workspace/applyEdit, the file on disk unchanged).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { MIGRATE_COMMAND, MigrateCommandArguments } from '../../shared/src/protocol';
import { readFixture } from '../helpers/fixtures';
import { LspTestClient } from '../helpers/lspClient';

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('Convert to … over LSP', () => {
  let client: LspTestClient;
  let folder: string;
  const applyEdits: unknown[] = [];
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'migrate-lsp-'));
    client = await LspTestClient.start({ workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'host' }] });
    client.connection.onRequest('workspace/applyEdit', (params: unknown) => {
      applyEdits.push(params);
      return { applied: false };
    });
  });
  after(async () => {
    await client.stop();
  });

  const conversions = (actions: CodeAction[]) => actions.filter((action) => action.command?.command === MIGRATE_COMMAND);
  /** The actions a user asks for (VS Code's "Source Action…", Neovim's code_action()): an invoked request. */
  const invoked = (uri: string): Promise<CodeAction[]> => client.request('textDocument/codeAction', { textDocument: { uri }, range: START, context: { diagnostics: [], triggerKind: 1 } });

  it('offers "Convert to xl…" on an xm config, with the result and the notes in the command', async () => {
    const path = join(folder, 'xmexample.hvm');
    const text = readFixture('migrate', 'xm', 'xen-project__xen__2006-01-31__tools__examples__xmexample.hvm');
    writeFileSync(path, text);
    const uri = pathToFileURL(path).href;
    await client.open(uri, 'xl-config', text);
    const [action, ...others] = conversions(await invoked(uri));
    assert.equal(others.length, 0);
    assert.equal(action.title, 'Convert to xl…');
    assert.equal(action.kind, 'source.migrate');
    assert.equal(action.edit, undefined, 'the action itself edits nothing');
    const [args] = action.command!.arguments as [MigrateCommandArguments];
    assert.equal(args.sourceUri, uri);
    assert.equal(args.target, 'xl');
    assert.deepEqual(args.outputs.map((o) => [o.name, o.language]), [['xmexample.cfg', 'xl-config']]);
    assert.match(args.outputs[0].text, /^type='hvm'$/m);
    assert.doesNotMatch(args.outputs[0].text, /^(import|builder|device_model)/m);
    assert.ok(args.notes.some((n) => n.line === 18 && n.kind === 'note' && n.message.includes('hvmloader')));
    await client.roundTrip();
    assert.deepEqual(applyEdits, []);
    assert.equal(readFileSync(path, 'utf8'), text, 'the original on disk is unchanged');
  });

  it('counts the items for a person in the title, and offers nothing on a modern xl config', async () => {
    const uri = 'file:///etc/xen/xen1.cfg';
    await client.open(uri, 'xl-config', readFixture('xl-config', 'seeds', '000-xen1-cluster-node.cfg'));
    assert.deepEqual(conversions(await invoked(uri)).map((a) => a.title), ['Convert to xl… (1 item for you)']);
    const modern = 'file:///etc/xen/modern.cfg';
    await client.open(modern, 'xl-config', 'name = "modern"\ntype = "pvh"\nkernel = "/boot/vmlinuz"\nmemory = 512\n');
    assert.deepEqual(conversions(await invoked(modern)), []);
  });

  it('offers "Convert to xl.conf…" on xend-config.sxp and "Convert to systemd .link files…" on iftab', async () => {
    const sxp = 'file:///etc/xen/xend-config.sxp';
    await client.open(sxp, 'xend-sxp', '(vif-script vif-bridge)\n(enable-dom0-ballooning no)\n');
    const [conf] = conversions(await invoked(sxp));
    assert.equal(conf.title, 'Convert to xl.conf…');
    const [confArgs] = conf.command!.arguments as [MigrateCommandArguments];
    assert.deepEqual(confArgs.outputs.map((o) => o.name), ['xl.conf']);
    assert.match(confArgs.outputs[0].text, /^autoballoon = "off"$/m);

    const iftab = 'file:///guest/etc/iftab';
    await client.open(iftab, 'iftab', readFixture('iftab', 'seed-000.iftab'));
    const [links] = conversions(await invoked(iftab));
    assert.equal(links.title, 'Convert to systemd .link files… (2 items for you)');
    const [linkArgs] = links.command!.arguments as [MigrateCommandArguments];
    assert.deepEqual(linkArgs.outputs.map((o) => o.name), ['10-eth0.link', '11-eth1.link']);
  });

  it('leaves them out of the light bulb (an automatic request) and when the client asks only for quick fixes', async () => {
    const uri = 'file:///etc/xen/only.sxp';
    await client.open(uri, 'xend-sxp', '(vif-script vif-bridge)\n');
    const onlyFixes: CodeAction[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: START, context: { diagnostics: [], only: ['quickfix'] } });
    assert.deepEqual(conversions(onlyFixes), []);
    assert.deepEqual(conversions(await client.codeActions(uri, START, [])), [], 'the light bulb shows no whole-file conversion');
    const sources: CodeAction[] = await client.request('textDocument/codeAction', { textDocument: { uri }, range: START, context: { diagnostics: [], only: ['source'] } });
    assert.deepEqual(conversions(sources).map((a) => a.title), ['Convert to xl.conf…']);
  });
});
