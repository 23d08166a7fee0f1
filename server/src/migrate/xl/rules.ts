/**
 * What becomes of each xm setting in xl, one rule per key. The knowledge of which keys are xm-only,
 * deprecated or ignored, and what replaces them, is the xl-config schema's (DOMAIN_KEYS, XM_KEYS and
 * the facts' deprecated value forms); this file only decides how to rewrite.
 */
import { nameTable } from '../../common/nameTable';
import { DOMAIN_KEYS, XM_KEYS } from '../../languages/xl-config/schema';
import { DOMAIN_KEY_FACTS } from '../../languages/xl-config/schema/facts.generated';
import type { GuestType } from '../../languages/xl-config/schema';
import { parseDiskSpec } from '../../languages/xl-config/devices/diskSpec';
import type { PyValue } from './evaluate';

/** One setting after evaluation: its key and its value as Python saw it. */
export interface XmSetting {
  key: string;
  value: PyValue;
  /** 1-based line of the input. */
  line: number;
}

export interface RuleNote {
  kind: 'note' | 'manual';
  message: string;
}

/** A rule's verdict: keep (maybe with a new key or value), or drop; with what to tell the user. */
export interface Verdict {
  drop?: boolean;
  key?: string;
  value?: PyValue;
  /** Settings written at this one's place (after it, when it is kept). */
  insert?: { key: string; value: PyValue }[];
  notes: RuleNote[];
}

export interface RuleContext {
  guestType: GuestType;
  /** The last value of each key in the file (xm, like xl, keeps the last one). */
  values: ReadonlyMap<string, PyValue>;
  /** True for the first setting of the file that xm put on the kernel command line (ip, dhcp, …). */
  firstKernelIpSetting: boolean;
}

const str = (value: string): PyValue => ({ kind: 'string', value });
const num = (value: number): PyValue => ({ kind: 'number', value });
const note = (message: string): RuleNote => ({ kind: 'note', message });
const manual = (message: string): RuleNote => ({ kind: 'manual', message });
const keep = (...notes: RuleNote[]): Verdict => ({ notes });
const drop = (...notes: RuleNote[]): Verdict => ({ drop: true, notes });

export function textOf(value: PyValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'string') return value.value;
  if (value.kind === 'number') return String(value.value);
  return undefined;
}

/** `builder` values xm knew: `linux` (the default, PV), `hvm`, and the older `vmx` (HVM on Intel VT). */
export function guestTypeOfXm(values: ReadonlyMap<string, PyValue>): GuestType {
  const type = textOf(values.get('type'));
  if (type === 'pv' || type === 'hvm' || type === 'pvh') return type;
  const builder = textOf(values.get('builder'));
  return builder === 'hvm' || builder === 'vmx' ? 'hvm' : 'pv';
}

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** The loaders xm needed as `kernel` of an HVM guest; xl loads hvmloader itself. */
const HVM_LOADERS = ['hvmloader', 'vmxloader'];

/** xm's restart policy, as the three on_* settings it stood for (create.py). */
const RESTART_POLICIES: Record<string, [string, string, string]> = nameTable({
  onreboot: ['destroy', 'restart', 'destroy'],
  always: ['restart', 'restart', 'restart'],
  never: ['destroy', 'destroy', 'destroy'],
});
export const ON_KEYS = ['on_poweroff', 'on_reboot', 'on_crash'] as const;

export function restartPolicy(value: PyValue): [string, string, string] | undefined {
  return RESTART_POLICIES[textOf(value) ?? ''];
}

/** The xm variables xm folded into the kernel command line, with the defaults create.py gave them. */
export const KERNEL_IP_KEYS: Readonly<Record<string, string>> = nameTable({ ip: '', nfs_server: '', gateway: '', netmask: '', hostname: '', interface: 'eth0', dhcp: 'off', nfs_root: '' });

/**
 * What xm added to the kernel command line for its IP and NFS variables (create.py preprocess_ip and
 * preprocess_nfs), as words for `extra`; empty when none is set.
 */
export function kernelIpWords(values: ReadonlyMap<string, PyValue>): string[] {
  const get = (key: string) => textOf(values.get(key)) ?? KERNEL_IP_KEYS[key];
  const words: string[] = [];
  if (get('nfs_root')) words.push(`nfsroot=${get('nfs_server')}:${get('nfs_root')}`);
  if (get('ip') || get('dhcp') !== 'off') {
    const fields = [get('ip'), get('nfs_server') || '127.0.255.255', get('gateway'), get('netmask'), get('hostname'), get('interface'), get('dhcp')];
    words.push(`ip=${fields.join(':')}`);
  }
  return words;
}

/** A deprecated number form (`tsc_mode = 1`): the facts list the names in the order of their numbers. */
const NUMBERED_ENUMS: ReadonlyMap<string, readonly string[]> = new Map(
  DOMAIN_KEY_FACTS.filter((fact) => fact.deprecatedForm && /integer|numeric/.test(fact.deprecatedForm) && fact.enum).map((fact) => [fact.name, fact.enum!]),
);

/**
 * xm-only keys whose value means the same under the xl key the schema names as their replacement
 * (`bootentry` also names `bootloader_args`, but its value is an entry, not arguments).
 */
const SAME_VALUE_RENAMES = ['cpu_cap', 'loader', 'bootargs', 'irq'];

/** The xl key of a same-value rename: the sole backquoted key of the schema's replacement text. */
function renamedKey(key: string, replacement: string | undefined): string | undefined {
  const match = SAME_VALUE_RENAMES.includes(key) && replacement ? /^`([a-z_]+)`$/.exec(replacement) : null;
  return match && DOMAIN_KEYS.has(match[1]) ? match[1] : undefined;
}

/** Applies `change` to each string item of a list (or a lone string), with the notes it returns. */
function mapItems(value: PyValue, change: (item: string) => { item: string; notes: RuleNote[] }): Verdict {
  const items = value.kind === 'list' || value.kind === 'tuple' ? value.items : [value];
  const notes: RuleNote[] = [];
  let changed = false;
  const mapped = items.map((item) => {
    if (item.kind !== 'string') return item;
    const result = change(item.value);
    notes.push(...result.notes);
    if (result.item === item.value) return item;
    changed = true;
    return str(result.item);
  });
  if (!changed) return { notes };
  return { value: value.kind === 'string' ? mapped[0] : { kind: 'list', items: mapped }, notes };
}

/** Drops the `type=ioemu` part of a vif spec: xl's default for HVM, and meaningless for PV. */
function vifWithoutIoemu(spec: string): { item: string; notes: RuleNote[] } {
  const parts = spec.split(',');
  const kept = parts.filter((part) => part.trim().replace(/\s*=\s*/, '=') !== 'type=ioemu');
  if (kept.length === parts.length) return { item: spec, notes: [] };
  const item = kept.join(',').replace(/^\s+/, (lead) => (parts[0].trim() === 'type=ioemu' ? '' : lead));
  return { item, notes: [note('vif `type=ioemu` dropped: it is xl\'s default for HVM guests (an emulated NIC plus PV)')] };
}

/** xm's `w!` (write even when another domain uses the device) is `w` in xl, which has no forcing mode. */
function diskWithoutForce(spec: string): { item: string; notes: RuleNote[] } {
  const parsed = parseDiskSpec(spec, { kind: 'string', value: spec, start: 0, end: spec.length, inner: { start: 0, end: spec.length } });
  const access = parsed.access;
  if (access?.value !== 'w!') return { item: spec, notes: [] };
  const item = spec.slice(0, access.valueSpan.start) + 'w' + spec.slice(access.valueSpan.end);
  return {
    item,
    notes: [manual(`disk \`${spec}\`: \`w!\` became \`w\`, as xl has no mode that forces writing a device another domain uses. If guests share this disk, that is safe only with a cluster file system (GFS2, OCFS2) and fencing; otherwise give it to one guest`)],
  };
}

type Rule = (setting: XmSetting, ctx: RuleContext) => Verdict;

const RULES: Record<string, Rule> = nameTable({
  builder: ({ value }, ctx) => {
    const builder = textOf(value);
    if (builder !== 'linux' && builder !== 'hvm' && builder !== 'vmx' && builder !== 'generic') return keep(manual(`xm's builder \`${builder}\` has no xl guest type: set \`type\` to "pv", "pvh" or "hvm"`));
    return { key: 'type', value: str(ctx.guestType), notes: [note(`\`builder = ${builder}\` is \`type = "${ctx.guestType}"\` in xl`)] };
  },
  kernel: ({ value }, ctx) => {
    const kernel = textOf(value) ?? '';
    if (ctx.guestType !== 'hvm') return keep();
    if (HVM_LOADERS.includes(basename(kernel))) return drop(note(`\`kernel = ${kernel}\` dropped: xl loads hvmloader for HVM guests itself`));
    return keep(manual(`xl ignores \`kernel\` for an HVM guest: if \`${kernel}\` is firmware, write \`firmware_override\` instead; else delete the line`));
  },
  device_model: ({ value }) => {
    const path = textOf(value);
    if (path && basename(path) === 'stubdom-dm') return { key: 'device_model_stubdomain_override', value: num(1), notes: [note('xm\'s `device_model = stubdom-dm` is `device_model_stubdomain_override = 1` in xl')] };
    return drop(note(`\`device_model\` dropped: xl ignores it and starts its own device model (a custom one is \`device_model_override\`)`));
  },
  restart: ({ value }, ctx) => {
    const policy = restartPolicy(value);
    if (!policy) return keep(manual(`xm's \`restart = ${textOf(value)}\` is not onreboot, always or never: set on_poweroff, on_reboot and on_crash`));
    const insert = ON_KEYS.flatMap((key, i) => (ctx.values.has(key) ? [] : [{ key, value: str(policy[i]) }]));
    return { drop: true, insert, notes: [note(`\`restart = ${textOf(value)}\` is ${ON_KEYS.map((key, i) => `${key} = "${policy[i]}"`).join(', ')} in xl${insert.length < 3 ? ' (the on_* lines already there win)' : ''}`)] };
  },
  cpu: ({ value }, ctx) => {
    if (ctx.values.has('cpus')) return drop(note('`cpu` dropped: `cpus` already pins the vCPUs'));
    const cpu = textOf(value);
    return { key: 'cpus', value: { kind: 'list', items: [str(cpu ?? '')] }, notes: [note(`xm's \`cpu = ${cpu}\` (vCPU 0 on CPU ${cpu}) is \`cpus = ["${cpu}"]\` in xl`)] };
  },
  cpus: ({ value }) => {
    if (value.kind === 'number') return { value: str(String(value.value)), notes: [note(`\`cpus\` written as the string xl reads ("${value.value}")`)] };
    if ((value.kind === 'list' || value.kind === 'tuple') && value.items.some((item) => item.kind === 'number')) {
      return { value: { kind: 'list', items: value.items.map((item) => (item.kind === 'number' ? str(String(item.value)) : item)) }, notes: [note('`cpus` entries written as the strings xl reads')] };
    }
    return keep();
  },
  vcpu_avail: ({ value }, ctx) => {
    const mask = value.kind === 'number' ? value.value : NaN;
    if (!Number.isInteger(mask) || mask < 0 || mask >= 2 ** 31) return keep(manual('xm\'s `vcpu_avail` is a bit mask: set `vcpus` (online at boot) and `maxvcpus` (the limit) instead'));
    let online = 0;
    for (let bits = mask; bits > 0; bits >>>= 1) online += bits & 1;
    const maxValue = ctx.values.get('vcpus');
    const max = textOf(maxValue);
    const contiguous = (mask & (mask + 1)) === 0;
    if (!contiguous) return keep(manual(`xm's \`vcpu_avail = ${mask}\` brings up vCPUs that are not the first ${online}: xl only counts them (\`vcpus = ${online}\`, \`maxvcpus = ${max ?? 'N'}\`)`));
    const insert = [{ key: 'vcpus', value: num(online) }, ...(maxValue && max ? [{ key: 'maxvcpus', value: maxValue }] : [])];
    return { drop: true, insert, notes: [note(`\`vcpu_avail = ${mask}\` (${online} vCPU${online === 1 ? '' : 's'} online) is \`vcpus = ${online}\`${max ? ` with \`maxvcpus = ${max}\`` : ''} in xl`)] };
  },
  vcpus: (_setting, ctx) => {
    const avail = ctx.values.get('vcpu_avail');
    if (avail && !convertSetting({ key: 'vcpu_avail', value: avail, line: 0 }, ctx).notes.some((n) => n.kind === 'manual')) return drop(note('`vcpus` is written with `vcpu_avail`\'s replacement'));
    return keep();
  },
  extra: ({ value }, ctx) => {
    const words = kernelIpWords(ctx.values);
    if (words.length === 0) return keep();
    const extra = textOf(value) ?? '';
    return { value: str([...words, extra].filter(Boolean).join(' ')), notes: [note(`\`extra\` gets ${words.map((w) => `\`${w}\``).join(' and ')}, which xm added to the kernel command line`)] };
  },
  root: ({ value }) => {
    const root = textOf(value);
    if (root?.startsWith('root=')) return { value: str(root.slice('root='.length)), notes: [note('`root` without its `root=`: xl adds it (xm stripped it)')] };
    return keep();
  },
  vif: ({ value }) => mapItems(value, vifWithoutIoemu),
  disk: ({ value }) => mapItems(value, diskWithoutForce),
  nics: () => drop(note('`nics` dropped: in xl the `vif` list alone decides the interfaces')),
  vncconsole: () => drop(note('`vncconsole` dropped: start the viewer with `xl create -V`')),
  stdvga: ({ value }, ctx) => {
    const on = value.kind === 'bool' ? value.value : Number(textOf(value)) !== 0;
    if (ctx.values.has('vga')) return drop(note('`stdvga` dropped: `vga` already sets the card'));
    return on ? { key: 'vga', value: str('stdvga'), notes: [note('`stdvga = 1` is `vga = "stdvga"` in xl')] } : drop(note('`stdvga = 0` dropped: it is xl\'s default card (cirrus)'));
  },
});

for (const key of Object.keys(KERNEL_IP_KEYS)) {
  RULES[key] = ({ value }, ctx) => {
    const words = kernelIpWords(ctx.values);
    const insert = ctx.firstKernelIpSetting && !ctx.values.has('extra') && words.length > 0 ? [{ key: 'extra', value: str(words.join(' ')) }] : undefined;
    return { drop: true, insert, notes: [note(`\`${key} = ${textOf(value) ?? '…'}\` moved into \`extra\` (xm put it on the kernel command line)`)] };
  };
}

/** The verdict on one setting: its own rule, else what the schema says of the key. */
export function convertSetting(setting: XmSetting, ctx: RuleContext): Verdict {
  const rule = RULES[setting.key];
  if (rule) return rule(setting, ctx);
  const xl = DOMAIN_KEYS.get(setting.key);
  if (xl) {
    const numbered = NUMBERED_ENUMS.get(setting.key);
    if (numbered && setting.value.kind === 'number') {
      const name = numbered[setting.value.value];
      if (name) return { value: str(name), notes: [note(`\`${setting.key} = ${setting.value.value}\` is \`${setting.key} = "${name}"\` in xl (the number form is deprecated)`)] };
    }
    if (xl.enum && setting.value.kind === 'string' && !xl.enum.includes(setting.value.value)) return keep(manual(`xl refuses \`${setting.key} = "${setting.value.value}"\`: use one of ${xl.enum.join(', ')}`));
    if (xl.deprecation?.ignored) return drop(note(`\`${setting.key}\` dropped: xl ignores it${xl.deprecation.replacement ? ` (use ${xl.deprecation.replacement})` : ''}`));
    return keep();
  }
  const xm = XM_KEYS.get(setting.key);
  if (xm) {
    const renamed = renamedKey(setting.key, xm.xlReplacement);
    if (renamed) return { key: renamed, notes: [note(`xm's \`${setting.key}\` is \`${renamed}\` in xl`)] };
    return keep(manual(`xl ignores \`${setting.key}\` (${xm.doc.replace(/^xm: /, '')})${xm.xlReplacement ? `: use ${xm.xlReplacement}` : ''}`));
  }
  return keep();
}

/** Python's True/False as xl's 1/0; None (unset) has no xl form. */
export function xlScalar(value: PyValue): PyValue | undefined {
  if (value.kind === 'bool') return num(value.value ? 1 : 0);
  if (value.kind === 'none') return undefined;
  if (value.kind === 'tuple') return { kind: 'list', items: value.items };
  return value;
}

export { str as stringValue };
