/**
 * The disk spec language (xl-disk-configuration(5)), following libxlu's disk
 * lexer (libxlu_disk_l.l): `key=value` parameters, flags, legacy `prefix:`
 * forms, and up to four positional values target, format, vdev, access (or,
 * after a legacy prefix, target, vdev, access).
 */
import type { Span, StringValue } from '../ast';
import { Code } from '../codes';
import { DISK_ACCESS_MODES, DISK_PREFIXES, DISK_SPEC } from '../schema';

export interface DiskParam {
  /** `target`, `format`, `vdev`, `access`, or the key of a `key=value` parameter or flag. */
  name: string;
  value: string;
  /** The value's characters in the document. */
  valueSpan: Span;
  /** The `name` before `=`; undefined for positional values and flags. */
  keySpan?: Span;
  positional: boolean;
}

export interface DiskError extends Span {
  code: typeof Code.diskAccess | typeof Code.diskFormat | typeof Code.diskUnknownParam | typeof Code.diskPrefix | typeof Code.diskSyntax | typeof Code.diskDevtype;
  message: string;
}

export interface DiskSpec {
  item: StringValue;
  params: DiskParam[];
  /** Legacy prefixes (`phy:`, `file:`, `tap:aio:`…), each with its span. */
  prefixes: ({ name: string } & Span)[];
  target?: DiskParam;
  format?: DiskParam;
  vdev?: DiskParam;
  access?: DiskParam;
  cdrom: boolean;
  errors: DiskError[];
}

const KEYED = new Set(['format', 'devtype', 'access', 'backend', 'backendtype', 'specification', 'vdev', 'script', 'colo-host', 'colo-port', 'colo-export', 'active-disk', 'hidden-disk', 'grant_usage']);
/** Parameters xl stores as strings and refuses to see twice ("respecified"). */
const STRING_PARAMS = new Set(['target', 'vdev', 'script', 'backend', 'colo-host', 'colo-export', 'active-disk', 'hidden-disk']);
const PREFIX = /([a-z][a-z0-9]*):/y;
const POSITIONAL = /[^=,]*/y;
const FLAGS = ['cdrom', 'direct-io-safe', 'discard', 'no-discard', 'colo', 'no-colo', 'trusted', 'untrusted'];
/** The first characters of FLAGS: most parameters start with none of them. */
const FLAG_INITIALS = new Set(FLAGS.map((flag) => flag.charCodeAt(0)));
const DISK_FORMATS = [...(DISK_SPEC.subKeys.get('format')?.enum ?? []), 'empty'];
const FORCE_WRITE_MESSAGE =
  "access mode `w!` is xm's \"write even if another domain or dom0 already uses this device\". xl has no such mode and refuses to create the domain (unknown value for access): use `w`, and share the device only with a cluster file system, or `r`";

/**
 * The disk spec of `item`, a string of `text`. Not cached per document: each caller parses again.
 * Kept, 4,500 specs outlived the young generation and were copied by every GC until the document
 * went: parse+validate+facts+symbols of the bench's config measured 52 ms CPU with a cache per
 * document and 48 ms without (validate alone 18 → 9 ms).
 */
export function parseDiskSpec(text: string, item: StringValue): DiskSpec {
  const raw = text.slice(item.inner.start, item.inner.end);
  const base = item.inner.start;
  const spec: DiskSpec = { item, params: [], prefixes: [], cdrom: false, errors: [] };
  let hadPrefix = false;
  let accessSet = false;
  let i = 0;
  const error = (start: number, end: number, code: DiskError['code'], message: string) => spec.errors.push({ start: base + start, end: base + Math.max(end, start + 1), code, message });

  const add = (name: string, value: string, valueStart: number, keyStart?: number): DiskParam => {
    if (STRING_PARAMS.has(name) && spec.params.some((p) => p.name === name)) {
      error(keyStart ?? valueStart, valueStart + value.length, Code.diskSyntax, `\`${name}\` is given twice in this disk spec: xl refuses it; keep one`);
    }
    const param: DiskParam = {
      name,
      value,
      valueSpan: { start: base + valueStart, end: base + valueStart + value.length },
      keySpan: keyStart === undefined ? undefined : { start: base + keyStart, end: base + keyStart + name.length },
      positional: keyStart === undefined,
    };
    spec.params.push(param);
    return param;
  };

  const setAccess = (param: DiskParam) => {
    spec.access = param;
    if (param.value === '' || DISK_ACCESS_MODES.includes(param.value)) return;
    const { start, end } = param.valueSpan;
    const message = param.value === 'w!' ? FORCE_WRITE_MESSAGE : `unknown access mode \`${param.value}\`: use \`r\` (read-only) or \`w\` (read-write)`;
    spec.errors.push({ start, end, code: Code.diskAccess, message });
  };
  const setFormat = (param: DiskParam) => {
    spec.format = param;
    if (param.value !== '' && !DISK_FORMATS.includes(param.value)) {
      spec.errors.push({ ...param.valueSpan, code: Code.diskFormat, message: `unknown disk format \`${param.value}\`: use one of ${DISK_FORMATS.filter((f) => f !== 'empty').join(', ')}` });
    }
  };
  const setVdev = (param: DiskParam) => {
    // A positional `hdc:cdrom` carries the device type after the colon.
    const colon = param.value.lastIndexOf(':');
    if (param.positional && colon >= 0) {
      const devtype = param.value.slice(colon + 1);
      const devtypeStart = param.valueSpan.start + colon + 1;
      param.value = param.value.slice(0, colon);
      param.valueSpan = { start: param.valueSpan.start, end: param.valueSpan.start + colon };
      if (devtype === 'cdrom') spec.cdrom = true;
      else if (devtype !== 'disk') {
        const message = `unknown device type \`${devtype}\` after the vdev: use \`:cdrom\` (or nothing)`;
        spec.errors.push({ start: devtypeStart, end: devtypeStart + Math.max(1, devtype.length), code: Code.diskDevtype, message });
      }
    }
    spec.vdev = param;
  };

  // Sticky patterns matched at `i`, so no slice of the rest is made per token.
  const matchAt = (pattern: RegExp) => {
    pattern.lastIndex = i;
    return pattern.exec(raw);
  };
  while (i < raw.length) {
    if (isDiskBlank(raw.charCodeAt(i))) {
      i++;
      continue;
    }
    if (raw.startsWith('target=', i)) {
      spec.target = add('target', raw.slice(i + 7), i + 7, i);
      break;
    }
    const flag = flagAt(raw, i);
    if (flag) {
      add(flag, '', i + flag.length, i);
      if (flag === 'cdrom') spec.cdrom = true;
      i += flag.length + 1;
      continue;
    }
    const keyEnd = keyedParamAt(raw, i);
    if (keyEnd >= 0) {
      // `key=value`: the value runs to the next comma, which is eaten with it.
      const comma = raw.indexOf(',', keyEnd + 1);
      const valueEnd = comma < 0 ? raw.length : comma;
      const name = raw.slice(i, keyEnd);
      const value = raw.slice(keyEnd + 1, valueEnd);
      if (!KEYED.has(name)) {
        error(i, i + name.length, Code.diskUnknownParam, `unknown disk parameter \`${name}\``);
      } else {
        const param = add(name, value, i + name.length + 1, i);
        if (name === 'access') setAccess(param);
        else if (name === 'format') setFormat(param);
        else if (name === 'vdev') spec.vdev = param;
        else if (name === 'devtype') {
          if (value === 'cdrom') spec.cdrom = true;
          else if (value !== 'disk') error(i + name.length + 1, valueEnd, Code.diskDevtype, `unknown devtype \`${value}\`: use \`cdrom\` or \`disk\``);
        } else {
          const allowed = DISK_SPEC.subKeys.get(name)?.enum;
          if (allowed && !allowed.includes(value)) error(i + name.length + 1, i + name.length + 1 + value.length, Code.diskUnknownParam, `unknown value \`${value}\` for \`${name}\`: use one of ${allowed.join(', ')}`);
        }
      }
      i = comma < 0 ? raw.length : comma + 1;
      continue;
    }
    const prefix = matchAt(PREFIX);
    if (prefix && isKnownPrefix(prefix[1])) {
      spec.prefixes.push({ name: prefix[1], start: base + i, end: base + i + prefix[0].length });
      hadPrefix = true;
      if (DISK_PREFIXES.format.includes(prefix[1])) setFormat(add('format', prefix[1], i));
      i += prefix[0].length;
      continue;
    }
    if (prefix && !/[a-z0-9]/.test(raw[i + prefix[0].length] ?? '')) {
      error(i, i + prefix[0].length, Code.diskPrefix, `unknown disk prefix \`${prefix[0]}\`: xl knows ${[...DISK_PREFIXES.ignored, ...DISK_PREFIXES.format, ...DISK_PREFIXES.script].map((p) => `${p}:`).join(' ')}`);
      return spec;
    }
    const positional = matchAt(POSITIONAL)![0];
    if (raw[i + positional.length] === '=') {
      error(i, i + positional.length + 1, Code.diskSyntax, `bad disk syntax at \`${raw.slice(i).split(',')[0]}\`: parameters are \`key=value\` with a known key, or plain positional values`);
      return spec;
    }
    // xl keeps blanks before the comma as part of the value (`raw ` is not a format).
    const param = add('', positional, i);
    if (!spec.target) {
      param.name = 'target';
      spec.target = param;
    } else if (!hadPrefix && !spec.format) {
      if (spec.target.value === '' && param.value.includes(':')) {
        param.name = 'vdev';
        setVdev(param);
        spec.format = { name: 'format', value: 'empty', valueSpan: param.valueSpan, positional: true };
      } else {
        param.name = 'format';
        setFormat(param);
      }
    } else if (!spec.vdev) {
      param.name = 'vdev';
      setVdev(param);
    } else if (!accessSet) {
      param.name = 'access';
      accessSet = true;
      setAccess(param);
    } else {
      error(i, i + positional.length, Code.diskSyntax, `too many positional values: \`${positional}\` comes after target, format, vdev and access`);
      return spec;
    }
    i += positional.length + 1;
  }
  if (!spec.vdev && spec.errors.length === 0) {
    spec.errors.push({ start: item.start, end: item.end, code: Code.diskSyntax, message: 'no vdev in this disk spec: xl needs the guest device name, e.g. `phy:/dev/vg/lv,xvda,w` or `vdev=xvda, access=rw, target=/dev/vg/lv`' });
  }
  return spec;
}

/*
 * The lexer's hot spots as loops over char codes rather than sticky regexes and a
 * closure per flag: each regex match allocated its array and strings, and a large
 * domain config has thousands of disks (parseDiskSpec was 25 % of parse+validate).
 */

/** Blanks between disk parameters: space, tab, line feed. */
function isDiskBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 10;
}

/** The flag (`cdrom`, `discard`…) written at `i` as a whole parameter, if any. */
function flagAt(raw: string, i: number): string | undefined {
  if (!FLAG_INITIALS.has(raw.charCodeAt(i))) return undefined;
  for (const flag of FLAGS) {
    const end = i + flag.length;
    if (raw.startsWith(flag, i) && (end === raw.length || raw.charCodeAt(end) === 44 /* , */)) return flag;
  }
  return undefined;
}

function isLowerLetter(code: number): boolean {
  return code >= 97 && code <= 122;
}

/** Where `[a-z][-a-z0-9_]*=` at `i` has its `=`; -1 when no key=value starts there. */
function keyedParamAt(raw: string, i: number): number {
  if (!isLowerLetter(raw.charCodeAt(i))) return -1;
  let j = i + 1;
  for (;;) {
    const code = raw.charCodeAt(j);
    if (isLowerLetter(code) || (code >= 48 && code <= 57) || code === 45 /* - */ || code === 95 /* _ */) j++;
    else return code === 61 /* = */ ? j : -1;
  }
}

function isKnownPrefix(name: string): boolean {
  return DISK_PREFIXES.format.includes(name) || DISK_PREFIXES.script.includes(name) || DISK_PREFIXES.ignored.includes(name);
}

/** The script a legacy `drbd:`/`iscsi:`… prefix selects. */
export function scriptOfPrefix(name: string): string | undefined {
  return DISK_PREFIXES.script.includes(name) ? `block-${name}` : undefined;
}

/** True when the spec writes to its target. */
export function isWritable(spec: DiskSpec): boolean {
  if (spec.cdrom) return spec.access !== undefined && ['w', 'rw', 'w!'].includes(spec.access.value);
  return spec.access === undefined || ['w', 'rw', 'w!', ''].includes(spec.access.value);
}
