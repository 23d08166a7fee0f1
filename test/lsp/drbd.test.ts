/** DRBD over the real protocol: what a user sees in the editor for real resource files. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { readFixture } from '../helpers/fixtures';
import { outline } from '../helpers/languageTester';
import { applyEdits, editsOf, LspTestClient } from '../helpers/lspClient';

const URI = 'file:///srv/config/etc/drbd.d/r0.res';

/** The clean 8.4 fixture moved to other addresses, so that copies opened side by side do not collide. */
const clean84 = (subnet: number) => readFixture('drbd', 'clean-84.res').replaceAll('10.1.1.', `10.1.${subnet}.`);

/**
 * The server pulls settings from the client asynchronously; re-sends the text
 * as new versions until the published diagnostics show the new settings
 * (each round waits for the server's publication, never for a timer).
 */
async function diagnosticsOnceSettled(client: LspTestClient, uri: string, text: string, settled: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  for (let round = 0; round < 50; round++) {
    const diagnostics = await client.change(uri, [{ text }]);
    if (settled(diagnostics)) return diagnostics;
  }
  throw new Error('the new settings never reached the diagnostics');
}

describe('drbd over LSP', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('warns about the dual-primary seed 003 r0.res, once, and fixes it with fencing', async () => {
    const seed = readFixture('drbd', 'seed-003-r0.res');
    const diagnostics = await client.open(URI, 'drbd', seed);
    assert.deepEqual(
      diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.severity, d.code, d.source]),
      [[12, 16, 35, 2, 'drbd/dual-primary-without-fencing', 'drbd']],
    );
    assert.match(String(diagnostics[0].message), /^Resource 'r0' is dual-primary without fencing: if the replication link fails, both nodes stay primary and keep writing/);

    const actions = await client.codeActions(URI, diagnostics[0].range, diagnostics);
    assert.deepEqual(actions.map((a) => a.title), ['Add fencing for dual-primary (cman/rgmanager: rhcs_fence)', 'Add fencing for dual-primary (Pacemaker: crm-fence-peer.sh)']);
    const fixed = applyEdits(seed, editsOf(actions[0], URI));
    assert.ok(fixed.endsWith('        disk {\n                fencing resource-and-stonith;\n        }\n        handlers {\n                fence-peer "/usr/lib/drbd/rhcs_fence";\n        }\n}\n'));
    assert.deepEqual(await client.change(URI, [{ text: fixed }]), []);
    await client.close(URI);
  });

  it('publishes nothing for the clean 8.4 and 9 examples', async () => {
    assert.deepEqual(await client.open('file:///srv/config/clean-84.res', 'drbd', readFixture('drbd', 'clean-84.res')), []);
    assert.deepEqual(await client.open('file:///srv/config/clean-9.res', 'drbd', readFixture('drbd', 'clean-9.res')), []);
  });

  it("flags a missing ';' and inserts it", async () => {
    const uri = 'file:///srv/config/missing-semicolon.res';
    const text = clean84(2).replace('protocol C;', 'protocol C');
    const diagnostics = await client.open(uri, 'drbd', text);
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.code, d.message]), [[3, 17, 18, 'drbd/missing-semicolon', "Missing ';' after 'C' to end the 'protocol' option."]]);
    const [action] = await client.codeActions(uri, diagnostics[0].range, diagnostics);
    assert.equal(applyEdits(text, editsOf(action, uri)), clean84(2));
  });

  it('follows the drbd.dialect setting: syncer rate is a warning in 8.4 and an error in 9', async () => {
    const uri = 'file:///srv/config/syncer.res';
    const text = clean84(3).replace('    options {', '    syncer {\n        rate 10M;\n    }\n    options {');
    // Auto: the 8.3 syncer in a file of 8.4 syntax makes the dialect a guess, which one info says.
    const in84 = await client.open(uri, 'drbd', text);
    assert.deepEqual(in84.map((d) => [d.range.start.line, d.severity, d.code]), [[14, 3, 'drbd/dialect-guess'], [15, 2, 'drbd/moved-option']]);
    assert.match(String(in84[0].message), /it is checked as DRBD 8\.4, whose drbdadm reads all of it\. Set xenConfig\.drbd\.dialect/);
    assert.equal(in84[1].message, "'rate': the 'syncer' section is DRBD 8.3 syntax; since 8.4 it is 'resync-rate' in the 'disk' section.");
    await client.changeSettings({ drbd: { dialect: '9' } });
    const in9 = await diagnosticsOnceSettled(client, uri, text, (d) => d[0]?.severity === 1);
    assert.deepEqual(in9.map((d) => [d.range.start.line, d.severity, d.code]), [[15, 1, 'drbd/moved-option']]);
    await client.changeSettings({});
    await diagnosticsOnceSettled(client, uri, text, (d) => d[1]?.severity === 2);
  });

  it('completes options, values and hosts; hovers with units; outlines resources', async () => {
    const uri = 'file:///srv/config/edit.res';
    assert.deepEqual(await client.open(uri, 'drbd', clean84(4)), []);
    const inNet = await client.completion(uri, { line: 7, character: 0 });
    assert.ok(inNet.some((i) => i.label === 'allow-two-primaries'));
    const hover = await client.hover(uri, { line: 10, character: 10 });
    assert.match((hover!.contents as MarkupContent).value, /^\*\*resync-rate\*\* — `disk` option, DRBD 8\.4/);
    assert.deepEqual(hover!.range, { start: { line: 10, character: 8 }, end: { line: 10, character: 19 } });
    const symbols = await client.documentSymbols(uri);
    assert.deepEqual(symbols.map((s) => [s.name, s.children?.map((c) => c.name)]), [['data', ['net', 'disk', 'options', 'volume 0', 'volume 1', 'on alpha.example.com', 'on bravo.example.com']]]);
  });

  it('outlines a DRBD 9 resource as nested as it is written: sections, volumes, hosts, connections, paths', async () => {
    const uri = 'file:///srv/config/outline9.res';
    const text = [
      'resource r9 {',
      '  net { protocol C; }',
      '  volume 0 { device minor 9; disk /dev/vg/r9; meta-disk internal; }',
      '  on a { node-id 0; address 10.9.0.1:7009; }',
      '  on b { node-id 1; address 10.9.0.2:7009; }',
      '  connection {',
      '    path { host a address 10.9.1.1:7009; host b address 10.9.1.2:7009; }',
      '  }',
      '}',
      '',
    ].join('\n');
    await client.open(uri, 'drbd', text);
    assert.deepEqual(outline(await client.documentSymbols(uri)), [
      'r9 (a, b) 1:1-9:2 @1:10-1:12',
      '  net 2:3-2:22 @2:3-2:6',
      '    protocol (C) 2:9-2:20 @2:9-2:17',
      '  volume 0 (minor 9) 3:3-3:68 @3:10-3:11',
      '    device (minor 9) 3:14-3:29 @3:14-3:20',
      '    disk (/dev/vg/r9) 3:30-3:46 @3:30-3:34',
      '    meta-disk (internal) 3:47-3:66 @3:47-3:56',
      '  on a (10.9.0.1:7009) 4:3-4:45 @4:6-4:7',
      '    node-id (0) 4:10-4:20 @4:10-4:17',
      '    address (10.9.0.1:7009) 4:21-4:43 @4:21-4:28',
      '  on b (10.9.0.2:7009) 5:3-5:45 @5:6-5:7',
      '    node-id (1) 5:10-5:20 @5:10-5:17',
      '    address (10.9.0.2:7009) 5:21-5:43 @5:21-5:28',
      '  connection (a - b) 6:3-8:4 @6:3-6:13',
      '    path (a - b) 7:5-7:73 @7:5-7:9',
      '      host a (10.9.1.1:7009) 7:12-7:41 @7:12-7:16',
      '      host b (10.9.1.2:7009) 7:42-7:71 @7:42-7:46',
    ]);
    await client.close(uri);
  });
  it('follows the drbd.utilsVersion setting: a keyword newer than the hosts\' drbd-utils is an error', async () => {
    const uri = 'file:///srv/config/nine.res';
    const text = 'resource nine {\n  net { load-balance-paths yes; }\n  on a { node-id 0; device minor 7; disk /dev/sdc1; address 10.7.0.1:7789; }\n  on b { node-id 1; device minor 7; disk /dev/sdc1; address 10.7.0.2:7789; }\n}\n';
    assert.deepEqual(await client.open(uri, 'drbd', text), []);
    await client.changeSettings({ drbd: { utilsVersion: '9.22' } });
    const old = await diagnosticsOnceSettled(client, uri, text, (d) => d.length > 0);
    assert.deepEqual(old.map((d) => [d.range.start.line, d.severity, d.code, d.message]), [
      [1, 1, 'drbd/newer-than-utils', "'load-balance-paths' came with drbd-utils 9.26.0; the hosts run drbd-utils 9.22 (the drbd.utilsVersion setting), whose drbdadm refuses it."],
    ]);
    await client.changeSettings({});
    await diagnosticsOnceSettled(client, uri, text, (d) => d.length === 0);
  });
});
