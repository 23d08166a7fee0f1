/**
 * Workspace trust is asked where each remote command is built: with the
 * predicate false, no method of the session builds or runs anything. The ssh
 * program here is a script that records every start, so "nothing ran" is seen,
 * not assumed.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Dom0Session } from '../../../shared/src/dom0/session';
import { testHost } from '../../helpers/dom0';

const dir = mkdtempSync(join(tmpdir(), 'xen-dom0-trust-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const ran = join(dir, 'ran');
const ssh = join(dir, 'ssh');
writeFileSync(ssh, `#!/bin/sh\necho "$@" >> '${ran}'\n`, { mode: 0o755 });

describe('workspace trust, checked where every remote command is built', () => {
  it('an untrusted session builds and runs nothing: refresh, actions, console, read, save', async () => {
    let trusted = false;
    const log: string[] = [];
    const session = new Dom0Session({ sshPath: ssh, connectTimeoutSeconds: 1, commandTimeoutMs: 2000, parallelism: 1, trusted: () => trusted, log: (line) => log.push(line) });
    const host = testHost();
    const domu1 = { name: 'domu1', id: 1, configPath: '/etc/xen/domu1.cfg' };
    const message = 'root@an-node01: not run: remote commands are disabled in this untrusted workspace';
    try {
      const [model] = await session.refreshAll([host]);
      assert.deepEqual([model.error?.kind, model.error?.message, model.domains], ['untrusted', message, []]);
      for (const action of ['start', 'shutdown', 'reboot', 'destroy', 'pause', 'unpause', 'migrate'] as const) {
        const result = await session.runAction(host, 'xl', action, domu1, { target: testHost('root@an-node02') });
        assert.equal(result.ok ? '' : result.error.message, message, action);
      }
      const console = session.consoleCommand(host, 'xl', domu1);
      assert.equal(console.ok ? '' : console.error.message, message);
      const read = await session.readFile(host, '/etc/xen/domu1.cfg');
      assert.equal(read.ok ? '' : read.error.message, message);
      const save = await session.writeFile(host, '/etc/xen/domu1.cfg', new Uint8Array([0x61]), undefined);
      assert.deepEqual(save.ok ? undefined : [save.error.kind, save.hostState], ['untrusted', 'old']);
      assert.equal(existsSync(ran), false, 'ssh was never started');
      assert.deepEqual(log.filter((line) => line.includes('ssh ')), []);

      // The predicate is asked each time: granting trust later works without a new session.
      trusted = true;
      await session.runAction(host, 'xl', 'pause', domu1);
      assert.equal(existsSync(ran), true);
    } finally {
      await session.dispose();
    }
  });
});
