/**
 * The explorer's promises about data and guests, against a REAL OpenSSH server
 * on 127.0.0.1 (started here, throwaway keys) whose `xl` is the STAND-IN
 * (helpers/xl-standin.sh): with a domains table it resolves a domain argument
 * as libxl does (all digits: a domid; else a name), and as xend does for xm.
 * Each test asserts what the user would see: the host file's bytes, the argv
 * that reached the toolstack, the domain it acted on, the message.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DomainAction } from '../../shared/src/dom0/actions';
import { HostSpec } from '../../shared/src/dom0/hosts';
import { digestsOf, losslessEncoding } from '../../shared/src/dom0/remoteFile';
import { Dom0Session, saveFailureMessage, saveSuccessMessage, SessionOptions, WriteResult } from '../../shared/src/dom0/session';
import { backupsOf, capture, HOSTILE_NAMES, onlyBackup } from '../helpers/dom0';
import { sshdMissing, startSshd, TestSshd } from './helpers/sshd';

const skip = sshdMissing();
let sshd: TestSshd;
let scratch: string;
const sessions: Dom0Session[] = [];

let shared: Dom0Session | undefined;

/** A session with `options`; without any, one shared session (one SSH handshake for all such tests). */
function session(options?: Partial<SessionOptions>): Dom0Session {
  if (!options && shared) return shared;
  const created = new Dom0Session({ configFile: sshd.clientConfig(), env: sshd.env, connectTimeoutSeconds: 5, commandTimeoutMs: 30000, parallelism: 2, trusted: () => true, ...options });
  sessions.push(created);
  if (!options) shared = created;
  return created;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const failed = (result: WriteResult) => {
  assert.equal(result.ok, false, 'the save was expected to fail');
  return result as Extract<WriteResult, { ok: false }>;
};
/** A fresh directory on the "host" (the same machine: sshd runs here). */
const hostDir = (name: string) => mkdtempSync(join(scratch, `${name}-`));
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.startsWith('.xen-dom0-'));

const LAB = {
  info: { stdout: capture('11-xl-info.stdout') },
  list: { stdout: capture('02-xl-list.stdout') },
  'list-long': { stdout: capture('03-xl-list-l.stdout') },
  uptime: { stdout: capture('14-xl-uptime.stdout') },
};
const HEADER = capture('02-xl-list.stdout').split('\n')[0];
const row = (name: string, id: number, flags = '-b----') => `${name.padEnd(40)}${String(id).padStart(6)}   128     1     ${flags}       1.0`;

describe('dom0 explorer safety over a real sshd', { skip }, () => {
  before(async () => {
    sshd = await startSshd();
    scratch = mkdtempSync(join(tmpdir(), 'xen-dom0-safety-'));
  });
  after(async () => {
    await Promise.all(sessions.map((s) => s.dispose()));
    await sshd?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  describe('saving through a symbolic link', () => {
    it('saves the file the link points to, keeps the link, the mode and the owner, and writes no backup through a link', async () => {
      const dir = hostDir('link');
      mkdirSync(join(dir, 'shared'));
      const target = join(dir, 'shared', 'vm1.cfg');
      writeFileSync(target, 'memory = 128\n', { mode: 0o640 });
      const owned = process.getuid?.() === 0;
      if (owned) chownSync(target, 65534, 65534); // nobody: a save as root must not make it root's
      const link = join(dir, 'vm1.cfg');
      symlinkSync('shared/vm1.cfg', link);
      // Links planted at every backup name of the next seconds, and one next to the link itself: none may be written through.
      const victim = join(dir, 'victim');
      writeFileSync(victim, 'precious\n');
      const planted = [0, 1, 2, 3, 4].map((ahead) => join(dir, 'shared', `vm1.cfg.bak.${backupStamp(new Date(Date.now() + ahead * 1000))}`));
      for (const path of planted) symlinkSync(victim, path);
      symlinkSync(victim, join(dir, 'vm1.cfg.bak.20240101-000000'));

      const s = session();
      const read = await s.readFile(sshd.host(), link);
      assert.ok(read.ok);
      assert.equal(Buffer.from(read.bytes).toString(), 'memory = 128\n');
      const saved = await s.writeFile(sshd.host(), link, bytes('memory = 256\n'), read.digests);
      assert.ok(saved.ok);
      assert.deepEqual(saved, { ok: true, algorithm: 'sha256', savedTo: target });
      assert.equal(
        saveSuccessMessage(link, sshd.host(), saved),
        `${link} on ${sshd.host().label} is a symbolic link: the file it points to, ${target}, was saved, and the link kept.`,
      );

      assert.ok(lstatSync(link).isSymbolicLink(), 'the link is still a link');
      assert.equal(readFileSync(target, 'utf8'), 'memory = 256\n');
      assert.equal(statSync(target).mode & 0o7777, 0o640, 'the target keeps its mode (not the link\'s 0777)');
      if (owned) assert.deepEqual([statSync(target).uid, statSync(target).gid], [65534, 65534]);
      assert.equal(readFileSync(victim, 'utf8'), 'precious\n', 'nothing was written through a link at a backup name');
      const backups = backupsOf(target).filter((path) => !lstatSync(path).isSymbolicLink());
      assert.deepEqual(backups.map((path) => readFileSync(path, 'utf8')), ['memory = 128\n'], 'the backup is a new file beside the planted link, named with the save\'s token');
      assert.ok(lstatSync(join(dir, 'vm1.cfg.bak.20240101-000000')).isSymbolicLink(), 'nothing was done next to the link');
      assert.deepEqual([...leftovers(dir), ...leftovers(join(dir, 'shared'))], []);
    });

    it('refuses a link to a file that does not exist, with a clear message, and creates nothing', async () => {
      const dir = hostDir('dangling');
      const link = join(dir, 'vm2.cfg');
      symlinkSync(join(dir, 'gone.cfg'), link);
      const s = session();
      const read = await s.readFile(sshd.host(), link);
      assert.equal(read.ok, false);
      assert.match(!read.ok ? read.error.message : '', /is a symbolic link to a file that does not exist/);
      const result = failed(await s.writeFile(sshd.host(), link, bytes('memory = 1\n'), undefined));
      assert.equal(result.hostState, 'old');
      assert.match(saveFailureMessage(link, sshd.host(), result), new RegExp(`^Not saved: .*: saving ${link} failed with exit status 19: xen-dom0-save: ${link} is a symbolic link to ${join(dir, 'gone.cfg')}, which does not exist: nothing was saved\\. ${link} on .* is unchanged\\.`));
      assert.deepEqual(readdirSync(dir), ['vm2.cfg']);
    });

    it('refuses to read or save what is not a regular file (a FIFO would block cat forever)', async () => {
      const dir = hostDir('fifo');
      const fifo = join(dir, 'fifo.cfg');
      execFileSync('mkfifo', [fifo]);
      const s = session();
      const read = await s.readFile(sshd.host(), fifo);
      assert.match(!read.ok ? read.error.message : '', /is not a regular file/);
      const result = failed(await s.writeFile(sshd.host(), fifo, bytes('x\n'), undefined));
      assert.match(result.error.message, /is not a regular file: nothing was saved/);
    });
  });

  describe('an interrupted save never installs a truncated file, and says what the host has', () => {
    /** An ssh that records its pid, so that the test can kill it like a crash would. */
    const killableSsh = (dir: string) => {
      const path = join(dir, 'ssh-wrapper');
      writeFileSync(path, `#!/bin/sh\necho $$ > '${dir}/ssh.pid'\nexec ssh "$@"\n`, { mode: 0o755 });
      return path;
    };
    /** Resolves once a save's temporary file in `dir` holds more than `size` bytes. */
    const uploading = (dir: string, size: number) =>
      new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          const tmp = readdirSync(dir).find((f) => f.startsWith('.xen-dom0-save.'));
          if (tmp && (statSync(join(dir, tmp), { throwIfNoEntry: false })?.size ?? 0) > size) {
            clearInterval(timer);
            resolve();
          }
        }, 5);
      });

    it('ssh killed in the middle of a 128 MB upload: the host file is unchanged, nothing is left behind, and the user is told', async () => {
      const dir = hostDir('killed');
      const path = join(dir, 'big.cfg');
      writeFileSync(path, 'memory = 128\n');
      const s = session({ sshPath: killableSsh(dir), commandTimeoutMs: 120000 });
      const content = new Uint8Array(128 * 1024 * 1024).fill(0x78);
      const pending = s.writeFile(sshd.host(), path, content, digestsOf(bytes('memory = 128\n')));
      await uploading(dir, 4 * 1024 * 1024);
      process.kill(Number(readFileSync(join(dir, 'ssh.pid'), 'utf8')), 'SIGKILL');
      const result = failed(await pending);
      assert.equal(result.hostState, 'old');
      assert.equal(
        saveFailureMessage(path, sshd.host(), result),
        `Not saved: ${sshd.host().label}: the connection ended before the command finished (ssh was killed). ${path} on ${sshd.host().label} is unchanged. Try again; if it keeps happening, see the Output channel "Xen dom0".`,
      );
      assert.equal(readFileSync(path, 'utf8'), 'memory = 128\n', 'the host file is byte for byte the old one');
      assert.deepEqual(readdirSync(dir).filter((f) => f !== 'ssh-wrapper' && f !== 'ssh.pid'), ['big.cfg'], 'no temporary file, no backup: nothing was installed');
    });

    it('a cancel during the upload: unchanged, and said so', async () => {
      const dir = hostDir('cancel-upload');
      const path = join(dir, 'big.cfg');
      writeFileSync(path, 'memory = 128\n');
      const controller = new AbortController();
      const pending = session({ commandTimeoutMs: 120000 }).writeFile(sshd.host(), path, new Uint8Array(64 * 1024 * 1024).fill(0x79), digestsOf(bytes('memory = 128\n')), controller.signal);
      await uploading(dir, 1024 * 1024);
      controller.abort();
      const result = failed(await pending);
      assert.equal(saveFailureMessage(path, sshd.host(), result), `Not saved: ${sshd.host().label}: cancelled. ${path} on ${sshd.host().label} is unchanged.`);
      assert.equal(readFileSync(path, 'utf8'), 'memory = 128\n');
      assert.deepEqual(leftovers(dir), []);
    });

    it('a cancel after the upload, while the host is still installing: the install is stopped and the user told the file is unchanged', async () => {
      const dir = hostDir('cancel-late');
      const path = join(dir, 'vm.cfg');
      writeFileSync(path, 'memory = 128\n');
      // Hold the save script after the upload was verified (it sets the owner next).
      sshd.shim('chown', `touch '${dir}/holding'; sleep 2; exec /bin/chown "$@"`);
      try {
        const controller = new AbortController();
        const pending = session().writeFile(sshd.host(), path, bytes('memory = 256\n'), digestsOf(bytes('memory = 128\n')), controller.signal);
        while (!existsSync(join(dir, 'holding'))) await new Promise((resolve) => setTimeout(resolve, 10));
        controller.abort();
        const result = failed(await pending);
        assert.equal(result.hostState, 'old');
        assert.equal(saveFailureMessage(path, sshd.host(), result), `Not saved: ${sshd.host().label}: cancelled. ${path} on ${sshd.host().label} is unchanged.`);
        assert.equal(readFileSync(path, 'utf8'), 'memory = 128\n', 'the cancel stopped the install that was under way');
        assert.deepEqual(leftovers(dir), []);
      } finally {
        sshd.shim('chown', undefined);
      }
    });

    it('a cancel that comes after the new version was installed does not claim nothing happened', async () => {
      const dir = hostDir('cancel-too-late');
      const path = join(dir, 'vm.cfg');
      writeFileSync(path, 'memory = 128\n');
      // Hold the save script right after the rename, before it answers.
      sshd.shim('mv', `/bin/mv "$@" || exit; case "$*" in *.bak.*) ;; *) sleep 2 ;; esac`);
      try {
        const controller = new AbortController();
        const pending = session().writeFile(sshd.host(), path, bytes('memory = 256\n'), digestsOf(bytes('memory = 128\n')), controller.signal);
        while (readFileSync(path, 'utf8') !== 'memory = 256\n') await new Promise((resolve) => setTimeout(resolve, 10));
        controller.abort();
        const result = await pending;
        assert.ok(result.ok);
        assert.deepEqual(result, { ok: true, savedTo: path, note: 'Saved: the cancel came after the new version was installed.' });
        assert.equal(saveSuccessMessage(path, sshd.host(), result), 'Saved: the cancel came after the new version was installed.');
        assert.equal(readFileSync(onlyBackup(path), 'utf8'), 'memory = 128\n');
      } finally {
        sshd.shim('mv', undefined);
      }
    });
  });

  describe('a file that is not UTF-8', () => {
    it('keeps a Latin-1 comment byte for byte through read, an edit elsewhere, and save', async () => {
      const dir = hostDir('latin1');
      const path = join(dir, 'vm.cfg');
      const original = Buffer.from('# Serveur du caf\xe9, r\xe9seau \xab lab \xbb\nmemory = 128\n', 'latin1');
      writeFileSync(path, original);
      const s = session();
      const read = await s.readFile(sshd.host(), path);
      assert.ok(read.ok);
      assert.deepEqual(Buffer.from(read.bytes), original, 'the provider hands VS Code the bytes as they are');
      assert.equal(losslessEncoding(read.bytes), 'iso88591');
      // What the editor does with that encoding: decode, edit another line, encode.
      const text = Buffer.from(read.bytes).toString('latin1').replace('memory = 128', 'memory = 256');
      const edited = Buffer.from(text, 'latin1');
      const saved = await s.writeFile(sshd.host(), path, edited, read.digests);
      assert.equal(saved.ok, true, saved.ok ? '' : saved.error.message);
      assert.deepEqual(readFileSync(path), Buffer.from('# Serveur du caf\xe9, r\xe9seau \xab lab \xbb\nmemory = 256\n', 'latin1'));
      // The old way, for the record: decoded as UTF-8, each Latin-1 byte became U+FFFD, three bytes on save.
      assert.notDeepEqual(Buffer.from(new TextEncoder().encode(new TextDecoder().decode(original))), original);
    });
  });

  describe('an all-digit domain name', () => {
    // The lab dom0, with domu1 renamed "2": the domain NAMED 2 has id 1; domu2 has id 2.
    const DOMAINS = [[0, 'Domain-0'], [1, '2'], [2, 'domu2']] as const;
    const digitsScenario = () => {
      const long = JSON.parse(capture('03-xl-list-l.stdout'));
      long[1].config.c_info.name = '2';
      sshd.useScenario('digits', { ...LAB, list: { stdout: [HEADER, row('Domain-0', 0, 'r-----'), row('2', 1), row('domu2', 2)].join('\n') + '\n' }, 'list-long': { stdout: JSON.stringify(long, null, 4) } }, DOMAINS);
    };
    const target: HostSpec = { spec: 'root@an-node02', label: 'an-node02', user: 'root', hostname: 'an-node02', toolstack: 'auto' };

    it('the stand-in models libxl: `xl destroy 2` destroys domain id 2, not the domain named 2 (the bug)', async () => {
      digitsScenario();
      sshd.resetCalls();
      await session().transport.run(sshd.host(), ['xl', 'destroy', '2'], { timeoutMs: 15000 });
      assert.deepEqual(sshd.acted(), ['xl destroy 2 domu2']);
    });

    for (const action of ['pause', 'unpause', 'shutdown', 'reboot', 'destroy', 'migrate'] as const) {
      it(`${action} of the domain named "2" acts on id 1, checked in the same command`, async () => {
        digitsScenario();
        const s = session();
        const model = await s.refreshHost(sshd.host());
        const two = model.domains.find((d) => d.name === '2');
        assert.deepEqual([two?.id, model.warnings], [1, []]);
        sshd.resetCalls();
        const result = await s.runAction(sshd.host(), 'xl', action as Exclude<DomainAction, 'console'>, two!, { target });
        assert.equal(result.ok, true, result.ok ? '' : result.error.message);
        const rest = action === 'migrate' ? ['root@an-node02'] : [];
        assert.deepEqual(sshd.standinCalls(), [['xl', 'domname', '1'], ['xl', action, '1', ...rest]]);
        assert.deepEqual(sshd.acted(), [`xl ${action} 1 2`], 'domain id 2 (domu2) was never touched');
        assert.equal(result.ok && result.command, `xl ${action} 1${rest.map((r) => ` ${r}`).join('')} (only if id 1 is still named 2)`);
      });
    }

    it('console of the domain named "2" opens id 1, checked in the same command', async () => {
      digitsScenario();
      sshd.resetCalls();
      const command = session().consoleCommand(sshd.host(), 'xl', { name: '2', id: 1 });
      assert.ok(command.ok);
      execFileSync(command.program, command.args, { env: sshd.env, stdio: ['ignore', 'ignore', 'ignore'] });
      assert.deepEqual(sshd.standinCalls(), [['xl', 'domname', '1'], ['xl', 'console', '1']]);
      assert.deepEqual(sshd.acted(), ['xl console 1 2']);
    });

    it('does nothing when the id no longer has that name, and says so', async () => {
      sshd.useScenario('digits-changed', LAB, [[0, 'Domain-0'], [1, 'other'], [2, 'domu2']]);
      sshd.resetCalls();
      const result = await session().runAction(sshd.host(), 'xl', 'destroy', { name: '2', id: 1 });
      assert.deepEqual(result.ok ? undefined : [result.error.kind, result.error.message], ['domain-changed', `${sshd.host().label}: nothing done: domain id 1 is other now, not 2`]);
      assert.deepEqual(sshd.acted(), []);
      sshd.useScenario('digits-gone', LAB, [[0, 'Domain-0'], [2, 'domu2']]);
      const gone = await session().runAction(sshd.host(), 'xl', 'pause', { name: '2', id: 1 });
      assert.equal(gone.ok ? '' : gone.error.message, `${sshd.host().label}: nothing done: domain id 1 is gone now, not 2`);
    });

    it('refuses, without running anything, an all-digit name whose id is unknown', async () => {
      sshd.resetCalls();
      const result = await session().runAction(sshd.host(), 'xl', 'destroy', { name: '2' });
      assert.match(result.ok ? '' : result.error.message, /not run: the domain named "2" has no known id, and xl would read the name 2 as a domain id/);
      assert.deepEqual(sshd.standinCalls(), []);
    });

    it('xm: acts by name (xend looks names up first), checking that the name still has the id', async () => {
      sshd.standinPrograms(['xl', 'xm']);
      try {
        sshd.useScenario('digits-xm', LAB, [[0, 'Domain-0'], [1, '2'], [2, 'domu2']]);
        sshd.resetCalls();
        const result = await session().runAction(sshd.host(), 'xm', 'destroy', { name: '2', id: 1 });
        assert.equal(result.ok, true, result.ok ? '' : result.error.message);
        assert.deepEqual(sshd.standinCalls(), [['xm', 'domid', '2'], ['xm', 'destroy', '2']]);
        assert.deepEqual(sshd.acted(), ['xm destroy 1 2']);
      } finally {
        sshd.standinPrograms(['xl']);
      }
    });

    it('passes hostile names through the guard unchanged', async () => {
      const names = HOSTILE_NAMES.filter((name) => name !== '' && !name.includes('\n'));
      sshd.useScenario('hostile', LAB, names.map((name, i) => [i + 1, name] as const));
      sshd.resetCalls();
      const s = session();
      const results = await Promise.all(names.map((name, i) => s.runAction(sshd.host(), 'xl', 'pause', { name, id: i + 1 })));
      for (const [i, result] of results.entries()) assert.equal(result.ok, true, `${JSON.stringify(names[i])}: ${result.ok ? '' : result.error.message}`);
      assert.deepEqual(sshd.acted().sort(), names.map((name, i) => `xl pause ${i + 1} ${name}`).sort());
    });
  });

  describe('odd domains and runaway output', () => {
    it('a domain named "my vm" and a cut-off xl list -l: every domain is listed, the cut one with a note', async () => {
      const long = JSON.parse(capture('03-xl-list-l.stdout'));
      long[1].config.c_info.name = 'my vm';
      const text = JSON.stringify(long, null, 4);
      sshd.useScenario('odd', { ...LAB, list: { stdout: [HEADER, row('Domain-0', 0, 'r-----'), row('my vm', 1), row('domu2', 2)].join('\n') + '\n' }, 'list-long': { stdout: text.slice(0, text.lastIndexOf('"domid": 2') + 30) } });
      const model = await session().refreshHost(sshd.host());
      assert.equal(model.error, undefined);
      assert.deepEqual(model.domains.map((d) => [d.name, d.id, d.note]), [
        ['Domain-0', 0, undefined],
        ['my vm', 1, undefined],
        ['domu2', 2, 'no details: the long domain list ends in the middle of entry 3 (output cut off)'],
      ]);
      assert.equal(model.domains[1].disks.length, 1);
    });

    it('a toolstack that never stops printing: the host reports it within seconds instead of "refreshing" forever', async () => {
      sshd.useScenario('flood', { ...LAB, list: { flood: true } });
      const started = Date.now();
      const model = await session({ maxOutputBytes: 1024 * 1024 }).refreshHost(sshd.host());
      assert.deepEqual([model.error?.kind, model.error?.message], ['too-much-output', `${sshd.host().label}: stopped reading after 1 MiB of output`]);
      assert.ok(Date.now() - started < 10000);
    });

    it('a NUL in a domain name is refused with a message; nothing rejects, nothing runs', async () => {
      sshd.resetCalls();
      const s = session();
      const result = await s.runAction(sshd.host(), 'xl', 'destroy', { name: 'a\0b', id: 5 });
      assert.equal(result.ok ? '' : result.error.message, `${sshd.host().label}: not run: argument 8 of the remote command contains a NUL byte, which no command line can carry`);
      const console = s.consoleCommand(sshd.host(), 'xl', { name: 'a\0b', id: 5 });
      assert.equal(console.ok ? '' : console.error.message, `${sshd.host().label}: not run: the domain name contains a NUL byte`);
      assert.deepEqual(sshd.standinCalls(), []);
    });
  });
});

/** The name part the save script's backup gets in this second: `date +%Y%m%d-%H%M%S`, local time. */
function backupStamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
}
