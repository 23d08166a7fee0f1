import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sshFailure } from '../../../shared/src/dom0/errors';
import { OUTPUT_LIMIT_BYTES, SshTransport } from '../../../shared/src/dom0/transport';
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

/** A stand-in for the ssh program: an sh script that ignores its arguments and runs `body`. */
function fakeSsh(body: string): { path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'xen-dom0-fake-ssh-'));
  const path = join(dir, 'ssh');
  // `ssh -O exit` (dispose closing the shared connection) just succeeds.
  writeFileSync(path, `#!/bin/sh\ncase " $* " in *" -O "*) exit 0 ;; esac\n${body}\n`, { mode: 0o755 });
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

describe('transport.run never rejects', () => {
  it('refuses an argument with a NUL byte before spawning anything (ssh would cut it there)', async () => {
    const transport = new SshTransport({ connectTimeoutSeconds: 1, sshPath: '/nonexistent/ssh' });
    try {
      const result = await transport.run(testHost(), ['xl', 'destroy', 'a\0b'], { timeoutMs: 1000 });
      assert.equal(result.refused, 'argument 3 of the remote command contains a NUL byte, which no command line can carry');
      assert.equal(result.spawnError, undefined, 'nothing was spawned');
      assert.equal(sshFailure(testHost(), result, 1000)?.kind, 'refused');
    } finally {
      await transport.dispose();
    }
  });

  it('turns a spawn that throws into a result', async () => {
    const transport = new SshTransport({ connectTimeoutSeconds: 1, sshPath: 'ss\0h' });
    try {
      const result = await transport.run(testHost(), ['true'], { timeoutMs: 1000 });
      assert.match(result.spawnError ?? '', /null bytes/);
    } finally {
      await transport.dispose();
    }
  });

  it('stops reading at the output limit, kills the call and says so', async () => {
    const ssh = fakeSsh('exec yes "a line of endless output"');
    const transport = new SshTransport({ connectTimeoutSeconds: 1, sshPath: ssh.path, maxOutputBytes: 1024 * 1024 });
    try {
      const started = Date.now();
      const result = await transport.run(testHost(), ['xl', 'list'], { timeoutMs: 20000 });
      assert.equal(result.outputLimit, 1024 * 1024);
      assert.equal(result.stdout, '');
      assert.ok(Date.now() - started < 5000);
      assert.equal(sshFailure(testHost(), result, 20000)?.message, 'root@an-node01: stopped reading after 1 MiB of output');
      assert.equal(OUTPUT_LIMIT_BYTES, 64 * 1024 * 1024);
    } finally {
      await transport.dispose();
      ssh.cleanup();
    }
  });

  it('keeps stdout bytes exact (Latin-1, NUL, 0xFF) and sends bytes to stdin as they are', async () => {
    const ssh = fakeSsh('cat');
    const transport = new SshTransport({ connectTimeoutSeconds: 1, sshPath: ssh.path });
    try {
      const bytes = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x00, 0xff, 0x0a]);
      const result = await transport.run(testHost(), ['cat'], { timeoutMs: 5000, input: bytes });
      assert.deepEqual(Buffer.from(result.stdoutBytes), Buffer.from(bytes));
      assert.equal(result.stdout, 'caf\ufffd\0\ufffd\n', 'the decoded text is for messages only');
    } finally {
      await transport.dispose();
      ssh.cleanup();
    }
  });
});
