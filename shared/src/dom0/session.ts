/**
 * Everything the view and the CLI do with dom0 hosts, without VS Code:
 * refresh (one SSH round trip per host, hosts in parallel up to a bound),
 * run an action, read and write a remote file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { actionArgv, DomainAction, FILE_CHANGED_EXIT, readFileArgv, writeFileArgv } from './actions';
import { mapWithLimit } from './concurrency';
import { commandFailure, Dom0Error, sshFailure, unparsableOutput } from './errors';
import { HostSpec } from './hosts';
import { buildHostModel, DomainModel, HostModel, unreachableHost } from './model';
import { refreshCommand, splitSections } from './refreshScript';
import { shellCommandLine } from './shellQuote';
import { SshTransport, TransportOptions } from './transport';

export interface SessionOptions extends TransportOptions {
  /** Milliseconds for one whole remote call (connection included). */
  readonly commandTimeoutMs: number;
  /** Hosts refreshed at the same time. */
  readonly parallelism: number;
}

export type ActionResult = { ok: true; stdout: string; stderr: string } | { ok: false; error: Dom0Error };

export type ReadResult = { ok: true; content: string; md5: string } | { ok: false; error: Dom0Error; notFound?: boolean };

export type WriteResult = { ok: true } | { ok: false; error: Dom0Error; changedOnHost?: boolean };

export const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

export class Dom0Session {
  readonly transport: SshTransport;

  constructor(private readonly options: SessionOptions) {
    this.transport = new SshTransport(options);
  }

  /** Refreshes every host; never rejects, failures are in each HostModel. */
  refreshAll(hosts: readonly HostSpec[], signal?: AbortSignal): Promise<HostModel[]> {
    return mapWithLimit(hosts, this.options.parallelism, (host) => this.refreshHost(host, signal));
  }

  async refreshHost(host: HostSpec, signal?: AbortSignal): Promise<HostModel> {
    const nonce = randomBytes(8).toString('hex');
    const result = await this.transport.run(host, refreshCommand(host.toolstack, nonce), {
      timeoutMs: this.options.commandTimeoutMs,
      signal,
      logAs: `<refresh script: ${host.toolstack === 'xm' ? 'xm' : 'xl'} info, list, list -l, uptime; ls /etc/xen/*.cfg>`,
    });
    const failure = sshFailure(host, result, this.options.commandTimeoutMs);
    if (failure) return this.logged(unreachableHost(host, failure));
    const output = splitSections(result.stdout, nonce);
    if (!output) {
      const error =
        result.exitCode !== 0
          ? commandFailure(host, 'the refresh script', result.exitCode ?? -1, result.stderr)
          : unparsableOutput(host, 'the refresh script', 'its section markers are missing (does the login shell print text, or is it not a POSIX shell?)');
      return this.logged({ host, reachable: true, domains: [], error, warnings: [] });
    }
    return this.logged(buildHostModel(host, output));
  }

  private logged(model: HostModel): HostModel {
    for (const error of [...(model.error ? [model.error] : []), ...model.warnings]) this.logError(error);
    return model;
  }

  private logError(error: Dom0Error): void {
    this.options.log?.(`error: ${error.message}${error.detail ? `\n  ${error.detail.replace(/\n/g, '\n  ')}` : ''}`);
  }

  /** Runs `action` on a domain of `host`. */
  async runAction(host: HostSpec, toolstack: 'xl' | 'xm', action: Exclude<DomainAction, 'console'>, domain: Pick<DomainModel, 'name' | 'configPath'>, options: { target?: HostSpec; signal?: AbortSignal; timeoutMs?: number } = {}): Promise<ActionResult> {
    const argv = actionArgv(toolstack, action, domain, options.target);
    return this.runChecked(host, argv, `\`${argv.slice(0, 2).join(' ')}\` of ${domain.name}`, options);
  }

  private async runChecked(host: HostSpec, argv: string[], what: string, options: { signal?: AbortSignal; timeoutMs?: number; input?: string; logAs?: string } = {}): Promise<ActionResult & { exitCode?: number | null }> {
    const timeoutMs = options.timeoutMs ?? this.options.commandTimeoutMs;
    const result = await this.transport.run(host, argv, { timeoutMs, signal: options.signal, input: options.input, logAs: options.logAs });
    const failure = sshFailure(host, result, timeoutMs);
    const error = failure ?? (result.exitCode !== 0 ? commandFailure(host, what, result.exitCode ?? -1, result.stderr) : undefined);
    if (error) {
      this.logError(error);
      return { ok: false, error, exitCode: result.exitCode };
    }
    return { ok: true, stdout: result.stdout, stderr: result.stderr };
  }

  async readFile(host: HostSpec, path: string, signal?: AbortSignal): Promise<ReadResult> {
    const result = await this.runChecked(host, readFileArgv(path), `reading ${path}`, { signal });
    if (!result.ok) return { ok: false, error: result.error, notFound: /No such file/.test(result.error.detail ?? '') };
    return { ok: true, content: result.stdout, md5: md5(result.stdout) };
  }

  /** Writes `content` to `path` if the file still has `expectedMd5` ("-": must not exist yet). */
  async writeFile(host: HostSpec, path: string, content: string, expectedMd5: string, signal?: AbortSignal): Promise<WriteResult> {
    const result = await this.runChecked(host, writeFileArgv(path, expectedMd5), `saving ${path}`, {
      signal,
      input: content,
      logAs: `<atomic save script> ${shellCommandLine([path, expectedMd5])}`,
    });
    if (result.ok) return { ok: true };
    return { ok: false, error: result.error, changedOnHost: result.exitCode === FILE_CHANGED_EXIT };
  }

  dispose(): Promise<void> {
    return this.transport.dispose();
  }
}
