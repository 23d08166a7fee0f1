/**
 * `cli.js check` on hostile file systems and inputs (issue 14): one bad entry
 * never ends a walk, a FIFO never blocks, a BOM is accepted, a folder name with
 * a newline is walked, SARIF URIs are percent-encoded, a throwing language
 * service is one line and exit 2, and the size limit.
 *
 * Exit status (README, "Command-line checker"): a path named on the command line
 * that is missing, not a regular file or folder, or unreadable, and a file the
 * checker failed on, is an `error:` line and exit 2; an entry inside a walked
 * folder that cannot be looked into (a folder it may not list, a config-named
 * link that leads nowhere) is a `warning:` line, skipped, and the exit status
 * is the other files' verdict.
 */
import assert from 'node:assert/strict';
import { spawnSync, SpawnSyncOptions } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/fixtures';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const CLEAN = 'name = "vm1"\nkernel = "/k"\nmemory = 512\n';
// An unclosed list (xl refuses the file), in a setting that takes one value (a warning: xl would ignore it).
const BROKEN = 'name = "vm2"\nkernel = [\n';
const CLUSTER = '<?xml version="1.0"?>\n<cluster name="c1" config_version="1">\n  <clusternodes>\n    <clusternode name="n1" nodeid="1"/>\n  </clusternodes>\n</cluster>\n';

function check(cwd: string, args: string[], options: SpawnSyncOptions = {}) {
  // A timeout, so that a regression that blocks (a FIFO) fails instead of hanging the suite.
  const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8', timeout: 20_000, ...options });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr), signal: result.signal };
}

/** A scratch folder any user may read (the EACCES test runs the CLI as nobody when the suite runs as root). */
function scratch(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'xcc-cli-'));
  chmodSync(root, 0o755);
  for (const [relative, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, relative)), { recursive: true });
    writeFileSync(join(root, relative), text);
  }
  return root;
}

const remove = (root: string) => {
  spawnSync('chmod', ['-R', 'u+rwx', root]);
  rmSync(root, { recursive: true, force: true });
};

describe('cli.js check: a bad entry in a walked folder is reported and skipped', () => {
  let root: string;
  before(() => {
    root = scratch({ 'etc/xen/a.cfg': CLEAN, 'etc/xen/b.cfg': BROKEN.replace('kernel = [\n', 'kernel = "/k"\n') });
    // A symlink loop with a config's name, a dangling one, and a loop through a folder link (not followed).
    symlinkSync('loop2.cfg', join(root, 'etc/xen/loop1.cfg'));
    symlinkSync('loop1.cfg', join(root, 'etc/xen/loop2.cfg'));
    symlinkSync('gone.cfg', join(root, 'etc/xen/dangling.cfg'));
    symlinkSync('.', join(root, 'etc/xen/self'));
    symlinkSync('loop2', join(root, 'etc/xen/README'));
  });
  after(() => remove(root));

  it('names each unresolvable config link on one warning line, checks the rest, and exits by their verdict', () => {
    const result = check(root, ['etc']);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(result.stderr.split('\n').filter(Boolean), [
      'warning: etc/xen/dangling.cfg: a symbolic link to nothing: skipped',
      'warning: etc/xen/loop1.cfg: cannot follow the symbolic link: too many symbolic links encountered (ELOOP): skipped',
      'warning: etc/xen/loop2.cfg: cannot follow the symbolic link: too many symbolic links encountered (ELOOP): skipped',
      'checked 2 files: 0 errors, 0 warnings, 0 notes, 0 hints',
    ]);
    assert.ok(!result.stderr.includes('    at '), 'no stack trace');
  });

  it('exits 2 for the same loop named on the command line, and still checks the other paths', () => {
    const result = check(root, ['etc/xen/loop1.cfg', 'etc/xen/a.cfg']);
    assert.equal(result.status, 2);
    assert.deepEqual(result.stderr.split('\n').filter(Boolean), [
      'error: etc/xen/loop1.cfg: cannot read: too many symbolic links encountered (ELOOP)',
      'checked 1 file: 0 errors, 0 warnings, 0 notes, 0 hints',
    ]);
  });
});

describe('cli.js check: a folder it may not list', () => {
  let root: string;
  // Root reads any folder, whatever its mode: run the CLI as nobody then (and as oneself otherwise).
  const asUser: SpawnSyncOptions = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  before(() => {
    root = scratch({ 'etc/xen/a.cfg': BROKEN, 'etc/xen/private/secret.cfg': CLEAN, 'etc/xen/sealed.cfg': CLEAN });
    chmodSync(join(root, 'etc/xen/private'), 0o000);
    chmodSync(join(root, 'etc/xen/sealed.cfg'), 0o000);
  });
  after(() => remove(root));

  it('warns once naming the folder and skips it; a config file it cannot read is an error (exit 2); the rest is checked', () => {
    const result = check(root, ['etc'], asUser);
    // sealed.cfg is a config file found by the walk that cannot be read: exit 2 with its line; see the next test without it.
    assert.ok(result.stderr.includes('warning: etc/xen/private: cannot list the folder: permission denied (EACCES): skipped\n'), result.stderr);
    assert.ok(result.stderr.includes('error: etc/xen/sealed.cfg: cannot read: permission denied (EACCES)\n'), result.stderr);
    assert.equal(result.status, 2);
    assert.match(result.stdout, /^etc\/xen\/a\.cfg:2:\d+: error: /m, 'the readable file is still checked and reported');
  });

  it('with only the unlistable folder in the way, the exit status is the other files’ verdict', () => {
    chmodSync(join(root, 'etc/xen/sealed.cfg'), 0o644);
    const result = check(root, ['etc'], asUser);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(result.stderr.split('\n').filter(Boolean), [
      'warning: etc/xen/private: cannot list the folder: permission denied (EACCES): skipped',
      'checked 2 files: 1 error, 1 warning, 0 notes, 0 hints',
    ]);
  });

  it('exits 2 when the unlistable folder is the one named on the command line', () => {
    const result = check(root, ['etc/xen/private', 'etc/xen/a.cfg'], asUser);
    assert.equal(result.status, 2);
    assert.ok(result.stderr.startsWith('error: etc/xen/private: cannot list the folder: permission denied (EACCES)\n'), result.stderr);
  });
});

describe('cli.js check: special files, BOMs, odd names', () => {
  let root: string;
  before(() => {
    root = scratch({ 'etc/xen/a.cfg': CLEAN });
  });
  after(() => remove(root));

  it('refuses a FIFO named on the command line at once (exit 2, one line) instead of waiting for a writer', () => {
    const fifo = join(root, 'etc/xen/pipe.cfg');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    try {
      const named = check(root, ['etc/xen/pipe.cfg']);
      assert.equal(named.signal, null, 'the CLI returned');
      assert.equal(named.status, 2);
      assert.equal(named.stderr, 'error: etc/xen/pipe.cfg: a FIFO, not a regular file: not checked\n');
      // Inside a walked folder it is no config file at all: passed over without a word.
      const walked = check(root, ['etc']);
      assert.equal(walked.signal, null);
      assert.equal(walked.status, 0);
      assert.equal(walked.stderr, 'checked 1 file: 0 errors, 0 warnings, 0 notes, 0 hints\n');
      // /dev/null is a character device.
      const device = check(root, ['--language', 'xl-config', '/dev/null']);
      assert.equal(device.status, 2);
      assert.equal(device.stderr, 'error: /dev/null: a character device, not a regular file: not checked\n');
    } finally {
      rmSync(fifo);
    }
  });

  it('accepts a UTF-8 byte order mark in every language, and reports the same columns as without it', () => {
    const files: Record<string, string> = {
      'etc/cluster/cluster.conf': CLUSTER.replace('nodeid="1"', 'nodeid="1" votes="x"'),
      'etc/xen/bom.cfg': 'name = "vm1"\nkernel = "/k"\nmemroy = 512\n',
      'etc/xend-config.sxp': '(xend-http-server no)\n(bogus 1)\n',
      'etc/iftab': 'eth0 mac 00:16:3e:00:00:01\neth1 bogus x\n',
      'etc/drbd.d/r0.res': 'resource r0 { bogus; }\n',
    };
    const plain = scratch(files);
    const bom = scratch(Object.fromEntries(Object.entries(files).map(([path, text]) => [path, `\uFEFF${text}`])));
    try {
      const without = check(plain, ['--format', 'json', 'etc']);
      const withBom = check(bom, ['--format', 'json', 'etc']);
      assert.equal(withBom.status, without.status);
      assert.deepEqual(JSON.parse(withBom.stdout), JSON.parse(without.stdout));
      assert.ok(!withBom.stdout.includes('declaration may only appear'), withBom.stdout);
      // The cluster.conf with a BOM and nothing wrong in its XML: no syntax error.
      writeFileSync(join(bom, 'etc/cluster/cluster.conf'), `\uFEFF${CLUSTER}`);
      const codes = JSON.parse(check(bom, ['--format', 'json', 'etc/cluster/cluster.conf']).stdout)[0].diagnostics.map((d: { code: string }) => d.code);
      assert.deepEqual(codes, ['cluster-conf/node-without-fencing']);
    } finally {
      remove(plain);
      remove(bom);
    }
  });

  it('walks into a folder whose name has a newline and checks what it holds', () => {
    const odd = scratch({ 'site\nA/etc/xen/vm.cfg': BROKEN });
    try {
      const result = check(odd, ['.']);
      assert.equal(result.status, 1);
      assert.equal(result.stderr, 'checked 1 file: 1 error, 1 warning, 0 notes, 0 hints\n');
      assert.ok(result.stdout.startsWith('site\nA/etc/xen/vm.cfg:2:'), JSON.stringify(result.stdout));
    } finally {
      remove(odd);
    }
  });

  it('names a config whose file name is not valid UTF-8 (it cannot be opened by a string path) instead of failing to read it', () => {
    const odd = scratch({ 'etc/xen/ok.cfg': CLEAN });
    try {
      // caf\xe9.cfg: a Latin-1 name.
      writeFileSync(Buffer.concat([Buffer.from(join(odd, 'etc/xen/caf')), Buffer.from([0xe9]), Buffer.from('.cfg')]), CLEAN);
      const result = check(odd, ['etc']);
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(result.stderr.split('\n').filter(Boolean), [
        'warning: etc/xen/caf\uFFFD.cfg: the file name is not valid UTF-8, so it cannot be checked: skipped',
        'checked 1 file: 0 errors, 0 warnings, 0 notes, 0 hints',
      ]);
    } finally {
      remove(odd);
    }
  });

  it('percent-encodes SARIF artifact URIs (space, #, %, non-ASCII) relative to %SRCROOT%, which resolve to the files', () => {
    const name = 'etc/xen/my vm#1 100% café.cfg';
    const odd = scratch({ [name]: BROKEN });
    try {
      const result = check(odd, ['--format', 'sarif', '.']);
      assert.equal(result.status, 1);
      const run = JSON.parse(result.stdout).runs[0];
      const { artifactLocation } = run.results[0].locations[0].physicalLocation;
      assert.deepEqual(artifactLocation, { uri: 'etc/xen/my%20vm%231%20100%25%20caf%C3%A9.cfg', uriBaseId: '%SRCROOT%' });
      const base = run.originalUriBaseIds['%SRCROOT%'].uri;
      assert.ok(base.endsWith('/'), base);
      assert.equal(fileURLToPath(new URL(artifactLocation.uri, base)), join(odd, name));
      // A file outside the working folder: an absolute file: URI, no base.
      mkdirSync(join(odd, 'elsewhere'));
      const outside = check(join(odd, 'elsewhere'), ['--format', 'sarif', join(odd, name)]);
      const absolute = JSON.parse(outside.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
      assert.equal(absolute.uriBaseId, undefined);
      assert.equal(fileURLToPath(absolute.uri), join(odd, name));
    } finally {
      remove(odd);
    }
  });
});

describe('cli.js check: a language service that throws', () => {
  let root: string;
  const hook = { env: { ...process.env, XCC_TEST_THROW_ON: 'XCC-TEST-BOOM' } };
  before(() => {
    root = scratch({ 'etc/xen/a.cfg': `# XCC-TEST-BOOM:parse\n${CLEAN}`, 'etc/xen/b.cfg': BROKEN, 'etc/xen/c.cfg': `# XCC-TEST-BOOM:validate\n${CLEAN.replace('vm1', 'vm3')}` });
  });
  after(() => remove(root));

  it('prints one line per file it failed on, no stack trace, still checks the others, and exits 2', () => {
    const result = check(root, ['etc'], hook);
    assert.equal(result.status, 2);
    assert.deepEqual(result.stderr.split('\n').filter(Boolean), [
      'error: etc/xen/a.cfg: xl-config parse threw Error: injected by XCC_TEST_THROW_ON in xl-config parse (an internal error: the file is not fully checked)',
      'error: etc/xen/c.cfg: xl-config validate threw Error: injected by XCC_TEST_THROW_ON in xl-config validate (an internal error: the file is not fully checked)',
      'checked 3 files (2 not fully): 1 error, 1 warning, 2 notes, 0 hints',
    ]);
    assert.match(result.stdout, /^etc\/xen\/b\.cfg:2:\d+: error: /m);
  });

  it('shows each file it failed on with one info at line 1, as the editor does, never as a clean file', () => {
    const result = check(root, ['--format', 'json', 'etc'], hook);
    assert.equal(result.status, 2);
    const shown = (JSON.parse(result.stdout) as { file: string; diagnostics: { line: number; col: number; severity: string; code: string; message: string }[] }[]).map((r) => ({
      file: r.file,
      failed: r.diagnostics.filter((d) => d.code === 'workspace/check-failed').map((d) => `${d.line}:${d.col} ${d.severity} ${d.message}`),
    }));
    const notice = (step: string) =>
      `1:1 info The checker failed on this file (xl-config ${step} threw Error: injected by XCC_TEST_THROW_ON in xl-config ${step}), so its problems may not all be shown. The failure is logged (the language server's output; the CLI's error line): please report it.`;
    assert.deepEqual(shown, [
      { file: 'etc/xen/a.cfg', failed: [notice('parse')] },
      { file: 'etc/xen/b.cfg', failed: [] },
      { file: 'etc/xen/c.cfg', failed: [notice('validate')] },
    ]);
  });

  it('on a real input that threw in a parser (a character reference past U+10FFFF) never prints a stack trace', () => {
    const real = scratch({ 'cluster.conf': '<?xml version="1.0"?>\n<cluster name="&#x110000;" config_version="1">\n</cluster>\n', 'etc/xen/b.cfg': BROKEN });
    try {
      const result = check(real, ['cluster.conf', 'etc/xen/b.cfg']);
      assert.ok(result.status === 1 || result.status === 2, `${result.status}`);
      assert.ok(!result.stderr.includes('    at '), result.stderr);
      assert.match(result.stdout, /etc\/xen\/b\.cfg:2:\d+: error: /);
    } finally {
      remove(real);
    }
  });
});

describe('cli.js check --max-file-size', () => {
  let root: string;
  before(() => {
    root = scratch({ 'etc/xen/big.cfg': `# ${'x'.repeat(200)}\nname = "vm1"\nkernel = [\nmemroy = 1\n` });
  });
  after(() => remove(root));

  it('gives a file past the limit its syntax errors only, after one info at line 1', () => {
    const result = check(root, ['--max-file-size', '100', 'etc']);
    assert.equal(result.status, 1);
    assert.deepEqual(result.stdout.split('\n').filter(Boolean), [
      'etc/xen/big.cfg:1:1: info: This file is 238 bytes, more than the limit of 100 bytes (setting xenConfig.diagnostics.maxFileSize, CLI --max-file-size): only syntax errors are reported, and it takes no part in cross-file checks. [workspace/file-too-large]',
      "etc/xen/big.cfg:4:1: error: the list opened at line 3 is not closed: add ']' [xl/syntax]",
    ]);
    assert.match(check(root, ['--max-file-size', '0', 'etc']).stdout, /xl\/unknown-key/, '0: no limit');
    assert.match(check(root, ['etc']).stdout, /xl\/unknown-key/, 'the default limit is far above');
  });

  it('refuses a value that is not a number of bytes', () => {
    const result = check(root, ['--max-file-size', '4MB', 'etc']);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^error: --max-file-size wants a number of bytes \(0 for no limit\), not '4MB'\n/);
  });
});
