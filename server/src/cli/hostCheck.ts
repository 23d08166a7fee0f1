/**
 * `check --host SSH_DEST`: after the usual checks, each file is checked again
 * by its format's own tool on the host (shared/src/hostCheck), and the host's
 * verdict joins the file's diagnostics with the source `TOOL@HOST`.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { HostSpec, parseHostSetting } from '../../../shared/src/dom0/hosts';
import { SshTransport } from '../../../shared/src/dom0/transport';
import { LineIndex } from '../../../shared/src/lineIndex';
import { checkOnHost } from '../../../shared/src/hostCheck/run';
import { hostCheckKind } from '../../../shared/src/hostCheck/script';
import { findingRange, HostFinding, HostSeverity } from '../../../shared/src/hostCheck/verdict';
import type { CheckResult } from './checker';
import { eachArgument, UsageError } from './arguments';

export const HOST_CHECK_USAGE = `host checks (over SSH: the system ssh client, BatchMode, your ~/.ssh/config):
  --host SSH_DEST        also check each file with its own tool on that host
                         (repeatable): xl -N create, drbdadm -d dump, ccs_config_validate
                         or xmllint --relaxng, ifrename -D; a refusal is an error
  --ssh-config FILE      use FILE instead of ~/.ssh/config (ssh -F)
  --host-timeout S       limit for each file's SSH call (default 60)
(docs/host-check.md: what is copied where, what runs, what is cleaned up)`;

export interface HostOptions {
  hosts: HostSpec[];
  sshConfig?: string;
  timeoutSeconds: number;
}

/** Takes the host options out of `check`'s arguments; the rest are `check`'s own. */
export function splitHostArguments(args: readonly string[]): { host: HostOptions; rest: string[] } {
  const host: HostOptions = { hosts: [], timeoutSeconds: 60 };
  const rest: string[] = [];
  for (const { arg, value } of eachArgument(args)) {
    if (arg === '--host') host.hosts.push(hostSpec(value()));
    else if (arg === '--ssh-config') host.sshConfig = value();
    else if (arg === '--host-timeout') {
      const text = value();
      if (!(Number(text) > 0)) throw new UsageError(`--host-timeout takes a number of seconds, not '${text}'`);
      host.timeoutSeconds = Number(text);
    } else rest.push(arg);
  }
  return { host, rest };
}

export function hostSpec(destination: string): HostSpec {
  const parsed = parseHostSetting(destination);
  if (!parsed.ok) throw new UsageError(parsed.error);
  return parsed.host;
}

export function sshTransport(options: { sshConfig?: string }): SshTransport {
  return new SshTransport({ configFile: options.sshConfig, connectTimeoutSeconds: 10 });
}

const SEVERITY: Record<HostSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** A finding as a diagnostic on its line; the source names the tool and the host. */
export function findingDiagnostic(finding: HostFinding, lines: LineIndex): Diagnostic {
  const { line, start, end } = findingRange(finding, lines);
  return {
    range: { start: { line, character: start }, end: { line, character: end } },
    severity: SEVERITY[finding.severity],
    source: finding.source,
    message: finding.message,
  };
}

/**
 * Checks every result's file on every host, one SSH call per file and host,
 * and returns the results with the hosts' findings added. A host that cannot
 * be reached is one `error:` line (the file is then not fully checked).
 */
export async function addHostVerdicts(results: CheckResult[], options: HostOptions): Promise<{ results: CheckResult[]; errors: string[] }> {
  const transport = sshTransport(options);
  const errors: string[] = [];
  try {
    const checked: CheckResult[] = [];
    for (const result of results) {
      const kind = hostCheckKind(result.languageId);
      let diagnostics = result.diagnostics;
      for (const host of kind ? options.hosts : []) {
        const answer = await checkOnHost(transport, host, kind!, { path: result.file, text: result.text }, { timeoutMs: options.timeoutSeconds * 1000, trusted: () => true });
        if (!answer.ok) {
          errors.push(`${result.file}: not checked on the host: ${answer.error.message} (${answer.error.hint})`);
          continue;
        }
        const lines = new LineIndex(result.text);
        diagnostics = [...diagnostics, ...answer.verdict.findings.map((f) => findingDiagnostic(f, lines))];
      }
      checked.push({ ...result, diagnostics });
    }
    return { results: checked, errors };
  } finally {
    await transport.dispose();
  }
}
