/**
 * Writes a generated config repository of `fileCount` files for the
 * workspace benchmark: domain configs, their iftabs, DRBD resources and one
 * cluster.conf that manages the domains as vms. Returns the folder.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const hex = (n: number) => n.toString(16).padStart(2, '0');
const macOf = (domain: number, vif: number) => `00:16:3e:${hex(vif)}:${hex((domain >> 8) & 0xff)}:${hex(domain & 0xff)}`;

function domainConfig(i: number): string {
  return [
    `# generated guest ${i}`,
    `name = "vm${i}"`,
    `type = "pvh"`,
    `kernel = "/boot/vmlinuz-guest"`,
    `memory = 1024`,
    `vcpus = 2`,
    `vif = [ "mac=${macOf(i, 1)},bridge=xenbr0", "mac=${macOf(i, 2)},bridge=xenbr1" ]`,
    `disk = [ "format=raw, vdev=xvda, access=rw, target=/dev/drbd${i % 400}" ]`,
    `on_crash = "restart"`,
    '',
  ].join('\n');
}

function iftab(i: number): string {
  return `eth0 mac ${macOf(i, 1)}\neth1 mac ${macOf(i, 2)}\n`;
}

function drbdResource(i: number): string {
  const host = (n: number, ip: string) => `  on an-node0${n}.alteeve.com {\n    device /dev/drbd${i};\n    disk /dev/sda${5 + (i % 3)};\n    address ${ip}:${7789 + i};\n    meta-disk internal;\n  }\n`;
  return `resource r${i} {\n  net {\n    protocol C;\n    allow-two-primaries yes;\n    fencing resource-and-stonith;\n  }\n  handlers {\n    fence-peer "/sbin/obliterate-peer.sh";\n  }\n  startup {\n    become-primary-on both;\n  }\n${host(1, '10.0.0.1')}${host(2, '10.0.0.2')}}\n`;
}

function clusterConf(domains: number): string {
  const vms = Array.from({ length: domains }, (_, i) => `      <vm name="vm${i}" domain="an1_primary" path="/etc/xen" autostart="0" exclusive="0" recovery="restart" max_restarts="2" restart_expire_time="600"/>`).join('\n');
  return `<?xml version="1.0"?>
<cluster name="an-cluster01" config_version="1">
  <cman two_node="1" expected_votes="1"/>
  <clusternodes>
    <clusternode name="an-node01.alteeve.com" nodeid="1">
      <fence><method name="ipmi"><device name="fence_an01" action="reboot"/></method></fence>
    </clusternode>
    <clusternode name="an-node02.alteeve.com" nodeid="2">
      <fence><method name="ipmi"><device name="fence_an02" action="reboot"/></method></fence>
    </clusternode>
  </clusternodes>
  <fencedevices>
    <fencedevice name="fence_an01" agent="fence_ipmilan" ipaddr="10.20.1.1" login="admin" passwd_script="/root/ipmi-pw"/>
    <fencedevice name="fence_an02" agent="fence_ipmilan" ipaddr="10.20.1.2" login="admin" passwd_script="/root/ipmi-pw"/>
  </fencedevices>
  <rm>
    <failoverdomains>
      <failoverdomain name="an1_primary" nofailback="0" ordered="0" restricted="0">
        <failoverdomainnode name="an-node01.alteeve.com"/>
        <failoverdomainnode name="an-node02.alteeve.com"/>
      </failoverdomain>
    </failoverdomains>
${vms}
  </rm>
</cluster>
`;
}

/** Roughly 45% domain configs, 45% iftabs, the rest DRBD resources, plus one cluster.conf. */
export function writeWorkspace(fileCount: number): { root: string; domainUri: (i: number) => string; domains: number } {
  const root = mkdtempSync(join(tmpdir(), 'xcc-bench-ws-'));
  const domains = Math.floor(fileCount * 0.45);
  const resources = Math.max(1, fileCount - 2 * domains - 1);
  mkdirSync(join(root, 'etc', 'xen'), { recursive: true });
  mkdirSync(join(root, 'etc', 'drbd.d'), { recursive: true });
  mkdirSync(join(root, 'etc', 'cluster'), { recursive: true });
  for (let i = 0; i < domains; i++) {
    writeFileSync(join(root, 'etc', 'xen', `vm${i}.cfg`), domainConfig(i));
    mkdirSync(join(root, 'guests', `vm${i}`, 'etc'), { recursive: true });
    writeFileSync(join(root, 'guests', `vm${i}`, 'etc', 'iftab'), iftab(i));
  }
  for (let i = 0; i < resources; i++) writeFileSync(join(root, 'etc', 'drbd.d', `r${i}.res`), drbdResource(i));
  writeFileSync(join(root, 'etc', 'cluster', 'cluster.conf'), clusterConf(domains));
  return { root, domains, domainUri: (i) => `file://${join(root, 'etc', 'xen', `vm${i}.cfg`)}` };
}

export { domainConfig, macOf };
