/**
 * Reading what HOST_CHECK_SCRIPT printed. Its marker lines carry the random
 * nonce of the call, so a tool's output cannot fake a boundary: a line that
 * looks like a marker without the nonce is just output.
 */

/** What one run of the host check script reports. */
export type HostScriptOutput =
  | {
      readonly kind: 'ran';
      /** The program that checked the file (`xl`, `xm`, `drbdadm`, `ccs_config_validate`, `xmllint`, `ifrename`). */
      readonly tool: string;
      readonly exitCode: number;
      readonly stdout: string;
      readonly stderr: string;
      /** The copy's path on the host (inside the temporary directory), as tools name it in messages. */
      readonly remoteFile?: string;
    }
  /** None of these is installed on the host (`xmllint with /usr/share/cluster/cluster.rng` is one alternative). */
  | { readonly kind: 'missing'; readonly tools: readonly string[] }
  /** The script itself could not run its steps (mktemp, copy). */
  | { readonly kind: 'failed'; readonly reason: string };

/**
 * Parses the script's stdout; undefined when it is not the script's output
 * (no marker with this nonce: a broken shell, a login banner in the way).
 * Linear: each line is compared once.
 */
export function parseHostScriptOutput(stdout: string, nonce: string): HostScriptOutput | undefined {
  if (!/^[0-9a-f]+$/.test(nonce)) return undefined;
  const mark = `@@xcc-host-check-${nonce}`;
  const lines = stdout.split('\n');
  const field = (line: string, word: string): string | undefined => {
    const prefix = `${mark} ${word}`;
    if (!line.startsWith(prefix) || !line.endsWith('@@')) return undefined;
    return line.slice(prefix.length, line.length - 2).replace(/^ /, '');
  };
  let remoteFile: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const file = field(line, 'file');
    if (file !== undefined) {
      remoteFile = file;
      continue;
    }
    const failed = field(line, 'failed');
    if (failed !== undefined) return { kind: 'failed', reason: failed };
    const missing = field(line, 'missing');
    if (missing !== undefined) return { kind: 'missing', tools: splitMissing(missing) };
    const tool = field(line, 'tool');
    if (tool === undefined) continue;
    const match = /^([A-Za-z_]+) (\d+)$/.exec(tool);
    if (!match) return undefined;
    // The rest of the reply: `stdout@@`, the output, `stderr@@`, the output, `end@@`.
    const stdoutAt = i + 1;
    if (lines[stdoutAt] !== `${mark} stdout@@`) return undefined;
    let stderrAt = -1;
    let endAt = -1;
    for (let j = stdoutAt + 1; j < lines.length; j++) {
      if (stderrAt < 0 && lines[j] === `${mark} stderr@@`) stderrAt = j;
      else if (stderrAt >= 0 && lines[j] === `${mark} end@@`) {
        endAt = j;
        break;
      }
    }
    if (stderrAt < 0 || endAt < 0) return undefined;
    // The script prints a newline before each marker, as the output may lack its own.
    return {
      kind: 'ran',
      tool: match[1],
      exitCode: Number(match[2]),
      stdout: withoutAddedNewline(lines.slice(stdoutAt + 1, stderrAt).join('\n')),
      stderr: withoutAddedNewline(lines.slice(stderrAt + 1, endAt).join('\n')),
      ...(remoteFile !== undefined ? { remoteFile } : {}),
    };
  }
  return undefined;
}

function withoutAddedNewline(text: string): string {
  return text.endsWith('\n') ? text.slice(0, -1) : text;
}

/** `missing xl xm` or `missing ccs_config_validate xmllint with /usr/share/cluster/cluster.rng`. */
function splitMissing(text: string): string[] {
  const withIndex = text.indexOf(' xmllint with ');
  if (withIndex >= 0) return [...text.slice(0, withIndex).split(' ').filter(Boolean), text.slice(withIndex + 1)];
  return text.split(' ').filter(Boolean);
}
