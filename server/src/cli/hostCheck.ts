/**
 * `check --host SSH_DEST`: after the usual checks, each file is checked again
 * by its format's own tool on the host (shared/src/hostCheck), and the host's
 * verdict joins the file's diagnostics with the source `TOOL@HOST`.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { SshTransport } from '../../../shared/src/dom0/transport';
import { LineIndex } from '../../../shared/src/lineIndex';
import { checkOnHost } from '../../../shared/src/hostCheck/run';
import { hostCheckKind } from '../../../shared/src/hostCheck/script';
import { findingRange, HostFinding, HostSeverity } from '../../../shared/src/hostCheck/verdict';
import type { CheckResult } from './checker';
import type { HostOptions } from './hostArguments';

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
