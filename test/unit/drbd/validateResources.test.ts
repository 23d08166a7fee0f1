/**
 * What each host of a resource needs, as the drbdadm of the dialect sees it.
 * The files are in the shapes drbd-utils' own tests use; the comments give
 * drbdadm 9.22's verdict on the same text (shared/oracles/drbd-oracle).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problem } from '../../helpers/languageTester';
import { dialect, drbd } from './helpers';

describe('drbd hosts of a resource', () => {
  it('takes a single-node DRBD 9 resource: one host with a node-id and no peer or address', () => {
    // drbdadm 9.22 accepts it.
    const single = 'resource r0 {\n  on a {\n    node-id 0;\n    volume 0 {\n      device minor 10;\n      disk /dev/vg0/r0;\n      meta-disk internal;\n    }\n  }\n}\n';
    assert.deepEqual(drbd.check(single), []);
    // Without the node-id: "r0.res:2: in resource r0, on a { ... }: 'node-id' keyword missing."
    assert.deepEqual(drbd.diagnostics(single.replace('    node-id 0;\n', ''), dialect('9')).map(problem), [
      "2:3-5 error drbd/missing-node-id 'on a' has no 'node-id': DRBD 9 needs one on every host when a resource has a single host; add e.g. 'node-id 0;'.",
    ]);
  });

  it('takes a diskless DRBD 9 host, and wants a disk where a meta-disk is given', () => {
    // drbdadm 9.22 accepts host b with a device only; with a meta-disk: "r0.res:3: … on b { ... }: 'disk' keyword missing."
    const text = (b: string) => `resource r0 {\n  on a { device /dev/drbd0; disk /dev/sda1; address 10.0.0.1:7789; }\n  on b { device /dev/drbd0; address 10.0.0.2:7789;${b} }\n}\n`;
    assert.deepEqual(drbd.check(text(''), dialect('9')), []);
    assert.deepEqual(drbd.check(text(' meta-disk internal;'), dialect('9')), ['3:3-5 error drbd/missing-host-option']);
  });

  it('wants both addresses where DRBD 9 connects two hosts itself', () => {
    // drbdadm 9.22: "r0.res:2: in resource r0, on a { ... }: 'node-id' keyword missing." (it cannot number hosts it cannot connect)
    const text = 'resource r0 {\n  on a { device /dev/drbd0; disk /dev/sda1; }\n  on b { device /dev/drbd0; disk /dev/sda1; address 10.0.0.2:7789; }\n}\n';
    assert.deepEqual(drbd.diagnostics(text, dialect('9')).map(problem), [
      "2:3-5 error drbd/missing-host-option 'on a' in resource 'r0' has no 'address' (drbdadm 9 needs both addresses to connect the two hosts, and asks for a 'node-id' on each without them), and the resource sets none for it to inherit; add e.g. 'address 10.0.0.1:7789;'.",
    ]);
    // drbdadm-84: "r0.res:2: in resource r0, on a { ... }: 'address' keyword missing."
    assert.deepEqual(drbd.check(text, dialect('8.4')).filter((s) => s.startsWith('2:')), ['2:3-5 error drbd/missing-host-option', '2:3-5 error drbd/missing-host-option']);
  });
});
