import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SshTransport } from '../../../shared/src/dom0/transport';
import { testHost } from '../../helpers/dom0';

describe('ssh argv', () => {
  it('is BatchMode, a connect timeout, a private shared connection, the port, "--", the destination and one quoted command line', async () => {
    const transport = new SshTransport({ connectTimeoutSeconds: 7, configFile: '/tmp/cfg' });
    try {
      const args = transport.sshArgs(testHost('admin@dom0.example:2222'), ['xl', 'destroy', "a'b"]);
      const controlPath = args.find((a) => a.startsWith('ControlPath=')) ?? '';
      assert.match(controlPath, /^ControlPath=\/tmp\/xen-dom0-\w+\/%C$/);
      assert.deepEqual(args, [
        '-F', '/tmp/cfg',
        '-o', 'BatchMode=yes',
        '-o', 'ConnectTimeout=7',
        '-o', 'ControlMaster=auto',
        '-o', controlPath,
        '-o', 'ControlPersist=60',
        '-p', '2222',
        '-T',
        '--', 'admin@dom0.example', `xl destroy 'a'\\''b'`,
      ]);
      // The console gets a connection of its own (closing the shared ones must not cut it).
      assert.deepEqual(transport.sshArgs(testHost('an-node01'), ['xl', 'console', 'vm01-web'], { tty: true }), [
        '-F', '/tmp/cfg', '-o', 'BatchMode=yes', '-o', 'ConnectTimeout=7', '-t', '--', 'an-node01', 'xl console vm01-web',
      ]);
    } finally {
      await transport.dispose();
    }
  });
});
