import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../../helpers/fixtures';
import { summary } from '../../helpers/languageTester';
import { iftab, IN_GUEST } from './helpers';

describe('iftab diagnostics', () => {
  it("seed 000 (the two-vif domU recipe) only gets ifrename's own eth0 hint", () => {
    const diagnostics = iftab.diagnostics(readFixture('iftab', 'seed-000.iftab'));
    assert.deepEqual(diagnostics.map(summary), ['2:1-5 hint iftab/unreliable-name']);
    assert.equal(diagnostics[0].message, "ifrename warns that 'eth0' cannot be mapped reliably: at boot another card may already hold this kernel-assigned name (unless ifrename runs with -t); a name such as 'lan0' avoids the race");
  });

  it('reports every mistake of the mistakes fixture on its token', () => {
    assert.deepEqual(iftab.check(readFixture('iftab', 'mistakes.iftab')), [
      '2:1-5 hint iftab/unreliable-name',
      '4:6-8 hint iftab/abbreviated-selector',
      '6:6-7 hint iftab/abbreviated-selector',
      '7:6-11 error iftab/unknown-selector',
      '9:10-27 warning iftab/duplicate-mac',
      '10:1-5 hint iftab/unreliable-name',
      '10:1-5 info iftab/duplicate-name',
      '11:1-22 error iftab/name-too-long',
      '12:10-27 error iftab/invalid-mac',
      '13:10-24 warning iftab/mac-length',
      '16:11-14 error iftab/invalid-number',
      '18:19-22 error iftab/invalid-base-address',
      '20:7-12 error iftab/sysfs-attribute-missing',
      '22:7-8 error iftab/ambiguous-selector',
      '23:7-9 hint iftab/abbreviated-selector',
      '24:1-6 error iftab/no-selectors',
      '25:7-10 error iftab/missing-value',
      '26:11-28 warning iftab/duplicate-mac',
      '27:5-7 error iftab/unknown-selector',
      '28:1-7 error iftab/name-invalid',
      '31:18-20 error iftab/invalid-number',
      '33:11-28 warning iftab/multicast-mac',
      '35:11-14 error iftab/invalid-number',
      '36:11-28 error iftab/invalid-mac',
      '37:11-24 error iftab/invalid-mac',
      '38:1-6 warning iftab/name-wildcard',
      '40:7-8 hint iftab/abbreviated-selector',
      '41:21-22 warning iftab/text-after-quote',
      '42:14-27 error iftab/syntax',
      '43:12-13 error iftab/syntax',
      '44:14-15 warning iftab/attribute-ignored',
      '45:11-28 warning iftab/null-mac',
      '46:11-22 warning iftab/invalid-mac-pattern',
      '47:14-50 error iftab/value-too-long',
      '48:1-17 error iftab/name-too-long',
      '49:11-28 error iftab/carriage-return',
    ]);
  });

  it('says what is wrong and what would be right', () => {
    const byLine = new Map(iftab.diagnostics(readFixture('iftab', 'mistakes.iftab')).map((d) => [`${d.range.start.line + 1} ${String(d.code)}`, d.message]));
    assert.equal(byLine.get('7 iftab/unknown-selector'), "unknown selector 'bogus' (ifrename drops this line)");
    assert.equal(byLine.get('9 iftab/duplicate-mac'), "00:16:3e:00:01:01 is already claimed by 'eth0' on line 2; ifrename uses the last matching line, so the card becomes 'eth7' and line 2 never applies");
    assert.equal(byLine.get('11 iftab/name-too-long'), "interface name 'averyveryverylongname' has 21 characters; the kernel allows at most 15");
    assert.equal(byLine.get('22 iftab/ambiguous-selector'), "'i' is ambiguous: it abbreviates irq, interrupt, iwproto (ifrename drops this line)");
    assert.equal(byLine.get('37 iftab/invalid-mac'), "'0:16:3e:0:1:6' is not a MAC address: write each byte as two hex digits, separated by colons (ifrename drops this line)");
  });

  it('grades a Windows line ending by what ifrename does with the word the CR ends', () => {
    // A guest's iftab saved on Windows: ifrename drops lines 1 and 4, keeps 2 (whose driver never matches) and reads 3 as meant.
    const text = 'lan0 mac 00:16:3e:00:01:01\r\nlan1 driver xen_netfront\r\nlan2 driver "vif"\r\nlan3 mac 00:16:3e:00:01:03 \r\n\r\n# end\r\n';
    const found = iftab.diagnostics(text);
    // Lines 3 and 4: a carriage return alone belongs to the line break, so the character before it is marked.
    assert.deepEqual(found.map(summary), ['1:10-27 error iftab/carriage-return', '2:13-25 warning iftab/carriage-return', '3:17-18 info iftab/carriage-return', '4:27-28 error iftab/carriage-return']);
    assert.equal(found[0].message, "this line ends with a carriage return (Windows line ending): ifrename reads it as part of '00:16:3e:00:01:01' and drops the line; save the file with Unix (LF) line endings");
    assert.equal(found[1].message, "this line ends with a carriage return (Windows line ending): ifrename keeps it in the value, compares 'xen_netfront' plus a carriage return, and this mapping never matches; save the file with Unix (LF) line endings");
    assert.equal(found[2].message, 'this line ends with a carriage return (Windows line ending): harmless here, ifrename skips the character after a closing quote; still, save the file with Unix (LF) line endings');
    assert.equal(found[3].message, 'this line ends with a carriage return (Windows line ending): ifrename reads the carriage return as a selector of its own, which it does not know, and drops the line; save the file with Unix (LF) line endings');
  });

  it('allows at most eight different SYSFS files', () => {
    const text = Array.from({ length: 9 }, (_, i) => `lan${i} SYSFS{attr${i}} x\n`).join('');
    assert.deepEqual(iftab.check(text), ['9:12-17 error iftab/too-many-sysfs-attributes']);
  });

  it("accepts the corpus files ifrename accepts (no errors), keeping its warnings as hints", () => {
    for (const name of ['HewlettPackard__wireless-tools__wireless_tools__iftab.5.EXAMPLES.iftab', 'cjdoucette__xlxc__etc__iftab', 'nguyenvuhung__bananapi_r2_rootfs_kernel_4.4.x__etc__iftab', 'eburi__itct_ltsp__etc__iftab']) {
      const diagnostics = iftab.diagnostics(readFixture('iftab', 'corpus', name));
      assert.deepEqual(diagnostics.filter((d) => (d.severity ?? 1) <= 2), [], name);
    }
  });

  it('reads no other file: a guest tree and a workspace with its domain change nothing here (the guest checks are cross-file rules)', () => {
    const text = 'eth0 mac 00:16:3e:00:01:01\neth1 mac 52:54:00:12:34:56\neth2 mac 00:16:3e:00:02:99\n';
    const alone = iftab.check(text);
    assert.deepEqual(alone, ['1:1-5 hint iftab/unreliable-name']);
    assert.deepEqual(iftab.check(text, IN_GUEST), alone);
  });
});
