/**
 * The SSH transport: the system OpenSSH client, so ~/.ssh/config, the agent,
 * ProxyJump and known_hosts behave as in the user's terminal. Arguments go to
 * `ssh` as an argv (no local shell); the remote command line is built by
 * shellCommandLine() because sshd hands it to the remote user's shell.
 */
import { ChildProcess, ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostSpec, sshDestination } from './hosts';
import { shellCommandLine } from './shellQuote';

export interface TransportOptions {
  /** The ssh program (default `ssh` from PATH). */
  readonly sshPath?: string;
  /** An ssh_config file passed with -F instead of ~/.ssh/config (tests, the CLI's --ssh-config). */
  readonly configFile?: string;
  /** Seconds for the TCP connection and the SSH handshake (ssh's ConnectTimeout). */
  readonly connectTimeoutSeconds: number;
  /** Seconds an idle shared connection stays open (ControlPersist). */
  readonly persistSeconds?: number;
  /** Environment for ssh (default: this process's, which carries SSH_AUTH_SOCK). */
  readonly env?: NodeJS.ProcessEnv;
  /** Receives one line per command run and per failure (never secrets: we never handle any). */
  readonly log?: (line: string) => void;
  /** Bytes of stdout and stderr read from one call before it is stopped (default OUTPUT_LIMIT_BYTES; tests lower it). */
  readonly maxOutputBytes?: number;
}

/**
 * The most output read from one remote call, stdout and stderr together. Past it
 * the call is killed and reported as too much output. A refresh of a few hundred
 * domains is a few MB and a config a few KB, so 64 MiB only stops a runaway
 * (a toolstack stuck printing, a huge file) before it costs gigabytes of memory
 * here: Node cannot even make a string of more than ~512 MB.
 */
export const OUTPUT_LIMIT_BYTES = 64 * 1024 * 1024;

export interface RunOptions {
  /** The whole call, connection included, is killed after this many milliseconds. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Written to the remote command's stdin (a string as UTF-8, bytes as they are). */
  readonly input?: string | Uint8Array;
  /** Short text for the log instead of the full remote command (for the long refresh script). */
  readonly logAs?: string;
}

export interface RunResult {
  /** Exit status of ssh: the remote command's, or 255 when ssh itself failed. Null when killed. */
  readonly exitCode: number | null;
  /** stdout decoded as UTF-8 (invalid bytes become U+FFFD): for messages and toolstack output. */
  readonly stdout: string;
  /** stdout exactly as it arrived: for file contents. */
  readonly stdoutBytes: Uint8Array;
  readonly stderr: string;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
  /** Set when ssh could not be started at all (for example not installed). */
  readonly spawnError?: string;
  /** Set when the command was not run because an argument cannot be passed (a NUL byte). */
  readonly refused?: string;
  /** Set when the call was stopped after this many bytes of output (the limit). */
  readonly outputLimit?: number;
}

/**
 * Control directories still in use. The extension host may stop without waiting
 * for an async dispose(), so the directories are also removed, synchronously,
 * when the process exits (the ssh masters then close on their ControlPersist).
 */
const CONTROL_DIRS = new Set<string>();
let exitHookInstalled = false;

function removeOnExit(dir: string): void {
  CONTROL_DIRS.add(dir);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const leftover of CONTROL_DIRS) rmSync(leftover, { recursive: true, force: true });
  });
}

export class SshTransport {
  private readonly controlDir: string;
  private readonly hostsUsed = new Map<string, HostSpec>();

  /** Windows' OpenSSH has no connection sharing (ControlMaster). */
  private readonly sharing = process.platform !== 'win32';

  constructor(private readonly options: TransportOptions) {
    // A private directory (mode 0700) for the connection-sharing sockets: anyone
    // who can open a control socket can run commands on the host. Under /tmp when
    // there is one: socket paths are limited to ~104 bytes and macOS's tmpdir is long.
    this.controlDir = mkdtempSync(join(existsSync('/tmp') ? '/tmp' : tmpdir(), 'xen-dom0-'));
    removeOnExit(this.controlDir);
  }

  /**
   * The ssh argv (without the program) that runs `remoteArgv` on `host`. With a
   * terminal (the console) the connection is its own, so that closing the
   * explorer's shared connections never cuts an open console.
   */
  sshArgs(host: HostSpec, remoteArgv: readonly string[], extra: { tty?: boolean } = {}): string[] {
    return [...this.connectionArgs(host, !extra.tty), ...(extra.tty ? ['-t'] : ['-T']), '--', sshDestination(host), shellCommandLine(remoteArgv)];
  }

  get sshPath(): string {
    return this.options.sshPath ?? 'ssh';
  }

  private connectionArgs(host: HostSpec, shared = true): string[] {
    const args: string[] = [];
    if (this.options.configFile) args.push('-F', this.options.configFile);
    args.push('-o', 'BatchMode=yes', '-o', `ConnectTimeout=${Math.max(1, Math.round(this.options.connectTimeoutSeconds))}`);
    if (this.sharing && shared) {
      args.push('-o', 'ControlMaster=auto', '-o', `ControlPath=${join(this.controlDir, '%C')}`, '-o', `ControlPersist=${this.options.persistSeconds ?? 60}`);
    }
    if (host.port !== undefined) args.push('-p', String(host.port));
    return args;
  }

  /** Runs `remoteArgv` on `host`; never rejects (failures are in the result). */
  run(host: HostSpec, remoteArgv: readonly string[], options: RunOptions): Promise<RunResult> {
    const notRun = (extra: Partial<RunResult>): Promise<RunResult> =>
      Promise.resolve({ exitCode: null, stdout: '', stdoutBytes: new Uint8Array(), stderr: '', timedOut: false, cancelled: false, ...extra });
    // A C string ends at NUL: ssh would cut the argument there and run something else.
    const withNul = remoteArgv.findIndex((arg) => arg.includes('\0'));
    if (withNul >= 0) return notRun({ refused: `argument ${withNul + 1} of the remote command contains a NUL byte, which no command line can carry` });
    if (options.signal?.aborted) return notRun({ cancelled: true });
    this.hostsUsed.set(host.spec, host);
    const args = this.sshArgs(host, remoteArgv);
    const started = Date.now();
    const logFinished = (result: RunResult) => this.options.log?.(finishedLine(`[${host.label}] ssh ${sshDestination(host)} ${options.logAs ?? shellCommandLine(remoteArgv)}`, result, Date.now() - started));
    let child: ChildProcessWithoutNullStreams;
    try {
      child = spawn(this.sshPath, args, { env: this.options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    } catch (error) {
      // spawn throws (instead of emitting 'error') for arguments it refuses outright.
      return notRun({ spawnError: (error as Error).message });
    }
    const limit = this.options.maxOutputBytes ?? OUTPUT_LIMIT_BYTES;
    return new Promise((resolve) => {
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let received = 0;
      let timedOut = false;
      let cancelled = false;
      let overflowed = false;
      let spawnError: string | undefined;
      const kill = () => {
        child.kill('SIGTERM');
        // ssh exits on SIGTERM at once; SIGKILL is only for a wedged process.
        setTimeout(() => child.kill('SIGKILL'), 2000).unref();
      };
      const timer = setTimeout(() => {
        timedOut = true;
        kill();
      }, options.timeoutMs);
      const onAbort = () => {
        cancelled = true;
        kill();
      };
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const collect = (into: Buffer[]) => (chunk: Buffer) => {
        if (overflowed) return;
        received += chunk.length;
        if (received > limit) {
          overflowed = true;
          kill();
          // Nothing more is read: the output so far is dropped with the call.
          stdout.length = 0;
          stderr.length = 0;
          finish(null);
          return;
        }
        into.push(chunk);
      };
      child.stdout.on('data', collect(stdout));
      child.stderr.on('data', collect(stderr));
      child.stdin.on('error', () => undefined); // the remote side may close stdin early (EPIPE)
      child.stdin.end(options.input ?? '');
      child.on('error', (error) => {
        spawnError = error.message;
        finish(null);
      });
      // Not 'close': with connection sharing, ssh hands its stdio to the master
      // process, which keeps them open while the remote command runs, also after
      // we killed our ssh on a timeout. So we finish when ssh exits, then give
      // the pipes a moment to deliver what is already in them.
      child.on('exit', (code) => {
        if (timedOut || cancelled) return finish(null);
        let open = 2;
        const grace = setTimeout(() => finish(code), 1000);
        const ended = () => {
          if (--open === 0) {
            clearTimeout(grace);
            finish(code);
          }
        };
        child.stdout.once('end', ended);
        child.stderr.once('end', ended);
        if (child.stdout.readableEnded) ended();
        if (child.stderr.readableEnded) ended();
      });
      let finished = false;
      const finish = (code: number | null) => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        child.stdout.destroy();
        child.stderr.destroy();
        const bytes = Buffer.concat(stdout);
        const result: RunResult = {
          exitCode: overflowed ? null : code,
          stdout: bytes.toString('utf8'),
          stdoutBytes: bytes,
          stderr: Buffer.concat(stderr).toString('utf8'),
          timedOut,
          cancelled,
          ...(spawnError !== undefined ? { spawnError } : {}),
          ...(overflowed ? { outputLimit: limit } : {}),
        };
        logFinished(result);
        resolve(result);
      };
    });
  }

  /** Closes the shared connections and removes the socket directory (see also removeControlDirOnExit). */
  async dispose(): Promise<void> {
    const shared = this.sharing ? [...this.hostsUsed.values()] : [];
    await Promise.all(
      shared.map(
        (host) =>
          new Promise<void>((resolve) => {
            let child: ChildProcess;
            try {
              child = spawn(this.sshPath, [...this.connectionArgs(host), '-O', 'exit', '--', sshDestination(host)], {
                env: this.options.env ?? process.env,
                stdio: 'ignore',
              });
            } catch {
              return resolve(); // an ssh that cannot be spawned has no connection to close
            }
            const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
            child.on('error', () => undefined);
            child.on('close', () => {
              clearTimeout(timer);
              resolve();
            });
          }),
      ),
    );
    this.hostsUsed.clear();
    rmSync(this.controlDir, { recursive: true, force: true });
    CONTROL_DIRS.delete(this.controlDir);
  }
}

/**
 * The one log line of a finished call: the command, how it ended and how long it
 * took; ssh's stderr follows, indented, when the call failed (and only here:
 * error messages built from it are not logged with it again).
 */
export function finishedLine(command: string, result: RunResult, elapsedMs: number): string {
  const seconds = `${(elapsedMs / 1000).toFixed(1)} s`;
  const ended =
    result.spawnError !== undefined ? `ssh could not be started (${result.spawnError})`
    : result.outputLimit !== undefined ? `stopped after ${result.outputLimit} bytes of output, ${seconds}`
    : result.timedOut ? `timed out after ${seconds}`
    : result.cancelled ? `cancelled after ${seconds}`
    : result.exitCode === null ? `killed after ${seconds}`
    : `exit ${result.exitCode}, ${seconds}`;
  const stderr = result.exitCode !== 0 ? result.stderr.trim() : '';
  return `${command} -> ${ended}${stderr ? `\n  ${stderr.replace(/\n/g, '\n  ')}` : ''}`;
}
