/**
 * The explorer kept live, against a REAL OpenSSH server on 127.0.0.1 whose `xl` is the STAND-IN
 * (helpers/xl-standin.sh, replaying captures of a real Xen 4.17 dom0), beside a host that accepts
 * connections and never answers and a port that refuses them: an action during a refresh, each host
 * updating on its own, a shutdown that takes a while, a file changed on the host before a save,
 * timestamped backups, the log, and the control directory at exit.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HostSpec } from '../../shared/src/dom0/hosts';
import { LiveHosts } from '../../shared/src/dom0/liveHosts';
import { HostModel } from '../../shared/src/dom0/model';
import { digestsOf } from '../../shared/src/dom0/remoteFile';
import { Dom0Session, SessionOptions } from '../../shared/src/dom0/session';
import { describeDomain } from '../../shared/src/dom0/format';
import { backupsOf, capture, LAB_DOMAINS as DOMAINS, LAB_SCENARIO as LAB } from '../helpers/dom0';
import { REPO_ROOT } from '../helpers/fixtures';
import { closedPort, silentServer, sshdMissing, startSshd, TestSshd } from './helpers/sshd';

const skip = sshdMissing();
let sshd: TestSshd;
let scratch: string;
const sessions: Dom0Session[] = [];

function session(options: Partial<SessionOptions> = {}): Dom0Session {
  const created = new Dom0Session({ configFile: sshd.clientConfig('good'), env: sshd.env, connectTimeoutSeconds: 5, commandTimeoutMs: 15000, parallelism: 4, trusted: () => true, ...options });
  sessions.push(created);
  return created;
}

/** A LiveHosts over `s` that records when each host's model landed. */
function liveOver(s: Dom0Session, pollIntervalMs = 300) {
  const landed: { spec: string; at: number; model: HostModel | undefined }[] = [];
  const reads = { count: 0 };
  const started = Date.now();
  const live: LiveHosts = new LiveHosts({
    refreshHost: (host, signal) => {
      reads.count++;
      return s.refreshHost(host, signal);
    },
    parallelism: 4,
    pollIntervalMs,
    onChange: (spec) => {
      // Reads that landed (not the start of a read, nor a transition set before any read).
      if (!live.isLoading(spec) && live.model(spec)) landed.push({ spec, at: Date.now() - started, model: live.model(spec) });
    },
  });
  return { live, landed, reads };
}

const domu = (model: HostModel | undefined, name: string) => model?.domains.find((d) => d.name === name);

describe('the dom0 explorer kept live, over a real sshd with the xl stand-in', { skip }, () => {
  before(async () => {
    sshd = await startSshd();
    scratch = mkdtempSync(join(tmpdir(), 'xen-dom0-live-'));
  });
  after(async () => {
    await Promise.all(sessions.map((s) => s.dispose()));
    await sshd?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('an action during a refresh: the refresh under way is stale, the queued read after it shows "paused"', async () => {
    // The stand-in's `xl pause` leaves the domain paused: the next listing is the capture after the pause.
    sshd.useScenario('lab-paused', { ...LAB, list: { stdout: capture('24-xl-list-paused.stdout') } }, DOMAINS, false);
    // The refresh answers its `uptime` a second late: `xl list` was read before the pause.
    sshd.useScenario('lab-slow', { ...LAB, uptime: { ...LAB.uptime, delaySeconds: 2 }, pause: { then: 'lab-paused' } }, DOMAINS);
    sshd.resetCalls();
    const s = session();
    const { live, landed, reads } = liveOver(s);
    const host = sshd.host();
    const refreshing = live.refresh([host]);
    while (!sshd.standinCalls().some(([, ...argv]) => argv.join(' ') === 'uptime')) await new Promise((resolve) => setTimeout(resolve, 50));
    const domu2 = { name: 'domu2', id: 2 };
    const acted = await s.runAction(host, 'xl', 'pause', domu2);
    assert.ok(acted.ok);
    const started = Date.now();
    const settling = live.settle(host, 'pause', domu2, 20_000);
    assert.equal(live.model(host.spec), undefined, 'nothing is known yet: the first refresh is still running');
    await refreshing;
    assert.equal(domu(landed[0].model, 'domu2')?.state, 'running', 'the refresh that was under way read the state before the pause');
    assert.match(describeDomain(domu(landed[0].model, 'domu2')!), /^pausing\.\.\. \(running\)/, 'meanwhile the row says what is awaited');
    const settled = await settling;
    assert.equal(settled.reached, true);
    assert.equal(settled.domain?.state, 'paused');
    assert.equal(domu(live.model(host.spec), 'domu2')?.state, 'paused');
    assert.equal(domu(live.model(host.spec), 'domu2')?.transition, undefined, 'the transition goes once the state shows');
    // One read after the stale one (the queued read), not a wait for the next interval.
    assert.equal(reads.count, 2);
    assert.ok(Date.now() - started < 8000, `settled ${Date.now() - started} ms after the action`);
    assert.deepEqual(sshd.acted(), ['xl pause 2 domu2']);
  });

  it('a host that never answers holds up only itself; a refused port reports at once', async () => {
    sshd.useScenario('lab', LAB);
    const silent = await silentServer();
    try {
      const refused = await closedPort();
      const hung: HostSpec = sshd.host(`127.0.0.1:${silent.port}`);
      const closed: HostSpec = sshd.host(`127.0.0.1:${refused}`);
      const good = sshd.host();
      const { live, landed } = liveOver(session({ connectTimeoutSeconds: 8, commandTimeoutMs: 10_000 }));
      const refreshing = live.refresh([hung, good, closed]);
      while (landed.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.deepEqual(new Set(landed.map((l) => l.spec)), new Set([good.spec, closed.spec]), 'the answering host and the refused port land while the silent one is still connecting');
      assert.ok(live.isLoading(hung.spec));
      assert.equal(live.model(good.spec)?.domains.length, 3);
      assert.equal(live.model(closed.spec)?.error?.kind, 'unreachable');
      assert.ok(landed.every((l) => l.at < 6000), `landed at ${landed.map((l) => l.at).join(', ')} ms`);
      await refreshing;
      assert.equal(live.model(hung.spec)?.error?.kind, 'timeout');
    } finally {
      silent.close();
    }
  });

  it('a shutdown shows "shutting down" while the guest is still listed, and is done when it is gone', async () => {
    // Gone from both listings (the long one is the lab's, without domu2's entry).
    const longWithout = JSON.stringify((JSON.parse(capture('03-xl-list-l.stdout')) as { config: { c_info: { name: string } } }[]).filter((d) => d.config.c_info.name !== 'domu2'), null, 4);
    sshd.useScenario('gone', { ...LAB, list: { stdout: capture('32-xl-list-after-shutdown.stdout') }, 'list-long': { stdout: `${longWithout}\n` } }, DOMAINS.slice(0, 2), false);
    sshd.useScenario('going', { ...LAB, list: { stdout: capture('31-xl-list-right-after-shutdown.stdout'), then: 'gone' } }, DOMAINS, false);
    sshd.useScenario('before', { ...LAB, shutdown: { stdout: capture('30-xl-shutdown-domu2.stdout'), stderr: capture('30-xl-shutdown-domu2.stderr'), then: 'going' } }, DOMAINS);
    const s = session();
    const { live, landed } = liveOver(s);
    const host = sshd.host();
    assert.ok((await s.runAction(host, 'xl', 'shutdown', { name: 'domu2', id: 2 })).ok);
    const settled = await live.settle(host, 'shutdown', { name: 'domu2', id: 2 }, 20_000);
    assert.equal(settled.reached, true);
    assert.equal(settled.domain, undefined, 'domu2 is gone');
    assert.match(describeDomain(domu(landed[0].model, 'domu2')!), /^shutting down\.\.\. /, 'the first read after the request still lists it, as "shutting down"');
    assert.equal(domu(live.model(host.spec), 'domu2'), undefined, 'and the tree no longer lists it');
  });

  it('a shutdown the guest ignores: after the wait the explorer says it is still there', async () => {
    sshd.useScenario('ignored', { ...LAB, shutdown: {} }, DOMAINS);
    const s = session();
    const { live } = liveOver(s);
    const host = sshd.host();
    assert.ok((await s.runAction(host, 'xl', 'shutdown', { name: 'domu1', id: 1 })).ok);
    const started = Date.now();
    const settled = await live.settle(host, 'shutdown', { name: 'domu1', id: 1 }, 2500);
    assert.equal(settled.reached, false);
    assert.equal(settled.domain?.state, 'blocked');
    assert.ok(Date.now() - started >= 2000 && Date.now() - started < 9000);
    assert.equal(domu(live.model(host.spec), 'domu1')?.transition, undefined, 'no "shutting down" left behind');
  });

  it('stat tells the host\'s size and time now, so a save after a Revert that changed the size is not "newer"', async () => {
    const path = join(scratch, 'domu3.cfg');
    writeFileSync(path, 'name = "domu3"\n');
    const s = session();
    const first = await s.statFile(sshd.host(), path);
    assert.deepEqual(first.ok && first.size, 15);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    writeFileSync(path, 'name = "domu3"\nmemory = 256\n'); // changed on the host; the user reverts
    const afterRevert = await s.statFile(sshd.host(), path);
    assert.ok(first.ok && afterRevert.ok);
    assert.equal(afterRevert.size, 28);
    assert.ok(afterRevert.mtimeMs > first.mtimeMs);
    const again = await s.statFile(sshd.host(), path);
    assert.deepEqual(again, afterRevert, 'unchanged on the host: the same answer, so the editor\'s check passes');
    const missing = await s.statFile(sshd.host(), join(scratch, 'nope.cfg'));
    assert.equal(!missing.ok && missing.notFound, true);
  });

  it('keeps the last N timestamped backups (the setting), each the version a save replaced', async () => {
    const path = join(scratch, 'domu1.cfg');
    writeFileSync(path, 'v0\n');
    const s = session({ backups: 2 });
    for (let i = 1; i <= 4; i++) {
      const saved = await s.writeFile(sshd.host(), path, Buffer.from(`v${i}\n`), digestsOf(Buffer.from(`v${i - 1}\n`)));
      assert.ok(saved.ok, JSON.stringify(saved));
    }
    assert.equal(readFileSync(path, 'utf8'), 'v4\n');
    const backups = backupsOf(path);
    assert.deepEqual(backups.map((b) => readFileSync(b, 'utf8')), ['v2\n', 'v3\n'], `backups kept: ${backups.map((b) => basename(b)).join(', ')}`);
  });

  it('logs each remote command once, with its exit status and duration, and ssh\'s stderr once', async () => {
    sshd.useScenario('missing', { ...LAB, destroy: { stderr: 'domu9 is an invalid domain identifier (rc=-6)\n', rc: 1 } });
    const log: string[] = [];
    const result = await session({ log: (line) => log.push(line) }).runAction(sshd.host(), 'xl', 'destroy', { name: 'domu9' });
    assert.equal(result.ok, false);
    const text = log.join('\n');
    assert.equal(text.split('invalid domain identifier').length - 1, 2, `the stderr line, then the error that quotes it:\n${text}`);
    assert.match(log[0], /^\[[^\]]+\] ssh \S+ xl destroy domu9 -> exit 1, \d+\.\d s\n {2}domu9 is an invalid domain identifier \(rc=-6\)$/);
    assert.equal(log[1], `error: ${sshd.host().label}: \`xl destroy\` of domu9 failed with exit status 1: domu9 is an invalid domain identifier (rc=-6)`);
  });

  it('removes its control-socket directory when the process exits without dispose()', () => {
    const script = `
      const { SshTransport } = require(${JSON.stringify(join(REPO_ROOT, 'out', 'shared', 'src', 'dom0', 'transport.js'))});
      const { parseHostSetting } = require(${JSON.stringify(join(REPO_ROOT, 'out', 'shared', 'src', 'dom0', 'hosts.js'))});
      const transport = new SshTransport({ configFile: ${JSON.stringify(sshd.clientConfig('good'))}, env: process.env, connectTimeoutSeconds: 5 });
      transport.run(parseHostSetting(${JSON.stringify(sshd.host().spec)}).host, ['true'], { timeoutMs: 15000 }).then((result) => {
        console.log(JSON.stringify({ dir: transport.controlDir, exitCode: result.exitCode }));
        process.exit(0); // as the extension host does: no await of dispose()
      });`;
    const child = spawnSync(process.execPath, ['-e', script], { env: sshd.env, encoding: 'utf8', timeout: 30_000 });
    const { dir, exitCode } = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { dir: string; exitCode: number };
    assert.equal(exitCode, 0, child.stderr);
    assert.match(dir, /xen-dom0-/);
    assert.equal(existsSync(dir), false, `${dir} is left behind`);
  });
});
