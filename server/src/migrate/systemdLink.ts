/**
 * `migrate --to systemd-link`: /etc/iftab (ifrename) to one systemd.link(5) file per interface, which
 * udev's net_setup_link applies when the device appears. ifrename requires every selector of a line
 * to match, and so does a .link file's [Match] section; a line with a selector systemd cannot match on
 * gets no file at all, since a looser match would rename other interfaces.
 */
import { parse, IftabEntry, SelectorUse } from '../languages/iftab/parse';
import { readMac } from '../languages/iftab/values';
import type { Migration, MigrationContext, MigrationNote, MigrationOutput, MigrationResult } from './types';

/** `keep`: the names of the iftab; `rename`: kernel-style names (eth0, wlan0) become lan0, wifi0. */
export const LINK_FORMATS = ['keep', 'rename'] as const;

/** Names the kernel hands out itself: renaming onto one races with the kernel naming a new device. */
const KERNEL_STYLE = /^(eth|wlan)(\d+)$/;
const RENAMED_PREFIX: Record<string, string> = { eth: 'lan', wlan: 'wifi' };

const PCI_ADDRESS = /^[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]$/;

type MatchLine = { key: string; value: string; note?: string } | { unsupported: string };

/** The [Match] line for one ifrename selector (systemd.link(5)), or why there is none. */
function matchFor(selector: SelectorUse): MatchLine {
  const lookup = selector.lookup;
  const value = selector.value?.text ?? '';
  if (lookup.kind === 'unknown' || lookup.kind === 'ambiguous') return { unsupported: `\`${selector.name.text}\` is not a selector ifrename knows` };
  switch (lookup.spec.handler) {
    case 'mac': {
      const mac = readMac(value);
      if (mac.kind === 'exact' && mac.octets === 6) return { key: 'MACAddress', value: value.toLowerCase() };
      return { unsupported: `\`mac ${value}\`: systemd matches whole MAC addresses only, no wildcards` };
    }
    case 'driver':
      return { key: 'Driver', value };
    case 'businfo':
      // ethtool's bus-info of a PCI NIC is its PCI address; udev's ID_PATH for it is `pci-` and that address.
      if (PCI_ADDRESS.test(value) || /^[0-9a-fA-F:.*?]+$/.test(value)) return { key: 'Path', value: `pci-${value}`, note: `businfo ${value} is matched as Path=pci-${value} (udev's ID_PATH of a PCI device); check it with \`udevadm info /sys/class/net/NAME | grep ID_PATH=\`` };
      return { unsupported: `\`businfo ${value}\` is not a PCI address: find the device's ID_PATH with \`udevadm info\` and write Path=` };
    case 'prevname':
      return { key: 'OriginalName', value };
    default:
      return { unsupported: `systemd.link has no match on \`${lookup.spec.name}\`${lookup.spec.handler === 'sysfs' ? ' (a udev rule with ATTR{…}== and NAME= can do it)' : ''}` };
  }
}

export const systemdLinkMigration: Migration = {
  target: 'systemd-link',
  from: 'iftab',
  title: 'Convert to systemd .link files…',
  formats: LINK_FORMATS,
  convert: (text, ctx) => convertIftab(text, ctx),
};

export function convertIftab(text: string, ctx: Pick<MigrationContext, 'path' | 'format'>): MigrationResult {
  const rename = ctx.format === 'rename';
  const doc = parse(text);
  const notes: MigrationNote[] = [];
  const outputs: MigrationOutput[] = [];
  for (const error of doc.syntaxErrors) notes.push({ line: error.range.start.line + 1, kind: 'manual', message: `ifrename drops this line (${error.message}); no .link file for it` });
  const entries = doc.entries.filter((entry) => !entry.incomplete && entry.selectors.length > 0);
  const width = Math.max(2, String(10 + entries.length).length);
  const names = new Set<string>();
  for (const entry of entries) {
    const line = entry.line + 1;
    const matches = entry.selectors.map(matchFor);
    const unsupported = [...new Set(matches.flatMap((match) => ('unsupported' in match ? [match.unsupported] : [])))];
    if (entry.name.text.includes('*')) unsupported.unshift(`ifrename numbers \`${entry.name.text}\` itself (the first free number), and a .link file gives one fixed name`);
    if (unsupported.length > 0) {
      notes.push({ line, kind: 'manual', message: `no .link file for ${entry.name.text}: ${unsupported.join('; ')}. A looser [Match] would rename other interfaces` });
      continue;
    }
    const name = finalName(entry, rename, line, notes);
    if (names.has(name)) {
      notes.push({ line, kind: 'note', message: `${name} again: ifrename uses the first line that matches, and so does udev with the lower-numbered file` });
    }
    names.add(name);
    const supported = matches as { key: string; value: string; note?: string }[];
    for (const match of supported) if (match.note) notes.push({ line, kind: 'note', message: match.note });
    const number = String(10 + outputs.length).padStart(width, '0');
    const source = doc.lines.lineText(entry.line).trim();
    outputs.push({
      name: `${number}-${name}.link`,
      language: 'ini',
      text: [`# From ${ctx.path || 'iftab'} line ${line}: ${source}`, '[Match]', ...supported.map((match) => `${match.key}=${match.value}`), '', '[Link]', `Name=${name}`, ''].join('\n'),
    });
  }
  if (outputs.length > 0) notes.push({ line: 1, kind: 'note', message: 'install the files in /etc/systemd/network/, rebuild the initramfs if it renames interfaces too (update-initramfs -u, dracut -f), and remove ifrename once they work' });
  notes.sort((a, b) => a.line - b.line);
  return { outputs, notes };
}

/** The interface's name in the .link file; a kernel-style one is either kept with a warning or renamed. */
function finalName(entry: IftabEntry, rename: boolean, line: number, notes: MigrationNote[]): string {
  const name = entry.name.text;
  const kernelStyle = KERNEL_STYLE.exec(name);
  if (!kernelStyle) return name;
  const proposed = `${RENAMED_PREFIX[kernelStyle[1]]}${kernelStyle[2]}`;
  if (rename) {
    notes.push({ line, kind: 'manual', message: `${name} renamed ${proposed}, out of the kernel's ethN/wlanN names; change ${name} to ${proposed} wherever the system names it (/etc/network/interfaces, firewall rules, monitoring)` });
    return proposed;
  }
  notes.push({
    line,
    kind: 'manual',
    message: `${name} is a name the kernel gives too: while one interface is renamed to it, the kernel may already have given it to another, and the rename fails or swaps them (the race ifrename warns about). Prefer a name of your own, e.g. ${proposed} (--format rename)`,
  });
  return name;
}
