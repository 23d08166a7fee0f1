/**
 * The selectors ifrename knows, in the order of its `selector_list[]` (the
 * order matters: an abbreviation resolves to the first match, and is
 * ambiguous only when it matches selectors with different handlers).
 * Facts from `reference/facts/iftab-selectors.json` (wireless-tools v29/30);
 * the documentation is ours.
 */

/** How ifrename checks a selector's value before accepting the line. */
export type SelectorValueKind = 'mac' | 'decimal' | 'hex-address' | 'string' | 'sysfs';

export interface SelectorSpec {
  name: string;
  /** Selectors sharing a handler are aliases of each other (mac/ethaddr). */
  handler: string;
  value: SelectorValueKind;
  /** ifrename refuses values of this many characters or more. */
  maxLength?: number;
  /** What to write, for hover and completion. */
  syntax: string;
  doc: string;
  /** Whether the value is matched as a shell glob (`*`, `?`, `[…]`). */
  glob: boolean;
  /** Where to read the value off a running system. */
  howToFind?: string;
}

/** Linux IFNAMSIZ: names hold at most 15 characters plus the terminating NUL. */
export const IFNAMSIZ = 16;
export const MAX_SYSFS_ATTRIBUTES = 8;

const MAC_DOC = 'The interface\'s hardware (MAC) address, as six pairs of hex digits separated by colons. With a `*` in it, it is a case-insensitive glob (`00:16:3e:*` matches every Xen guest NIC).';
const ARP_DOC = 'The link (ARP hardware) type as a decimal number: 1 for Ethernet, 801 for 802.11 wireless, 772 for loopback.';
const IRQ_DOC = 'The interrupt line of the card, in decimal (old ISA/PCMCIA cards).';

export const SELECTORS: readonly SelectorSpec[] = [
  { name: 'mac', handler: 'mac', value: 'mac', maxLength: 49, glob: true, syntax: 'mac 00:16:3e:00:01:01', doc: MAC_DOC, howToFind: '`ip link show IFNAME` (link/ether)' },
  { name: 'ethaddr', handler: 'mac', value: 'mac', maxLength: 49, glob: true, syntax: 'ethaddr 00:16:3e:00:01:01', doc: `Another name for \`mac\`. ${MAC_DOC}`, howToFind: '`ip link show IFNAME` (link/ether)' },
  { name: 'arp', handler: 'arp', value: 'decimal', glob: false, syntax: 'arp 1', doc: ARP_DOC, howToFind: '`cat /sys/class/net/IFNAME/type`' },
  { name: 'linktype', handler: 'arp', value: 'decimal', glob: false, syntax: 'linktype 1', doc: `Another name for \`arp\`. ${ARP_DOC}`, howToFind: '`cat /sys/class/net/IFNAME/type`' },
  { name: 'driver', handler: 'driver', value: 'string', maxLength: 32, glob: true, syntax: 'driver e1000e', doc: 'Name of the kernel driver behind the interface (`xen-netfront` or `vif` in a Xen guest); a glob.', howToFind: '`ethtool -i IFNAME` (driver)' },
  { name: 'businfo', handler: 'businfo', value: 'string', maxLength: 32, glob: true, syntax: 'businfo 0000:02:00.0', doc: 'Bus address of the card, e.g. its PCI slot `0000:02:00.0`; a glob.', howToFind: '`ethtool -i IFNAME` (bus-info)' },
  { name: 'firmware', handler: 'firmware', value: 'string', maxLength: 32, glob: true, syntax: 'firmware "1.2.3"', doc: 'Firmware revision the driver reports; a glob. Quote it if it contains blanks.', howToFind: '`ethtool -i IFNAME` (firmware-version)' },
  { name: 'baseaddress', handler: 'baseaddress', value: 'hex-address', glob: false, syntax: 'baseaddress 0x300', doc: 'I/O base address of the card, in hex with a `0x` prefix (old ISA cards).', howToFind: '`ifconfig IFNAME` (Base address)' },
  { name: 'irq', handler: 'irq', value: 'decimal', glob: false, syntax: 'irq 10', doc: IRQ_DOC, howToFind: '`ifconfig IFNAME` (Interrupt)' },
  { name: 'interrupt', handler: 'irq', value: 'decimal', glob: false, syntax: 'interrupt 10', doc: `Another name for \`irq\`. ${IRQ_DOC}` },
  { name: 'iwproto', handler: 'iwproto', value: 'string', maxLength: IFNAMSIZ + 1, glob: true, syntax: 'iwproto "IEEE 802.11g"', doc: 'Wireless protocol the driver reports (e.g. `IEEE 802.11bg`); a glob.', howToFind: '`iwconfig IFNAME` (first line)' },
  { name: 'pcmciaslot', handler: 'pcmciaslot', value: 'decimal', glob: false, syntax: 'pcmciaslot 0', doc: 'PCMCIA socket number of the card, as cardmgr reports it.', howToFind: '/var/lib/pcmcia/stab' },
  { name: 'sysfs', handler: 'sysfs', value: 'sysfs', glob: true, syntax: 'SYSFS{address} 00:16:3e:00:01:01', doc: `Any file under /sys/class/net/IFNAME: write its name in braces, \`SYSFS{device/vendor}\`, then the value to match (a glob). A symbolic link matches on the name of what it points to. At most ${MAX_SYSFS_ATTRIBUTES} different files per iftab.`, howToFind: '`cat /sys/class/net/IFNAME/FILE`' },
  { name: 'prevname', handler: 'prevname', value: 'string', maxLength: IFNAMSIZ + 1, glob: true, syntax: 'prevname eth*', doc: 'The name the kernel gave the interface before renaming; a glob such as `eth*`.' },
];

export type SelectorLookup = { kind: 'exact' | 'prefix'; spec: SelectorSpec } | { kind: 'ambiguous'; candidates: SelectorSpec[] } | { kind: 'unknown' };

/** ifrename's selector_find(): case-insensitive, exact name first, else a prefix that is unambiguous across handlers. */
export function findSelector(word: string): SelectorLookup {
  const lower = word.toLowerCase();
  const exact = SELECTORS.find((s) => s.name === lower);
  if (exact) return { kind: 'exact', spec: exact };
  const matches = SELECTORS.filter((s) => s.name.startsWith(lower));
  if (matches.length === 0) return { kind: 'unknown' };
  if (matches.some((s) => s.handler !== matches[0].handler)) return { kind: 'ambiguous', candidates: matches };
  return { kind: 'prefix', spec: matches[0] };
}

export const SELECTOR_NAMES: readonly string[] = SELECTORS.map((s) => s.name);
