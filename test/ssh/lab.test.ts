/**
 * Opt-in (XCC_XENLAB=1): `cli.js check --host` and `effective --host` against the real Xen 4.17
 * dom0 of ../shared/xenlab (root@127.0.0.1:2222, key /var/tmp/xenlab/keys/id_ed25519), with its
 * real xl and drbdadm. Skips with a message when it is not asked for or the lab is down.
 */
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { readFixture, REPO_ROOT } from '../helpers/fixtures';

const KEY = '/var/tmp/xenlab/keys/id_ed25519';
const run = promisify(execFile);

function labUnavailable(): string | undefined {
  if (process.env.XCC_XENLAB !== '1') return 'the xenlab suite is opt-in: set XCC_XENLAB=1 with the lab running (bash ../shared/xenlab/start.sh)';
  if (!existsSync(KEY)) return `the xenlab key ${KEY} is missing: build the lab (../shared/xenlab/build.sh)`;
  try {
    execFileSync('ssh', ['-i', KEY, '-p', '2222', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=10', 'root@127.0.0.1', 'xl', 'info'], { stdio: 'ignore', timeout: 60_000 });
  } catch {
    return 'the xenlab dom0 does not answer on 127.0.0.1:2222: start it with bash ../shared/xenlab/start.sh';
  }
  return undefined;
}

let work: string;
let config: string;

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), args[0], '--ssh-config', config, '--host', 'xenlab', '--host-timeout', '120', ...args.slice(1)], { cwd: work });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

/** Something on the lab, over the same ssh_config. */
function onLab(command: string): string {
  return execFileSync('ssh', ['-F', config, '-o', 'BatchMode=yes', 'xenlab', command], { encoding: 'utf8', timeout: 60_000 });
}

describe('host checks against the xenlab dom0', { skip: labUnavailable() }, () => {
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'xcc-lab-'));
    config = join(work, 'ssh_config');
    writeFileSync(config, `Host xenlab\n  HostName 127.0.0.1\n  Port 2222\n  User root\n  IdentityFile ${KEY}\n  IdentitiesOnly yes\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n`);
  });
  after(() => work && rmSync(work, { recursive: true, force: true }));

  it("the host's xl refuses xm's w!, in xl's words, exit 1", async () => {
    writeFileSync(join(work, 'w.cfg'), readFixture('host-check', 'xl-force-write.input'));
    const { stdout, code } = await cli('check', '--language', 'xl-config', 'w.cfg');
    assert.equal(code, 1);
    assert.match(stdout, /^w\.cfg:5:\d+: error: config parsing error in disk specification: unknown value for access: near `w!' in `phy:\/dev\/vg0\/vm1,xvda,w!' \[xl@xenlab\]$/m);
  });

  it('a good config passes, and its effective JSON carries the defaults xl applied', async () => {
    writeFileSync(join(work, 'good.cfg'), readFixture('host-check', 'xl-good.input'));
    const checked = await cli('check', '--language', 'xl-config', 'good.cfg');
    assert.equal(checked.code, 0, checked.stdout + checked.stderr);
    assert.doesNotMatch(checked.stdout, /@xenlab/);
    const { stdout, stderr, code } = await cli('effective', 'good.cfg');
    assert.equal(code, 0, stderr);
    const json = JSON.parse(stdout);
    // Not in the file: xl's defaults (maxmem from memory, the vCPU bitmap, raw format, a hotplug-run vif).
    assert.equal(json.b_info.max_memkb, 262144);
    assert.deepEqual(json.b_info.avail_vcpus, [0, 1]);
    assert.equal(json.c_info.type, 'pv');
    assert.equal(json.disks[0].format, 'raw');
    assert.equal(json.disks[0].readwrite, 1);
    assert.equal(stderr, '');
  });

  it("the host's drbdadm refuses a repeated device on its line", async () => {
    writeFileSync(join(work, 'r0.res'), readFixture('host-check', 'drbdadm-repeated-device.input'));
    const { stdout, code } = await cli('check', 'r0.res');
    assert.equal(code, 1);
    assert.match(stdout, /^r0\.res:3:\d+: error: conflicting use of device statement 'r0:device' \.\.\. \[drbdadm@xenlab\]$/m);
  });

  it('a validator missing on the host is an info', async () => {
    const missing = onLab('command -v ccs_config_validate >/dev/null || [ -f /usr/share/cluster/cluster.rng ] || echo missing').trim();
    if (missing !== 'missing') return; // the lab has a cluster.conf validator: nothing to show here
    writeFileSync(join(work, 'cluster.conf'), readFixture('host-check', 'xmllint-invalid.input'));
    const { stdout } = await cli('check', 'cluster.conf');
    assert.match(stdout, /^cluster\.conf:1:1: info: not checked on xenlab: `ccs_config_validate` \(or `xmllint` and \/usr\/share\/cluster\/cluster\.rng\) is not installed there \[host@xenlab\]$/m);
  });

  it('a hostile file name and hostile tool output change nothing outside the temporary directory', async () => {
    const before = onLab('ls -a /tmp /root; find / -xdev -name "PWNED*" 2>/dev/null');
    const hostile = "x$(touch PWNED-1)`touch PWNED-2`;touch PWNED-3 'q\n.cfg";
    // xl quotes the bad spec back: its output then carries shell syntax and an escape sequence.
    writeFileSync(join(work, hostile), 'name = "a"\nkernel = "/boot/k"\ndisk = [ "$(touch /tmp/PWNED-4)`touch /tmp/PWNED-5`\x1b[31m,xvda,w!" ]\n');
    const { stdout, code } = await cli('check', '--format', 'json', '--language', 'xl-config', hostile);
    assert.equal(code, 1);
    const messages = JSON.parse(stdout)[0].diagnostics.filter((d: { source?: string }) => d.source === 'xl@xenlab').map((d: { message: string }) => d.message);
    assert.deepEqual(messages, ["config parsing error in disk specification: unknown value for format: near `xvda' in `$(touch /tmp/PWNED-4)`touch /tmp/PWNED-5`\\x1b[31m,xvda,w!'"]);
    assert.equal(onLab('ls -a /tmp /root; find / -xdev -name "PWNED*" 2>/dev/null'), before);
  });
});
