/**
 * "A config repository's CI sees exactly what the editor shows", at every
 * moment: a workspace of files that are never opened, whose diagnostics depend
 * on each other (DRBD minors, devices and addresses shared by two resources, a
 * MAC shared by two domains, an iftab naming their vifs) and on a setting (a
 * key newer than the target Xen), some silenced by ignore comments. What the
 * server publishes for every file is compared with `cli.js check --format json`
 * over the same folder at start, after a file is deleted on disk, after a file
 * changes on disk, and after the settings change (and change back), a severity
 * override among them. Waits are on events, never on sleeps.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { REPO_ROOT } from '../helpers/fixtures';
import { LspTestClient } from '../helpers/lspClient';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

/** Two resources on the same minor, device and addresses on both hosts: drbdadm refuses the second. */
function resource(name: string, disk: string): string {
  const host = (node: number) => `    on an-node0${node}.example.com {
        device    /dev/drbd0;
        disk      ${disk};
        address   10.0.0.${node}:7789;
        meta-disk internal;
    }
`;
  return `resource ${name} {
    net {
        protocol C;
    }
${host(1)}${host(2)}}
`;
}

const VM01 = `name = "vm01"
kernel = "/boot/vmlinuz-guest"
memory = 1024
cmdline = "root=/dev/xvda1 ro"
vif = [ 'mac=00:16:3e:00:01:01, bridge=xenbr0',
        'mac=00:16:3e:00:02:01, bridge=xenbr1' ]
`;

const vm02 = (mac: string) => `name = "vm02"
kernel = "/boot/vmlinuz-guest"
memory = 1024
vif = [ 'mac=${mac}, bridge=xenbr0' ]
`;

/**
 * vm01's iftab with the two names swapped, and a MAC no vif carries; ignore
 * comments silence an own hint (eth0 is an unreliable name) and a cross-file
 * warning (the MAC is on no vif of vm01).
 */
const IFTAB = `eth1 mac 00:16:3e:00:01:01
eth0 mac 00:16:3e:00:02:01 # xcc-ignore iftab/unreliable-name
eth2 mac 00:16:3e:00:09:09 # xcc-ignore iftab/mac-not-on-guest -- the spare card
`;

const FILES: Record<string, string> = {
  'etc/drbd.d/r0.res': resource('r0', '/dev/sdb1'),
  'etc/drbd.d/r1.res': resource('r1', '/dev/sdc1'),
  'etc/xen/vm01.cfg': VM01,
  'etc/xen/vm02.cfg': vm02('00:16:3e:00:01:01'),
  'guests/vm01/etc/iftab': IFTAB,
};

const SEVERITIES = ['', 'error', 'warning', 'info', 'hint'];

/** What a user sees of a diagnostic, as the CLI's JSON gives it: line, col (1-based), severity, code, message. */
interface Seen {
  line: number;
  col: number;
  severity: string;
  code: string | number | null;
  message: string;
}

const byPlace = (a: Seen, b: Seen) => a.line - b.line || a.col - b.col || String(a.code).localeCompare(String(b.code)) || a.message.localeCompare(b.message);

function seenInEditor(diagnostics: Diagnostic[]): Seen[] {
  return diagnostics
    .map((d) => ({
      line: d.range.start.line + 1,
      col: d.range.start.character + 1,
      severity: SEVERITIES[d.severity ?? 1],
      code: d.code ?? null,
      message: typeof d.message === 'string' ? d.message : String(d.message),
    }))
    .sort(byPlace);
}

describe('editor and CLI agree on every closed file, at every moment', () => {
  let root: string;
  let client: LspTestClient;
  const uri = (file: string) => `file://${join(root, file)}`;
  const fileOf = (u: string) => u.slice(`file://${root}/`.length);

  /** `cli.js check --format json .` in the workspace: what CI sees, per workspace-relative file. */
  function cliSees(...flags: string[]): Record<string, Seen[]> {
    const result = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...flags, '.'], { cwd: root, encoding: 'utf8' });
    assert.ok(result.status === 0 || result.status === 1, result.stderr);
    const files = JSON.parse(result.stdout) as { file: string; diagnostics: Seen[] }[];
    return Object.fromEntries(files.map((f) => [f.file, f.diagnostics.map(({ line, col, severity, code, message }) => ({ line, col, severity, code, message })).sort(byPlace)]));
  }

  /** What the editor shows: the last publication for every file of the workspace the server published for. */
  function editorSees(): Record<string, Seen[]> {
    const uris = client.publishedUris().filter((u) => u.startsWith(`file://${root}/`));
    return Object.fromEntries(uris.map((u) => [fileOf(u), seenInEditor(client.latestDiagnostics(u) ?? [])]));
  }

  /**
   * Once the server has handled what was sent, what it shows for every file
   * equals what the CLI prints (a file on one side only must show nothing:
   * a deleted file is cleared). Returns what the CLI printed.
   */
  async function assertEditorShowsCli(...flags: string[]): Promise<Record<string, Seen[]>> {
    await client.roundTrip();
    const cli = cliSees(...flags);
    const both = () => {
      const editor = editorSees();
      const files = [...new Set([...Object.keys(cli), ...Object.keys(editor)])].sort();
      return { editor: Object.fromEntries(files.map((f) => [f, editor[f] ?? []])), cli: Object.fromEntries(files.map((f) => [f, cli[f] ?? []])) };
    };
    await client.waitForPublications(() => isDeepStrictEqual(both().editor, both().cli));
    const { editor, cli: printed } = both();
    assert.deepEqual(editor, printed);
    return cli;
  }

  const codesIn = (seen: Record<string, Seen[]>, file: string) => (seen[file] ?? []).map((d) => `${d.line}:${d.col} ${String(d.code)}`);

  before(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), 'xcc-consistency-')));
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
    client = await LspTestClient.start({ workspaceFolders: [{ uri: `file://${root}`, name: 'consistency' }] });
    await client.waitForLog(/^indexed 5 files/);
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('at start: every file shows what the CLI prints; the shared MAC is an error in both configs', { timeout: 30_000 }, async () => {
    const seen = await assertEditorShowsCli();
    assert.deepEqual(codesIn(seen, 'etc/xen/vm01.cfg'), ['5:14 workspace/duplicate-mac']);
    assert.deepEqual(codesIn(seen, 'etc/xen/vm02.cfg'), ['4:14 workspace/duplicate-mac']);
    assert.ok(codesIn(seen, 'guests/vm01/etc/iftab').includes('1:1 workspace/iftab-vif-order'), codesIn(seen, 'guests/vm01/etc/iftab').join(', '));
    assert.ok(!Object.values(seen).flat().some((d) => d.code === 'xl/key-too-new'), 'cmdline is known to the default target, Xen 4.19');
  });

  it('at start: the ignore comments silence the iftab\'s own hint and its cross-file warning, in both', { timeout: 30_000 }, async () => {
    const seen = await assertEditorShowsCli();
    assert.deepEqual(codesIn(seen, 'guests/vm01/etc/iftab'), ['1:1 workspace/iftab-vif-order', '2:1 workspace/iftab-vif-order']);
  });

  it('at start: the DRBD minor, device and address collisions are shown on both resource files', { timeout: 30_000 }, async () => {
    const seen = await assertEditorShowsCli();
    for (const file of ['etc/drbd.d/r0.res', 'etc/drbd.d/r1.res']) {
      const codes = new Set((seen[file] ?? []).map((d) => d.code));
      for (const code of ['drbd/duplicate-minor', 'drbd/duplicate-device', 'drbd/duplicate-address']) assert.ok(codes.has(code), `${file} has no ${code}: ${[...codes].join(', ')}`);
    }
  });

  it('after r0.res is deleted on disk: it is cleared, and no other file keeps naming it', { timeout: 30_000 }, async () => {
    rmSync(join(root, 'etc/drbd.d/r0.res'));
    await client.filesChanged([{ uri: uri('etc/drbd.d/r0.res'), type: 3 }]);
    await client.waitForDiagnostics(uri('etc/drbd.d/r0.res'), (ds) => ds.length === 0);
    const seen = await assertEditorShowsCli();
    assert.deepEqual(client.latestDiagnostics(uri('etc/drbd.d/r0.res')) ?? [], []);
    assert.ok(!('etc/drbd.d/r0.res' in seen));
    const left = (client.latestDiagnostics(uri('etc/drbd.d/r1.res')) ?? []).filter((d) => String(d.code).startsWith('drbd/duplicate-'));
    assert.deepEqual(left.map((d) => d.message), [], 'no collision remains in r1.res');
    for (const file of client.publishedUris()) {
      for (const d of client.latestDiagnostics(file) ?? []) {
        assert.ok(!String(d.message).includes('r0.res') && !(d.relatedInformation ?? []).some((r) => r.location.uri.endsWith('/r0.res')), `${fileOf(file)} still names r0.res: ${d.message}`);
      }
    }
  });

  it('after vm02.cfg changes on disk (its own MAC now): the duplicate MAC is gone from both configs', { timeout: 30_000 }, async () => {
    writeFileSync(join(root, 'etc/xen/vm02.cfg'), vm02('00:16:3e:00:01:02'));
    await client.filesChanged([{ uri: uri('etc/xen/vm02.cfg'), type: 2 }]);
    await client.waitForDiagnostics(uri('etc/xen/vm01.cfg'), (ds) => !ds.some((d) => d.code === 'workspace/duplicate-mac'));
    const seen = await assertEditorShowsCli();
    assert.ok(!Object.values(seen).flat().some((d) => d.code === 'workspace/duplicate-mac'));
    assert.ok(codesIn(seen, 'guests/vm01/etc/iftab').includes('1:1 workspace/iftab-vif-order'), 'the iftab still swaps the names');
  });

  it('after xen.version goes to 4.4: the closed vm01.cfg gets xl/key-too-new for cmdline, as the CLI with --xen-version 4.4', { timeout: 30_000 }, async () => {
    await client.changeSettings({ xen: { version: '4.4' } });
    await client.waitForDiagnostics(uri('etc/xen/vm01.cfg'), (ds) => ds.some((d) => d.code === 'xl/key-too-new'));
    const seen = await assertEditorShowsCli('--xen-version', '4.4');
    const tooNew = (seen['etc/xen/vm01.cfg'] ?? []).filter((d) => d.code === 'xl/key-too-new');
    assert.deepEqual(tooNew.map((d) => `${d.line}:${d.col} ${d.severity}`), ['4:1 warning']);
    assert.match(tooNew[0].message, /^`cmdline` needs Xen 4\.5 or later; the target is Xen 4\.4/);
  });

  it('after xen.version goes back to the default: the warning is gone again, as in the CLI', { timeout: 30_000 }, async () => {
    await client.changeSettings({});
    await client.waitForDiagnostics(uri('etc/xen/vm01.cfg'), (ds) => !ds.some((d) => d.code === 'xl/key-too-new'));
    const seen = await assertEditorShowsCli();
    assert.ok(!Object.values(seen).flat().some((d) => d.code === 'xl/key-too-new'));
  });

  it('after diagnostics.severity raises one code and turns another off: the editor shows what the CLI prints with --severity', { timeout: 30_000 }, async () => {
    await client.changeSettings({ diagnostics: { severity: { 'workspace/iftab-vif-order': 'error', 'iftab/mac-not-on-guest': 'off' } } });
    await client.waitForDiagnostics(uri('guests/vm01/etc/iftab'), (ds) => ds.some((d) => d.code === 'workspace/iftab-vif-order' && d.severity === 1));
    const seen = await assertEditorShowsCli('--severity', 'workspace/iftab-vif-order=error', '--severity', 'iftab/mac-not-on-guest=off');
    assert.deepEqual(
      (seen['guests/vm01/etc/iftab'] ?? []).map((d) => `${d.line}:${d.col} ${d.severity} ${String(d.code)}`),
      // The comment for the code that is off still counts as used: no unused-ignore hint.
      ['1:1 error workspace/iftab-vif-order', '2:1 error workspace/iftab-vif-order'],
    );
  });
});
