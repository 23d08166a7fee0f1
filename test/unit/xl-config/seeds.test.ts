/** The domain configs of the seed documents get exactly the diagnostics an expert gives them. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../../helpers/fixtures';
import type { TestOptions } from '../../helpers/languageTester';
import { problems } from './helpers';

const seed = (name: string, options: TestOptions = {}) => problems(readFixture('xl-config', 'seeds', name), { path: `/etc/xen/${name}`, ...options });

describe('xl-config on the seed configs (xl toolstack, Xen 4.19)', () => {
  it('000 xen1 (Debian Etch PV domU): only the hint that its vif has no fixed MAC', () => {
    assert.deepEqual(seed('000-xen1.cfg'), [
      "6:9-11 hint xl/vif-no-mac this vif has no `mac=`: xl picks a random MAC at every start, so DHCP leases and the guest's interface names (udev, iftab) change; set a fixed 00:16:3e MAC",
    ]);
  });

  it("000 xen1 as a cluster node: xl rejects xm's w! on the shared SAN disk", () => {
    assert.deepEqual(seed('000-xen1-cluster-node.cfg'), [
      '8:119-121 error xl/disk-access access mode `w!` is xm\'s "write even if another domain or dom0 already uses this device". xl has no such mode and refuses to create the domain (unknown value for access): use `w`, and share the device only with a cluster file system, or `r`',
    ]);
  });

  it('000 as published with typographic quotes: one error per line, the rest still checked', () => {
    assert.deepEqual(seed('000-xen1-cluster-node-typographic.cfg'), [
      "6:9-33 error xl/typographic-quote typographic quote '‘' in `‘mac=00:16:3e:00:01:01’,`: xl only accepts ASCII quotes ' or \"",
      "7:10-35 error xl/typographic-quote typographic quote '‘' in `‘phy:/dev/vg/xen1,hda,w’,`: xl only accepts ASCII quotes ' or \"",
      // The curly-quoted strings are still read as the strings they meant, so the disk line's xm-only
      // `w!` is found now, not only after the quotes are fixed.
      '7:119-121 error xl/disk-access access mode `w!` is xm\'s "write even if another domain or dom0 already uses this device". xl has no such mode and refuses to create the domain (unknown value for access): use `w`, and share the device only with a cluster file system, or `r`',
    ]);
  });

  it('001 iscsitest is clean', () => {
    assert.deepEqual(seed('001-iscsitest.cfg'), []);
  });

  it('001 as the blog printed it: settings run together on one line', () => {
    assert.deepEqual(seed('001-iscsitest-oneline.cfg'), [
      "2:12-16 error xl/syntax unexpected word `name` after the value of `memory`: one setting per line (or separate them with ';')",
      "4:44-51 error xl/syntax unexpected word `ramdisk` after the value of `kernel`: one setting per line (or separate them with ';')",
    ]);
  });

  it('003 Windows 2008 HVM guest (an xm config): what xl ignores or replaced', () => {
    assert.deepEqual(seed('003-win2008_sql_01.cfg'), [
      '2:1-7 warning xl/hvmloader-kernel xl ignores `kernel` for HVM guests (xm needed it to load hvmloader): delete this line',
      '3:1-8 warning xl/deprecated-key `builder` is deprecated since Xen 4.10: write `type = "hvm"`',
      '14:1-13 warning xl/deprecated-key xl ignores `device_model`: delete this line (device_model_override if you really need it)',
      '21:1-11 warning xl/xm-only-key `vncconsole` is an xm setting that xl ignores; use the `-V` option of `xl create` instead',
    ]);
  });

  it('003 Windows guest is clean for the xm toolstack it was written for', () => {
    assert.deepEqual(seed('003-win2008_sql_01.cfg', { settings: { xen: { toolstack: 'xm', version: '3.4' } } }), []);
  });

  it('003 f13_builder_01 from virsh domxml-to-native: the stale vifname and the xm-style vfb', () => {
    assert.deepEqual(seed('003-f13_builder_01.cfg'), [
      '14:10-14 warning xl/spec-value xl ignores `type` in a vfb spec; use `vnc=1`',
      "16:70-77 warning xl/vif-stale-vifname vifname `vif-1.0` looks copied from a stopped domain's generated name (as virsh domxml-to-native writes it): a fixed name clashes when two guests use it; remove `vifname=` and let xl name it vifDOMID.N",
    ]);
  });

  it('003 c5_test_01 and rh6b2_test_01 (virt-install PV guests) are clean', () => {
    assert.deepEqual(seed('003-c5_test_01.cfg'), []);
    assert.deepEqual(seed('003-rh6b2_test_01.cfg'), []);
  });
});
