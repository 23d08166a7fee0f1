/**
 * A large iftab: a site-wide file mapping many machines' NICs, with comment
 * headers per machine, MAC lines (Xen range), driver/businfo pairs, SYSFS
 * and wildcard lines, about `sizeHint` lines in all.
 */
const hex = (n: number) => (n & 0xff).toString(16).padStart(2, '0');

function machine(index: number): string[] {
  const mac = (nic: number) => `00:16:3e:${hex(index >> 8)}:${hex(index)}:${hex(nic)}`;
  return [
    `# host${index}: two vifs, a PCI NIC and a wireless card`,
    `h${index}lan0 mac ${mac(1)}`,
    `h${index}lan1 mac ${mac(2)} arp 1`,
    `h${index}pci driver e1000e businfo 0000:${hex(index)}:00.0`,
    `h${index}wl SYSFS{address} ${mac(3)} SYSFS{type} 801`,
    `h${index}old* prevname eth*`,
    '',
  ];
}

export function generate(sizeHint: number): { path: string; text: string } {
  const lines: string[] = ['# /etc/iftab shared by the whole site (ifrename picks the lines matching each machine)', ''];
  for (let index = 0; lines.length < sizeHint; index++) lines.push(...machine(index));
  return { path: '/etc/iftab', text: lines.slice(0, sizeHint).join('\n') + '\n' };
}
