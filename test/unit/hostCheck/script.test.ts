/**
 * The host check script, run by the local sh (as sshd would hand it to the remote shell) with
 * STAND-IN tools on PATH (named as such): where the copy goes, what runs, that the directory is
 * gone afterwards, also when the tool fails; the names the copy may get.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { shellCommandLine } from '../../../shared/src/dom0/shellQuote';
import { parseHostScriptOutput } from '../../../shared/src/hostCheck/output';
import { drbdIncludeLine, hostCheckArgv, hostCheckKind, remoteFileName } from '../../../shared/src/hostCheck/script';

const root = mkdtempSync(join(tmpdir(), 'xcc-script-test-'));
const bin = join(root, 'bin');
const temp = join(root, 'tmp');
mkdirSync(bin);
mkdirSync(temp);
after(() => rmSync(root, { recursive: true, force: true }));

/** A STAND-IN for `program`: records argv, cwd and the copy's content, then runs `body`. */
function standin(program: string, body: string): void {
  writeFileSync(join(bin, program), `#!/bin/sh\n# STAND-IN for ${program}, not the real tool\nprintf '%s\\n' "$PWD" "$@" > '${root}/${program}.argv'\nfor a; do case $a in /*/file/*) cat "$a" > '${root}/${program}.copy';; esac; done\n${body}\n`, { mode: 0o755 });
}

/** Runs the script as the remote shell would: `sh -c 'the quoted command line'`, PATH without the real tools. */
function runScript(kind: Parameters<typeof hostCheckArgv>[0], name: string, input: string) {
  const nonce = 'c0ffee';
  const result = spawnSync('sh', ['-c', shellCommandLine(hostCheckArgv(kind, name, nonce))], { input, env: { PATH: `${bin}:/usr/bin:/bin`, TMPDIR: temp } });
  return { output: parseHostScriptOutput(result.stdout.toString(), nonce), status: result.status };
}

describe('HOST_CHECK_SCRIPT', () => {
  it('copies stdin into a mktemp -d directory, runs xl -N create there, removes it', () => {
    standin('xl', 'echo "Parsing config from $3" >&2; echo "{}"');
    const { output, status } = runScript('domain', 'vm.cfg', 'name = "vm"\n');
    assert.equal(status, 0);
    assert.ok(output && output.kind === 'ran');
    assert.deepEqual([output.tool, output.exitCode, output.stdout], ['xl', 0, '{}']);
    const [cwd, ...argv] = readFileSync(join(root, 'xl.argv'), 'utf8').trim().split('\n');
    assert.match(output.remoteFile!, new RegExp(`^${temp}/xcc-host-check\\.[A-Za-z0-9]+/file/vm\\.cfg$`));
    assert.deepEqual(argv, ['-N', 'create', output.remoteFile]);
    assert.equal(cwd, output.remoteFile!.replace(/\/vm\.cfg$/, ''));
    assert.equal(readFileSync(join(root, 'xl.copy'), 'utf8'), 'name = "vm"\n');
    assert.deepEqual(readdirSync(temp), []);
  });

  it('removes the directory when the tool fails too', () => {
    standin('xl', 'echo "no" >&2; exit 3');
    const { output } = runScript('domain', 'vm.cfg', 'x');
    assert.ok(output && output.kind === 'ran' && output.exitCode === 3 && output.stderr === 'no');
    assert.deepEqual(readdirSync(temp), []);
  });

  // The script also looks in /usr/local/sbin, /usr/sbin and /sbin, where this machine may have the real tools.
  const installed = (program: string) => ['/usr/local/sbin', '/usr/sbin', '/sbin'].some((dir) => existsSync(join(dir, program)));

  it('falls back to xm create --dryrun, and says which tools are missing', { skip: installed('xl') || installed('xm') ? 'xl or xm is installed in an sbin folder here' : undefined }, () => {
    rmSync(join(bin, 'xl'));
    standin('xm', 'exit 0');
    assert.equal(runScript('domain', 'vm.cfg', 'x').output?.kind, 'ran');
    assert.deepEqual(readFileSync(join(root, 'xm.argv'), 'utf8').trim().split('\n').slice(1, 3), ['create', '--dryrun']);
    rmSync(join(bin, 'xm'));
    assert.deepEqual(runScript('domain', 'vm.cfg', 'x').output, { kind: 'missing', tools: ['xl', 'xm'] });
    assert.deepEqual(readdirSync(temp), []);
  });

  it('says which cluster.conf validators are missing', { skip: installed('ccs_config_validate') || existsSync('/usr/share/cluster/cluster.rng') ? 'this machine has a cluster.conf validator' : undefined }, () => {
    assert.deepEqual(runScript('cluster', 'cluster.conf', '<cluster/>').output, { kind: 'missing', tools: ['ccs_config_validate', 'xmllint with /usr/share/cluster/cluster.rng'] });
    assert.deepEqual(readdirSync(temp), []);
  });

  it('runs drbdadm with -d -c FILE dump all, ifrename only with -D, and never from /etc', () => {
    standin('drbdadm', 'exit 0');
    standin('ifrename', 'exit 0');
    runScript('drbd', 'r0.res', 'resource r0 {}\n');
    runScript('iftab', 'iftab', 'eth0 mac 00:11:22:33:44:55\n');
    const drbd = readFileSync(join(root, 'drbdadm.argv'), 'utf8').trim().split('\n').slice(1);
    const ifrename = readFileSync(join(root, 'ifrename.argv'), 'utf8').trim().split('\n').slice(1);
    assert.deepEqual([drbd[0], drbd[1], drbd.slice(3)], ['-d', '-c', ['dump', 'all']]);
    assert.deepEqual([ifrename[0], ifrename[1]], ['-D', '-c']);
    for (const argv of [drbd, ifrename]) assert.ok(argv.every((a) => !a.startsWith('/etc')), argv.join(' '));
  });

  it('a name it does not like becomes "config", inside the directory', () => {
    standin('xl', 'exit 0');
    for (const name of ['..', '.', '', 'a/../../b', '$(touch x)', 'a\nb', "it's"]) {
      const { output } = runScript('domain', name, 'x');
      assert.ok(output && output.kind === 'ran', JSON.stringify(name));
      assert.match(output.remoteFile!, /\/file\/config$/, JSON.stringify(name));
    }
    assert.deepEqual(readdirSync(temp), []);
    assert.equal(existsSync(join(root, 'x')), false);
  });
});

describe('what is sent', () => {
  it('the copy keeps a readable base name with only safe characters', () => {
    assert.equal(remoteFileName('/etc/xen/vm1.cfg'), 'vm1.cfg');
    assert.equal(remoteFileName('C:\\cfg\\my vm.cfg'), 'my_vm.cfg');
    assert.equal(remoteFileName("/x/$(rm -rf ~)'.cfg"), '__rm_-rf____.cfg');
    assert.equal(remoteFileName('/x/..'), 'config');
  });

  it('the argv is sh -c, the constant script, then nonce, kind and name as arguments', () => {
    const argv = hostCheckArgv('drbd', 'r0.res', 'ab12');
    assert.deepEqual([argv[0], argv[1], ...argv.slice(3)], ['sh', '-c', 'xcc-host-check', 'ab12', 'drbd', 'r0.res']);
    assert.throws(() => hostCheckArgv('drbd', 'r0.res', '$(x)'));
  });

  it('which languages a host checks', () => {
    assert.deepEqual(['xl-config', 'drbd', 'cluster-conf', 'iftab', 'xend-sxp'].map(hostCheckKind), ['domain', 'drbd', 'cluster', 'iftab', undefined]);
  });

  it('a DRBD file with an include is found (comments do not count)', () => {
    assert.equal(drbdIncludeLine('# include "x";\nglobal { usage-count no; }\ninclude "drbd.d/*.res";\n'), 3);
    assert.equal(drbdIncludeLine('resource r0 { device /dev/drbd0; }\n'), undefined);
  });
});
