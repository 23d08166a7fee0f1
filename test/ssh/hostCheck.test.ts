/**
 * `cli.js check --host` and `cli.js effective --host` against a real sshd on
 * 127.0.0.1, with STAND-INS (sh scripts named as such, first on the remote
 * PATH) for xl and drbdadm: they print what the real tools print
 * (test/fixtures/host-check) and record the path and working directory they
 * were given, so the tests can check where the copy was and that it is gone.
 * The hostile cases: a file name with shell syntax, a raw name sent past our
 * sanitising, and a tool whose output is shell syntax, escapes and fake markers.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { SshTransport } from '../../shared/src/dom0/transport';
import { parseHostScriptOutput } from '../../shared/src/hostCheck/output';
import { hostCheckArgv } from '../../shared/src/hostCheck/script';
import { readFixture, REPO_ROOT } from '../helpers/fixtures';
import { sshdMissing, startSshd, TestSshd } from './helpers/sshd';

const run = promisify(execFile);
let sshd: TestSshd;
let work: string;
/** Where the stand-ins write what they saw (inside the test's own folder). */
let seen: string;

async function cli(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), ...args], { env: sshd.env, cwd: work });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

const withHost = (verb: string, ...args: string[]) => cli(verb, '--ssh-config', sshd.clientConfig(), '--host', sshd.host().spec, ...args);

/** The record line of a stand-in: `PATH<TAB>CWD`; the copy's folder is the mktemp -d directory. */
function lastSeen(): { file: string; cwd: string; dir: string } {
  const [file, cwd] = readFileSync(seen, 'utf8').trim().split('\n').pop()!.split('\t');
  return { file, cwd, dir: file.replace(/\/file\/[^/]*$/, '') };
}

/** A stand-in printing the reply fixture's stderr (real xl / drbdadm words) for the path it was given. */
function replayStandin(tool: string, fixture: string, pathArg: number, exitCode: number): string {
  const reply = readFixture('host-check', `${fixture}.reply`);
  const remote = /file (\S+)@@/.exec(reply)![1];
  const stderr = reply.split(/@@xcc-host-check-0123abcd stderr@@\n/)[1].split('\n@@xcc-host-check-0123abcd end@@')[0];
  const stderrFile = join(work, `${tool}.stderr`);
  writeFileSync(stderrFile, stderr.split(remote).join('@FILE@'));
  return [
    `# STAND-IN for ${tool}, not the real tool: replays test/fixtures/host-check/${fixture}.reply`,
    `f=\${${pathArg}}`,
    `printf '%s\\t%s\\n' "$f" "$PWD" >> '${seen}'`,
    `printf '%s\\n' "$*" > '${seen}.argv'`,
    `sed "s|@FILE@|$f|g" '${stderrFile}' >&2`,
    `exit ${exitCode}`,
  ].join('\n');
}

describe('host checks over a real sshd with stand-in tools', { skip: sshdMissing() }, () => {
  before(async () => {
    sshd = await startSshd();
    work = mkdtempSync(join(tmpdir(), 'xcc-host-check-test-'));
    seen = join(work, 'seen.log');
  });
  after(async () => {
    await sshd?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });
  beforeEach(() => writeFileSync(seen, ''));

  it("merges xl's refusal of w! into the diagnostics on the disk's line, exit 1, and removes the copy", async () => {
    sshd.shim('xl', replayStandin('xl', 'xl-force-write', 3, 1));
    writeFileSync(join(work, 'w.cfg'), readFixture('host-check', 'xl-force-write.input'));
    const { stdout, stderr, code } = await withHost('check', '--language', 'xl-config', 'w.cfg');
    assert.equal(code, 1, stderr);
    assert.match(stdout, /^w\.cfg:5:\d+: error: config parsing error in disk specification: unknown value for access: near `w!' in `phy:\/dev\/vg0\/vm1,xvda,w!' \[xl@/m);
    const { file, cwd, dir } = lastSeen();
    assert.match(file, /^\/tmp\/xcc-host-check\.[A-Za-z0-9]+\/file\/w\.cfg$/);
    assert.equal(cwd, `${dir}/file`);
    assert.equal(existsSync(dir), false, 'the temporary directory is removed');
  });

  it('a good config passes: our findings only, exit 0; JSON output names the source', async () => {
    sshd.shim('xl', `# STAND-IN for xl, not the real tool\nprintf '%s\\t%s\\n' "$3" "$PWD" >> '${seen}'\necho "Parsing config from $3" >&2\nexit 0`);
    writeFileSync(join(work, 'good.cfg'), readFixture('host-check', 'xl-good.input'));
    const { stdout, code } = await withHost('check', '--format', 'json', '--language', 'xl-config', 'good.cfg');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout)[0].diagnostics.filter((d: { source?: string }) => d.source), []);
    assert.equal(existsSync(lastSeen().dir), false);
  });

  it("drbdadm's refusal of a repeated device, with -d, -c FILE, dump all, on drbdadm's lines", async () => {
    sshd.shim('drbdadm', replayStandin('drbdadm', 'drbdadm-repeated-device', 3, 10));
    writeFileSync(join(work, 'r0.res'), readFixture('host-check', 'drbdadm-repeated-device.input'));
    const { stdout, code } = await withHost('check', 'r0.res');
    assert.equal(code, 1);
    assert.match(stdout, /^r0\.res:3:\d+: error: conflicting use of device statement 'r0:device' \.\.\. \[drbdadm@/m);
    assert.match(stdout, /^r0\.res:2:\d+: info: device statement 'r0:device' first used here\. \[drbdadm@/m);
    const { file } = lastSeen();
    assert.equal(readFileSync(`${seen}.argv`, 'utf8').trim(), `-d -c ${file} dump all`);
    assert.equal(existsSync(lastSeen().dir), false);
  });

  it('a DRBD file with include is not sent (drbdadm would read /etc): an info on the include', async () => {
    writeFileSync(join(work, 'drbd.conf'), 'include "drbd.d/*.res";\n');
    const { stdout, code } = await withHost('check', 'drbd.conf');
    assert.equal(code, 0);
    assert.match(stdout, /^drbd\.conf:1:1: info: not checked on .*: line 1 includes other files, which drbdadm would read from the host's \/etc/m);
    assert.equal(readFileSync(seen, 'utf8'), '');
  });

  it('a tool missing on the host is an info, not an error', { skip: existsSync('/usr/share/cluster/cluster.rng') ? 'this machine (the sshd host) has /usr/share/cluster/cluster.rng' : undefined }, async () => {
    writeFileSync(join(work, 'cluster.conf'), '<?xml version="1.0"?>\n<cluster name="c" config_version="1"><clusternodes/></cluster>\n');
    const { stdout, code } = await withHost('check', 'cluster.conf');
    assert.match(stdout, /^cluster\.conf:1:1: info: not checked on .*: `ccs_config_validate` \(or `xmllint` and \/usr\/share\/cluster\/cluster\.rng\) is not installed there \[host@/m);
    assert.notEqual(code, 2);
  });

  it('a hostile file name reaches the host as a harmless name, and nothing is created outside the directory', async () => {
    sshd.shim('xl', `# STAND-IN for xl, not the real tool\nprintf '%s\\t%s\\n' "$3" "$PWD" >> '${seen}'\nexit 0`);
    const hostile = "x$(touch PWNED-1)`touch PWNED-2`;touch PWNED-3 'q\n.cfg";
    writeFileSync(join(work, hostile), 'name = "a"\nmemory = 128\nkernel = "/boot/vmlinuz"\n');
    const { code, stderr } = await withHost('check', '--language', 'xl-config', hostile);
    assert.equal(code, 0, stderr);
    const { file, dir } = lastSeen();
    assert.match(file, /\/file\/x__touch_PWNED-1__touch_PWNED-2__touch_PWNED-3__q_\.cfg$/);
    assert.equal(existsSync(dir), false);
    for (const place of [work, homedir(), '/tmp']) assert.deepEqual(readdirSync(place).filter((n) => n.startsWith('PWNED')), [], place);
  });

  it('the script itself refuses a raw hostile name (sent past our sanitising) and keeps the copy in its directory', async () => {
    sshd.shim('xl', `# STAND-IN for xl, not the real tool\nprintf '%s\\t%s\\n' "$3" "$PWD" >> '${seen}'\nexit 0`);
    const transport = new SshTransport({ configFile: sshd.clientConfig(), connectTimeoutSeconds: 10, env: sshd.env });
    try {
      for (const name of ['../../../tmp/PWNED-4', '..', "$(touch PWNED-5)", '-rf', 'a\nb']) {
        const nonce = randomBytes(8).toString('hex');
        const result = await transport.run(sshd.host(), hostCheckArgv('domain', name, nonce), { timeoutMs: 30_000, input: 'name = "a"\n' });
        const output = parseHostScriptOutput(result.stdout, nonce);
        assert.ok(output && output.kind === 'ran', result.stdout + result.stderr);
        assert.match(lastSeen().file, /^\/tmp\/xcc-host-check\.[A-Za-z0-9]+\/file\/(config|-rf)$/, name);
        assert.equal(existsSync(lastSeen().dir), false);
      }
    } finally {
      await transport.dispose();
    }
    for (const place of [work, homedir(), '/tmp']) assert.deepEqual(readdirSync(place).filter((n) => n.startsWith('PWNED')), [], place);
  });

  it('hostile tool output is data: shell syntax, escapes and fake markers change nothing and are shown as text', async () => {
    const evil = join(work, 'evil-output');
    writeFileSync(evil, `$(touch PWNED-6) \`touch PWNED-7\` \x1b]0;title\x07\n@@xcc-host-check-0000 end@@\n@@xcc-host-check- tool xl 0@@\n`);
    sshd.shim('xl', `# STAND-IN for xl, not the real tool: prints hostile output\nprintf '%s\\t%s\\n' "$3" "$PWD" >> '${seen}'\ncat '${evil}'\ncat '${evil}' >&2\nexit 1`);
    writeFileSync(join(work, 'e.cfg'), 'name = "a"\n');
    const { stdout, code } = await withHost('check', '--format', 'json', '--language', 'xl-config', 'e.cfg');
    assert.equal(code, 1);
    const messages = JSON.parse(stdout)[0].diagnostics.filter((d: { source?: string }) => d.source?.startsWith('xl@')).map((d: { message: string }) => d.message);
    assert.deepEqual(messages, ['$(touch PWNED-6) `touch PWNED-7` \\x1b]0;title\\x07', '@@xcc-host-check-0000 end@@', '@@xcc-host-check- tool xl 0@@']);
    assert.equal(existsSync(lastSeen().dir), false);
    for (const place of [work, homedir(), '/tmp']) assert.deepEqual(readdirSync(place).filter((n) => n.startsWith('PWNED')), [], place);
  });

  it('effective prints the JSON xl printed and notes where our reading disagrees', async () => {
    const json = readFixture('host-check', 'xl-good.reply').split('@@xcc-host-check-0123abcd stdout@@\n')[1].split('\n@@xcc-host-check-0123abcd stderr@@')[0];
    const stdoutFile = join(work, 'effective.json');
    // The host's xl says 512 MiB (as if xl.conf or a newer xl changed a default): the disagreement is noted.
    writeFileSync(stdoutFile, json.replace('"target_memkb": 262144', '"target_memkb": 524288'));
    sshd.shim('xl', `# STAND-IN for xl, not the real tool\nprintf '%s\\t%s\\n' "$3" "$PWD" >> '${seen}'\necho "Parsing config from $3" >&2\ncat '${stdoutFile}'`);
    writeFileSync(join(work, 'good.cfg'), readFixture('host-check', 'xl-good.input'));
    const { stdout, stderr, code } = await withHost('effective', 'good.cfg');
    assert.equal(code, 0, stderr);
    assert.equal(JSON.parse(stdout).b_info.target_memkb, 524288);
    assert.equal(stderr, `note: memory: our reading of the file has 256 MiB, xl on ${sshd.host().label} has 512 MiB\n`);
    assert.equal(existsSync(lastSeen().dir), false);
  });

  it('effective of a config xl refuses: its words and exit 1; bad usage exit 2', async () => {
    sshd.shim('xl', replayStandin('xl', 'xl-force-write', 3, 1));
    writeFileSync(join(work, 'w.cfg'), readFixture('host-check', 'xl-force-write.input'));
    const { stdout, stderr, code } = await withHost('effective', 'w.cfg');
    assert.deepEqual([code, stdout], [1, '']);
    assert.match(stderr, /^w\.cfg:5: error: config parsing error in disk specification: unknown value for access/);
    assert.equal((await cli('effective', 'w.cfg')).code, 2);
    assert.equal((await cli('check', '--host', '-oProxyCommand=x', 'w.cfg')).code, 2);
  });

  it('an unreachable host is an error line and exit 2, the file still gets our own findings', async () => {
    writeFileSync(join(work, 'u.cfg'), 'name = "a"\nmemroy = 1\n');
    const { stdout, stderr, code } = await cli('check', '--ssh-config', sshd.clientConfig(), '--host', '127.0.0.1:1', '--language', 'xl-config', 'u.cfg');
    assert.equal(code, 2);
    assert.match(stderr, /^error: u\.cfg: not checked on the host: 127\.0\.0\.1:1: unreachable/m);
    assert.match(stdout, /xl\/unknown-key/);
  });
});

