/** `cli.js migrate --to drbd9|pacemaker` as a user runs it: what goes to stdout, stderr and --out, and the exit codes. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixturePath, REPO_ROOT } from '../helpers/fixtures';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'migrate', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli.js migrate --to drbd9', () => {
  it('prints the DRBD 9 file and exits 0 when every change was made for you', () => {
    const path = 'test/fixtures/drbd/corpus/raspberry1123__HA-Setting__etc__drbd.conf';
    const result = cli('--to', 'drbd9', path);
    assert.equal(result.status, 0, result.stderr);
    assert.ok(result.stdout.includes('    disk {\n        resync-rate 100M;\n        #'), result.stdout);
    assert.ok(!result.stdout.includes('syncer'));
    assert.ok(result.stderr.includes(`${path}:27: note: 'protocol' moved into the 'net' section (DRBD 8.4 and 9 read it there).\n`), result.stderr);
  });

  it('exits 1 with the manual items on stderr, and writes under --out without touching the original', () => {
    const out = mkdtempSync(join(tmpdir(), 'migrate-drbd9-'));
    const path = fixturePath('migrate', 'dual-primary-83.res');
    const before = readFileSync(path, 'utf8');
    const result = cli('--to', 'drbd9', '--out', out, path);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /dual-primary-83\.res:13: manual: Resource 'r0' is dual-primary without fencing/);
    assert.ok(readFileSync(join(out, 'dual-primary-83.res'), 'utf8').includes('node-id 0;'));
    assert.equal(readFileSync(path, 'utf8'), before);
    const again = cli('--to', 'drbd9', '--out', out, path);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /dual-primary-83\.res: error: exists already \(or cannot be created\); not overwritten/);
  });

  it("takes each host's node-id from a cluster.conf given with the DRBD file", () => {
    const folder = mkdtempSync(join(tmpdir(), 'migrate-nodeids-'));
    copyFileSync(fixturePath('migrate', 'dual-primary-83.res'), join(folder, 'r0.res'));
    writeFileSync(join(folder, 'cluster.conf'), '<cluster name="c" config_version="1"><clusternodes><clusternode name="node1.example.com" nodeid="3"/><clusternode name="node2.example.com" nodeid="4"/></clusternodes></cluster>\n');
    const out = join(folder, 'out');
    const result = cli('--to', 'drbd9', '--out', out, join(folder, 'r0.res'), join(folder, 'cluster.conf'));
    const converted = readFileSync(join(out, 'r0.res'), 'utf8');
    assert.ok(converted.includes('    meta-disk internal;\n    node-id 3;\n  }\n  on node2.example.com {'), converted);
    assert.ok(converted.includes('    node-id 4;\n'));
    assert.match(result.stderr, /r0\.res:16: note: 'node-id 3;' added for 'node1\.example\.com' \(its cluster\.conf nodeid\)\./);
    assert.match(result.stderr, /cluster\.conf:1: note: Read for its nodeids/);
    assert.equal(existsSync(join(out, 'cluster.conf')), false);
  });

  it('exits 1 with no output for a file with a syntax error', () => {
    const folder = mkdtempSync(join(tmpdir(), 'migrate-broken-'));
    writeFileSync(join(folder, 'r0.res'), 'resource r0 {\n  net { protocol C }\n');
    const result = cli('--to', 'drbd9', join(folder, 'r0.res'));
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /r0\.res:2: manual: Not converted: fix this syntax error first/);
  });
});

describe('cli.js migrate --to pacemaker', () => {
  const xen = fixturePath('migrate', 'xen-cluster.conf');

  it('prints the CIB, then corosync.conf after its ==> corosync.conf <== line', () => {
    const result = cli('--to', 'pacemaker', xen);
    assert.equal(result.status, 1);
    assert.ok(result.stdout.startsWith('<cib validate-with="pacemaker-3.7"'), result.stdout.slice(0, 80));
    assert.ok(result.stdout.includes('</cib>\n==> corosync.conf <==\n# corosync.conf for the cluster \'xen-ha\''));
    assert.ok(result.stderr.includes('xen-cluster.conf:7: manual: <fence_daemon post_join_delay="30">: fenced\'s timings have no Pacemaker counterpart.'), result.stderr);
  });

  it('writes the pcs script and corosync.conf under --out with --format pcs', () => {
    const out = mkdtempSync(join(tmpdir(), 'migrate-pcs-'));
    const result = cli('--to', 'pacemaker', '--format', 'pcs', '--out', out, xen);
    assert.equal(result.status, 1);
    assert.ok(readFileSync(join(out, 'cib.pcs.sh'), 'utf8').startsWith('#!/bin/sh\n'));
    assert.ok(readFileSync(join(out, 'corosync.conf'), 'utf8').includes('nodelist {'));
  });

  it('exits 0 for a cluster.conf that converts completely', () => {
    const result = cli('--to', 'pacemaker', 'test/fixtures/cluster-conf/seeds/003-ipmi.conf');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, '');
  });

  it('exits 2 for a format the target does not have', () => {
    const result = cli('--to', 'pacemaker', '--format', 'crm', xen);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--format for pacemaker is one of cib, pcs, not 'crm'/);
    assert.equal(cli('--to', 'drbd9', '--format', 'cib', xen).status, 2);
  });
});
