// For the dom0 explorer screenshot: a real sshd on 127.0.0.1 whose `xl` is the explorer tests'
// STAND-IN replaying outputs captured on a real Xen 4.17 dom0 (test/ssh/helpers/sshd.ts,
// test/fixtures/xl-captures), or, with XCC_XENLAB=1, the REAL dom0 of ../shared/xenlab
// (127.0.0.1:2222, its key in /var/tmp/xenlab/keys). Returns the user settings that point the
// explorer at it, or the reason it cannot run (sshd missing, explorer tests not built).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './workspace.mjs';

const SSHD_HELPER = join(repoRoot, 'out', 'test', 'ssh', 'helpers', 'sshd.js');
const CAPTURES = join(repoRoot, 'test', 'fixtures', 'xl-captures');

/** The xenlab dom0, as the explorer reaches it: an ssh_config with the lab's key, and the host `xenlab`. */
function xenlab() {
  const key = process.env.XCC_XENLAB_KEY ?? '/var/tmp/xenlab/keys/id_ed25519';
  if (!existsSync(key)) return { unavailable: `XCC_XENLAB=1 but the lab key ${key} is missing` };
  const dir = mkdtempSync(join(tmpdir(), 'xen-dom0-lab-'));
  const config = join(dir, 'ssh_config');
  const port = process.env.XCC_XENLAB_PORT ?? '2222';
  writeFileSync(config, `Host xenlab\n  HostName 127.0.0.1\n  Port ${port}\n  User root\n  IdentityFile ${key}\n  IdentitiesOnly yes\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n  LogLevel ERROR\n`);
  return {
    settings: { 'xenConfig.dom0.hosts': ['xenlab'], 'xenConfig.dom0.sshConfigFile': config },
    real: true,
    stop: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export async function startDom0StandIn() {
  if (process.env.XCC_XENLAB === '1') return xenlab();
  if (!existsSync(SSHD_HELPER)) return { unavailable: `${SSHD_HELPER} is missing (the dom0 explorer's tests are not built)` };
  const { sshdMissing, startSshd } = createRequire(import.meta.url)(SSHD_HELPER);
  const missing = sshdMissing();
  if (missing) return { unavailable: missing };
  const sshd = await startSshd();
  const capture = (name) => ({ stdout: readFileSync(join(CAPTURES, name), 'utf8') });
  sshd.useScenario('screenshot', {
    info: capture('11-xl-info.stdout'),
    list: capture('02-xl-list.stdout'),
    'list-long': capture('03-xl-list-l.stdout'),
    uptime: capture('14-xl-uptime.stdout'),
  });
  return {
    settings: {
      'xenConfig.dom0.hosts': [{ host: sshd.host().spec, name: 'an-node01' }],
      'xenConfig.dom0.sshConfigFile': sshd.clientConfig('good'),
    },
    stop: () => sshd.stop(),
  };
}
