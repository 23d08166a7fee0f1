/** `node dist/cli.js domains` from outside, against the real sshd and the `xl` STAND-IN (bundle first). */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { capture } from '../helpers/dom0';
import { REPO_ROOT } from '../helpers/fixtures';
import { sshdMissing, startSshd, TestSshd } from './helpers/sshd';

const run = promisify(execFile);
let sshd: TestSshd;

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'domains', '--ssh-config', sshd.clientConfig(), ...args], { env: sshd.env });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

describe('cli.js domains over a real sshd', { skip: sshdMissing() }, () => {
  before(async () => {
    sshd = await startSshd();
    sshd.useScenario('lab', {
      info: { stdout: capture('11-xl-info.stdout') },
      list: { stdout: capture('02-xl-list.stdout') },
      'list-long': { stdout: capture('03-xl-list-l.stdout') },
      uptime: { stdout: capture('14-xl-uptime.stdout') },
    }, [[0, 'Domain-0'], [1, 'domu1'], [2, 'domu2']]);
  });
  after(() => sshd?.stop());

  it('prints the model as JSON', async () => {
    const { stdout, code } = await cli('--format', 'json', sshd.host().spec);
    assert.equal(code, 0);
    const [host] = JSON.parse(stdout);
    assert.deepEqual([host.host, host.reachable, host.xenVersion, host.toolstack], [sshd.host().spec, true, '4.17.5', 'xl']);
    assert.deepEqual(host.domains.map((d: { name: string; state: string; memoryMiB: number; vcpus: number }) => [d.name, d.state, d.memoryMiB, d.vcpus]), [
      ['Domain-0', 'running', 1024, 2],
      ['domu1', 'blocked', 128, 1],
      ['domu2', 'running', 128, 2],
    ]);
  });

  it('prints text, runs an action first, and exits 1 when a host fails', async () => {
    sshd.resetCalls();
    const { stdout, stderr, code } = await cli('--action', 'pause', '--domain', 'domu1', sshd.host().spec);
    assert.equal(code, 0);
    // By domid, behind the check that the id still has the name (a domain named "2" must not hit id 2).
    assert.equal(stderr, `${sshd.host().label}: xl pause 1 (only if id 1 is still named domu1): done\n`);
    assert.deepEqual(sshd.acted(), ['xl pause 1 domu1']);
    assert.match(stdout, /^ {2}domu1 {5}id 1 {4}running, idle, 128 MiB, 1 vCPU, up 0:01:05$/m);
    assert.match(stdout, /^ {6}disk xvda {2}\/var\/lib\/xen\/images\/domu1\.img {2}read-write$/m);
    const down = await cli('127.0.0.1:1');
    assert.deepEqual([down.code, down.stdout.split('\n').slice(0, 2)], [1, ['127.0.0.1:1  unreachable', '  error: 127.0.0.1:1: unreachable (ssh: connect to host 127.0.0.1 port 1: Connection refused)']]);
  });

  it('refuses bad usage with exit 2', async () => {
    const { stderr, code } = await cli('--format', 'xml', 'h');
    assert.deepEqual([code, stderr.split('\n')[0]], [2, 'error: --format is text or json, not "xml"']);
    assert.equal((await cli('-oProxyCommand=x')).code, 2);
  });
});
