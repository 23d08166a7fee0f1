/**
 * The read and save scripts run by the local `sh` (dash here) on a scratch
 * directory, without ssh: the checksum tool choice, refusals, and the messages
 * the user gets. The real-sshd tests (test/ssh/dom0-safety.test.ts) cover
 * links, killed uploads, cancels and Latin-1 end to end.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { digestsOf, FILE_EXIT, losslessEncoding, parseProbe, parseSaved, parseStat, readFileArgv, saveFileArgv, statFileArgv } from '../../../shared/src/dom0/remoteFile';
import { saveFailureMessage, saveSuccessMessage, WriteResult } from '../../../shared/src/dom0/session';
import { backupsOf, onlyBackup, testHost } from '../../helpers/dom0';

const scratch = mkdtempSync(join(tmpdir(), 'xen-dom0-files-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A PATH of the tools the scripts use, minus `without`: a host without sha256sum, say. */
function toolPath(without: readonly string[]): string {
  const dir = mkdtempSync(join(scratch, 'bin-'));
  const tools = ['sha256sum', 'md5sum', 'cut', 'readlink', 'dirname', 'find', 'mktemp', 'rm', 'rmdir', 'cat', 'wc', 'tr', 'stat', 'chown', 'chmod', 'cp', 'mv', 'sleep', 'mkdir', 'date'];
  for (const tool of tools.filter((t) => !without.includes(t))) {
    const found = ['/usr/bin', '/bin'].map((d) => join(d, tool)).find((p) => existsSync(p));
    if (found) symlinkSync(found, join(dir, tool));
  }
  return dir;
}

function run(argv: string[], input: Uint8Array | string = '', path = process.env.PATH ?? '/usr/bin:/bin') {
  const result = spawnSync('/bin/sh', argv.slice(1), { input, env: { PATH: path } });
  return { status: result.status, stdout: result.stdout.toString('latin1'), stderr: result.stderr.toString() };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('the save script, step by step', () => {
  it('verifies with sha256sum when the host has it, and says so', () => {
    const file = join(mkdtempSync(join(scratch, 'sha-')), 'vm.cfg');
    writeFileSync(file, 'memory = 128\n');
    const result = run(saveFileArgv({ path: file, content: bytes('memory = 256\n'), expected: digestsOf(bytes('memory = 128\n')), token: 'ab12', backups: 5 }), 'memory = 256\n');
    assert.deepEqual([result.status, parseSaved(result.stdout)], [0, { algorithm: 'sha256', savedTo: file }]);
    assert.equal(readFileSync(file, 'utf8'), 'memory = 256\n');
  });

  it('falls back to md5sum on a host without sha256sum, and says so', () => {
    const file = join(mkdtempSync(join(scratch, 'md5-')), 'vm.cfg');
    writeFileSync(file, 'memory = 128\n');
    const result = run(saveFileArgv({ path: file, content: bytes('memory = 256\n'), expected: digestsOf(bytes('memory = 128\n')), token: 'ab12', backups: 5 }), 'memory = 256\n', toolPath(['sha256sum']));
    assert.deepEqual([result.status, result.stderr, parseSaved(result.stdout)], [0, '', { algorithm: 'md5', savedTo: file }]);
    assert.equal(readFileSync(onlyBackup(file), 'utf8'), 'memory = 128\n');
  });

  it('refuses to save when the host can verify nothing', () => {
    const file = join(mkdtempSync(join(scratch, 'none-')), 'vm.cfg');
    writeFileSync(file, 'memory = 128\n');
    const result = run(saveFileArgv({ path: file, content: bytes('x\n'), expected: digestsOf(bytes('memory = 128\n')), token: 'ab12', backups: 5 }), 'x\n', toolPath(['sha256sum', 'md5sum']));
    assert.deepEqual([result.status, result.stderr], [FILE_EXIT.noChecksumTool, 'xen-dom0-save: neither sha256sum nor md5sum is on the host, so the upload could not be verified: nothing was saved\n']);
    assert.equal(readFileSync(file, 'utf8'), 'memory = 128\n');
  });

  it('never installs fewer bytes than were sent, nor other bytes', () => {
    const dir = mkdtempSync(join(scratch, 'short-'));
    const file = join(dir, 'vm.cfg');
    writeFileSync(file, 'memory = 128\n');
    const content = bytes('memory = 256\nvcpus = 2\n');
    const argv = saveFileArgv({ path: file, content, expected: digestsOf(bytes('memory = 128\n')), token: 'ab12', backups: 5 });
    const short = run(argv, content.slice(0, 10));
    assert.deepEqual([short.status, short.stderr], [FILE_EXIT.incomplete, `xen-dom0-save: the upload is incomplete (10 of 23 bytes arrived): ${file} is unchanged\n`]);
    const damaged = run(argv, bytes('memory = 999\nvcpus = 2\n'));
    assert.deepEqual([damaged.status, damaged.stderr], [FILE_EXIT.incomplete, `xen-dom0-save: the upload arrived damaged (its sha256 checksum differs from the one sent): ${file} is unchanged\n`]);
    assert.equal(readFileSync(file, 'utf8'), 'memory = 128\n');
    assert.deepEqual(backupsOf(file), [], 'the backup is made only after the new content is verified');
  });

  it('keeps the last N timestamped backups, oldest removed first, and none with 0', () => {
    const file = join(mkdtempSync(join(scratch, 'rotate-')), 'vm.cfg');
    writeFileSync(file, 'v0\n');
    // Backups made in earlier seconds, as earlier saves would have named them.
    for (const [stamp, text] of [['20240101-000000', 'oldest\n'], ['20240101-000001', 'older\n'], ['20240101-000002', 'old\n']]) writeFileSync(`${file}.bak.${stamp}`, text);
    const result = run(saveFileArgv({ path: file, content: bytes('v1\n'), expected: digestsOf(bytes('v0\n')), token: 'ab12', backups: 3 }), 'v1\n');
    assert.equal(result.status, 0, result.stderr);
    const kept = backupsOf(file);
    assert.deepEqual(kept.slice(0, 2).map((path) => readFileSync(path, 'utf8')), ['older\n', 'old\n']);
    assert.equal(readFileSync(kept[2], 'utf8'), 'v0\n', 'the newest backup is the version just replaced');
    assert.match(kept[2], /vm\.cfg\.bak\.\d{8}-\d{6}$/);
    // A second save in the same second: the backup is not overwritten, its name gets the token.
    const again = run(saveFileArgv({ path: file, content: bytes('v2\n'), expected: digestsOf(bytes('v1\n')), token: 'cd34', backups: 3 }), 'v2\n');
    assert.equal(again.status, 0, again.stderr);
    assert.deepEqual(backupsOf(file).map((path) => readFileSync(path, 'utf8')), ['old\n', 'v0\n', 'v1\n']);
    const none = run(saveFileArgv({ path: file, content: bytes('v3\n'), expected: digestsOf(bytes('v2\n')), token: 'ef56', backups: 0 }), 'v3\n');
    assert.equal(none.status, 0, none.stderr);
    assert.deepEqual(backupsOf(file), [], 'with 0 backups to keep, none is made and the old ones go');
    assert.equal(readFileSync(file, 'utf8'), 'v3\n');
  });

  it('states a file through a link with the size and time the host has now', () => {
    const dir = mkdtempSync(join(scratch, 'stat-'));
    const file = join(dir, 'vm.cfg');
    writeFileSync(file, 'memory = 128\n');
    symlinkSync(file, join(dir, 'link.cfg'));
    const result = run(statFileArgv(join(dir, 'link.cfg')));
    const stat = parseStat(result.stdout);
    assert.equal(stat?.size, 13);
    assert.ok(stat && Math.abs(stat.mtimeMs - Date.now()) < 60_000);
    assert.equal(run(statFileArgv(join(dir, 'missing.cfg'))).status, FILE_EXIT.notFound);
    assert.equal(run(statFileArgv(dir)).status, FILE_EXIT.notRegular);
  });

  it('creates a new file only where none exists, and refuses a directory', () => {
    const dir = mkdtempSync(join(scratch, 'new-'));
    const file = join(dir, 'new.cfg');
    assert.equal(run(saveFileArgv({ path: file, content: bytes('a\n'), expected: undefined, token: 'ab12', backups: 5 }), 'a\n').status, 0);
    assert.equal(readFileSync(file, 'utf8'), 'a\n');
    assert.equal(run(saveFileArgv({ path: file, content: bytes('b\n'), expected: undefined, token: 'ab12', backups: 5 }), 'b\n').status, FILE_EXIT.changed);
    mkdirSync(join(dir, 'd.cfg'));
    assert.match(run(saveFileArgv({ path: join(dir, 'd.cfg'), content: bytes('b\n'), expected: undefined, token: 'ab12', backups: 5 }), 'b\n').stderr, /d\.cfg is not a regular file: nothing was saved/);
  });

  it('reads bytes as they are, and says "not found" by its exit status, in any language', () => {
    const dir = mkdtempSync(join(scratch, 'read-'));
    writeFileSync(join(dir, 'l1.cfg'), Buffer.from('caf\xe9\n', 'latin1'));
    assert.deepEqual(run(readFileArgv(join(dir, 'l1.cfg'))), { status: 0, stdout: 'caf\xe9\n', stderr: '' });
    assert.equal(run(readFileArgv(join(dir, 'none.cfg'))).status, FILE_EXIT.notFound);
  });
});

describe('what the host says after an interrupted save', () => {
  const old = digestsOf(bytes('memory = 128\n'));
  const mine = bytes('memory = 256\n');
  it('compares checksums of bytes in the algorithm the host used', () => {
    assert.equal(parseProbe(`done\nsha256 ${digestsOf(mine).sha256}\n`, old, mine), 'new');
    assert.equal(parseProbe(`done\nmd5 ${old.md5}\n`, old, mine), 'old');
    assert.equal(parseProbe(`done\nsha256 ${'0'.repeat(64)}\n`, old, mine), 'other');
    assert.equal(parseProbe('done\nmissing\n', undefined, mine), 'old');
    assert.equal(parseProbe('done\nmissing\n', old, mine), 'other');
    assert.equal(parseProbe('running\nsha256 x\n', old, mine), 'running');
    assert.equal(parseProbe('', old, mine), 'unknown');
  });

  it('tells the user what the file on the host is now', () => {
    const host = testHost();
    const error = { kind: 'timeout' as const, message: 'root@an-node01: no answer within 60 s', hint: 'Raise the timeout.' };
    const says = (hostState: Extract<WriteResult, { ok: false }>['hostState']) => saveFailureMessage('/etc/xen/a.cfg', host, { ok: false, error, hostState });
    assert.equal(says('old'), 'Not saved: root@an-node01: no answer within 60 s. /etc/xen/a.cfg on root@an-node01 is unchanged. Raise the timeout.');
    assert.match(says('other'), /neither the version you opened nor yours: someone else changed it/);
    assert.match(says('running'), /is still running on root@an-node01; it will not install anything/);
    assert.match(says('unknown'), /it holds either the version you opened or yours \(only a verified copy is ever installed\)/);
    assert.match(saveFailureMessage('/etc/xen/a.cfg', host, { ok: false, error, hostState: 'old', changedOnHost: true }), /^Not saved: \/etc\/xen\/a\.cfg changed on root@an-node01 since it was opened/);
    assert.equal(saveSuccessMessage('/etc/xen/a.cfg', host, { ok: true, savedTo: '/etc/xen/a.cfg', algorithm: 'sha256' }), undefined);
    assert.equal(saveSuccessMessage('/etc/xen/a.cfg', host, { ok: true, savedTo: '/srv/a.cfg' }, true), undefined, 'the link is told about once');
  });
});

describe('the encoding the editor gets', () => {
  it('is one that gives the same bytes back', () => {
    assert.equal(losslessEncoding(bytes('memory = 128 # ü\n')), 'utf8');
    assert.equal(losslessEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61])), 'utf8bom');
    assert.equal(losslessEncoding(Buffer.from('# caf\xe9\n', 'latin1')), 'iso88591');
    // ISO 8859-1 maps every byte to one character and back.
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    assert.deepEqual(Buffer.from(Buffer.from(all).toString('latin1'), 'latin1'), Buffer.from(all));
  });
});
