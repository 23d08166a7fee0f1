/**
 * A large, realistic xl domain config for `npm run bench`: documented
 * settings, comment blocks, and long multi-line `disk` and `vif` lists
 * (unique vdevs and MACs), about `sizeHint` lines in all.
 */
const hex = (n: number) => n.toString(16).padStart(2, '0');

/** xvda, xvdb, … xvdz, xvdaa, xvdab, … */
function vdev(index: number): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let name = '';
  let n = index;
  do {
    name = letters[n % 26] + name;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `xvd${name}`;
}

export function generate(sizeHint: number): { path: string; text: string } {
  const lines: string[] = [
    '# Generated benchmark domain: a storage-heavy PVH guest with many disks and interfaces.',
    'name = "bench-storage01"',
    'uuid = "3f2a9c1e-5b7d-4e8f-a1c2-d3e4f5a6b7c8"',
    'type = "pvh"',
    'kernel = "/usr/lib/grub-xen/grub-i386-xen_pvh.bin"',
    'memory = 8192',
    'maxmem = 16384',
    'vcpus = 4',
    'maxvcpus = 8',
    'cpus = "2-7"',
    'on_poweroff = "destroy"',
    'on_reboot = "restart"',
    'on_crash = "restart"',
    '',
  ];
  const budget = Math.max(sizeHint, 40);
  const diskCount = Math.floor(budget * 0.45);
  const vifCount = Math.floor(budget * 0.3);
  lines.push('# Volumes on the clustered volume group, one per tenant.', 'disk = [');
  for (let i = 0; i < diskCount; i++) {
    lines.push(`    'format=raw, vdev=${vdev(i)}, access=rw, target=/dev/drbd_sh0_vg0/tenant-${i}',`);
  }
  lines.push(']', '', '# One interface per tenant VLAN, alternating between the two bridges.', 'vif = [');
  for (let i = 0; i < vifCount; i++) {
    lines.push(`    'mac=00:16:3e:${hex((i >> 16) & 0x7f)}:${hex((i >> 8) & 0xff)}:${hex(i & 0xff)}, bridge=xenbr${i % 2}, vlan=${(i % 4000) + 1}',`);
  }
  lines.push(']', '');
  const tail = ['extra = "console=hvc0"', 'on_watchdog = "destroy"', 'max_grant_frames = 64', 'max_event_channels = 4096', 'nomigrate = 0'];
  for (let block = 0; lines.length < budget; block++) {
    lines.push(`# Tuning note ${block}: reviewed with the storage team; keep in step with the other node.`);
    if (block < tail.length) lines.push(tail[block]);
  }
  return { path: '/etc/xen/bench-storage01.cfg', text: `${lines.slice(0, budget).join('\n')}\n` };
}
