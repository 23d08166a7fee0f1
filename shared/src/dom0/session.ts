/**
 * Everything the view and the CLI do with dom0 hosts, without VS Code:
 * refresh (one SSH round trip per host, hosts in parallel up to a bound),
 * run an action, read and write a remote file.
 */
import { randomBytes } from 'node:crypto';
import { actedCommand, actionArgv, DomainAction, DomainRef, GUARD_MISMATCH_EXIT, inspectArgv, unaddressable } from './actions';
import { mapWithLimit } from './concurrency';
import { commandFailure, Dom0Error, formatBytes, internalError, sshFailure, unparsableOutput, untrusted, where } from './errors';
import { HostSpec } from './hosts';
import { buildHostModel, HostModel, unreachableHost } from './model';
import { refreshCommand, splitSections } from './refreshScript';
import { ChecksumAlgorithm, Digests, digestsOf, FILE_EXIT, HostFileState, isUnchangedExit, parseProbe, parseSaved, parseStat, probeArgv, readFileArgv, saveFileArgv, statFileArgv } from './remoteFile';
import { shellCommandLine } from './shellQuote';
import { RunResult, SshTransport, TransportOptions } from './transport';

export interface SessionOptions extends TransportOptions {
  /** Milliseconds for one whole remote call (connection included). */
  readonly commandTimeoutMs: number;
  /** Hosts refreshed at the same time. */
  readonly parallelism: number;
  /**
   * Asked each time, before any remote command is built: false (an untrusted
   * workspace) builds nothing and runs nothing. The explorer passes
   * `() => vscode.workspace.isTrusted`; the CLI, run on purpose, `() => true`.
   */
  readonly trusted: () => boolean;
  /** Timestamped backups kept next to a saved file (default DEFAULT_BACKUPS; 0: none). */
  readonly backups?: number;
}

export const DEFAULT_BACKUPS = 5;

/** `command`: what ran, in words (`xl destroy 1 (only if id 1 is still named 2)`). */
export type ActionResult = { ok: true; stdout: string; stderr: string; command: string } | { ok: false; error: Dom0Error };

export type StatResult = { ok: true; size: number; mtimeMs: number } | { ok: false; error: Dom0Error; notFound?: boolean };

export type ReadResult = { ok: true; bytes: Uint8Array; digests: Digests } | { ok: false; error: Dom0Error; notFound?: boolean };

export type WriteResult =
  /** `savedTo` is the file written (the target when the path is a symbolic link). `note`: how a late cancel or a lost answer ended. */
  | { ok: true; algorithm?: ChecksumAlgorithm; savedTo: string; note?: string }
  /** `hostState` says what the file on the host is now: `old` unchanged, `other` changed by someone else, `running`/`unknown` not known. */
  | { ok: false; error: Dom0Error; changedOnHost?: boolean; hostState: Exclude<HostFileState, 'new'> };

/** A program and its argv for a terminal (the console), or why it cannot be built. */
export type TerminalCommand = { ok: true; program: string; args: string[] } | { ok: false; error: Dom0Error };

/** The probe after a lost save answer is short and must run even when the save was cancelled. */
const PROBE_TIMEOUT_MS = 20_000;

export class Dom0Session {
  readonly transport: SshTransport;

  constructor(private readonly options: SessionOptions) {
    this.transport = new SshTransport(options);
  }

  /** Refreshes every host; never rejects, failures are in each HostModel. */
  refreshAll(hosts: readonly HostSpec[], signal?: AbortSignal): Promise<HostModel[]> {
    return mapWithLimit(hosts, this.options.parallelism, (host) => this.refreshHost(host, signal));
  }

  /** Never rejects: a failure, ours included, is the host's error. */
  async refreshHost(host: HostSpec, signal?: AbortSignal): Promise<HostModel> {
    if (!this.options.trusted()) return { host, reachable: false, domains: [], error: untrusted(host), warnings: [] };
    const nonce = randomBytes(8).toString('hex');
    const result = await this.transport.run(host, refreshCommand(host.toolstack, nonce), {
      timeoutMs: this.options.commandTimeoutMs,
      signal,
      logAs: `<refresh script: ${host.toolstack === 'xm' ? 'xm' : 'xl'} info, list, list -l, uptime; ls /etc/xen/*.cfg>`,
    });
    const failure = sshFailure(host, result, this.options.commandTimeoutMs);
    if (failure) return this.logged(unreachableHost(host, failure), result.stderr);
    try {
      const output = splitSections(result.stdout, nonce);
      if (!output) {
        const error =
          result.exitCode !== 0
            ? commandFailure(host, 'the refresh script', result.exitCode ?? -1, result.stderr)
            : unparsableOutput(host, 'the refresh script', 'its section markers are missing (does the login shell print text, or is it not a POSIX shell?)');
        return this.logged({ host, reachable: true, domains: [], error, warnings: [] }, result.stderr);
      }
      return this.logged(buildHostModel(host, output));
    } catch (error) {
      return this.logged({ host, reachable: true, domains: [], error: internalError(host, 'reading the refresh', error), warnings: [] });
    }
  }

  private logged(model: HostModel, loggedStderr?: string): HostModel {
    for (const error of [...(model.error ? [model.error] : []), ...model.warnings]) this.logError(error, loggedStderr);
    return model;
  }

  /** `loggedStderr`: the call's stderr, which the transport already logged with the call (said once, not twice). */
  private logError(error: Dom0Error, loggedStderr?: string): void {
    const detail = error.detail && error.detail !== loggedStderr?.trim() ? `\n  ${error.detail.replace(/\n/g, '\n  ')}` : '';
    this.options.log?.(`error: ${error.message}${detail}`);
  }

  /** The argv of `action`, or the reason nothing may be built (untrusted, a domain that cannot be named safely). */
  private build(host: HostSpec, toolstack: 'xl' | 'xm', action: DomainAction, domain: DomainRef, target?: HostSpec): { ok: true; argv: string[] } | { ok: false; error: Dom0Error } {
    if (!this.options.trusted()) return { ok: false, error: untrusted(host) };
    const why = unaddressable(toolstack, action, domain);
    if (why) return { ok: false, error: { kind: 'refused', message: `${where(host)}: not run: ${why}`, hint: 'Refresh the view and try again.' } };
    if (action === 'migrate' && !target) return { ok: false, error: { kind: 'refused', message: `${where(host)}: not run: migrate needs a target host`, hint: 'Pick a target host.' } };
    return { ok: true, argv: actionArgv(toolstack, action, domain, target) };
  }

  /** Runs `action` on a domain of `host`. */
  async runAction(host: HostSpec, toolstack: 'xl' | 'xm', action: Exclude<DomainAction, 'console'>, domain: DomainRef, options: { target?: HostSpec; signal?: AbortSignal; timeoutMs?: number } = {}): Promise<ActionResult> {
    const built = this.build(host, toolstack, action, domain, options.target);
    if (!built.ok) {
      this.logError(built.error);
      return built;
    }
    const shown = describeCommand(built.argv);
    const result = await this.runChecked(host, built.argv, `\`${actedCommand(built.argv).slice(0, 2).join(' ')}\` of ${domain.name}`, { ...options, logAs: shown });
    if (!result.ok && result.exitCode === GUARD_MISMATCH_EXIT && /^xen-dom0-guard: /m.test(result.error.detail ?? '')) {
      const said = /^xen-dom0-guard: (.*)$/m.exec(result.error.detail ?? '')?.[1] ?? 'the domain changed';
      return { ok: false, error: { kind: 'domain-changed', message: `${where(host)}: ${said}`, hint: 'The domain was renamed, destroyed or recreated since the last refresh: refresh the view and try again.' } };
    }
    return result.ok ? { ok: true, stdout: result.stdout, stderr: result.stderr, command: shown } : { ok: false, error: result.error };
  }

  /** One domain's long listing (`xl list -l ID` JSON, `xm list --long` S-expression), as text to show read-only. */
  async inspect(host: HostSpec, toolstack: 'xl' | 'xm', domain: DomainRef, signal?: AbortSignal): Promise<{ ok: true; text: string } | { ok: false; error: Dom0Error }> {
    if (!this.options.trusted()) return { ok: false, error: untrusted(host) };
    let argv: string[];
    try {
      argv = inspectArgv(toolstack, domain);
    } catch (error) {
      return { ok: false, error: { kind: 'refused', message: `${where(host)}: not run: ${(error as Error).message}`, hint: 'Refresh the view and try again.' } };
    }
    const result = await this.runChecked(host, argv, `\`${toolstack} list ${toolstack === 'xl' ? '-l' : '--long'}\` of ${domain.name}`, { signal, logAs: describeCommand(argv) });
    if (!result.ok && result.exitCode === GUARD_MISMATCH_EXIT) return { ok: false, error: { kind: 'domain-changed', message: `${where(host)}: ${/^xen-dom0-guard: (.*)$/m.exec(result.error.detail ?? '')?.[1] ?? 'the domain changed'}`, hint: 'Refresh the view and try again.' } };
    return result.ok ? { ok: true, text: result.stdout } : { ok: false, error: result.error };
  }

  /** The ssh program and argv that open the console of `domain` in a terminal (its own connection, with a tty). */
  consoleCommand(host: HostSpec, toolstack: 'xl' | 'xm', domain: DomainRef): TerminalCommand {
    const built = this.build(host, toolstack, 'console', domain);
    if (!built.ok) return built;
    if (built.argv.some((arg) => arg.includes('\0'))) return { ok: false, error: { kind: 'refused', message: `${where(host)}: not run: the domain name contains a NUL byte`, hint: 'Rename the domain on the host.' } };
    const args = this.transport.sshArgs(host, built.argv, { tty: true });
    this.options.log?.(`[${host.label}] terminal: ssh ${describeCommand(built.argv)}`);
    return { ok: true, program: this.transport.sshPath, args };
  }

  private async runChecked(
    host: HostSpec,
    argv: string[],
    what: string,
    options: { signal?: AbortSignal; timeoutMs?: number; input?: string | Uint8Array; logAs?: string } = {},
  ): Promise<({ ok: true; stdout: string; stderr: string } | { ok: false; error: Dom0Error; exitCode: number | null }) & { result: RunResult }> {
    const timeoutMs = options.timeoutMs ?? this.options.commandTimeoutMs;
    const result = await this.transport.run(host, argv, { timeoutMs, signal: options.signal, input: options.input, logAs: options.logAs });
    const failure = sshFailure(host, result, timeoutMs);
    const error = failure ?? (result.exitCode !== 0 ? commandFailure(host, what, result.exitCode ?? -1, result.stderr) : undefined);
    if (error) {
      this.logError(error, result.stderr);
      return { ok: false, error, exitCode: failure ? null : result.exitCode, result };
    }
    return { ok: true, stdout: result.stdout, stderr: result.stderr, result };
  }

  /** Reads the bytes of `path` on `host`, and their checksums (the conflict check of a later save). */
  async readFile(host: HostSpec, path: string, signal?: AbortSignal): Promise<ReadResult> {
    if (!this.options.trusted()) return { ok: false, error: untrusted(host) };
    const result = await this.runChecked(host, readFileArgv(path), `reading ${path}`, { signal, logAs: `<read> ${shellCommandLine([path])}` });
    if (!result.ok) return { ok: false, error: result.error, notFound: result.exitCode === FILE_EXIT.notFound };
    const bytes = result.result.stdoutBytes;
    return { ok: true, bytes, digests: digestsOf(bytes) };
  }

  /** The size and modification time of `path` on `host`, as the host says now (one short command, no content). */
  async statFile(host: HostSpec, path: string, signal?: AbortSignal): Promise<StatResult> {
    if (!this.options.trusted()) return { ok: false, error: untrusted(host) };
    const result = await this.runChecked(host, statFileArgv(path), `reading the size and time of ${path}`, { signal, logAs: `<stat> ${shellCommandLine([path])}` });
    if (!result.ok) return { ok: false, error: result.error, notFound: result.exitCode === FILE_EXIT.notFound };
    const stat = parseStat(result.stdout);
    return stat ? { ok: true, ...stat } : { ok: false, error: unparsableOutput(host, `\`stat ${path}\``, `expected "SIZE MTIME", got "${result.stdout.trim().slice(0, 80)}"`) };
  }

  /**
   * Saves `content` to `path` if the file still has the checksums `expected` it had
   * when read (undefined: it must not exist yet). Never installs bytes the host did
   * not verify; when the answer is lost (cancel, timeout, broken connection), asks
   * the host what state the file is in and says so.
   */
  async writeFile(host: HostSpec, path: string, content: Uint8Array, expected: Digests | undefined, signal?: AbortSignal): Promise<WriteResult> {
    if (!this.options.trusted()) return { ok: false, error: untrusted(host), hostState: 'old' };
    const token = randomBytes(8).toString('hex');
    const result = await this.runChecked(host, saveFileArgv({ path, content, expected, token, backups: this.options.backups ?? DEFAULT_BACKUPS }), `saving ${path}`, {
      signal,
      input: content,
      logAs: `<save script> ${shellCommandLine([path])} (${formatBytes(content.byteLength)})`,
    });
    if (result.ok) {
      const saved = parseSaved(result.stdout);
      this.options.log?.(`[${host.label}] saved ${saved?.savedTo ?? path}: ${content.byteLength} bytes, size and ${saved?.algorithm ?? 'checksum'} verified on the host before the rename`);
      return { ok: true, algorithm: saved?.algorithm, savedTo: saved?.savedTo ?? path };
    }
    const run = result.result;
    // Nothing left here: refused before ssh ran, or ssh never started.
    if (run.refused !== undefined || run.spawnError !== undefined) return { ok: false, error: result.error, hostState: 'old' };
    if (isUnchangedExit(result.exitCode)) {
      return { ok: false, error: result.error, changedOnHost: result.exitCode === FILE_EXIT.changed, hostState: 'old' };
    }
    // The answer is lost: the save may be anywhere from "not started" to "installed".
    const state = await this.probe(host, path, token, expected, content);
    if (state === 'new') {
      const why = run.cancelled ? 'the cancel came after the new version was installed' : `the answer was lost (${result.error.message}), but the host has the new version`;
      const note = `Saved: ${why}.`;
      this.options.log?.(`[${host.label}] ${path}: ${note}`);
      return { ok: true, savedTo: path, note };
    }
    return { ok: false, error: result.error, hostState: state };
  }

  private async probe(host: HostSpec, path: string, token: string, expected: Digests | undefined, content: Uint8Array): Promise<HostFileState> {
    if (!this.options.trusted()) return 'unknown';
    const result = await this.transport.run(host, probeArgv(path, token), { timeoutMs: PROBE_TIMEOUT_MS, logAs: `<check after an interrupted save> ${shellCommandLine([path])}` });
    if (sshFailure(host, result, PROBE_TIMEOUT_MS) || result.exitCode !== 0) return 'unknown';
    return parseProbe(result.stdout, expected, content);
  }

  dispose(): Promise<void> {
    return this.transport.dispose();
  }
}

/** A command line for the log and for messages: the toolstack command, with the guard in words. */
export function describeCommand(argv: readonly string[]): string {
  const acted = shellCommandLine(actedCommand(argv));
  if (argv[0] !== 'sh' || argv[3] !== 'xen-dom0-guard') return acted;
  const [mode, key, expected] = argv.slice(5, 8);
  return mode === 'domname' ? `${acted} (only if id ${key} is still named ${shellCommandLine([expected])})` : `${acted} (only if ${shellCommandLine([key])} still has id ${expected})`;
}

/** What a failed save means for the user: why, and what the file on the host is now. */
export function saveFailureMessage(path: string, host: HostSpec, result: Extract<WriteResult, { ok: false }>): string {
  if (result.changedOnHost) {
    return `Not saved: ${path} changed on ${host.label} since it was opened. Copy your changes, run "File: Revert File" to load the host's version, and apply them again.`;
  }
  const state: Record<Extract<WriteResult, { ok: false }>['hostState'], string> = {
    old: `${path} on ${host.label} is unchanged.`,
    other: `${path} on ${host.label} now has content that is neither the version you opened nor yours: someone else changed it. Revert and compare before saving again.`,
    running: `A save of ${path} is still running on ${host.label}; it will not install anything (it was told to stop). Revert the file in a moment to see its state.`,
    unknown: `Could not check ${path} on ${host.label} afterwards: it holds either the version you opened or yours (only a verified copy is ever installed). Revert the file to see which.`,
  };
  return `Not saved: ${result.error.message}. ${state[result.hostState]}${result.hostState === 'old' && result.error.kind !== 'cancelled' ? ` ${result.error.hint}` : ''}`;
}

/** What to tell after a save that did more than the obvious: a late cancel, a link's target written (`linkTold`: said before). */
export function saveSuccessMessage(path: string, host: HostSpec, result: Extract<WriteResult, { ok: true }>, linkTold = false): string | undefined {
  const parts = [
    result.note,
    result.savedTo !== path && !linkTold ? `${path} on ${host.label} is a symbolic link: the file it points to, ${result.savedTo}, was saved, and the link kept.` : undefined,
  ].filter((part) => part !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}
