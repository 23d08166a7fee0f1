/**
 * A host tool's answer, turned into findings: a line of the checked file (the
 * tool's, where it names one), a severity and the tool's own words. The words
 * are data: control characters are made visible, nothing is interpreted.
 */
import { LineIndex } from '../lineIndex';
import { CLUSTER_RNG, HostCheckKind } from './script';
import type { HostScriptOutput } from './output';

export type HostSeverity = 'error' | 'warning' | 'info';

export interface HostFinding {
  /** 1-based line of the checked file (1 when the tool names none). */
  readonly line: number;
  readonly severity: HostSeverity;
  readonly message: string;
  /** `xl@HOST`, `drbdadm@HOST`, ...: the tool and the host that said it. */
  readonly source: string;
}

export interface HostVerdict {
  readonly findings: HostFinding[];
  /** True when the host's tool refused the file (a finding is an error). */
  readonly refused: boolean;
  /** The tool that checked the file; undefined when none could. */
  readonly tool?: string;
}

/** What the host's tools are called in messages about a missing validator, per kind. */
const VALIDATORS: Record<HostCheckKind, string> = {
  domain: '`xl` (or `xm`)',
  drbd: '`drbdadm`',
  cluster: `\`ccs_config_validate\` (or \`xmllint\` and ${CLUSTER_RNG})`,
  iftab: '`ifrename`',
};

interface Item {
  line?: number;
  severity: HostSeverity;
  text: string;
}

/** A located message: `FILE:LINE: text` where FILE is the copy on the host. */
function located(line: string, remoteFile: string | undefined): { line: number; text: string } | undefined {
  const prefixes = remoteFile ? [remoteFile, baseName(remoteFile)] : [];
  for (const prefix of prefixes) {
    if (!line.startsWith(`${prefix}:`)) continue;
    const match = /^(\d+):\s?(.*)$/s.exec(line.slice(prefix.length + 1));
    if (match && Number(match[1]) >= 1) return { line: Number(match[1]), text: match[2] };
  }
  return undefined;
}

/** `FILE: text` (a message about the file without a line). */
function unlocated(line: string, remoteFile: string | undefined): string {
  for (const prefix of remoteFile ? [remoteFile, baseName(remoteFile)] : []) {
    if (line.startsWith(`${prefix}: `)) return line.slice(prefix.length + 2);
  }
  return line;
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Control characters (an escape sequence in hostile output) shown as `\xNN`, never passed to a terminal or a view. */
export function visible(text: string): string {
  return text.replace(/[\x00-\x08\x0b-\x1f\x7f\u0080-\u009f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function lines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim() !== '');
}

/**
 * `xl -N create`: `FILE:3: config parsing error near ...` (located),
 * `FILE: config parsing error in disk specification: ...`, `warning: ...`,
 * `Failed to parse config: ...`. `Parsing config from FILE` is progress, not a finding.
 */
function xlItems(stderr: string, refused: boolean, remoteFile: string | undefined): Item[] {
  const items: Item[] = [];
  for (const line of lines(stderr)) {
    if (line.startsWith('Parsing config from ')) continue;
    const at = located(line, remoteFile);
    const text = at ? at.text : unlocated(line, remoteFile);
    const severity: HostSeverity = /^warning:/i.test(text) ? 'warning' : refused ? 'error' : 'warning';
    items.push({ line: at?.line, severity, text });
  }
  return items;
}

/**
 * `drbdadm -d -c FILE dump all`: `FILE:3: conflicting use of ...` on stderr
 * (indented lines continue the one before); `sh: 1: modinfo: not found`
 * (no kernel module tools) is noise. On stdout, a resource that has no `on`
 * section for this host is dumped as `# resource r0 on NODE: ignored, not
 * stacked` followed by `# defined at FILE:LINE`.
 */
function drbdadmItems(stdout: string, stderr: string, refused: boolean, remoteFile: string | undefined): Item[] {
  const items: Item[] = [];
  for (const line of lines(stderr)) {
    if (/^sh: \d+: modinfo: not found$/.test(line)) continue;
    const previous = items[items.length - 1];
    if (/^\s/.test(line) && previous) {
      previous.text += ` ${line.trim()}`;
      continue;
    }
    const at = located(line, remoteFile);
    // `... first used here.` points at the other half of a conflict: context, not a second problem.
    const severity: HostSeverity = / first used here\.$/.test(line) ? 'info' : refused ? 'error' : 'warning';
    items.push({ line: at?.line, severity, text: at ? at.text : unlocated(line, remoteFile) });
  }
  const dumped = stdout.split('\n');
  for (let i = 0; i < dumped.length; i++) {
    const ignored = /^# (resource \S+ on \S+: ignored, not stacked)$/.exec(dumped[i]);
    if (!ignored) continue;
    const definedAt = /^# defined at (.*)$/.exec(dumped[i + 1] ?? '');
    const at = definedAt ? located(definedAt[1], remoteFile) : undefined;
    items.push({ line: at?.line, severity: 'info', text: `${ignored[1]} (no \`on\` section of the resource names this host, so drbdadm here checks it as another node's)` });
  }
  return items;
}

/**
 * `xmllint --relaxng` (and ccs_config_validate, which runs it): `FILE:4: element
 * clusternode: Relax-NG validity error : ...` and `FILE:3: parser error : ...`,
 * each parser error followed by an excerpt of the line and a caret, which are
 * dropped; `FILE fails to validate` / `FILE validates` repeat the verdict.
 */
function xmllintItems(stderr: string, refused: boolean, remoteFile: string | undefined): Item[] {
  const items: Item[] = [];
  const other: string[] = [];
  for (const line of lines(stderr)) {
    const at = located(line, remoteFile);
    if (at) items.push({ line: at.line, severity: refused ? 'error' : 'warning', text: at.text });
    else if (items.length === 0 && !/ (fails to validate|validates)$/.test(line)) other.push(line);
  }
  if (items.length === 0 && other.length > 0) items.push({ severity: refused ? 'error' : 'info', text: other.map((l) => unlocated(l, remoteFile)).join('\n') });
  return items;
}

/**
 * `ifrename -D -c FILE` exits 0 even on bad lines: it prints `Error: Unknown
 * selector 'bogus' at line 2.` and drops the line, so an `Error:` line is the
 * host refusing that line. `Warning: ... at line 1, ...` is a warning. Other
 * lines (what a dry run would rename) are not about the file.
 */
function ifrenameItems(stderr: string, stdout: string): Item[] {
  const items: Item[] = [];
  for (const line of lines(`${stderr}\n${stdout}`)) {
    const kind = /^(Error|Warning): (.*)$/.exec(line);
    if (!kind) continue;
    const lineNumber = /\bat line (\d+)\b/.exec(kind[2]) ?? /^Line (\d+) ignored\b/.exec(kind[2]);
    items.push({ line: lineNumber ? Number(lineNumber[1]) : undefined, severity: kind[1] === 'Error' ? 'error' : 'warning', text: line });
  }
  return items;
}

/** Generic: every stderr line, located where it starts with the file's name (xm, anything else). */
function genericItems(stderr: string, refused: boolean, remoteFile: string | undefined): Item[] {
  return lines(stderr).map((line) => {
    const at = located(line, remoteFile);
    return { line: at?.line, severity: refused ? 'error' : 'warning', text: at ? at.text : unlocated(line, remoteFile) };
  });
}

/**
 * xl names no line for a bad device spec, but quotes it (``near `w!' in
 * `phy:/dev/vg0/vm1,xvda,w!'``): the first line of the file holding the
 * quoted spec is a better place than line 1.
 */
function lineOfQuoted(message: string, text: string): number | undefined {
  const quoted = /\bin `([^']+)'/.exec(message);
  if (!quoted) return undefined;
  const offset = text.indexOf(quoted[1]);
  if (offset < 0) return undefined;
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export interface VerdictContext {
  readonly kind: HostCheckKind;
  /** How the host is called in sources: `xl@an-node01`. */
  readonly hostLabel: string;
  /** The checked text (to place a message that quotes it). */
  readonly text: string;
}

/** The findings of one host check, from the script's parsed output. */
export function hostVerdict(output: HostScriptOutput, ctx: VerdictContext): HostVerdict {
  if (output.kind === 'missing') {
    return {
      findings: [{ line: 1, severity: 'info', source: `host@${ctx.hostLabel}`, message: `not checked on ${ctx.hostLabel}: ${VALIDATORS[ctx.kind]} is not installed there` }],
      refused: false,
    };
  }
  if (output.kind === 'failed') {
    return { findings: [{ line: 1, severity: 'warning', source: `host@${ctx.hostLabel}`, message: `not checked on ${ctx.hostLabel}: ${output.reason}` }], refused: false };
  }
  // ifrename's exit status says nothing about the file; every other tool's does.
  const exitRefused = output.tool !== 'ifrename' && output.exitCode !== 0;
  const items =
    output.tool === 'xl'
      ? xlItems(output.stderr, exitRefused, output.remoteFile)
      : output.tool === 'drbdadm'
        ? drbdadmItems(output.stdout, output.stderr, exitRefused, output.remoteFile)
        : output.tool === 'xmllint' || output.tool === 'ccs_config_validate'
          ? xmllintItems(output.stderr, exitRefused, output.remoteFile)
          : output.tool === 'ifrename'
            ? ifrenameItems(output.stderr, output.stdout)
            : genericItems(output.stderr, exitRefused, output.remoteFile);
  const source = `${output.tool}@${ctx.hostLabel}`;
  const findings: HostFinding[] = items.map((item) => ({
    line: item.line ?? lineOfQuoted(item.text, ctx.text) ?? 1,
    severity: item.severity,
    message: visible(output.remoteFile ? item.text.split(output.remoteFile).join(baseName(output.remoteFile)) : item.text),
    source,
  }));
  if (exitRefused && !findings.some((f) => f.severity === 'error')) {
    findings.push({ line: 1, severity: 'error', source, message: `${output.tool} refused the file (exit status ${output.exitCode}) without saying why` });
  }
  return { findings, refused: findings.some((f) => f.severity === 'error'), tool: output.tool };
}

/** Where a finding is shown: its line (clamped into the file), from the first to the last non-blank character. */
export function findingRange(finding: HostFinding, lines: LineIndex): { line: number; start: number; end: number } {
  const line = Math.min(Math.max(finding.line, 1), lines.lineCount) - 1;
  const text = lines.lineText(line);
  const start = text.length - text.trimStart().length;
  return { line, start, end: Math.max(start, text.trimEnd().length) };
}
