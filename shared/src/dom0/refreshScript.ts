/**
 * One SSH round trip per host and refresh: a constant sh script (no data from
 * settings or hosts is ever interpolated into it) runs the toolstack's info,
 * list, long list and uptime, and lists /etc/xen/*.cfg, each between marker
 * lines that splitSections() cuts apart again. The markers carry a random
 * nonce passed as the script's $1, so no output (a domain named like a marker)
 * can fake a section boundary.
 */
import { Toolstack } from './hosts';

/** Which toolstack binaries the script tries, in order, for each setting. */
const CANDIDATES: Record<Toolstack, string> = { auto: 'xl xm', xl: 'xl', xm: 'xm' };

/**
 * The script for `toolstack`. `section NAME CMD...` prints CMD's stdout between
 * begin/end markers, the exit status on the end marker, and its stderr after it.
 * stderr is captured through fd 3 so that it never mixes with the JSON on stdout.
 */
function refreshScript(toolstack: Toolstack): string {
  return `mark="@@xen-dom0-$1"
PATH="$PATH:/usr/local/sbin:/usr/sbin:/sbin"; export PATH
LC_ALL=C; export LC_ALL
section() {
  name=$1; shift
  printf '\\n%s begin %s@@\\n' "$mark" "$name"
  { err=$("$@" 2>&1 1>&3 3>&-); rc=$?; } 3>&1
  printf '\\n%s end %s %s@@\\n' "$mark" "$name" "$rc"
  printf '%s\\n' "$err"
  printf '%s stderr-end %s@@\\n' "$mark" "$name"
}
ts=none
for candidate in ${CANDIDATES[toolstack]}; do
  if command -v "$candidate" >/dev/null 2>&1; then ts=$candidate; break; fi
done
printf '%s toolstack %s@@\\n' "$mark" "$ts"
case $ts in
  xl) section info xl info; section list xl list; section long xl list -l; section uptime xl uptime ;;
  xm) section info xm info; section list xm list; section long xm list --long; section uptime xm uptime ;;
esac
configs() { for f in /etc/xen/*.cfg; do if [ -f "$f" ]; then printf '%s\\n' "$f"; fi; done; }
section configs configs
`;
}

/** The remote argv of one refresh: `sh -c SCRIPT NAME NONCE` (quoted by the transport like any argv). */
export function refreshCommand(toolstack: Toolstack, nonce: string): string[] {
  return ['sh', '-c', refreshScript(toolstack), 'xen-dom0-refresh', nonce];
}

export interface Section {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export interface RefreshOutput {
  /** `none` when neither xl nor xm is on the host's PATH (nor in /usr/sbin, /sbin). */
  readonly toolstack: 'xl' | 'xm' | 'none';
  readonly sections: ReadonlyMap<string, Section>;
}

/** Cuts the script's output into sections; undefined when the markers are not there (not our script's output). */
export function splitSections(output: string, nonce: string): RefreshOutput | undefined {
  if (!/^[0-9a-f]+$/.test(nonce)) return undefined;
  const mark = `@@xen-dom0-${nonce}`;
  const TOOLSTACK_LINE = new RegExp(`^${mark} toolstack (xl|xm|none)@@$`, 'm');
  const BEGIN = new RegExp(`^${mark} begin ([a-z]+)@@$`);
  const END = new RegExp(`^${mark} end ([a-z]+) (\\d+)@@$`);
  const STDERR_END = new RegExp(`^${mark} stderr-end ([a-z]+)@@$`);
  const toolstack = TOOLSTACK_LINE.exec(output)?.[1] as RefreshOutput['toolstack'] | undefined;
  if (toolstack === undefined) return undefined;
  const sections = new Map<string, Section>();
  const lines = output.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const begin = BEGIN.exec(lines[i]);
    if (!begin) continue;
    const name = begin[1];
    const endAt = lines.findIndex((line, j) => j > i && END.exec(line)?.[1] === name);
    const stderrEndAt = lines.findIndex((line, j) => j > endAt && STDERR_END.exec(line)?.[1] === name);
    if (endAt < 0 || stderrEndAt < 0) return undefined;
    // The script prints a newline before the end marker (the command's output may lack one).
    const stdout = lines.slice(i + 1, endAt).join('\n');
    sections.set(name, {
      stdout,
      stderr: lines.slice(endAt + 1, stderrEndAt).join('\n').trim(),
      exitCode: Number(END.exec(lines[endAt])?.[2]),
    });
    i = stderrEndAt;
  }
  return { toolstack, sections };
}
