/**
 * `migrate --to systemd-link`: iftab to .link files. The files are read back as systemd would (an
 * INI reader of systemd.link's shape), and, where udevadm, network namespaces and veth work (root),
 * udev's own net_setup_link picks our file and our name for an interface with the MAC.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { convertIftab } from '../../../server/src/migrate/systemdLink';
import { readFixture } from '../../helpers/fixtures';

function convert(text: string, format?: string) {
  const result = convertIftab(text, { path: '/etc/iftab', format });
  return { outputs: result.outputs, notes: result.notes.map((n) => `${n.line}: ${n.kind}: ${n.message}`) };
}

/** systemd's reading of a .link file: sections and their key=value lines, comments skipped. */
function readLink(text: string): Record<string, Record<string, string>> {
  const sections: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(\w+)\]$/.exec(line);
    if (header) {
      current = sections[header[1]] = {};
      continue;
    }
    const pair = /^([A-Za-z]+)=(.*)$/.exec(line);
    assert.ok(pair && current, `not a systemd.link line: ${line}`);
    current[pair[1]] = pair[2];
  }
  return sections;
}

describe('migrate --to systemd-link', () => {
  it('writes one file per interface, [Match] MACAddress= and [Link] Name=', () => {
    const { outputs, notes } = convert(readFixture('iftab', 'seed-000.iftab'));
    assert.deepEqual(outputs.map((o) => o.name), ['10-eth0.link', '11-eth1.link']);
    assert.equal(outputs[0].text, '# From /etc/iftab line 2: eth0 mac 00:16:3e:00:01:01\n[Match]\nMACAddress=00:16:3e:00:01:01\n\n[Link]\nName=eth0\n');
    assert.deepEqual(readLink(outputs[1].text), { Match: { MACAddress: '00:16:3e:00:02:01' }, Link: { Name: 'eth1' } });
    assert.match(notes[1], /^2: manual: eth0 is a name the kernel gives too: while one interface is renamed to it, the kernel may already have given it to another, and the rename fails or swaps them \(the race ifrename warns about\)\. Prefer a name of your own, e.g\. lan0 \(--format rename\)$/);
  });

  it('offers the rename out of the kernel\'s names', () => {
    const { outputs, notes } = convert('eth0 mac 00:16:3e:00:01:01\nwlan1 mac 00:16:3e:00:01:02\nuplink mac 00:16:3e:00:01:03\n', 'rename');
    assert.deepEqual(outputs.map((o) => o.name), ['10-lan0.link', '11-wifi1.link', '12-uplink.link']);
    assert.deepEqual(readLink(outputs[0].text).Link, { Name: 'lan0' });
    assert.ok(notes.includes('1: manual: eth0 renamed lan0, out of the kernel\'s ethN/wlanN names; change eth0 to lan0 wherever the system names it (/etc/network/interfaces, firewall rules, monitoring)'));
    assert.ok(!notes.some((n) => n.includes('uplink')));
  });

  it('maps driver to Driver=, businfo to Path=, prevname to OriginalName=', () => {
    const { outputs } = convert('lan4 driver pcnet32 businfo 0000:02:05.0\nlan5 prevname eth7 mac 00:16:3E:AA:BB:CC\n');
    assert.deepEqual(readLink(outputs[0].text), { Match: { Driver: 'pcnet32', Path: 'pci-0000:02:05.0' }, Link: { Name: 'lan4' } });
    assert.deepEqual(readLink(outputs[1].text), { Match: { OriginalName: 'eth7', MACAddress: '00:16:3e:aa:bb:cc' }, Link: { Name: 'lan5' } });
  });

  it('writes no file for a line systemd cannot match as narrowly, and says why', () => {
    const { outputs, notes } = convert(readFixture('iftab', 'corpus', 'HewlettPackard__wireless-tools__wireless_tools__iftab.5.EXAMPLES.iftab'));
    assert.deepEqual(outputs.map((o) => o.name), ['10-eth2.link', '11-eth4.link']);
    assert.ok(notes.some((n) => n.startsWith('3: manual: no .link file for eth3: systemd.link has no match on `interrupt`; systemd.link has no match on `baseaddress`. A looser [Match] would rename other interfaces')), notes.join('\n'));
    assert.ok(notes.some((n) => n.startsWith('5: manual: no .link file for air*: ifrename numbers `air*` itself')), notes.join('\n'));
    for (const output of outputs) assert.ok(Object.keys(readLink(output.text).Match).length > 0, 'a .link without [Match] keys would match every interface');
  });

  it('udev\'s net_setup_link picks the file and the name (root, netns, veth)', (t) => {
    const probe = spawnSync('sh', ['-c', 'command -v udevadm && command -v unshare && [ "$(id -u)" = 0 ]'], { encoding: 'utf8' });
    if (probe.status !== 0) return t.skip('needs root, udevadm and unshare: the generated files were checked by the parser tests above');
    const dir = mkdtempSync(join(tmpdir(), 'link-'));
    const { outputs } = convert('eth0 mac 00:16:3e:00:01:01\neth1 mac 00:16:3e:00:02:01\n', 'rename');
    for (const output of outputs) writeFileSync(join(dir, output.name), output.text);
    // A private mount and network namespace: the host's link files and interfaces are not touched.
    const script = [
      'set -e',
      'mount --make-rprivate /',
      'mount -t sysfs sysfs /sys',
      'mkdir -p /etc/systemd/network /run/systemd/network',
      `mount --bind ${dir} /etc/systemd/network`,
      'mount -t tmpfs tmpfs /run/systemd/network',
      'ip link add probe0 address 00:16:3e:00:02:01 type veth peer name probe1',
      'udevadm test-builtin net_setup_link /sys/class/net/probe0',
    ].join('\n');
    const run = spawnSync('unshare', ['--mount', '--net', 'sh', '-c', script], { encoding: 'utf8', timeout: 30_000 });
    if (run.status !== 0 && /Operation not permitted|Unknown device type|cannot|unshare failed/i.test(run.stderr)) return t.skip(`no network namespace or veth here: ${run.stderr.trim().split('\n').pop()}`);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, new RegExp(`^ID_NET_LINK_FILE=/etc/systemd/network/11-lan1\\.link$`, 'm'));
    assert.match(run.stdout, /^ID_NET_NAME=lan1$/m);
  });
});
