/**
 * `cli.js effective --host SSH_DEST FILE`: the JSON `xl -N create FILE` prints
 * on that host (the libxl domain config with every default applied), and on
 * stderr each field where our own reading of FILE disagrees with it.
 */
import { readFileSync } from 'node:fs';
import { compareSummaries, summarizeLibxlConfig } from '../../../shared/src/hostCheck/domainSummary';
import { effectiveOnHost } from '../../../shared/src/hostCheck/run';
import { summarizeConfigText } from '../common/domainReading';
import { fsReason } from '../workspace/disk';
import { UsageError } from './arguments';
import { HOST_CHECK_USAGE, splitHostArguments } from './hostArguments';
import { sshTransport } from './hostCheck';

export const EFFECTIVE_USAGE = `usage: cli.js effective --host SSH_DEST [--ssh-config FILE] [--host-timeout S] FILE

Prints the domain config FILE as xl builds it on the host: the JSON of
\`xl -N create\` (a dry run: nothing is created), with every default applied.
Where our own reading of FILE disagrees with the host on memory, vCPUs, type,
disks or vifs, stderr says so. The file is copied to a private temporary
directory on the host and removed again (docs/host-check.md).
Exit status: 0 printed, 1 xl on the host refused the file, 2 bad usage or
the host could not be asked.

${HOST_CHECK_USAGE}`;

export async function runEffective(args: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const { host, rest } = splitHostArguments(args);
  if (host.hosts.length !== 1) throw new UsageError('name exactly one --host');
  const unknown = rest.find((arg) => arg.startsWith('-') && arg !== '-');
  if (unknown) throw new UsageError(`unknown option '${unknown}'`);
  if (rest.length !== 1) throw new UsageError('name exactly one FILE');
  const [path] = rest;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { status: 2, stdout: '', stderr: `error: ${path}: cannot read: ${fsReason(error)}\n` };
  }
  const [target] = host.hosts;
  const transport = sshTransport(host);
  try {
    const answer = await effectiveOnHost(transport, target, { path, text }, { timeoutMs: host.timeoutSeconds * 1000, trusted: () => true });
    if ('error' in answer) return { status: 2, stdout: '', stderr: `error: ${answer.error.message}\n  ${answer.error.hint}\n` };
    const said = answer.verdict.findings.map((f) => `${path}:${f.line}: ${f.severity}: ${f.message} [${f.source}]\n`).join('');
    if (!answer.ok) return { status: answer.verdict.refused ? 1 : 2, stdout: '', stderr: said };
    const theirs = summarizeLibxlConfig(answer.json);
    const notes = theirs.ok
      ? compareSummaries(summarizeConfigText(text), theirs.summary, { left: 'our reading of the file', right: `xl on ${target.label}` }).map((n) => `note: ${n}\n`)
      : [`warning: cannot compare with our reading: the host's JSON is ${theirs.error}\n`];
    return { status: 0, stdout: answer.json.endsWith('\n') ? answer.json : `${answer.json}\n`, stderr: said + notes.join('') };
  } finally {
    await transport.dispose();
  }
}
