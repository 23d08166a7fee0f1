/**
 * Running a host check over the explorer's SSH transport: one call per file,
 * the content on stdin, the answer read by parseHostScriptOutput. Used by the
 * CLI (`check --host`, `effective --host`) and by the VS Code commands.
 */
import { randomBytes } from 'node:crypto';
import { commandFailure, Dom0Error, sshFailure, unparsableOutput, untrusted } from '../dom0/errors';
import { HostSpec } from '../dom0/hosts';
import { SshTransport } from '../dom0/transport';
import { parseHostScriptOutput } from './output';
import { describeHostCheck, drbdIncludeLine, hostCheckArgv, HostCheckKind, HostScriptKind, remoteFileName } from './script';
import { hostVerdict, HostVerdict, visible } from './verdict';

export interface HostCallOptions {
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** Asked before anything is built or run: false in an untrusted workspace. */
  readonly trusted: () => boolean;
}

export interface CheckedFile {
  /** Local path or URI path: only its base name travels (as the copy's name). */
  readonly path: string;
  readonly text: string;
}

type ScriptResult = { ok: true; output: NonNullable<ReturnType<typeof parseHostScriptOutput>> } | { ok: false; error: Dom0Error };

async function runScript(transport: SshTransport, host: HostSpec, kind: HostScriptKind, file: CheckedFile, options: HostCallOptions): Promise<ScriptResult> {
  if (!options.trusted()) return { ok: false, error: untrusted(host) };
  const nonce = randomBytes(8).toString('hex');
  const name = remoteFileName(file.path);
  const result = await transport.run(host, hostCheckArgv(kind, name, nonce), {
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    input: file.text,
    logAs: describeHostCheck(kind, name),
  });
  const failure = sshFailure(host, result, options.timeoutMs);
  if (failure) return { ok: false, error: failure };
  const output = parseHostScriptOutput(result.stdout, nonce);
  if (!output) {
    return {
      ok: false,
      error: result.exitCode !== 0 ? commandFailure(host, 'the host check script', result.exitCode ?? -1, visible(result.stderr)) : unparsableOutput(host, 'the host check script', 'its markers are missing from the reply'),
    };
  }
  return { ok: true, output };
}

/** Checks one file with the host's own validator; never rejects. */
export async function checkOnHost(transport: SshTransport, host: HostSpec, kind: HostCheckKind, file: CheckedFile, options: HostCallOptions): Promise<{ ok: true; verdict: HostVerdict } | { ok: false; error: Dom0Error }> {
  if (!options.trusted()) return { ok: false, error: untrusted(host) };
  const includeAt = kind === 'drbd' ? drbdIncludeLine(file.text) : undefined;
  if (includeAt !== undefined) {
    const message = `not checked on ${host.label}: line ${includeAt} includes other files, which drbdadm would read from the host's /etc; check the included files themselves`;
    return { ok: true, verdict: { findings: [{ line: includeAt, severity: 'info', source: `drbdadm@${host.label}`, message }], refused: false } };
  }
  const ran = await runScript(transport, host, kind, file, options);
  if (!ran.ok) return ran;
  return { ok: true, verdict: hostVerdict(ran.output, { kind, hostLabel: host.label, text: file.text }) };
}

export type EffectiveResult =
  | { ok: true; json: string; verdict: HostVerdict }
  /** xl refused the config (verdict says why) or is not there. */
  | { ok: false; verdict: HostVerdict }
  | { ok: false; error: Dom0Error };

/** The JSON `xl -N create` prints for `file` on `host`: the libxl domain config with every default applied. */
export async function effectiveOnHost(transport: SshTransport, host: HostSpec, file: CheckedFile, options: HostCallOptions): Promise<EffectiveResult> {
  const ran = await runScript(transport, host, 'effective', file, options);
  if (!ran.ok) return ran;
  const verdict = hostVerdict(ran.output, { kind: 'domain', hostLabel: host.label, text: file.text });
  if (ran.output.kind !== 'ran' || ran.output.exitCode !== 0 || ran.output.stdout.trim() === '') return { ok: false, verdict };
  return { ok: true, json: ran.output.stdout, verdict };
}

/** `xl list -l ID`: the running domain's config as libxl keeps it (hot-plugged devices and ballooning included). */
export async function runningConfigOnHost(transport: SshTransport, host: HostSpec, domainId: number, options: HostCallOptions): Promise<{ ok: true; json: string } | { ok: false; error: Dom0Error }> {
  if (!options.trusted()) return { ok: false, error: untrusted(host) };
  if (!Number.isSafeInteger(domainId) || domainId < 0) return { ok: false, error: unparsableOutput(host, 'xl list -l', `domain id ${domainId} is not an id`) };
  const result = await transport.run(host, ['xl', 'list', '-l', String(domainId)], { timeoutMs: options.timeoutMs, signal: options.signal });
  const failure = sshFailure(host, result, options.timeoutMs) ?? (result.exitCode !== 0 ? commandFailure(host, `\`xl list -l ${domainId}\``, result.exitCode ?? -1, visible(result.stderr)) : undefined);
  if (failure) return { ok: false, error: failure };
  return { ok: true, json: result.stdout };
}
