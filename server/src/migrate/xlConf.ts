/**
 * `migrate --to xl.conf`: xend-config.sxp to /etc/xen/xl.conf (xl.conf(5)). The few xend options xl
 * has a global equivalent for become xl.conf keys; the others are listed with what replaces them,
 * which the xend-sxp schema already knows (`xlReplacement`, `xlGone`). xend reads the first form of
 * an option, so that is the one converted.
 */
import { nameTable } from '../common/nameTable';
import { BOOLEAN_FALSE, BOOLEAN_TRUE, networkScript, optionSpec, XEND_OPTIONS } from '../languages/xend-sxp/schema';
import { effectiveOption, parse, valueAtom, XendDocument, XendOption } from '../languages/xend-sxp/parse';
import { XL_CONF_KEYS } from '../languages/xl-config/schema';
import type { Migration, MigrationNote, MigrationResult } from './types';
import { renderValue } from './xl/render';

interface Converted {
  /** xl.conf lines (`key = "value"`), each checked against XL_CONF_KEYS. */
  settings?: { key: string; value: string }[];
  kind: 'note' | 'manual';
  message: string;
}

const yes = (value: string | undefined) => value !== undefined && BOOLEAN_TRUE.includes(value.toLowerCase());
const no = (value: string | undefined) => value !== undefined && BOOLEAN_FALSE.includes(value.toLowerCase());
const lineOf = (doc: XendDocument, option: XendOption) => doc.lines.positionAt(option.form.start).line + 1;

/** Options with an xl.conf key of their own, or a replacement precise enough to say what to write where. */
const CONVERSIONS: Record<string, (value: string, doc: XendDocument) => Converted> = nameTable({
  'vif-script': (value) => ({ settings: [{ key: 'vif.default.script', value }], kind: 'note', message: `(vif-script ${value}) is vif.default.script = "${value}"` }),
  'enable-dom0-ballooning': (value, doc) => {
    const floor = valueAtom(effectiveOption(doc, 'dom0-min-mem'))?.value ?? '0';
    if (yes(value) && !/^0*$/.test(floor)) return { settings: [{ key: 'autoballoon', value: 'auto' }], kind: 'note', message: `(enable-dom0-ballooning ${value}) with a dom0-min-mem is autoballoon = "auto": xl balloons dom0 unless dom0_mem is on the Xen command line` };
    if (no(value)) return { settings: [{ key: 'autoballoon', value: 'off' }], kind: 'note', message: `(enable-dom0-ballooning ${value}) is autoballoon = "off"` };
    if (yes(value)) return { settings: [{ key: 'autoballoon', value: 'on' }], kind: 'note', message: `(enable-dom0-ballooning ${value}) is autoballoon = "on"` };
    return { kind: 'manual', message: `(enable-dom0-ballooning ${value}) is neither yes nor no: set autoballoon to "on", "off" or "auto"` };
  },
  'dom0-min-mem': (value) => {
    if (/^0*$/.test(value)) return { kind: 'note', message: '(dom0-min-mem 0) dropped: no floor for dom0 is what xl does' };
    return {
      kind: 'manual',
      message: `(dom0-min-mem ${value}): xl has no floor for dom0's memory. Give dom0 a fixed size on the Xen command line instead, dom0_mem=${value}M,max:${value}M (GRUB_CMDLINE_XEN_DEFAULT), and keep autoballoon "off" or "auto"`,
    };
  },
  'dom0-cpus': (value) => {
    if (/^0*$/.test(value)) return { kind: 'note', message: '(dom0-cpus 0) dropped: dom0 using every CPU is the default' };
    return { kind: 'manual', message: `(dom0-cpus ${value}): write dom0_max_vcpus=${value} on the Xen command line (GRUB_CMDLINE_XEN_DEFAULT); xl.conf has no such key` };
  },
  'network-script': (value) => {
    const [script, ...args] = value.trim().split(/\s+/);
    const bridge = args.find((arg) => arg.startsWith('bridge='))?.slice('bridge='.length);
    const netdev = args.find((arg) => arg.startsWith('netdev='))?.slice('netdev='.length);
    const known = networkScript(script)?.name;
    const what = known === 'network-bridge' ? `a bridge${bridge ? ` ${bridge}` : ''} over ${netdev ?? 'the interface of the default route'}` : known ? `what ${known} did (routing or NAT for the guests)` : `what ${script} did`;
    return {
      settings: bridge ? [{ key: 'vif.default.bridge', value: bridge }] : undefined,
      kind: 'manual',
      message: `(network-script ${value}): xl runs no network script at start-up. Set up ${what} in the distribution's network configuration (/etc/network/interfaces, ifcfg files, a systemd-networkd .netdev)${bridge ? `; vif.default.bridge = "${bridge}" keeps it the guests' default` : ''}`,
    };
  },
});

export const xlConfMigration: Migration = {
  target: 'xl.conf',
  from: 'xend-sxp',
  title: 'Convert to xl.conf…',
  convert: convertXendConfig,
};

export function convertXendConfig(text: string): MigrationResult {
  const doc = parse(text);
  const notes: MigrationNote[] = [];
  const lines = ['# /etc/xen/xl.conf: global settings of xl (xl.conf(5)), converted from xend-config.sxp.', '# What xend did that xl.conf cannot say is listed by the conversion, not here.'];
  const written = new Set<string>();
  for (const error of doc.syntaxErrors) notes.push({ line: error.range.start.line + 1, kind: 'manual', message: `xend-config.sxp does not parse here (${error.message}); what follows may be missing` });

  const seen = new Set<string>();
  for (const option of doc.options) {
    const line = lineOf(doc, option);
    if (seen.has(option.name)) {
      notes.push({ line, kind: 'note', message: `(${option.name} …) again: xend read only the first one, so this one is skipped` });
      continue;
    }
    seen.add(option.name);
    const atom = valueAtom(effectiveOption(doc, option.name));
    const value = atom?.value ?? '';
    const converted = convertOption(option, value, doc);
    notes.push({ line, kind: converted.kind, message: converted.message });
    for (const setting of converted.settings ?? []) {
      if (!XL_CONF_KEYS.has(setting.key)) throw new Error(`not an xl.conf key: ${setting.key}`);
      if (written.has(setting.key)) continue;
      written.add(setting.key);
      lines.push('', `# from (${option.name} ${value})`, `${setting.key} = ${renderValue({ kind: 'string', value: setting.value })}`);
    }
  }
  if (written.size === 0) lines.push('', '# Nothing in xend-config.sxp needs a global xl setting: xl\'s defaults apply.');
  notes.sort((a, b) => a.line - b.line);
  return { outputs: [{ name: 'xl.conf', text: `${lines.join('\n')}\n`, language: 'xl-config' }], notes };
}

/** True when xend listened for migrations (either relocation server on). */
function relocationServing(doc: XendDocument): boolean {
  return ['xend-relocation-server', 'xend-relocation-ssl-server'].some((name) => yes(valueAtom(effectiveOption(doc, name))?.value));
}

function convertOption(option: XendOption, value: string, doc: XendDocument): Converted {
  const conversion = CONVERSIONS[option.name];
  if (conversion) return conversion(value, doc);
  const spec = option.spec ?? optionSpec(option.name);
  if (!spec) return { kind: 'manual', message: `(${option.name} …) is not an option xend knows (${XEND_OPTIONS.length} it does): check what it was for` };
  const atDefault = value === '' || value === spec.default || (spec.type === 'boolean' && no(value) && (spec.default === undefined || no(spec.default)));
  if (option.name.startsWith('xend-relocation') && !relocationServing(doc)) return { kind: 'note', message: `(${option.name} ${value}) dropped: xend's relocation server was off; ${spec.xlGone ?? 'xl migrate runs over SSH'}` };
  if (spec.xlGone) {
    // A listener or daemon feature that is off needs nothing under xl; one that was on needs its replacement.
    if (atDefault || (spec.type === 'boolean' && no(value))) return { kind: 'note', message: `(${option.name} ${value}) dropped: ${spec.xlGone}` };
    return { kind: 'manual', message: `(${option.name} ${value}): ${spec.xlGone}` };
  }
  if (spec.xlReplacement) {
    if (atDefault) return { kind: 'note', message: `(${option.name} ${value}) dropped: it is the default; under xl see ${spec.xlReplacement}` };
    return { kind: 'manual', message: `(${option.name} ${value}): use ${spec.xlReplacement}` };
  }
  return { kind: 'note', message: `(${option.name} ${value}) dropped: it configured xend itself, which xl does not have` };
}
