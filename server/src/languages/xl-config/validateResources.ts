/**
 * The host resources a guest names by number: `cpus`/`cpus_soft` (pCPU
 * affinity, parse_cpurange), `iomem`, `ioports` and `irqs` (passthrough),
 * checked with xl's own readers (tools/xl/xl_parse.c): what makes xl exit is
 * an error, what it only complains about a warning.
 */
import type { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Severity } from '../../common/diagnostics';
import type { Reporter } from '../../common/report';
import { compareVersions } from '../../common/version';
import { lastSetting, scalarText, Span, Value, XlDocument } from './ast';
import { scanHex, strtoul, UINT32_MAX, ULONG_MAX } from './cNumbers';
import { Code } from './codes';
import { reportOn } from './fixes';
import { parseXlNumber } from './validateSettings';

/** A list item or scalar as xl's string accessors see it: its text and where each character is. */
interface Text {
  text: string;
  /** Document offset of text[0]. */
  start: number;
  value: Value;
}

/** The text of a string or number value (libxlu keeps numbers as written); undefined for a list. */
function textOf(doc: XlDocument, value: Value): Text | undefined {
  if (value.kind === 'string') return { text: doc.text.slice(value.inner.start, value.inner.end), start: value.inner.start, value };
  if (value.kind === 'number') return { text: value.raw, start: value.start, value };
  return undefined;
}

/** `version` undefined: the xm toolstack (xl's refusals are then warnings). */
export function validateResources(doc: XlDocument, version: string | undefined, report: Reporter): void {
  const refused: DiagnosticSeverity = version ? Severity.Error : Severity.Warning;
  for (const key of ['cpus', 'cpus_soft']) validateCpus(doc, key, version, refused, report);
  validateIomem(doc, refused, report);
  validateIoports(doc, refused, report);
  validateIrqs(doc, refused, report);
}

/** xl.conf's CPU masks: xl reads them with parse_cpurange too, but only reports a bad one. */
export function validateXlConfResources(doc: XlDocument, report: Reporter): void {
  for (const key of ['vm.cpumask', 'vm.hvm.cpumask', 'vm.pv.cpumask']) {
    const value = lastSetting(doc, key)?.value;
    const text = value && textOf(doc, value);
    if (text) checkCpuList(text, key, Severity.Warning, report, ' (xl says "Invalid pcpu range" and keeps only the CPUs before it)');
  }
}

/** How many entries of a `cpus = [ … ]` list xl reads: one per vCPU (max_vcpus). */
function vcpusRead(doc: XlDocument, version: string | undefined): number {
  const number = (name: string) => {
    const text = scalarText(lastSetting(doc, name)?.value);
    return text === undefined ? undefined : parseXlNumber(text);
  };
  let vcpus = number('vcpus') ?? 0;
  // From Xen 4.22 xl counts a guest without `vcpus` as one vCPU; before, as none.
  if (vcpus < 1 && (!version || compareVersions(version, '4.22') >= 0)) vcpus = 1;
  const max = number('maxvcpus');
  return max ? max : vcpus;
}

function validateCpus(doc: XlDocument, key: string, version: string | undefined, refused: DiagnosticSeverity, report: Reporter): void {
  const value = lastSetting(doc, key)?.value;
  if (!value) return;
  const vcpus = vcpusRead(doc, version);
  // xl then intersects each vCPU's hard affinity with xl.conf's masks and refuses an empty one.
  const checkEmpty = (text: Text) => {
    if (key === 'cpus' && !checkCpuList(text, key, refused, report) && certainlyEmpty(text.text)) {
      reportOn(report, text.value, refused, Code.cpuRange, `\`${text.text}\` leaves the vCPU no CPU to run on (nothing is added, or everything added is taken away again): xl refuses the domain ("vcpu hard affinity map is empty")`);
    }
  };
  const single = textOf(doc, value);
  if (single) {
    // The string applies to every vCPU: xl checks it once there is one.
    if (vcpus > 0) checkEmpty(single);
    else checkCpuList(single, key, refused, report);
    return;
  }
  if (value.kind !== 'list') return;
  const read = Math.min(value.items.length, vcpus);
  value.items.forEach((item, index) => {
    const text = textOf(doc, item);
    if (!text) {
      if (index < read) reportOn(report, item, refused, Code.cpuRange, `each entry of \`${key}\` is a string of CPUs for one vCPU, not a list: xl crashes on it`);
      return;
    }
    if (index < read) {
      if (key === 'cpus') checkEmpty(text);
      else checkCpuList(text, key, refused, report);
    } else checkCpuList(text, key, Severity.Warning, report, ` (xl does not read it: the guest has ${read === 0 ? 'no vCPU count (`vcpus`)' : `${read} vCPU${read === 1 ? '' : 's'}`})`);
  });
}

/** parse_cpurange: comma-separated `[^][node:|nodes:](N|N-M|all)`; empty parts are skipped. True when something was reported. */
function checkCpuList(item: Text, key: string, severity: DiagnosticSeverity, report: Reporter, note = ''): boolean {
  let reported = false;
  let offset = 0;
  for (const token of item.text.split(',')) {
    const start = item.start + offset;
    offset += token.length + 1;
    if (token === '') continue;
    const problem = cpuRangeProblem(token);
    if (!problem) continue;
    const span: Span = { start, end: start + token.length };
    const level = note ? Severity.Warning : severity;
    const outcome = note ? '' : problem.xlSays.startsWith('Can') ? `: xl refuses the domain ("${problem.xlSays}")` : `: xl refuses the domain ("Invalid pcpu range: ${problem.xlSays}.")`;
    reportOn(report, span, level, Code.cpuRange, `\`${token}\` in \`${key}\` ${problem.why}${outcome}${note}`);
    reported = true;
  }
  return reported;
}

/** CPUs no host has (libxl_bitmap_set ignores a bit past the host's CPU count). */
const NO_HOST_HAS = 1n << 20n;

/**
 * Whether a CPU list xl reads without error gives no CPU on any host:
 * nothing added, only exclusions, or everything added taken away again. A
 * `node:` form depends on the host's NUMA layout and makes it unknowable.
 */
function certainlyEmpty(list: string): boolean {
  let ranges: [bigint, bigint][] = [];
  for (const token of list.split(',')) {
    if (token === '') continue;
    let rest = token;
    const not = rest.startsWith('^');
    if (not) rest = rest.slice(1);
    const nodes = rest.startsWith('node:') || rest.startsWith('nodes:');
    if (nodes) rest = rest.slice(rest.indexOf(':') + 1);
    let range: [bigint, bigint];
    if (rest === 'all') range = [0n, NO_HOST_HAS];
    else {
      if (nodes) return false;
      const a = strtoul(rest, 10);
      const b = rest[a.end] === '-' ? strtoul(rest, 10, a.end + 1).value : a.value;
      range = [a.value, b < NO_HOST_HAS ? b : NO_HOST_HAS];
      if (range[0] >= NO_HOST_HAS) continue;
    }
    ranges = not ? ranges.flatMap(([lo, hi]): [bigint, bigint][] => (hi < range[0] || lo > range[1] ? [[lo, hi]] : [...(lo < range[0] ? [[lo, range[0] - 1n] as [bigint, bigint]] : []), ...(hi > range[1] ? [[range[1] + 1n, hi] as [bigint, bigint]] : [])])) : [...ranges, range];
  }
  return ranges.length === 0;
}

function cpuRangeProblem(token: string): { why: string; xlSays: string } | undefined {
  let rest = token;
  const not = rest.startsWith('^');
  if (not) rest = rest.slice(1);
  if (rest.startsWith('node:')) rest = rest.slice(5);
  else if (rest.startsWith('nodes:')) rest = rest.slice(6);
  if (rest === 'all') return not ? { why: 'excludes everything: `^` cannot be combined with `all`', xlSays: 'Can\'t combine "^" and "all".' } : undefined;
  const generic = { why: 'is not a CPU range: write N, N-M, all, node:N or nodes:N-M, and ^… to leave CPUs out (e.g. "0-3,^1")', xlSays: rest };
  const a = strtoul(rest, 10);
  if (a.end === 0 || a.value === ULONG_MAX) {
    if (/^(all|nodes?:)/i.test(rest) || /^\^/.test(rest)) return { ...generic, why: `is not a CPU range: xl's words are lower case and come in the order ^, node:/nodes:, then N, N-M or all` };
    return generic;
  }
  let end = a.end;
  if (rest[end] === '-') {
    const b = strtoul(rest, 10, end + 1);
    if (b.end === end + 1 || b.value === ULONG_MAX) return generic;
    if (b.value < a.value) return { why: `runs backwards: write ${b.value}-${a.value}`, xlSays: rest };
    end = b.end;
  }
  if (end === rest.length) return undefined;
  if (/^\s+$/.test(rest.slice(end))) return { why: 'ends with a blank, which xl reads as part of the range: remove the blank before the comma', xlSays: rest };
  return generic;
}

/** The list items of `key` that xl reads as strings; a nested list is refused ("Unable to get element"). */
function listTexts(doc: XlDocument, key: string, refused: DiagnosticSeverity, report: Reporter): Text[] {
  const value = lastSetting(doc, key)?.value;
  if (value?.kind !== 'list') return [];
  const texts: Text[] = [];
  for (const item of value.items) {
    const text = textOf(doc, item);
    if (text) texts.push(text);
    else reportOn(report, item, refused, Code.resourceRange, `an entry of \`${key}\` is a list, not a string: xl refuses the domain ("Unable to get element … in ${key} list")`);
  }
  return texts;
}

const whole = (item: Text): Span => ({ start: item.start, end: item.start + Math.max(1, item.text.length) });

/** iomem: sscanf "%x,%x%n@%x%n" and nothing after: IOMEM_START,NUM_PAGES[@GFN], in hex. */
function validateIomem(doc: XlDocument, refused: DiagnosticSeverity, report: Reporter): void {
  for (const item of listTexts(doc, 'iomem', refused, report)) {
    const why = iomemProblem(item.text);
    if (why) reportOn(report, whole(item), refused, Code.resourceRange, `\`${item.text}\` ${why}: xl refuses the domain ("Invalid argument parsing iomem"); write IOMEM_START,NUM_PAGES[@GFN] in hex, e.g. "fe000,10" or "fe000,10@c0000"`);
  }
}

function iomemProblem(s: string): string | undefined {
  const first = scanHex(s, 0);
  if (!first) return 'does not start with a hex page number';
  if (s[first.end] !== ',') return s[first.end] === undefined ? 'has no page count' : /\s/.test(s[first.end]) ? 'has a blank before the comma' : 'needs a comma after the start page';
  const count = scanHex(s, first.end + 1);
  if (!count) return 'has no hex page count after the comma';
  let used = count.end;
  if (s[used] === '@') {
    const gfn = scanHex(s, used + 1);
    if (!gfn) return 'has no hex guest frame number after `@`';
    used = gfn.end;
  }
  if (used === s.length) return undefined;
  return /^\s+$/.test(s.slice(used)) ? 'ends with a blank' : `has \`${s.slice(used)}\` after the ${s[count.end] === '@' ? 'guest frame number' : 'page count'}`;
}

/** ioports: strtoul base 16, `FROM[-TO]`, each below 0xffffffff. */
function validateIoports(doc: XlDocument, refused: DiagnosticSeverity, report: Reporter): void {
  for (const item of listTexts(doc, 'ioports', refused, report)) {
    const s = item.text;
    const fail = (why: string, says = 'Invalid argument parsing ioport') => reportOn(report, whole(item), refused, Code.resourceRange, `\`${s}\` ${why}: xl refuses the domain ("${says}"); write a hex port or FROM-TO, e.g. "3f8-3ff"`);
    const from = strtoul(s, 16);
    if (from.end === 0) {
      fail('is not a hex I/O port');
      continue;
    }
    if (from.value >= UINT32_MAX) {
      fail('is too big for an I/O port', 'ioport … too big');
      continue;
    }
    if (s[from.end] === '-') {
      const to = strtoul(s, 16, from.end + 1);
      if (to.end === from.end + 1 || to.end !== s.length) fail(to.end === from.end + 1 ? 'has no hex port after `-`' : `has \`${s.slice(to.end)}\` after the range`);
      else if (to.value >= UINT32_MAX) fail('is too big for an I/O port', 'ioport … too big');
      else if (to.value < from.value) reportOn(report, whole(item), Severity.Warning, Code.resourceRange, `\`${s}\` runs backwards: xl does not check the order and gives libxl a wrapped-around port count; write ${to.value.toString(16)}-${from.value.toString(16)}`);
    } else if (from.end !== s.length) {
      reportOn(report, whole(item), Severity.Warning, Code.resourceRange, `\`${s}\` has \`${s.slice(from.end)}\` after the port: xl says "Invalid argument parsing ioport" and uses only port ${from.value.toString(16)}; write FROM-TO for a range`);
    }
  }
}

/** irqs: strtoul base 10, nothing after, below 0xffffffff. */
function validateIrqs(doc: XlDocument, refused: DiagnosticSeverity, report: Reporter): void {
  for (const item of listTexts(doc, 'irqs', refused, report)) {
    const n = strtoul(item.text, 10);
    if (n.end === 0 || n.end !== item.text.length) {
      const hex = /^\s*0x/i.test(item.text) ? ' (xl reads IRQs in decimal only)' : '';
      reportOn(report, whole(item), refused, Code.resourceRange, `\`${item.text}\` is not a decimal IRQ number${hex}: xl refuses the domain ("Invalid argument parsing irq")`);
    } else if (n.value >= UINT32_MAX) reportOn(report, whole(item), refused, Code.resourceRange, `\`${item.text}\` is too big for an IRQ: xl refuses the domain ("irq … too big")`);
  }
}
