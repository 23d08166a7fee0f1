/** `migrate --to xl.conf` on xend-config.sxp as hosts had it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from '../../../server/src/languages/xl-config/parse';
import { XL_CONF_KEYS } from '../../../server/src/languages/xl-config/schema';
import { convertXendConfig } from '../../../server/src/migrate/xlConf';
import { fixtureFiles, readFixture } from '../../helpers/fixtures';
import { readFileSync } from 'node:fs';

const HEADER = '# /etc/xen/xl.conf: global settings of xl (xl.conf(5)), converted from xend-config.sxp.\n# What xend did that xl.conf cannot say is listed by the conversion, not here.\n';

function convert(text: string) {
  const result = convertXendConfig(text);
  assert.equal(result.outputs.length, 1);
  assert.equal(result.outputs[0].name, 'xl.conf');
  return { text: result.outputs[0].text, notes: result.notes.map((n) => `${n.line}: ${n.kind}: ${n.message}`) };
}

describe('migrate --to xl.conf', () => {
  it('maps vif-script, ballooning and a network-bridge bridge to xl.conf keys', () => {
    const { text, notes } = convert('(vif-script vif-bridge)\n(enable-dom0-ballooning no)\n(network-script \'network-bridge bridge=br0 netdev=eth1\')\n(dom0-min-mem 512)\n(logfile /var/log/xen/xend.log)\n');
    assert.equal(
      text,
      `${HEADER}\n# from (vif-script vif-bridge)\nvif.default.script = "vif-bridge"\n\n# from (enable-dom0-ballooning no)\nautoballoon = "off"\n\n# from (network-script network-bridge bridge=br0 netdev=eth1)\nvif.default.bridge = "br0"\n`,
    );
    assert.deepEqual(notes, [
      '1: note: (vif-script vif-bridge) is vif.default.script = "vif-bridge"',
      '2: note: (enable-dom0-ballooning no) is autoballoon = "off"',
      "3: manual: (network-script network-bridge bridge=br0 netdev=eth1): xl runs no network script at start-up. Set up a bridge br0 over eth1 in the distribution's network configuration (/etc/network/interfaces, ifcfg files, a systemd-networkd .netdev); vif.default.bridge = \"br0\" keeps it the guests' default",
      "4: manual: (dom0-min-mem 512): xl has no floor for dom0's memory. Give dom0 a fixed size on the Xen command line instead, dom0_mem=512M,max:512M (GRUB_CMDLINE_XEN_DEFAULT), and keep autoballoon \"off\" or \"auto\"",
      '5: note: (logfile /var/log/xen/xend.log) dropped: it configured xend itself, which xl does not have',
    ]);
  });

  it('sends relocation to `xl migrate` over SSH, and drops it when it was off', () => {
    assert.deepEqual(convert(readFixture('xend-sxp', 'seed-001-relocation.sxp')).notes, ['2: manual: (xend-relocation-server yes): `xl migrate` runs over SSH, so there is no listener to configure (restrict it with sshd and `authorized_keys`)']);
    assert.deepEqual(convert('(xend-relocation-server no)\n(xend-relocation-port 8002)\n').notes, [
      "1: note: (xend-relocation-server no) dropped: xend's relocation server was off; `xl migrate` runs over SSH, so there is no listener to configure (restrict it with sshd and `authorized_keys`)",
      "2: note: (xend-relocation-port 8002) dropped: xend's relocation server was off; `xl migrate` runs over SSH, so there is no listener to configure (restrict it with sshd and `authorized_keys`)",
    ]);
  });

  it('ballooning with a dom0 floor becomes "auto" (off once dom0_mem is on the Xen command line)', () => {
    const { text } = convert('(dom0-min-mem 196)\n(enable-dom0-ballooning yes)\n');
    assert.match(text, /^autoballoon = "auto"$/m);
  });

  it('reads the first of a repeated option, as xend did, and flags an unknown one', () => {
    const { text, notes } = convert('(vif-script vif-route)\n(vif-script vif-bridge)\n(frobnicate 1)\n');
    assert.match(text, /^vif\.default\.script = "vif-route"$/m);
    assert.ok(notes.includes('2: note: (vif-script …) again: xend read only the first one, so this one is skipped'));
    assert.ok(notes.some((n) => n.startsWith('3: manual: (frobnicate …) is not an option xend knows')));
  });

  for (const file of fixtureFiles('xend-sxp')) {
    it(`${file.split('/').pop()}: the result parses as xl.conf with xl.conf keys only`, () => {
      const { text } = convert(readFileSync(file, 'utf8'));
      const doc = parse(text, '/etc/xen/xl.conf');
      assert.deepEqual(doc.syntaxErrors, []);
      for (const setting of doc.settings) assert.ok(XL_CONF_KEYS.has(setting.key.name), setting.key.name);
    });
  }
});
