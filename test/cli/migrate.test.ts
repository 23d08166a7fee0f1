/** `cli.js migrate` as a user runs it: stdout or --out, never overwriting, notes on stderr, exit 0/1/2. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixturePath, REPO_ROOT } from '../helpers/fixtures';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'migrate', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli.js migrate', () => {
  it('--to xl: the result on stdout, the notes on stderr, exit 0 when nothing needs a person', () => {
    const input = fixturePath('migrate', 'xm', 'xen-project__xen__2006-01-31__tools__examples__xmexample.hvm');
    const before = readFileSync(input, 'utf8');
    const result = cli('--to', 'xl', input);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^type='hvm'$/m);
    assert.match(result.stderr, new RegExp(`^${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:18: note: \`kernel = /usr/lib/xen/boot/hvmloader\` dropped: xl loads hvmloader for HVM guests itself$`, 'm'));
    assert.equal(readFileSync(input, 'utf8'), before, 'the original is never changed');
  });

  it('exit 1 when something needs a person, each item on stderr as FILE:LINE: manual:', () => {
    const result = cli('--to', 'xl', fixturePath('xl-config', 'seeds', '000-xen1-cluster-node.cfg'));
    assert.equal(result.status, 1);
    assert.equal(result.stderr.split('\n').filter((line) => /^\S+000-xen1-cluster-node\.cfg:8: manual: disk `phy:\/dev\/vg\/san,hdd,w!`/.test(line)).length, 1, result.stderr);
  });

  it('--out DIR: NAME.cfg, xl.conf and NN-NAME.link, and an existing file is never overwritten', () => {
    const out = mkdtempSync(join(tmpdir(), 'migrate-out-'));
    assert.equal(cli('--to', 'systemd-link', '--out', out, fixturePath('iftab', 'seed-000.iftab')).status, 1);
    assert.deepEqual(readdirSync(out).sort(), ['10-eth0.link', '11-eth1.link']);
    assert.equal(cli('--to', 'xl.conf', '--out', out, fixturePath('xend-sxp', 'seed-003-network-script.sxp')).status, 1);
    assert.ok(existsSync(join(out, 'xl.conf')));
    const taken = join(out, 'xen-project__xen__RELEASE-4.3.0__tools__examples__xmexample.cfg');
    writeFileSync(taken, 'mine\n');
    const again = cli('--to', 'xl', '--out', out, fixturePath('migrate', 'xm', 'xen-project__xen__RELEASE-4.3.0__tools__examples__xmexample.hvm'), fixturePath('xl-config', 'seeds', '000-xen1.cfg'));
    assert.equal(again.status, 2);
    assert.match(again.stderr, /xmexample\.cfg: error: exists already \(or cannot be created\); not overwritten/);
    assert.equal(readFileSync(taken, 'utf8'), 'mine\n');
    assert.ok(existsSync(join(out, '000-xen1.cfg')), 'the other input is still written');
  });

  it('exit 2 for bad usage and unreadable input', () => {
    assert.match(cli('--to', 'xm', 'x.cfg').stderr, /unknown target 'xm': use one of xl, xl\.conf, systemd-link/);
    assert.equal(cli('--to', 'xl').status, 2);
    assert.equal(cli('--to', 'xl', 'no/such.cfg').status, 2);
    assert.equal(cli('--to', 'xl', '--format', 'x', 'a.cfg').status, 2);
    assert.equal(cli('--to', 'systemd-link', '--format', 'rename', fixturePath('iftab', 'seed-000.iftab')).status, 1);
  });
});
