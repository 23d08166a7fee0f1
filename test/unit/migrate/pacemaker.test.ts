/** cluster.conf → Pacemaker (migrate/pacemaker.ts) on a Xen cluster in the shape of the RHEL 5/6 guides. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertToPacemaker } from '../../../server/src/migrate/pacemaker';
import { EMPTY_WORKSPACE } from '../../../server/src/workspace/view';
import { readFixture } from '../../helpers/fixtures';

function convert(text: string, format?: string) {
  const result = convertToPacemaker(text, { path: '/etc/cluster/cluster.conf', workspace: EMPTY_WORKSPACE, format });
  const output = (name: string) => result.outputs.find((o) => o.name === name)?.text ?? '';
  return { names: result.outputs.map((o) => o.name), output, notes: result.notes.map((n) => `${n.line}: ${n.kind}: ${n.message}`) };
}

const XEN = readFixture('migrate', 'xen-cluster.conf');

describe('migrate pacemaker: fencing', () => {
  const { output } = convert(XEN);
  const cib = output('cib.xml');

  it('writes a stonith primitive per fence device, with the parameter names the agent takes today', () => {
    assert.ok(cib.includes('<primitive id="ipmi-a" class="stonith" type="fence_ipmilan">'), cib);
    assert.ok(cib.includes('<nvpair id="ipmi-a-instance_attributes-ip" name="ip" value="10.0.1.11"/>'));
    assert.ok(cib.includes('<nvpair id="ipmi-a-instance_attributes-username" name="username" value="admin"/>'));
    assert.ok(cib.includes('<nvpair id="ipmi-a-instance_attributes-password" name="password" value="secret"/>'));
    assert.ok(!/name="(ipaddr|login|passwd)"/.test(cib));
  });

  it('names the node a device fences in pcmk_host_list, and the port of each node in pcmk_host_map', () => {
    assert.ok(cib.includes('name="pcmk_host_list" value="dom0-a.example.com"'));
    assert.ok(cib.includes('<nvpair id="pdu1-instance_attributes-pcmk_host_map" name="pcmk_host_map" value="dom0-a.example.com:1;dom0-b.example.com:2"/>'));
  });

  it('turns several methods into fencing levels in order, a method of two devices into one level of both', () => {
    assert.ok(cib.includes('<fencing-level id="fl-dom0-a.example.com-1" target="dom0-a.example.com" index="1" devices="ipmi-a"/>\n      <fencing-level id="fl-dom0-a.example.com-2" target="dom0-a.example.com" index="2" devices="pdu1,pdu2"/>'), cib);
    assert.ok(cib.includes('<fencing-level id="fl-dom0-c.example.com-1" target="dom0-c.example.com" index="1" devices="ipmi-c"/>'));
  });

  it('leaves fencing on, and turns it off with a manual note only where nothing could be converted', () => {
    assert.ok(!cib.includes('stonith-enabled'));
    const lab = convert(readFixture('cluster-conf', 'accepted', 'lab-without-fencing.conf'));
    assert.ok(lab.output('cib.xml').includes('name="stonith-enabled" value="false"'));
    assert.ok(lab.notes.some((n) => n.includes('manual: No fence device could be converted')));
  });
});

describe('migrate pacemaker: fencing shapes', () => {
  const SHAPES = `<cluster name="c" config_version="1">
  <clusternodes>
    <clusternode name="n1" nodeid="1">
      <fence><method name="1"><device name="ilo" ipaddr="10.0.0.11"/></method></fence>
      <unfence><device name="scsi" action="on"/></unfence>
    </clusternode>
    <clusternode name="n2" nodeid="2">
      <fence><method name="1"><device name="ilo" ipaddr="10.0.0.12"/></method><method name="2"><device name="human"/></method></fence>
    </clusternode>
  </clusternodes>
  <fencedevices>
    <fencedevice name="ilo" agent="fence_ilo" login="root" passwd="pw"/>
    <fencedevice name="scsi" agent="fence_scsi" devices="/dev/sdc"/>
    <fencedevice name="human" agent="fence_manual"/>
  </fencedevices>
</cluster>`;
  const { output, notes } = convert(SHAPES);
  const cib = output('cib.xml');

  it('gives each node its own primitive where its device adds parameters of its own (an address per node)', () => {
    assert.ok(cib.includes('<primitive id="ilo-n1" class="stonith" type="fence_ilo">'), cib);
    assert.ok(cib.includes('<nvpair id="ilo-n1-instance_attributes-ip" name="ip" value="10.0.0.11"/>'));
    assert.ok(cib.includes('<nvpair id="ilo-n2-instance_attributes-pcmk_host_list" name="pcmk_host_list" value="n2"/>'));
  });

  it('marks an unfencing device, and reports fence_manual as left for a person', () => {
    assert.ok(cib.includes('<nvpair id="scsi-meta_attributes-provides" name="provides" value="unfencing"/>'));
    assert.ok(notes.includes("14: manual: Fence device 'human' (fence_manual) not converted: fence_manual waited for a person to run fence_ack_manual; Pacemaker needs a fence device that works unattended."), notes.join('\n'));
    assert.ok(!cib.includes('fence_manual'));
  });

  it('survives hostile input: loops and chains of shared resources, depth, garbage', () => {
    const loop = convert('<cluster name="l" config_version="1"><rm><resources><fs name="a" mountpoint="/a" device="/d"><fs ref="a"/></fs></resources><service name="s"><fs ref="a"/></service></rm></cluster>');
    assert.ok(loop.notes.some((n) => n.includes('is inside the resource it refers to')), loop.notes.join('\n'));
    const chain = Array.from({ length: 30 }, (_, i) => `<fs name="f${i}" mountpoint="/m${i}" device="/d${i}"><fs ref="f${i + 1}"/><fs ref="f${i + 1}"/></fs>`).join('');
    const wide = convert(`<cluster name="w" config_version="1"><rm><resources>${chain}</resources><service name="s"><fs ref="f0"/></service></rm></cluster>`);
    assert.equal(wide.notes.filter((n) => n.includes('More than 10000 resources')).length, 1, wide.notes.slice(0, 3).join('\n'));
    const deep = '<cluster name="d" config_version="1"><rm><service name="s">' + '<fs name="f" mountpoint="/m" device="/d">'.repeat(300) + '</rm></cluster>';
    for (const text of ['', '<', '<cluster', '<cluster/>', deep, '<cluster name="x" config_version="1"><rm><service name="s"><ip ref="nowhere"/></service></rm></cluster>', '\u0000\uffff']) convert(text);
  });
});

describe('migrate pacemaker: services, vms and domains', () => {
  const { output, notes } = convert(XEN);
  const cib = output('cib.xml');

  it("makes a service a group whose members start in rgmanager's order: lvm, fs, ip, script", () => {
    const members = [...cib.slice(cib.indexOf('<group id="web">'), cib.indexOf('</group>')).matchAll(/<primitive id="([^"]+)" class="([^"]+)"(?: provider="heartbeat")? type="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}:${m[3]}`);
    assert.deepEqual(members, ['web-vg_web ocf:LVM-activate', 'web-web-data ocf:Filesystem', 'web-ip-192.168.10.50 ocf:IPaddr2', 'web-httpd lsb:httpd']);
    assert.ok(cib.includes('name="directory" value="/srv/www"') && cib.includes('name="force_unmount" value="true"'));
    assert.ok(cib.includes('name="ip" value="192.168.10.50"/>') && cib.includes('name="cidr_netmask" value="24"/>'));
  });

  it('runs a Xen guest with ocf:heartbeat:Xen and a libvirt guest with VirtualDomain, both live-migratable', () => {
    assert.ok(cib.includes('<primitive id="guest1" class="ocf" provider="heartbeat" type="Xen">'));
    assert.ok(cib.includes('name="xmfile" value="/etc/xen/guest1"'));
    assert.ok(cib.includes('<primitive id="guest2" class="ocf" provider="heartbeat" type="VirtualDomain">'));
    assert.ok(cib.includes('name="config" value="/etc/libvirt/libxl/guest2.xml"'));
    assert.equal(cib.match(/name="allow-migrate" value="true"/g)?.length, 2);
  });

  it('turns recovery, max_restarts and restart_expire_time into migration-threshold and failure-timeout', () => {
    assert.ok(cib.includes('<nvpair id="web-meta_attributes-migration-threshold" name="migration-threshold" value="4"/>'));
    assert.ok(cib.includes('<nvpair id="web-meta_attributes-failure-timeout" name="failure-timeout" value="600s"/>'));
    assert.ok(cib.includes('<nvpair id="guest1-meta_attributes-migration-threshold" name="migration-threshold" value="1"/>'));
  });

  it('places by failover domain: ordered scores, -INFINITY outside a restricted one, stickiness for nofailback', () => {
    assert.ok(cib.includes('<rsc_location id="location-web-dom0-a.example.com" rsc="web" node="dom0-a.example.com" score="200"/>\n      <rsc_location id="location-web-dom0-b.example.com" rsc="web" node="dom0-b.example.com" score="100"/>\n      <rsc_location id="location-web-dom0-c.example.com" rsc="web" node="dom0-c.example.com" score="-INFINITY"/>'), cib);
    assert.ok(!cib.includes('rsc="guest1" node="dom0-a.example.com"'), 'prefer-b is not restricted');
    assert.ok(cib.includes('<nvpair id="web-meta_attributes-resource-stickiness" name="resource-stickiness" value="200"/>'));
  });

  it('reports what it could not convert as manual notes with their lines', () => {
    assert.deepEqual(notes.filter((n) => n.includes('manual')), [
      '7: manual: <fence_daemon post_join_delay="30">: fenced\'s timings have no Pacemaker counterpart. Pacemaker waits dc-deadtime for the nodes at start and delays fencing with pcmk_delay_base or pcmk_delay_max on a stonith device: set those if you relied on these.',
      '63: manual: monitor_link="1" on 192.168.10.50/24: IPaddr2 does not watch the link; add ocf:heartbeat:ethmonitor as a clone and a location rule on its ethmonitor-IFACE attribute to move the address off a node whose link is down.',
      "64: manual: <lvm name=\"vg_web\">: rgmanager's HA-LVM used volume group tags; LVM-activate is set to vg_access_mode=tagging to match (system_id is the modern choice: set it up on the nodes and change the parameter).",
    ]);
  });
});

describe('migrate pacemaker: corosync.conf, pcs and odd input', () => {
  it('writes corosync.conf with the totem timings, the nodelist and two_node for a two-node cman', () => {
    const { names, output, notes } = convert(readFixture('cluster-conf', 'seeds', '003-node-assassin.conf'));
    assert.deepEqual(names, ['cib.xml', 'corosync.conf']);
    const corosync = output('corosync.conf');
    assert.ok(corosync.includes('quorum {\n    provider: corosync_votequorum\n    two_node: 1\n}\n'), corosync);
    assert.ok(corosync.includes('    node {\n        ring0_addr: an-node01.alteeve.com\n        name: an-node01.alteeve.com\n        nodeid: 1\n    }\n'));
    assert.ok(notes.some((n) => n.includes('expected_votes="1" is left out')));
    assert.ok(convert(XEN).output('corosync.conf').includes('    token: 21000\n    consensus: 25200\n'));
  });

  it('writes the same configuration as pcs commands, every value quoted for sh', () => {
    const { names, output } = convert(XEN, 'pcs');
    assert.deepEqual(names, ['cib.pcs.sh', 'corosync.conf']);
    const script = output('cib.pcs.sh');
    assert.ok(script.includes("pcs -f cib.xml stonith create pdu1 fence_apc ip=10.0.1.21 username=apc password=apc 'pcmk_host_map=dom0-a.example.com:1;dom0-b.example.com:2' op monitor interval=60s\n"), script);
    assert.ok(script.includes('pcs -f cib.xml stonith level add 2 dom0-a.example.com pdu1 pdu2\n'));
    assert.ok(script.includes('pcs -f cib.xml resource create web-vg_web ocf:heartbeat:LVM-activate vg_access_mode=tagging vgname=vg_web op monitor interval=60s --group web\n'));
    assert.ok(script.includes('pcs -f cib.xml constraint location web avoids dom0-c.example.com\n'));
    assert.ok(script.endsWith('pcs cluster cib-push cib.xml\n'));
    const hostile = convert(XEN.replace('login="apc"', `login="a'b;$(reboot)"`), 'pcs').output('cib.pcs.sh');
    assert.ok(hostile.includes(`'username=a'\\''b;$(reboot)'`), hostile);
  });

  it('gives a node whose nodeid another node has a fresh one, with a manual note', () => {
    const { output, notes } = convert(readFixture('cluster-conf', 'accepted', 'same-nodeid.conf'));
    const ids = [...output('corosync.conf').matchAll(/nodeid: (\d+)/g)].map((m) => m[1]);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(notes.some((n) => /manual: nodeid \d+ of '.*' is already another node's/.test(n)), notes.join('\n'));
  });

  it('escapes XML in values, and converts nothing from a file that is not well formed', () => {
    const cib = convert(XEN.replace('passwd="secret"', 'passwd="a&amp;b&lt;"')).output('cib.xml');
    assert.ok(cib.includes('value="a&amp;b&lt;"'));
    const broken = convertToPacemaker('<cluster name="x"><clusternodes>', { path: 'cluster.conf', workspace: EMPTY_WORKSPACE });
    assert.deepEqual(broken.outputs, []);
    assert.equal(broken.notes[0].kind, 'manual');
  });
});
