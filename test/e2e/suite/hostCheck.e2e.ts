/**
 * Host checks in the real VS Code, against a real sshd on 127.0.0.1 whose `xl` is a STAND-IN for the
 * `xl -N create` of Xen 4.17 (it answers the two configs of test/fixtures/host-check with the real
 * xl 4.17's replies to them, and refuses anything else as "no answer"). As a user would: "Check on
 * dom0 host…" on a config with xm's `w!`, picking the host; the Problems list gets xl's refusal on
 * the disk's line with source `xl@an-node01`, and the status bar says refused. "Show Effective
 * Configuration" on the good config opens xl's JSON in a read-only document beside it.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { HostCheckApi } from '../../../client/src/hostCheck';
import { parseHostScriptOutput } from '../../../shared/src/hostCheck/output';
import { readFixture } from '../../helpers/fixtures';
import { sshdMissing, startSshd, TestSshd } from '../../ssh/helpers/sshd';
import { closeAllEditors, extension, openNewWorkspaceFile, waitForDiagnostics, withSetting } from './helpers';

const WAIT_MS = 20_000;
const HOST = 'an-node01';

/** What the script printed for a fixture, with the remote copy's path as `@FILE@`. */
function reply(fixture: string): { stdout: string; stderr: string } {
  const text = readFixture('host-check', `${fixture}.reply`);
  const output = parseHostScriptOutput(text, '0123abcd');
  assert.ok(output && output.kind === 'ran', `${fixture}.reply is a run of a tool`);
  const remote = /file (\S+)@@/.exec(text)![1];
  return { stdout: output.stdout, stderr: output.stderr.split(remote).join('@FILE@') };
}

/** The stand-in `xl`: for `-N create FILE`, the real xl 4.17's answer to that very file (compared byte for byte). */
function standinXl(dir: string): string {
  const answers = [
    ['xl-force-write', 1],
    ['xl-good', 0],
  ] as const;
  const cases = answers.map(([fixture, status]) => {
    const { stdout, stderr } = reply(fixture);
    writeFileSync(join(dir, `${fixture}.input`), readFixture('host-check', `${fixture}.input`));
    writeFileSync(join(dir, `${fixture}.stdout`), stdout);
    writeFileSync(join(dir, `${fixture}.stderr`), stderr);
    return `if cmp -s "$f" '${dir}/${fixture}.input'; then cat '${dir}/${fixture}.stdout'; sed "s|@FILE@|$f|g" '${dir}/${fixture}.stderr' >&2; exit ${status}; fi`;
  });
  return [
    '# STAND-IN for Xen 4.17\'s xl, not the real tool: `-N create FILE` replays test/fixtures/host-check/*.reply',
    '[ "$1 $2" = "-N create" ] || { echo "xl stand-in: only -N create is answered" >&2; exit 99; }',
    `printf '%s\\n' "$*" >> '${dir}/calls'`,
    'f=$3',
    ...cases,
    'echo "xl stand-in: no captured answer for this file" >&2',
    'exit 99',
  ].join('\n');
}

async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs a command that asks for a host, and picks the only one offered (Enter on the quick pick). */
async function withHostPicked(command: string): Promise<void> {
  const running = vscode.commands.executeCommand(command);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // the host picker opens
  await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
  await running;
}

describe('host checks (real sshd, xl -N create stand-in)', function () {
  const missing = sshdMissing();
  let sshd: TestSshd;
  let dir: string;
  let api: HostCheckApi;
  const restore: (() => Thenable<void>)[] = [];

  before(async function () {
    if (missing) return this.skip();
    sshd = await startSshd();
    dir = mkdtempSync(join(tmpdir(), 'xcc-host-check-e2e-'));
    sshd.shim('xl', standinXl(dir));
    restore.push(await withSetting('xenConfig.dom0', 'hosts', [{ host: sshd.host().spec, name: HOST }]));
    restore.push(await withSetting('xenConfig.dom0', 'sshConfigFile', sshd.clientConfig('good')));
    restore.push(await withSetting('xenConfig.dom0', 'refreshInterval', 0));
    api = ((await extension().activate()) as { hostCheck: HostCheckApi }).hostCheck;
  });

  after(async () => {
    if (missing) return;
    for (const undo of restore.reverse()) await undo();
    await closeAllEditors();
    await sshd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("Check on dom0 host: xl's refusal of w! is in the Problems list on the disk's line, and the status bar says refused", async () => {
    const { uri } = await openNewWorkspaceFile('etc/xen/hostcheck-w.cfg', readFixture('host-check', 'xl-force-write.input'));
    const fromHost = waitForDiagnostics(uri, (list) => list.some((d) => d.source === `xl@${HOST}`), `xl@${HOST}'s verdict`);
    await withHostPicked('xenConfig.hostCheck.check');
    const host = (await fromHost).filter((d) => d.source === `xl@${HOST}`);
    assert.deepEqual(
      host.map((d) => [d.range.start.line + 1, vscode.DiagnosticSeverity[d.severity], d.message]),
      [[5, 'Error', "config parsing error in disk specification: unknown value for access: near `w!' in `phy:/dev/vg0/vm1,xvda,w!'"]],
    );
    assert.equal(api.statusText(), `$(error) ${HOST}: refused (1)`);
    assert.equal(api.statusTooltip(), `xl@${HOST}: etc/xen/hostcheck-w.cfg`);
    // The host's xl read a copy in the check's private directory, under the file's own name.
    assert.match(readFileSync(join(dir, 'calls'), 'utf8'), /^-N create \/\S*\/xcc-host-check\.[^/]+\/file\/hostcheck-w\.cfg\n$/);
  });

  it('Show Effective Configuration opens the JSON xl built, read-only, beside the config', async () => {
    await openNewWorkspaceFile('etc/xen/hostcheck-good.cfg', readFixture('host-check', 'xl-good.input'));
    await withHostPicked('xenConfig.hostCheck.showEffective');
    const shown = await until('the effective configuration document', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'xen-host-check'));
    assert.equal(shown.uri.path, `/${HOST}/hostcheck-good.cfg.effective.json`);
    assert.equal(shown.languageId, 'json');
    assert.equal(shown.getText(), reply('xl-good').stdout);
    const json = JSON.parse(shown.getText()) as { b_info: { max_memkb: number; max_vcpus: number } };
    assert.deepEqual([json.b_info.max_memkb, json.b_info.max_vcpus], [262144, 2], "xl's defaults: max_memkb from memory = 256");
    // Read-only: the document has no file system behind it that accepts a write.
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(shown.uri, new TextEncoder().encode('{}'))));
  });
});
