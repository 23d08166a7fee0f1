/**
 * Statements and sections written twice: an error where drbdadm says
 * "conflicting use of …" (on the repeat, the first as related information),
 * a warning where it reads the file and one value silently wins.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problem, summary } from '../../helpers/languageTester';
import { dialect, drbd, HOSTS } from './helpers';

const B = '  on b { device /dev/drbd0; disk /dev/sda1; address 10.0.0.2:7789; meta-disk internal; }';

describe('drbd statements written twice', () => {
  it("refuses a second device, disk, address or meta-disk in one 'on' section, pointing at the first", () => {
    // drbdadm 9.22, -84 and -83: "r0.res:3: conflicting use of disk statement 'r0:alpha:disk' ... r0.res:2: disk statement 'r0:alpha:disk' first used here."
    const text = `resource r0 {\n  on alpha { device /dev/drbd0; disk /dev/sda1; address 10.0.0.1:7789; meta-disk internal;\n    disk /dev/sda2; }\n${B}\n}\n`;
    for (const version of ['8.3', '8.4', '9'] as const) {
      const [first, ...rest] = drbd.diagnostics(text, dialect(version)).filter((d) => d.code === 'drbd/duplicate-option');
      assert.deepEqual(rest, []);
      assert.equal(problem(first), `3:5-9 error drbd/duplicate-option 'disk' is already set in this 'on alpha' section (line 2); drbdadm refuses the second ("conflicting use of disk statement"): keep one.`);
      assert.deepEqual(first.relatedInformation, [{ location: { uri: 'file:///etc/drbd.d/r0.res', range: { start: { line: 1, character: 32 }, end: { line: 1, character: 36 } } }, message: "the first 'disk'" }]);
    }
    const metaTwice = `resource r0 {\n  on alpha { device /dev/drbd0; disk /dev/sda1; address 10.0.0.1:7789; meta-disk internal;\n    flexible-meta-disk internal; }\n${B}\n}\n`;
    assert.deepEqual(drbd.check(metaTwice), ['3:5-23 error drbd/duplicate-option'], 'flexible-meta-disk is the same statement as meta-disk');
    const addressTwice = `resource r0 {\n  on alpha { device /dev/drbd0; disk /dev/sda1; address 10.0.0.1:7789; meta-disk internal;\n    address 10.0.0.3:7789; }\n${B}\n}\n`;
    assert.deepEqual(drbd.check(addressTwice), ['3:5-12 error drbd/duplicate-option']);
  });

  it('refuses a second device or protocol in a resource, and warns about a second disk there (drbdadm takes it)', () => {
    const hosts = '  on a { disk /dev/sda1; address 10.0.0.1:7789; meta-disk internal; }\n  on b { disk /dev/sda1; address 10.0.0.2:7789; meta-disk internal; }';
    // drbdadm: "r0.res:3: conflicting use of device statement 'r0:device' ..."
    assert.deepEqual(drbd.check(`resource r0 {\n  device /dev/drbd0;\n  device /dev/drbd1;\n${hosts}\n}\n`), ['3:3-9 error drbd/duplicate-option']);
    // drbdadm 9.22 and -84 accept a resource-level disk given twice.
    const volumeKeys = '  on a { address 10.0.0.1:7789; }\n  on b { address 10.0.0.2:7789; }';
    assert.deepEqual(drbd.check(`resource r0 {\n  disk /dev/sda1;\n  disk /dev/sda2;\n  device /dev/drbd0; meta-disk internal;\n${volumeKeys}\n}\n`), ['3:3-7 warning drbd/duplicate-option']);
  });

  it('warns about a statement given twice in a volume, which drbdadm reads (the last one wins)', () => {
    const text = `resource r0 {\n  volume 0 { device /dev/drbd0; disk /dev/sda1; meta-disk internal;\n    device /dev/drbd1; }\n  on a { address 10.0.0.1:7789; }\n  on b { address 10.0.0.2:7789; }\n}\n`;
    assert.deepEqual(drbd.check(text), ['3:5-11 warning drbd/duplicate-option']);
    assert.deepEqual(drbd.check(text, dialect('9')), ['3:5-11 warning drbd/duplicate-option']);
  });

  it('refuses a second section of one kind in a resource, a second global and a second common', () => {
    // drbdadm: "r0.res:3: conflicting use of net section 'r0:net' ... r0.res:2: net section 'r0:net' first used here."
    const diagnostics = drbd.diagnostics(`resource r0 {\n  net { protocol C; }\n  net { max-buffers 8000; }\n${HOSTS}\n}\n`);
    assert.deepEqual(diagnostics.map(problem), [`3:3-6 error drbd/duplicate-section A second 'net' section in resource 'r0' (the first is on line 2); drbdadm refuses it ("conflicting use of net section"): merge the two.`]);
    assert.equal(diagnostics[0].relatedInformation?.[0].location.range.start.line, 1);
    assert.deepEqual(drbd.check(`resource r0 {\n  handlers { split-brain "/bin/true"; }\n  handlers { pri-lost "/bin/true"; }\n${HOSTS}\n}\n`), ['3:3-11 error drbd/duplicate-section']);
    // "conflicting use of global section 'global'"; "conflicting use of resource section 'common'".
    const top = `global { usage-count no; }\nglobal { dialog-refresh 1; }\ncommon { net { protocol C; } }\ncommon { disk { on-io-error detach; } }\nresource r0 {\n${HOSTS}\n}\n`;
    assert.deepEqual(drbd.check(top), ['2:1-7 error drbd/duplicate-section', '4:1-7 error drbd/duplicate-section']);
  });

  it('refuses a resource name defined twice in one file, on the second', () => {
    // drbdadm: "r0.res:5: conflicting use of resource section 'r0' ... r0.res:1: resource section 'r0' first used here."
    const second = HOSTS.replaceAll('drbd0', 'drbd1').replaceAll('7789', '7790').replaceAll('sda1', 'sda2');
    const diagnostics = drbd.diagnostics(`resource r0 {\n${HOSTS}\n}\nresource r0 {\n${second}\n}\n`);
    assert.deepEqual(diagnostics.map(problem), [`5:10-12 error drbd/duplicate-resource Resource 'r0' is already defined on line 1; drbdadm refuses the second ("conflicting use of resource section"): rename one.`]);
    assert.equal(diagnostics[0].relatedInformation?.[0].location.range.start.line, 0);
  });

  it('refuses two DRBD 9 hosts with one node-id', () => {
    // drbdadm 9.22: "r0.res:3: conflicting use of node-id 'r0:1' ..."
    const text = `resource r0 {\n  on a { node-id 1; device /dev/drbd0; disk /dev/sda1; address 10.0.0.1:7789; }\n  on b { node-id 1; device /dev/drbd0; disk /dev/sda1; address 10.0.0.2:7789; }\n}\n`;
    assert.deepEqual(drbd.diagnostics(text).map(problem), [
      `3:18-19 error drbd/duplicate-node-id node-id 1 is already the node-id of another host of this resource (line 2); drbdadm refuses it ("conflicting use of node-id"): give each host its own.`,
    ]);
  });

  it('keeps the 8.x warning and the DRBD 9 error for an option twice in a net or disk section, and warns elsewhere', () => {
    const twice = (section: string, option: string) => `resource r0 {\n  ${section} { ${option}\n    ${option} }\n${HOSTS}\n}\n`;
    assert.deepEqual(drbd.check(twice('disk', 'al-extents 1000;'), dialect('9')), ['3:5-15 error drbd/duplicate-option']);
    assert.deepEqual(drbd.check(twice('disk', 'al-extents 1000;'), dialect('8.4')), ['3:5-15 warning drbd/duplicate-option']);
    // drbdadm 9.22 takes a repeated startup or options option.
    assert.deepEqual(drbd.check(twice('startup', 'wfc-timeout 10;'), dialect('9')), ['3:5-16 warning drbd/duplicate-option']);
    assert.deepEqual(drbd.diagnostics(twice('disk', 'al-extents 1000;'), dialect('9')).map(summary), ['3:5-15 error drbd/duplicate-option']);
  });
});
