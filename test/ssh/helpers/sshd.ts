/**
 * A real OpenSSH server on 127.0.0.1 for the transport and explorer tests:
 * a throwaway host key and client keys, a free port, and the `xl` STAND-IN
 * (xl-standin.sh, replaying real captures) first on the session's PATH.
 */
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { userInfo, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHostSetting, HostSpec } from '../../../shared/src/dom0/hosts';
import { REPO_ROOT } from '../../helpers/fixtures';

export const SSHD = '/usr/sbin/sshd';
/** Why the real-sshd tests cannot run here, or undefined when they can. */
export function sshdMissing(): string | undefined {
  if (!existsSync(SSHD)) return `${SSHD} is missing: install openssh-server (npm run test:server installs it when run as root with apt-get) to run the real-sshd tests`;
  for (const tool of ['ssh', 'ssh-keygen']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      return `${tool} is missing: install openssh-client (npm run test:server installs it when run as root with apt-get) to run the real-sshd tests`;
    }
  }
  return undefined;
}

/** Client configurations: which key we offer and what known_hosts says about the server. */
export type ClientProfile = 'good' | 'wrong-key' | 'unknown-host-key' | 'changed-host-key';

/**
 * Files a stand-in scenario may hold per toolstack subcommand: KEY.stdout, KEY.stderr, KEY.rc, KEY.hang,
 * KEY.flood (prints forever), KEY.delay (seconds before answering), KEY.then (the scenario made current
 * by this call: the state an action leaves behind).
 */
export type Scenario = Record<string, { stdout?: string; stderr?: string; rc?: number; hang?: boolean; flood?: boolean; delaySeconds?: number; then?: string }>;

export interface TestSshd {
  readonly port: number;
  readonly user: string;
  host(spec?: string): HostSpec;
  /** An ssh_config file for -F. */
  clientConfig(profile?: ClientProfile): string;
  /** Environment for ssh without the developer's agent. */
  readonly env: NodeJS.ProcessEnv;
  /** Which stand-ins exist on the remote PATH (default: only `xl`). */
  standinPrograms(programs: readonly ('xl' | 'xm')[]): void;
  /**
   * Puts an sh script named `program` first on the remote PATH (a slow `chown`, a
   * `mv` that pauses after renaming), to hold a remote script at a chosen step;
   * `undefined` removes it.
   */
  shim(program: string, script: string | undefined): void;
  /**
   * Installs a scenario for the stand-in and makes it current. With `domains`
   * (id, name), the stand-in resolves action arguments as libxl (xl) or xend (xm) do.
   * `makeCurrent` false only installs it (a state a `then` switches to).
   */
  useScenario(name: string, files: Scenario, domains?: readonly (readonly [number, string])[], makeCurrent?: boolean): void;
  /** Every stand-in call since the last reset: [program, ...argv]. */
  standinCalls(): string[][];
  /** The domains the stand-in acted on since the last reset, as resolved: `xl destroy 1 2` is domid 1, named "2". */
  acted(): string[];
  resetCalls(): void;
  stop(): Promise<void>;
}

const keygen = (file: string) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'xen-dom0-test', '-f', file]);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** sshd refuses to start without its privilege-separation directory (systemd normally creates it). */
const PRIVSEP_DIR = '/run/sshd';

/** `loopbacks`: listen on 127.0.0.1 .. 127.0.0.N, so that N "hosts" get N separate connections (the bench). */
/**
 * `etcXen`: a directory the remote side sees as /etc/xen (bind-mounted in a private mount
 * namespace of this sshd only, so the machine's /etc/xen is untouched), for tests that open
 * the config files the explorer derives from domain names. Needs root and unshare(1).
 */
export async function startSshd(loopbacks = 1, options: { etcXen?: string } = {}): Promise<TestSshd> {
  if (!existsSync(PRIVSEP_DIR)) mkdirSync(PRIVSEP_DIR, { mode: 0o755 });
  const dir = mkdtempSync(join(tmpdir(), 'xen-dom0-sshd-'));
  const standin = join(dir, 'standin');
  mkdirSync(join(standin, 'bin'), { recursive: true });
  const standinPrograms = (programs: readonly string[]) => {
    for (const program of ['xl', 'xm']) rmSync(join(standin, 'bin', program), { force: true });
    for (const program of programs) {
      const target = join(standin, 'bin', program);
      copyFileSync(join(REPO_ROOT, 'test', 'ssh', 'helpers', 'xl-standin.sh'), target);
      chmodSync(target, 0o755);
    }
  };
  standinPrograms(['xl']);
  writeFileSync(join(standin, 'scenario'), 'none\n');
  writeFileSync(join(standin, 'argv.log'), '');
  for (const key of ['host_key', 'client_key', 'other_key']) keygen(join(dir, key));
  writeFileSync(join(dir, 'authorized_keys'), readFileSync(join(dir, 'client_key.pub')));
  const port = await freePort();
  writeFileSync(
    join(dir, 'sshd_config'),
    [
      `Port ${port}`,
      ...Array.from({ length: loopbacks }, (_, i) => `ListenAddress 127.0.0.${i + 1}`),
      `HostKey ${join(dir, 'host_key')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PubkeyAuthentication yes',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'MaxStartups 200',
      'MaxSessions 200',
      // The stand-in comes first on PATH; the refresh script appends /usr/sbin after it.
      `SetEnv XL_STANDIN_DIR=${standin} PATH=${join(standin, 'bin')}:/usr/bin:/bin`,
      'LogLevel INFO',
    ].join('\n') + '\n',
  );
  const hostKey = readFileSync(join(dir, 'host_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
  const otherKey = readFileSync(join(dir, 'other_key.pub'), 'utf8').trim().split(' ').slice(0, 2).join(' ');
  const knownHosts: Record<string, string> = {
    good: Array.from({ length: loopbacks }, (_, i) => `[127.0.0.${i + 1}]:${port} ${hostKey}\n`).join(''),
    empty: '',
    changed: `[127.0.0.1]:${port} ${otherKey}\n`,
  };
  for (const [name, text] of Object.entries(knownHosts)) writeFileSync(join(dir, `known_hosts.${name}`), text);
  const profiles: Record<ClientProfile, { key: string; knownHosts: string }> = {
    good: { key: 'client_key', knownHosts: 'good' },
    'wrong-key': { key: 'other_key', knownHosts: 'good' },
    'unknown-host-key': { key: 'client_key', knownHosts: 'empty' },
    'changed-host-key': { key: 'client_key', knownHosts: 'changed' },
  };
  for (const [profile, { key, knownHosts: hosts }] of Object.entries(profiles)) {
    writeFileSync(
      join(dir, `ssh_config.${profile}`),
      [
        'Host *',
        `  IdentityFile ${join(dir, key)}`,
        '  IdentitiesOnly yes',
        '  IdentityAgent none',
        `  UserKnownHostsFile ${join(dir, `known_hosts.${hosts}`)}`,
        '  GlobalKnownHostsFile /dev/null',
        '  StrictHostKeyChecking yes',
      ].join('\n') + '\n',
    );
  }

  const sshdArgv = [SSHD, '-D', '-e', '-f', join(dir, 'sshd_config')];
  // unshare(1) and sh exec sshd, so the pid stays sshd's; a private namespace does not leak the mount.
  const argv = options.etcXen ? ['unshare', '--mount', '--propagation', 'private', 'sh', '-c', 'mount --bind "$1" /etc/xen && shift && exec "$@"', 'sh', options.etcXen, ...sshdArgv] : sshdArgv;
  const sshd: ChildProcess = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Server listening on')) {
        sshd.stderr?.off('data', onData);
        sshd.stderr?.resume(); // keep draining: sshd logs every login
        resolve();
      }
    };
    sshd.stderr?.on('data', onData);
    sshd.once('exit', (code) => reject(new Error(`sshd exited with ${code} before listening:\n${log}`)));
  });

  const env = { ...process.env };
  delete env.SSH_AUTH_SOCK;
  const user = userInfo().username;
  return {
    port,
    user,
    env,
    host(spec = `${user}@127.0.0.1:${port}`) {
      const parsed = parseHostSetting(spec);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.host;
    },
    standinPrograms,
    shim(program, script) {
      const target = join(standin, 'bin', program);
      if (script === undefined) rmSync(target, { force: true });
      else writeFileSync(target, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
    },
    clientConfig: (profile = 'good') => join(dir, `ssh_config.${profile}`),
    useScenario(name, files, domains, makeCurrent = true) {
      const scenarioDir = join(standin, 'scenarios', name);
      rmSync(scenarioDir, { recursive: true, force: true });
      mkdirSync(scenarioDir, { recursive: true });
      if (domains) writeFileSync(join(scenarioDir, 'domains'), domains.map(([id, domain]) => `${id} ${domain}\n`).join(''));
      for (const [key, file] of Object.entries(files)) {
        if (file.stdout !== undefined) writeFileSync(join(scenarioDir, `${key}.stdout`), file.stdout);
        if (file.stderr !== undefined) writeFileSync(join(scenarioDir, `${key}.stderr`), file.stderr);
        if (file.rc !== undefined) writeFileSync(join(scenarioDir, `${key}.rc`), String(file.rc));
        if (file.hang) writeFileSync(join(scenarioDir, `${key}.hang`), '');
        if (file.flood) writeFileSync(join(scenarioDir, `${key}.flood`), '');
        if (file.delaySeconds !== undefined) writeFileSync(join(scenarioDir, `${key}.delay`), String(file.delaySeconds));
        if (file.then !== undefined) writeFileSync(join(scenarioDir, `${key}.then`), file.then);
      }
      if (makeCurrent) writeFileSync(join(standin, 'scenario'), name + '\n');
    },
    standinCalls() {
      const fields = readFileSync(join(standin, 'argv.log'), 'utf8').split('\0');
      const calls: string[][] = [];
      for (let i = 0; i + 1 < fields.length; ) {
        const count = Number(fields[i + 1]);
        calls.push([fields[i], ...fields.slice(i + 2, i + 2 + count)]);
        i += 2 + count;
      }
      return calls;
    },
    acted: () => (existsSync(join(standin, 'acted.log')) ? readFileSync(join(standin, 'acted.log'), 'utf8').split('\n').filter(Boolean) : []),
    resetCalls: () => {
      writeFileSync(join(standin, 'argv.log'), '');
      writeFileSync(join(standin, 'acted.log'), '');
    },
    async stop() {
      // Only the processes this helper started: the stand-ins told to hang, then sshd.
      const hung = join(standin, 'hung.pids');
      if (existsSync(hung)) {
        for (const pid of readFileSync(hung, 'utf8').split('\n').filter(Boolean).map(Number)) {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      }
      if (sshd.exitCode === null) {
        const exited = new Promise((resolve) => sshd.once('exit', resolve));
        sshd.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A port on 127.0.0.1 nobody listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Accepts connections and never sends a byte (a wedged host or a black-holing proxy). */
export async function silentServer(): Promise<{ port: number; close: () => void }> {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () => {
      sockets.forEach((socket) => socket.destroy());
      server.close();
    },
  };
}
