// For the dom0 explorer screenshot: a real sshd on 127.0.0.1 whose `xl` is the explorer tests'
// STAND-IN replaying outputs captured on a real Xen 4.17 dom0 (test/ssh/helpers/sshd.ts,
// test/fixtures/xl-captures). Returns the user settings that point the explorer at it, or the
// reason it cannot run (sshd missing, explorer tests not built).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from './workspace.mjs';

const SSHD_HELPER = join(repoRoot, 'out', 'test', 'ssh', 'helpers', 'sshd.js');
const CAPTURES = join(repoRoot, 'test', 'fixtures', 'xl-captures');

export async function startDom0StandIn() {
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
