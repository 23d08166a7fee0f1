/**
 * The transport and the session against a REAL OpenSSH server on 127.0.0.1,
 * started here with throwaway keys. On the server side `xl` is a STAND-IN
 * (helpers/xl-standin.sh) that replays real captures and records its argv.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HostSpec } from '../../shared/src/dom0/hosts';
import { digestsOf } from '../../shared/src/dom0/remoteFile';
import { Dom0Session, SessionOptions } from '../../shared/src/dom0/session';
import { childNodes, rootNodes, viewOf } from '../../shared/src/dom0/treeNodes';
import { capture, HOSTILE_NAMES, LAB_SCENARIO as LAB, onlyBackup, xmCapture } from '../helpers/dom0';
import { ClientProfile, closedPort, silentServer, sshdMissing, startSshd, TestSshd } from './helpers/sshd';

const skip = sshdMissing();
let sshd: TestSshd;
const sessions: Dom0Session[] = [];

function session(profile: ClientProfile = 'good', options: Partial<SessionOptions> = {}): Dom0Session {
  const created = new Dom0Session({ configFile: sshd.clientConfig(profile), env: sshd.env, connectTimeoutSeconds: 5, commandTimeoutMs: 15000, parallelism: 4, trusted: () => true, ...options });
  sessions.push(created);
  return created;
}


describe('dom0 over a real sshd', { skip }, () => {
  before(async () => {
    sshd = await startSshd();
  });
  after(async () => {
    await Promise.all(sessions.map((s) => s.dispose()));
    await sshd?.stop();
  });

  describe('refresh', () => {
    it('lists the stand-in dom0 in one ssh call that runs xl info, list, list -l and uptime', async () => {
      sshd.useScenario('lab', LAB);
      sshd.resetCalls();
      const log: string[] = [];
      const model = await session('good', { log: (line) => log.push(line) }).refreshHost(sshd.host());
      assert.equal(model.error, undefined);
      assert.deepEqual(
        model.domains.map((d) => `${d.name} ${d.id} ${d.state} ${d.memoryMiB} ${d.vcpus}`),
        ['Domain-0 0 running 1024 2', 'domu1 1 blocked 128 1', 'domu2 2 running 128 2'],
      );
      assert.deepEqual([model.xenVersion, model.freeMemoryMiB, model.totalMemoryMiB], ['4.17.5', 1757, 3071]);
      assert.deepEqual(sshd.standinCalls(), [['xl', 'info'], ['xl', 'list'], ['xl', 'list', '-l'], ['xl', 'uptime']]);
      assert.equal(log.length, 1, 'one line per remote command');
      assert.match(log[0], new RegExp(`^\\[${sshd.host().label.replace(/\./g, '\\.')}\\] ssh ${sshd.user}@127\\.0\\.0\\.1 <refresh script: xl info, list, list -l, uptime; ls /etc/xen/\\*\\.cfg> -> exit 0, \\d+\\.\\d s$`));
    });

    it('gives the explorer tree its host, domain and device nodes', async () => {
      sshd.useScenario('paused', { ...LAB, list: { stdout: capture('24-xl-list-paused.stdout') } });
      const host = sshd.host();
      const model = await session().refreshHost(host);
      const [hostNode] = rootNodes([host], new Map([[host.spec, model]]), new Set(), []);
      const domains = childNodes(hostNode);
      assert.deepEqual(domains.map((node) => viewOf(node).contextValue), [
        'dom0Domain state-running has-id',
        'dom0Domain state-blocked can-shutdown can-reboot can-destroy can-pause can-console can-migrate has-config has-id has-mac',
        'dom0Domain state-paused can-destroy can-unpause can-console has-config has-id has-mac',
      ]);
      assert.deepEqual(childNodes(domains[1]).map((node) => viewOf(node).label), ['xvda', '00:16:3e:00:01:01', '/etc/xen/domu1.cfg']);
    });

    it('reads an xm host with the xm commands', async () => {
      sshd.standinPrograms(['xl', 'xm']);
      sshd.useScenario('xm', { ...LAB, 'list-long': { stdout: xmCapture('xm-list-long.stdout') } });
      sshd.resetCalls();
      const model = await session().refreshHost({ ...sshd.host(), toolstack: 'xm' });
      sshd.standinPrograms(['xl']);
      assert.equal(model.toolstack, 'xm');
      assert.deepEqual(model.domains.map((d) => d.name), ['Domain-0', 'domu1', 'domu2', 'vm01-web']);
      assert.deepEqual(sshd.standinCalls(), [['xm', 'info'], ['xm', 'list'], ['xm', 'list', '--long'], ['xm', 'uptime']]);
    });

    it('reports garbage instead of the long listing, naming the host and the command, and still lists the domains', async () => {
      sshd.useScenario('garbage', { ...LAB, 'list-long': { stdout: '<html>502 Bad Gateway</html>\n' } });
      const model = await session().refreshHost(sshd.host());
      assert.equal(model.error, undefined);
      assert.equal(model.warnings[0]?.kind, 'unparsable');
      assert.match(model.warnings[0]?.message ?? '', new RegExp(`^${sshd.host().label.replace(/[.[\]]/g, '\\$&')}: cannot read the output of \`xl list -l\`: the long domain list is not JSON`));
      assert.deepEqual(model.domains.map((d) => d.name), ['Domain-0', 'domu1', 'domu2']);
    });

    it('reports a toolstack that refuses a non-root user as not permitted', async () => {
      sshd.useScenario('nonroot', { ...LAB, list: { stderr: capture('extra/nonroot-xl-list.stderr'), rc: 1 } });
      const model = await session().refreshHost(sshd.host());
      assert.equal(model.error?.kind, 'not-permitted');
      assert.match(model.error?.hint ?? '', /connect as root/);
    });

    it('reports a host without the toolstack', async () => {
      const model = await session().refreshHost({ ...sshd.host(), toolstack: 'xm' });
      assert.equal(model.error?.message, `${sshd.host().label}: no \`xm\` command on the host`);
    });

    it('times out on a toolstack that never answers, and kills the call', async () => {
      sshd.useScenario('hang', { ...LAB, list: { hang: true } });
      const started = Date.now();
      const model = await session('good', { commandTimeoutMs: 2000 }).refreshHost(sshd.host());
      assert.equal(model.error?.kind, 'timeout');
      assert.equal(model.error?.message, `${sshd.host().label}: no answer within 2 s`);
      assert.ok(Date.now() - started < 8000);
    });

    it('can be cancelled', async () => {
      sshd.useScenario('hang', { ...LAB, list: { hang: true } });
      const controller = new AbortController();
      const pending = session().refreshHost(sshd.host(), controller.signal);
      setTimeout(() => controller.abort(), 200);
      assert.equal((await pending).error?.kind, 'cancelled');
    });

    it('refreshes several hosts in parallel, each with its own result', async () => {
      sshd.useScenario('lab', LAB);
      const closed = await closedPort();
      const hosts = [sshd.host(), sshd.host(`127.0.0.1:${closed}`), { ...sshd.host(), label: 'again' }];
      const models = await session().refreshAll(hosts);
      assert.deepEqual(models.map((m) => [m.host.label, m.reachable, m.domains.length, m.error?.kind]), [
        [sshd.host().label, true, 3, undefined],
        [`127.0.0.1:${closed}`, false, 0, 'unreachable'],
        ['again', true, 3, undefined],
      ]);
    });
  });

  describe('actions: the exact argv that reaches xl on the host', () => {
    let shared: Dom0Session | undefined;
    const actionSession = () => (shared ??= session());
    const domu1 = { name: 'domu1', id: 1, configPath: '/etc/xen/domu1.cfg' };
    const cases: [Parameters<Dom0Session['runAction']>[2], string[][]][] = [
      ['shutdown', [['xl', 'domname', '1'], ['xl', 'shutdown', '1']]],
      ['reboot', [['xl', 'domname', '1'], ['xl', 'reboot', '1']]],
      ['destroy', [['xl', 'domname', '1'], ['xl', 'destroy', '1']]],
      ['pause', [['xl', 'domname', '1'], ['xl', 'pause', '1']]],
      ['unpause', [['xl', 'domname', '1'], ['xl', 'unpause', '1']]],
      ['start', [['xl', 'create', '/etc/xen/domu1.cfg']]],
    ];
    for (const [action, calls] of cases) {
      it(action, async () => {
        sshd.useScenario('lab', LAB, [[0, 'Domain-0'], [1, 'domu1'], [2, 'domu2']]);
        sshd.resetCalls();
        const result = await actionSession().runAction(sshd.host(), 'xl', action, domu1);
        assert.equal(result.ok, true, result.ok ? '' : result.error.message);
        assert.deepEqual(sshd.standinCalls(), calls);
      });
    }

    it('console: the argv the integrated terminal starts ssh with', async () => {
      sshd.useScenario('lab', LAB, [[0, 'Domain-0'], [1, 'domu1'], [2, 'domu2']]);
      sshd.resetCalls();
      const command = actionSession().consoleCommand(sshd.host(), 'xl', domu1);
      assert.ok(command.ok);
      // No terminal here, so ssh warns and runs the command without one: enough to see the argv arrive.
      execFileSync(command.program, command.args, { env: sshd.env, stdio: ['ignore', 'ignore', 'ignore'] });
      assert.deepEqual(sshd.standinCalls(), [['xl', 'domname', '1'], ['xl', 'console', '1']]);
    });

    it('migrate, to another listed host', async () => {
      sshd.useScenario('lab', LAB, [[0, 'Domain-0'], [1, 'domu1'], [2, 'domu2']]);
      sshd.resetCalls();
      const target: HostSpec = { spec: 'root@an-node02', label: 'an-node02', user: 'root', hostname: 'an-node02', toolstack: 'auto' };
      await actionSession().runAction(sshd.host(), 'xl', 'migrate', domu1, { target });
      assert.deepEqual(sshd.standinCalls(), [['xl', 'domname', '1'], ['xl', 'migrate', '1', 'root@an-node02']]);
    });

    it('passes hostile domain names through ssh and the remote shell unchanged', async () => {
      const marker = join(tmpdir(), `xen-dom0-pwned-${randomBytes(4).toString('hex')}`);
      const names = [...HOSTILE_NAMES, `$(touch ${marker})`, `\`touch ${marker}\``, `'; touch ${marker}; '`, `\n touch ${marker}`];
      sshd.resetCalls();
      const shared = session();
      // Through the action path for the nastiest ones, then all of them in one argv.
      for (const name of ["a'b", `$(touch ${marker})`, '-rf', 'line1\nline2']) await shared.runAction(sshd.host(), 'xl', 'destroy', { name });
      await shared.transport.run(sshd.host(), ['xl', 'destroy', ...names], { timeoutMs: 15000 });
      assert.deepEqual(sshd.standinCalls(), [
        ['xl', 'destroy', "a'b"],
        ['xl', 'destroy', `$(touch ${marker})`],
        ['xl', 'destroy', '--', '-rf'],
        ['xl', 'destroy', 'line1\nline2'],
        ['xl', 'destroy', ...names],
      ]);
      assert.equal(existsSync(marker), false, 'a domain name was executed by the remote shell');
    });

    it('reports xl errors with the host, the action and xl\'s message', async () => {
      sshd.useScenario('missing', { destroy: { stderr: capture('36-xl-destroy-missing.stderr'), rc: 1 } });
      const result = await session().runAction(sshd.host(), 'xl', 'destroy', { name: 'domu1' });
      assert.deepEqual(result.ok ? undefined : [result.error.kind, result.error.message], [
        'command-failed',
        `${sshd.host().label}: \`xl destroy\` of domu1 failed with exit status 1: domu1 is an invalid domain identifier (rc=-6)`,
      ]);
    });
  });

  describe('remote config files', () => {
    it('reads, saves atomically with a backup, and refuses to overwrite a file changed on the host', async () => {
      const dir = mkdtempSync(join(tmpdir(), "xen dom0 'cfg' "));
      const bytes = (text: string) => new TextEncoder().encode(text);
      try {
        const path = join(dir, "web $(x) 'a'.cfg");
        writeFileSync(path, 'memory = 128\n', { mode: 0o640 });
        const s = session();
        const read = await s.readFile(sshd.host(), path);
        assert.deepEqual(read, { ok: true, bytes: Buffer.from('memory = 128\n'), digests: digestsOf(bytes('memory = 128\n')) });
        assert.deepEqual(await s.writeFile(sshd.host(), path, bytes('memory = 256\n'), digestsOf(bytes('memory = 128\n'))), { ok: true, algorithm: 'sha256', savedTo: path });
        assert.equal(readFileSync(path, 'utf8'), 'memory = 256\n');
        const backup = onlyBackup(path);
        assert.equal(readFileSync(backup, 'utf8'), 'memory = 128\n');
        assert.equal(statSync(path).mode & 0o7777, 0o640);
        assert.deepEqual(readdirSync(dir).sort(), [`web $(x) 'a'.cfg`, backup.slice(dir.length + 1)]);
        writeFileSync(path, 'memory = 512\n'); // someone edits it on the host
        const stale = await s.writeFile(sshd.host(), path, bytes('memory = 1024\n'), digestsOf(bytes('memory = 256\n')));
        assert.equal(stale.ok, false);
        assert.equal(!stale.ok && stale.changedOnHost, true);
        assert.equal(readFileSync(path, 'utf8'), 'memory = 512\n');
        const missing = await s.readFile(sshd.host(), join(dir, 'nope.cfg'));
        assert.equal(!missing.ok && missing.notFound, true);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('connection failures, each named and explained within the timeout', { concurrency: true }, () => {
    it('authentication refused', async () => {
      const model = await session('wrong-key').refreshHost(sshd.host());
      assert.deepEqual([model.reachable, model.error?.kind, model.error?.message], [false, 'auth-refused', `${sshd.host().label}: authentication refused`]);
      assert.match(model.error?.hint ?? '', /ssh-add/);
    });

    it('host key unknown', async () => {
      const model = await session('unknown-host-key').refreshHost(sshd.host());
      assert.equal(model.error?.kind, 'host-key-unknown');
      assert.equal(model.error?.message, `${sshd.host().label}: the host key is not in known_hosts, so ssh refuses to connect without asking`);
    });

    it('host key changed', async () => {
      const model = await session('changed-host-key').refreshHost(sshd.host());
      assert.equal(model.error?.kind, 'host-key-changed');
      assert.match(model.error?.hint ?? '', /ssh-keygen -R/);
    });

    it('closed port', async () => {
      const port = await closedPort();
      const model = await session().refreshHost(sshd.host(`127.0.0.1:${port}`));
      assert.equal(model.error?.kind, 'unreachable');
      assert.equal(model.error?.message, `127.0.0.1:${port}: unreachable (ssh: connect to host 127.0.0.1 port ${port}: Connection refused)`);
    });

    it('a host that accepts TCP but never speaks SSH', async () => {
      const silent = await silentServer();
      try {
        const started = Date.now();
        const model = await session('good', { connectTimeoutSeconds: 1, commandTimeoutMs: 4000 }).refreshHost(sshd.host(`127.0.0.1:${silent.port}`));
        assert.equal(model.error?.kind, 'timeout');
        assert.ok(Date.now() - started < 8000);
      } finally {
        silent.close();
      }
    });

    it('no ssh program', async () => {
      const model = await session('good', { sshPath: '/nonexistent/ssh' }).refreshHost(sshd.host());
      assert.equal(model.error?.kind, 'ssh-missing');
      assert.match(model.error?.message ?? '', /cannot run ssh \(spawn \/nonexistent\/ssh ENOENT\)/);
    });
  });
});
