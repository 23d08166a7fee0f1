/**
 * Options against the drbdadm of each dialect: what each section takes, how
 * each value is written, and keywords newer than the hosts' drbd-utils. The
 * comments give what drbd-utils 9.22's drbdadm, drbdadm-84 and drbdadm-83
 * (shared/oracles/drbd-oracle) say about the same file.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { problem } from '../../helpers/languageTester';
import { dialect, drbd, HOSTS, resource } from './helpers';

/** A DRBD 9 resource of two hosts with everything they need. */
const nine = (body: string, hosts = HOSTS) => `resource r0 {\n${hosts}\n${body}\n}\n`;
const utils = (version: string, options = dialect('9')) => ({ ...options, settings: { drbd: { ...options.settings?.drbd, dialect: '9' as const, utilsVersion: version } } });

describe('drbd options against drbdadm', () => {
  it('takes the 8.4 global cmd-timeout options, with their range', () => {
    // drbdadm-84 accepts them; "cmd-timeout-long 901 => 901 out of range [0..900]".
    const text = (long: string) => `global {\n  cmd-timeout-short 5;\n  cmd-timeout-medium 121;\n  cmd-timeout-long ${long};\n}\n${resource('')}`;
    assert.deepEqual(drbd.check(text('600'), dialect('8.4')), []);
    assert.deepEqual(drbd.check(text('600'), dialect('9')), []);
    assert.deepEqual(drbd.diagnostics(text('901'), dialect('8.4')).map(problem), ["4:20-23 error drbd/out-of-range 'cmd-timeout-long' 901 is out of range: it must be between 0 and 900 (seconds)."]);
    // drbdadm-83: "'dialog-refresh | minor-count | disable-ip-verification' expected, but got 'cmd-timeout-short'".
    assert.deepEqual(drbd.check(text('600'), dialect('8.3')).slice(0, 1), ['2:3-20 error drbd/wrong-dialect']);
  });

  it('takes the volume keys in common (drbdadm parses common as a resource)', () => {
    assert.deepEqual(drbd.check(`common {\n  meta-disk internal;\n}\n${resource('')}`), []);
  });

  it('says what the 8.x options drbdadm reads and ignores are, and reads the 8.4 aliases', () => {
    const obsolete = drbd.diagnostics(resource('  net { delay-probe-volume 16k; }'), dialect('8.4'));
    assert.deepEqual(obsolete.map(problem), ["4:9-27 info drbd/ignored-option drbdadm 8.4 reads 'delay-probe-volume' and ignores it: the option is obsolete and has no effect; remove it."]);
    // drbdadm-84 renames disk { rate } to resync-rate; drbdadm 9 refuses it ("'an option keyword' expected").
    const rate = resource('  disk { rate 40M; }');
    assert.deepEqual(drbd.diagnostics(rate, dialect('8.4')).map(problem), ["4:10-14 warning drbd/moved-option 'rate' is the old name of 'resync-rate': drbdadm 8.4 reads it as 'resync-rate', drbdadm 9 refuses it; write 'resync-rate'."]);
    assert.equal(drbd.fix(rate, { line: 3, character: 10 }, "Change to 'resync-rate'", dialect('8.4')), resource('  disk { resync-rate 40M; }'));
    // Both drbdadm 8.4 and 9 read the handler outdate-peer.
    assert.deepEqual(drbd.check(resource('  handlers { outdate-peer "/bin/true"; }'), dialect('8.4')), ['4:14-26 info drbd/moved-option']);
  });

  it('refuses the drbdsetup flags drbdadm does not read in a file', () => {
    // drbdadm-84: "Parse error: 'an option keyword' expected, but got 'discard-my-data'".
    assert.deepEqual(drbd.check(resource('  net { discard-my-data; }'), dialect('8.4')), ['4:9-24 error drbd/unknown-option']);
    // drbdadm-83 takes protocol in the resource only: "'an option keyword' expected, but got 'protocol'".
    assert.deepEqual(drbd.diagnostics(resource('  protocol C;\n  net { protocol C; }'), dialect('8.3')).map(problem), [
      "5:9-17 error drbd/wrong-section 'protocol' cannot be written in a 'net' section; it belongs in 'resource' or 'common' (DRBD 8.3).",
    ]);
  });

  it('checks "takes no value" and "needs a value" as each drbdadm does', () => {
    // drbdadm-84 takes wait-after-sb with yes or no; drbdadm-83 takes the keyword alone ("'_is_default | ;' expected").
    assert.deepEqual(drbd.check(resource('  startup { wait-after-sb yes; }'), dialect('8.4')), []);
    assert.deepEqual(drbd.diagnostics(resource('  startup { wait-after-sb yes; }\n  protocol C;'), dialect('8.3')).map(problem), [
      "4:27-30 error drbd/invalid-value 'wait-after-sb' is a flag and takes no value in DRBD 8.3; write 'wait-after-sb;'.",
    ]);
    // drbd-utils' parser wants tiebreaker yes or no (pe_expected "yes | no"); the keyword alone is refused.
    const tiebreaker = (value: string) => `resource r0 {\n  volume 0 {\n    device minor 1; disk /dev/sda1;\n    tiebreaker${value};\n  }\n  on a { node-id 0; address 10.0.0.1:7789; }\n  on b { node-id 1; address 10.0.0.2:7789; }\n}\n`;
    assert.deepEqual(drbd.diagnostics(tiebreaker('')).map(problem), ["4:5-15 error drbd/invalid-value 'tiebreaker' needs a value (yes or no)."]);
    assert.deepEqual(drbd.check(tiebreaker(' no')), []);
    // The DRBD 9 global switches take no value (parse_global: EXP(';')).
    assert.deepEqual(drbd.check(`global { disable-ip-verification yes; }\n${nine('')}`, dialect('9')), ['1:34-37 error drbd/invalid-value']);
  });

  it("takes only peer-device options in a connection's disk section", () => {
    const connection = (disk: string) =>
      `resource r0 {\n  on a { node-id 0; device minor 1; disk /dev/sda1; address 10.0.0.1:7789; }\n  on b { node-id 1; device minor 1; disk /dev/sda1; address 10.0.0.2:7789; }\n  connection {\n    host a; host b;\n    disk { ${disk} }\n  }\n}\n`;
    assert.deepEqual(drbd.check(connection('c-max-rate 100M;')), []);
    // drbdadm 9.22: "'resync-rate | c-plan-ahead | … | bitmap' expected, but got 'al-extents'".
    assert.deepEqual(drbd.check(connection('al-extents 1000;')), ['6:12-22 error drbd/wrong-section']);
  });

  it('warns about DRBD 9 keywords newer than the drbd-utils the hosts run', () => {
    // drbd-utils 9.22's drbdadm refuses all three: "'an option keyword' expected, but got 'load-balance-paths'",
    // "… but got 'block-size'", "'proxy' expected, but got 'outside-address'".
    const text = nine('  net { load-balance-paths yes; }\n  disk { block-size 4096; }\n  connection {\n    path {\n      host a address 10.0.0.1:7790 via outside-address 192.0.2.1:7790;\n      host b address 10.0.0.2:7790;\n    }\n  }', HOSTS.replace('on a {', 'on a { node-id 0;').replace('on b {', 'on b { node-id 1;'));
    assert.deepEqual(drbd.diagnostics(text, utils('9.22')).map(problem), [
      "4:9-27 error drbd/newer-than-utils 'load-balance-paths' came with drbd-utils 9.26.0; the hosts run drbd-utils 9.22 (the drbd.utilsVersion setting), whose drbdadm refuses it.",
      "5:10-20 error drbd/newer-than-utils 'block-size' came with drbd-utils 9.24.0; the hosts run drbd-utils 9.22 (the drbd.utilsVersion setting), whose drbdadm refuses it.",
      "8:40-55 error drbd/newer-than-utils 'outside-address' came with drbd-utils 9.23.0; the hosts run drbd-utils 9.22 (the drbd.utilsVersion setting), whose drbdadm refuses it.",
    ]);
    assert.deepEqual(drbd.check(text, utils('9.26')), []);
    assert.deepEqual(drbd.check(text, dialect('9')), [], 'by default the hosts run the newest drbd-utils the tables know');
  });
});
