/**
 * Refresh of 10 dom0 hosts x 50 domains through a real sshd on loopback
 * (127.0.0.1-10, one connection each) with the `xl` STAND-IN replaying a
 * generated 50-domain listing built from the real captures. Needs /usr/sbin/sshd.
 * Run alone: `node out/bench/dom0.js`; the lead's bench/run.ts calls benchDom0().
 */
import { Dom0Session } from '../shared/src/dom0/session';
import { capture } from '../test/helpers/dom0';
import { Scenario, sshdMissing, startSshd } from '../test/ssh/helpers/sshd';

export interface Dom0BenchResult {
  readonly hosts: number;
  readonly domainsPerHost: number;
  /** First refresh: every host pays its SSH handshake. */
  readonly coldMs: number;
  /** Later refreshes over the shared connections (median of `rounds`). */
  readonly warmMs: number;
  readonly rounds: number;
  /** SSH calls per host per refresh (counted from the stand-in's argv log: one refresh script per call). */
  readonly callsPerHostPerRefresh: number;
}

/** A dom0 with Domain-0 and `count` guests, from the real outputs of the lab's domu1. */
export function generatedScenario(count: number): Scenario {
  const domu = JSON.parse(capture('04-xl-list-l-domu1.stdout'))[0];
  const dom0 = JSON.parse(capture('05-xl-list-l-dom0.stdout'))[0];
  const header = capture('02-xl-list.stdout').split('\n')[0];
  const names = Array.from({ length: count }, (_, i) => `guest${String(i + 1).padStart(3, '0')}`);
  const long = [dom0, ...names.map((name, i) => {
    const copy = structuredClone(domu);
    copy.domid = i + 1;
    copy.config.c_info.name = name;
    copy.config.nics[0].mac = `00:16:3e:00:${((i + 1) >> 8).toString(16).padStart(2, '0')}:${((i + 1) & 255).toString(16).padStart(2, '0')}`;
    copy.config.disks[0].pdev_path = `/var/lib/xen/images/${name}.img`;
    return copy;
  })];
  const row = (name: string, id: number, mem: number, vcpus: number, state: string) => `${name.padEnd(40)}${String(id).padStart(5)}${String(mem).padStart(6)}${String(vcpus).padStart(6)}     ${state}${'12.3'.padStart(10)}`;
  return {
    info: { stdout: capture('11-xl-info.stdout') },
    list: { stdout: [header, row('Domain-0', 0, 1024, 2, 'r-----'), ...names.map((n, i) => row(n, i + 1, 128, 1, '-b----'))].join('\n') + '\n' },
    'list-long': { stdout: JSON.stringify(long, null, 4) + '\n' },
    uptime: { stdout: ['Name                                ID Uptime', ...names.map((n, i) => `${n.padEnd(33)} ${String(i + 1).padStart(4)}  1:02:03`)].join('\n') + '\n' },
  };
}

export async function benchDom0(hostCount = 10, domainsPerHost = 50, rounds = 5): Promise<Dom0BenchResult | { skipped: string }> {
  const missing = sshdMissing();
  if (missing) return { skipped: missing };
  const sshd = await startSshd(hostCount);
  const session = new Dom0Session({ configFile: sshd.clientConfig(), env: sshd.env, connectTimeoutSeconds: 10, commandTimeoutMs: 60000, parallelism: hostCount, trusted: () => true });
  try {
    sshd.useScenario('bench', generatedScenario(domainsPerHost));
    const hosts = Array.from({ length: hostCount }, (_, i) => sshd.host(`${sshd.user}@127.0.0.${i + 1}:${sshd.port}`));
    const refresh = async () => {
      const started = process.hrtime.bigint();
      const models = await session.refreshAll(hosts);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      for (const model of models) {
        if (model.error || model.domains.length !== domainsPerHost + 1) throw new Error(`bench refresh of ${model.host.label} failed: ${model.error?.message ?? `${model.domains.length} domains`}`);
      }
      return ms;
    };
    sshd.resetCalls();
    const coldMs = await refresh();
    const scriptRuns = sshd.standinCalls().filter((call) => call[1] === 'info').length;
    const warm: number[] = [];
    for (let i = 0; i < rounds; i++) warm.push(await refresh());
    warm.sort((a, b) => a - b);
    return { hosts: hostCount, domainsPerHost, coldMs: Math.round(coldMs), warmMs: Math.round(warm[Math.floor(rounds / 2)]), rounds, callsPerHostPerRefresh: scriptRuns / hostCount };
  } finally {
    await session.dispose();
    await sshd.stop();
  }
}

if (require.main === module) {
  void benchDom0().then((result) => console.log(JSON.stringify(result, null, 2)));
}
