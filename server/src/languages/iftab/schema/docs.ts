/**
 * What hover and completion say about each selector: an example of what to
 * write, what it matches and where to read the value off a running system.
 * Our own words; the facts are in index.ts.
 */

export interface SelectorDoc {
  /** What to write, for hover and completion. */
  syntax: string;
  doc: string;
  /** Where to read the value off a running system. */
  howToFind?: string;
}

const MAC_DOC = 'The interface\'s hardware (MAC) address, as six pairs of hex digits separated by colons. With a `*` in it, it is a case-insensitive glob (`00:16:3e:*` matches every Xen guest NIC).';
const ARP_DOC = 'The link (ARP hardware) type as a decimal number: 1 for Ethernet, 801 for 802.11 wireless, 772 for loopback.';
const IRQ_DOC = 'The interrupt line of the card, in decimal (old ISA/PCMCIA cards).';
const LINK = '`ip link show IFNAME` (link/ether)';
const TYPE = '`cat /sys/class/net/IFNAME/type`';

export const SELECTOR_DOCS: Record<string, SelectorDoc> = {
  mac: { syntax: 'mac 00:16:3e:00:01:01', doc: MAC_DOC, howToFind: LINK },
  ethaddr: { syntax: 'ethaddr 00:16:3e:00:01:01', doc: `Another name for \`mac\`. ${MAC_DOC}`, howToFind: LINK },
  arp: { syntax: 'arp 1', doc: ARP_DOC, howToFind: TYPE },
  linktype: { syntax: 'linktype 1', doc: `Another name for \`arp\`. ${ARP_DOC}`, howToFind: TYPE },
  driver: { syntax: 'driver e1000e', doc: 'Name of the kernel driver behind the interface (`xen-netfront` or `vif` in a Xen guest); a glob.', howToFind: '`ethtool -i IFNAME` (driver)' },
  businfo: { syntax: 'businfo 0000:02:00.0', doc: 'Bus address of the card, e.g. its PCI slot `0000:02:00.0`; a glob.', howToFind: '`ethtool -i IFNAME` (bus-info)' },
  firmware: { syntax: 'firmware "1.2.3"', doc: 'Firmware revision the driver reports; a glob. Quote it if it contains blanks.', howToFind: '`ethtool -i IFNAME` (firmware-version)' },
  baseaddress: { syntax: 'baseaddress 0x300', doc: 'I/O base address of the card, in hex with a `0x` prefix (old ISA cards).', howToFind: '`ifconfig IFNAME` (Base address)' },
  irq: { syntax: 'irq 10', doc: IRQ_DOC, howToFind: '`ifconfig IFNAME` (Interrupt)' },
  interrupt: { syntax: 'interrupt 10', doc: `Another name for \`irq\`. ${IRQ_DOC}` },
  iwproto: { syntax: 'iwproto "IEEE 802.11g"', doc: 'Wireless protocol the driver reports (e.g. `IEEE 802.11bg`); a glob.', howToFind: '`iwconfig IFNAME` (first line)' },
  pcmciaslot: { syntax: 'pcmciaslot 0', doc: 'PCMCIA socket number of the card, as cardmgr reports it.', howToFind: '/var/lib/pcmcia/stab' },
  sysfs: { syntax: 'SYSFS{address} 00:16:3e:00:01:01', doc: 'Any file under /sys/class/net/IFNAME: write its name in braces, `SYSFS{device/vendor}`, then the value to match (a glob). A symbolic link matches on the name of what it points to. At most 8 different files per iftab.', howToFind: '`cat /sys/class/net/IFNAME/FILE`' },
  prevname: { syntax: 'prevname eth*', doc: 'The name the kernel gave the interface before renaming; a glob such as `eth*`.' },
};

/** iftab(5), as Debian publishes the ifrename pages. */
export const MANUAL_PAGE = { title: 'iftab(5)', url: 'https://manpages.debian.org/unstable/ifrename/iftab.5.en.html' } as const;

/** Selectors most iftab lines use, most used first (completion offers them first). */
export const COMMON_SELECTORS: readonly string[] = ['mac', 'arp', 'driver', 'businfo'];
