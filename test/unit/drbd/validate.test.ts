import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../../helpers/fixtures';
import { summary } from '../../helpers/languageTester';
import { checkPublished, dialect, drbd, HOSTS, published, resource } from './helpers';

describe('drbd validation', () => {
  for (const name of ['clean-84.res', 'clean-9.res']) {
    it(`finds nothing in ${name}`, () => assert.deepEqual(checkPublished(readFixture('drbd', name)), []));
  }

  it('flags unknown options with a did-you-mean', () => {
    const diagnostics = drbd.diagnostics(resource('  net { allow-two-primarie; }'));
    assert.deepEqual(diagnostics.map(summary), ['4:9-27 error drbd/unknown-option']);
    assert.equal(diagnostics[0].message, "Unknown 'net' option 'allow-two-primarie' in DRBD 8.4; did you mean 'allow-two-primaries'?");
  });

  it('flags unknown sections', () => {
    assert.deepEqual(drbd.diagnostics(resource('  nett { protocol C; }')).map((d) => d.message), ["Unknown section 'nett'; did you mean 'net'?"]);
  });

  it('says where an option in the wrong section belongs', () => {
    const diagnostics = drbd.diagnostics(resource('  disk { allow-two-primaries; }'));
    assert.deepEqual(diagnostics.map(summary), ['4:10-29 error drbd/wrong-section']);
    assert.equal(diagnostics[0].message, "'allow-two-primaries' cannot be written in a 'disk' section; it belongs in 'net' (DRBD 8.4).");
  });

  it('checks numbers, units, ranges and enums', () => {
    const diagnostics = drbd.diagnostics(resource('  net { sndbuf-size 40M; max-buffers lots; timeout 6x; after-sb-0pri disconect; }'));
    assert.deepEqual(diagnostics.map(summary), ['4:21-24 error drbd/out-of-range', '4:38-42 error drbd/invalid-value', '4:52-54 error drbd/invalid-unit', '4:70-79 error drbd/invalid-value']);
    assert.equal(diagnostics[0].message, "'sndbuf-size' 40M (= 41943040) is out of range: it must be between 0 and 10485760 (bytes).");
    assert.equal(String(diagnostics[3].message).endsWith("did you mean 'disconnect'?"), true);
  });

  it('converts units to the option scale (resync-rate is in KiB)', () => {
    assert.deepEqual(drbd.check(resource('  disk { resync-rate 4G; }')), []);
    assert.deepEqual(drbd.diagnostics(resource('  disk { resync-rate 5G; }')).map((d) => `${summary(d)} ${d.message}`), [
      "4:22-24 error drbd/out-of-range 'resync-rate' 5G (= 5242880 KiB) is out of range: it must be between 1 and 4194304 KiB.",
    ]);
  });

  it('flags duplicate options: a warning in 8.4, an error in 9', () => {
    assert.deepEqual(drbd.check(resource('  net { max-buffers 8000; max-buffers 9000; }')), ['4:27-38 warning drbd/duplicate-option']);
    assert.deepEqual(drbd.check(resource('  net { max-buffers 8000; max-buffers 9000; }'), dialect('9')), ['4:27-38 error drbd/duplicate-option']);
  });

  it('says where 8.3 syncer options went in 8.4 (and that 9 refuses the rate)', () => {
    const text = resource('  syncer { rate 40M; verify-alg sha1; }');
    const diagnostics = drbd.diagnostics(text, dialect('8.4'));
    assert.deepEqual(diagnostics.map(summary), ['4:12-16 warning drbd/moved-option', '4:22-32 warning drbd/moved-option']);
    assert.equal(diagnostics[0].message, "'rate': the 'syncer' section is DRBD 8.3 syntax; since 8.4 it is 'resync-rate' in the 'disk' section.");
    assert.deepEqual(drbd.check(text, dialect('9')), ['4:12-16 error drbd/moved-option', '4:22-32 warning drbd/moved-option']);
    assert.deepEqual(drbd.check(text, dialect('8.3')), []);
  });

  it('says an 8.4 option is not 8.3 syntax', () => {
    const diagnostics = drbd.diagnostics(resource('  disk { resync-rate 40M; }'), dialect('8.3'));
    assert.deepEqual(diagnostics.map(summary), ['4:10-21 error drbd/moved-option']);
    assert.equal(diagnostics[0].message, "'resync-rate' in 'disk' is DRBD 8.4 syntax; DRBD 8.3 writes it as 'rate' in the 'syncer' section.");
  });

  it('detects the dialect from the file', () => {
    const nine = `resource r0 {\n  on a { node-id 0; device minor 1; disk /dev/sda1; address 10.0.0.1:7789; }\n  on b { node-id 1; device minor 1; disk /dev/sda1; address 10.0.0.2:7789; }\n  syncer { rate 10M; }\n}\n`;
    assert.deepEqual(drbd.check(nine), ['4:12-16 error drbd/moved-option']);
  });

  it('requires device, disk, address and meta-disk on each host unless the resource gives them', () => {
    const diagnostics = drbd.diagnostics(resource('', '  on a { device /dev/drbd0; disk /dev/sda1; }\n  on b { device /dev/drbd0; disk /dev/sda1; address 10.0.0.2:7789; meta-disk internal; }'));
    assert.deepEqual(diagnostics.map(summary), ['2:3-5 error drbd/missing-host-option', '2:3-5 error drbd/missing-host-option']);
    assert.equal(diagnostics[0].message, "'on a' in resource 'r0' has no 'address', and the resource sets none for it to inherit; add e.g. 'address 10.0.0.1:7789;'.");
    assert.deepEqual(drbd.check('resource r0 {\n  device /dev/drbd0; disk /dev/sda1; meta-disk internal;\n  on a { address 10.0.0.1:7789; }\n  on b { address 10.0.0.2:7789; }\n}\n'), []);
  });

  it('wants exactly two hosts in 8.x', () => {
    const diagnostics = drbd.diagnostics(resource('', HOSTS.split('\n')[0]));
    assert.deepEqual(diagnostics.map(summary), ['1:10-12 warning drbd/host-count']);
    assert.equal(diagnostics[0].message, "Resource 'r0' has 1 host section; DRBD 8.4 replicates between exactly two nodes. Use DRBD 9 for more than two.");
  });

  it('flags malformed and duplicate addresses, minors and devices', () => {
    const text = `resource r0 {\n${HOSTS}\n}\nresource r1 {\n  on a { device /dev/drbd0; disk /dev/sda2; address 10.0.0.1:7789; meta-disk internal; }\n  on b { device /dev/drbd1; disk /dev/sda2; address 10.0.0.300:7790; meta-disk internal; }\n}\n`;
    const diagnostics = drbd.diagnostics(text);
    assert.deepEqual(diagnostics.map(summary), ['6:17-27 error drbd/duplicate-minor', '6:17-27 error drbd/duplicate-device', '6:53-66 error drbd/duplicate-address', '7:53-68 error drbd/invalid-address']);
    assert.equal(diagnostics[2].message, "Address 10.0.0.1:7789 is already used by resource 'r0' on line 2; each resource needs its own.");
    assert.equal(diagnostics[3].message, "'10.0.0.300' is not an IPv4 address (four numbers 0-255); DRBD needs the numeric address, not a host name.");
  });

  it('flags become-primary-on naming a host without an on section, and both without allow-two-primaries', () => {
    const diagnostics = drbd.diagnostics(resource('  startup { become-primary-on c; }'));
    assert.deepEqual(diagnostics.map(summary), ['4:31-32 error drbd/unknown-host']);
    assert.equal(diagnostics[0].message, "'become-primary-on c': resource 'r0' has no 'on c' section; name one of 'a', 'b' or 'both'.");
    // The fencing warning on a resource is a cross-file finding: a `common` section of another file may fence it.
    assert.deepEqual(checkPublished(resource('  startup { become-primary-on both; }')), ['4:31-35 error drbd/two-primaries-not-allowed', '4:31-35 warning drbd/dual-primary-without-fencing']);
  });

  it('checks include patterns against the files next to the including file', () => {
    const files = { listFiles: (dir: string) => (dir === '/etc/drbd.d' ? ['r0.res', 'global_common.conf'] : []), exists: (path: string) => path === '/etc/drbd.d/global_common.conf' };
    const text = 'include "drbd.d/global_common.conf";\ninclude "drbd.d/*.res";\ninclude "drbd.d/*.cfg";\ninclude "missing.conf";\n';
    const diagnostics = drbd.diagnostics(text, { path: '/etc/drbd.conf', files });
    assert.deepEqual(diagnostics.map(summary), ['3:9-23 warning drbd/include-no-match', '4:9-23 error drbd/include-not-found']);
    assert.equal(diagnostics[0].message, "No file matches 'drbd.d/*.cfg' (looked in /etc/drbd.d); drbdadm will silently read nothing here.");
  });

  it('refuses dual-primary with an asynchronous protocol', () => {
    const diagnostics = published(resource('  net { protocol A; allow-two-primaries; }\n  disk { fencing resource-and-stonith; }\n  handlers { fence-peer "/usr/lib/drbd/rhcs_fence"; }'));
    assert.deepEqual(diagnostics.map(summary), ['4:18-19 error drbd/dual-primary-protocol']);
  });

  it('says which DRBD version an option or section belongs to', () => {
    const diagnostics = drbd.diagnostics(resource('  options { quorum majority; }\n  connection { }'), dialect('8.4'));
    assert.deepEqual(diagnostics.map((d) => `${summary(d)} ${d.message}`), [
      "4:13-19 error drbd/wrong-dialect 'quorum' is DRBD 9 syntax, but this file is DRBD 8.4 (from the drbd.dialect setting).",
      "5:3-13 error drbd/wrong-dialect The 'connection' section is DRBD 9 syntax, but this file is DRBD 8.4 (from the drbd.dialect setting).",
    ]);
  });

  it('flags a host named twice, and DRBD 9 hosts without node-id', () => {
    const twice = drbd.check(`resource r0 {\n${HOSTS}\n${HOSTS.split('\n')[0]}\n}\n`);
    assert.deepEqual(twice.filter((s) => s.includes('duplicate-host')), ['4:6-7 error drbd/duplicate-host']);
    const threeHosts = `resource r0 {\n  device minor 1; disk /dev/sda1;\n  on a { node-id 0; address 10.0.0.1:7789; }\n  on b { node-id 1; address 10.0.0.2:7789; }\n  on c { address 10.0.0.3:7789; }\n  connection-mesh { hosts a b c; }\n}\n`;
    const diagnostics = drbd.diagnostics(threeHosts);
    assert.deepEqual(diagnostics.map(summary), ['5:3-5 error drbd/missing-node-id']);
    assert.equal(diagnostics[0].message, "'on c' has no 'node-id': DRBD 9 needs one on every host when a resource has more than two hosts or any host sets one; add e.g. 'node-id 2;'.");
  });

  it('checks the shape of device values and finds a missing ; before the next option on the same line', () => {
    const diagnostics = drbd.diagnostics(resource('', '  on a { device /dev/drbd0 minor; disk /dev/sda1; address 10.0.0.1:7789; meta-disk internal; }\n  on b { device minor 0 disk /dev/sda1; address 10.0.0.2:7789; meta-disk internal; }'));
    assert.deepEqual(diagnostics.map((d) => `${summary(d)} ${d.message}`), [
      "2:17-27 error drbd/invalid-value 'device /dev/drbd0 minor' is not a DRBD device; write '/dev/drbdN', 'minor N' or '/dev/drbd_NAME minor N'.",
      // What follows the missing ';' is read as part of 'device', so the host seems to lack a disk.
      "3:3-5 error drbd/missing-host-option 'on b' in resource 'r0' has no 'disk', and the resource sets none for it to inherit; add e.g. 'disk /dev/sdb1;'.",
      "3:23-24 error drbd/missing-semicolon Missing ';' after '0' to end the 'device' option before 'disk'.",
    ]);
  });

  it('warns once, at common, when every resource inherits dual-primary without fencing', () => {
    const text = `common {\n  net { allow-two-primaries; }\n}\nresource r0 {\n${HOSTS}\n}\n`;
    const diagnostics = published(text);
    assert.deepEqual(diagnostics.map(summary), ['2:9-28 warning drbd/dual-primary-without-fencing']);
    assert.match(String(diagnostics[0].message), /^The 'common' section \(every resource\) is dual-primary without fencing/);
    assert.deepEqual(drbd.check(text), ['2:9-28 warning drbd/dual-primary-without-fencing'], "the common section's warning is the file's own");
  });
});
