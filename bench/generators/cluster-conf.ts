/**
 * A large, clean cluster.conf: `sizeHint` nodes (64 for the benchmark) with
 * IPMI fencing plus a PDU backup method, failover domains of eight nodes, and
 * about three services or vms per node (200 for 64 nodes), a quarter of them vms.
 */
export function generate(sizeHint: number): { path: string; text: string } {
  const nodeCount = Math.max(2, Math.round(sizeHint));
  const serviceCount = Math.round((nodeCount * 200) / 64);
  const pad = (n: number) => String(n).padStart(2, '0');
  const node = (i: number) => `node${pad(i)}.example.com`;
  const pdu = (i: number) => `pdu${pad(Math.ceil(i / 8))}`;
  const domainOf = (i: number) => `rack${pad(Math.ceil(i / 8))}`;
  const out: string[] = ['<?xml version="1.0"?>', `<cluster name="bench" config_version="42">`];
  out.push(`    <cman expected_votes="${nodeCount}" transport="udpu"/>`, '    <totem token="20000"/>', '    <fence_daemon post_join_delay="60"/>', '    <clusternodes>');
  for (let i = 1; i <= nodeCount; i++) {
    out.push(
      `        <clusternode name="${node(i)}" nodeid="${i}" votes="1">`,
      '            <fence>',
      '                <method name="ipmi">',
      `                    <device name="ipmi${pad(i)}" action="reboot"/>`,
      '                </method>',
      '                <method name="pdu">',
      `                    <device name="${pdu(i)}" port="${((i - 1) % 8) + 1}" action="off"/>`,
      '                </method>',
      '            </fence>',
      '        </clusternode>',
    );
  }
  out.push('    </clusternodes>', '    <fencedevices>');
  for (let i = 1; i <= nodeCount; i++) {
    out.push(`        <fencedevice name="ipmi${pad(i)}" agent="fence_ipmilan" ipaddr="10.1.${Math.ceil(i / 200)}.${i % 200}" login="admin" passwd_script="/usr/local/sbin/ipmi-password" lanplus="1"/>`);
  }
  for (let rack = 1; rack <= Math.ceil(nodeCount / 8); rack++) {
    out.push(`        <fencedevice name="pdu${pad(rack)}" agent="fence_apc" ipaddr="10.2.0.${rack}" login="apc" passwd_script="/usr/local/sbin/pdu-password"/>`);
  }
  out.push('    </fencedevices>', '    <rm>', '        <failoverdomains>');
  for (let rack = 1; rack <= Math.ceil(nodeCount / 8); rack++) {
    out.push(`            <failoverdomain name="rack${pad(rack)}" ordered="1" restricted="1">`);
    for (let i = (rack - 1) * 8 + 1; i <= Math.min(nodeCount, rack * 8); i++) {
      out.push(`                <failoverdomainnode name="${node(i)}" priority="${i - (rack - 1) * 8}"/>`);
    }
    out.push('            </failoverdomain>');
  }
  out.push('        </failoverdomains>', '        <resources>');
  for (let s = 1; s <= serviceCount; s++) out.push(`            <ip address="10.3.${Math.ceil(s / 250)}.${s % 250}/16" monitor_link="1"/>`);
  out.push('        </resources>');
  for (let s = 1; s <= serviceCount; s++) {
    const domain = domainOf(((s - 1) % nodeCount) + 1);
    if (s % 4 === 0) {
      out.push(`        <vm name="vm${String(s).padStart(3, '0')}" domain="${domain}" path="/etc/xen" autostart="1" recovery="restart" migrate="live"/>`);
      continue;
    }
    out.push(
      `        <service name="svc${String(s).padStart(3, '0')}" domain="${domain}" autostart="1" recovery="relocate">`,
      `            <ip ref="10.3.${Math.ceil(s / 250)}.${s % 250}/16">`,
      `                <fs name="data${s}" device="/dev/vg_data/lv${s}" mountpoint="/srv/svc${s}" fstype="ext4" force_unmount="1">`,
      `                    <script name="app${s}" file="/etc/init.d/app${s}"/>`,
      '                </fs>',
      '            </ip>',
      '        </service>',
    );
  }
  out.push('    </rm>', '</cluster>', '');
  return { path: '/etc/cluster/cluster.conf', text: out.join('\n') };
}
