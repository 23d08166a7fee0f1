/**
 * The dom0 explorer in the real VS Code, against a real sshd on 127.0.0.1 whose `xl` is the
 * explorer tests' STAND-IN (test/ssh/helpers: it replays a real Xen 4.17 dom0's captures and
 * records what it was asked to do). As a user would: add the host from the ssh_config picker,
 * pause a domain and see "paused" in its row at the read that follows the action (the automatic
 * refresh is off, so nothing else could have put it there), and press Enter on Destroy's
 * confirmation, which must cancel.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { Dom0ExplorerApi } from '../../../client/src/explorer';
import type { Dom0Node } from '../../../shared/src/dom0/treeNodes';
import { capture, LAB_DOMAINS as DOMAINS, LAB_SCENARIO as LAB } from '../../helpers/dom0';
import { sshdMissing, startSshd, TestSshd } from '../../ssh/helpers/sshd';
import { extension } from './helpers';

const WAIT_MS = 20_000;

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${WAIT_MS / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}


describe('dom0 explorer (real sshd, xl stand-in)', function () {
  const missing = sshdMissing();
  let sshd: TestSshd;
  let dir: string;
  let api: Dom0ExplorerApi;
  const config = () => vscode.workspace.getConfiguration('xenConfig.dom0');

  before(async function () {
    if (missing) return this.skip();
    sshd = await startSshd();
    dir = mkdtempSync(join(tmpdir(), 'xen-dom0-e2e-'));
    // An ssh_config as a user has it: a Host alias for the dom0, and the stand-in's client key.
    const sshConfig = join(dir, 'ssh_config');
    writeFileSync(sshConfig, `Host an-node01\n  HostName 127.0.0.1\n  Port ${sshd.port}\n  User ${sshd.user}\n\n${readFileSync(sshd.clientConfig('good'), 'utf8')}`);
    sshd.useScenario('paused', { ...LAB, list: { stdout: capture('24-xl-list-paused.stdout') } }, DOMAINS, false);
    sshd.useScenario('running', { ...LAB, pause: { then: 'paused' } }, DOMAINS);
    await config().update('refreshInterval', 0, vscode.ConfigurationTarget.Global);
    await config().update('sshConfigFile', sshConfig, vscode.ConfigurationTarget.Global);
    api = ((await extension().activate()) as { dom0: Dom0ExplorerApi }).dom0;
    await vscode.commands.executeCommand('workbench.view.extension.xenConfig-dom0');
  });

  after(async () => {
    if (missing) return;
    for (const key of ['hosts', 'sshConfigFile', 'refreshInterval']) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await sshd?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const rows = async (node?: Dom0Node) => (await api.tree.getChildren(node)) ?? [];
  const row = async (name: string) => (await rows((await rows())[0])).find((n) => n.kind === 'domain' && n.domain.name === name);
  const description = async (node: Dom0Node) => String((await api.tree.getTreeItem(node)).description ?? '');

  it('adds the host from the ssh_config picker and lists its domains', async () => {
    const adding = vscode.commands.executeCommand('xenConfig.dom0.addHost');
    // The picker lists the ssh_config's Host entries first: an-node01 is the active item.
    await until('the host added from the picker', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return config().get<string[]>('hosts')?.includes('an-node01') || undefined;
    });
    await adding;
    // A node carries the host's state when it was made: ask the tree again each time.
    const hostRow = async () => (await rows()).find((n) => n.kind === 'host' && n.host.spec === 'an-node01');
    await until('the domains of an-node01', async () => ((await rows(await hostRow())).some((n) => n.kind === 'domain' && n.domain.name === 'domu2') ? true : undefined));
    const host = (await hostRow())!;
    assert.match(String((await api.tree.getTreeItem(host)).description), /^2\/2 running, Xen 4\.17\.5, 1757 of 3071 MiB free, 2 CPUs$/);
    assert.match(await description((await row('domu1'))!), /^#1 running, idle, 128 MiB/);
  });

  it('pauses domu2 and shows "paused" at the read that follows the action', async () => {
    sshd.resetCalls();
    const domu2 = (await row('domu2'))!;
    assert.match(await description(domu2), /^#2 running, /);
    // The command returns once the explorer has read the host again after the action.
    await vscode.commands.executeCommand('xenConfig.dom0.pause', domu2);
    assert.deepEqual(sshd.acted(), ['xl pause 2 domu2']);
    assert.match(await description((await row('domu2'))!), /^#2 paused, 128 MiB/);
    const refreshes = sshd.standinCalls().filter(([, ...argv]) => argv.join(' ') === 'info').length;
    assert.equal(refreshes, 1, 'one read of the host after the pause, no more');
  });

  it('Destroy asks with Cancel first: Enter cancels and nothing is run', async () => {
    sshd.resetCalls();
    const domu1 = (await row('domu1'))!;
    const destroying = vscode.commands.executeCommand('xenConfig.dom0.destroy', domu1);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the confirmation opens
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // Enter
    await destroying;
    assert.deepEqual(sshd.acted(), []);
    assert.deepEqual(sshd.standinCalls(), []);
  });
});
