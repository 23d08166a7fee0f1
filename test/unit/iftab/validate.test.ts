import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFixture, REPO_ROOT } from '../../helpers/fixtures';
import { EXAMPLE_DOMAINS, fix, iftabContext, line, summarize, validate } from './helpers';

describe('iftab diagnostics', () => {
  it('seed 000 (the two-vif domU recipe) only gets ifrename\'s own eth0 hint', () => {
    const diagnostics = validate(readFixture('iftab', 'seed-000.iftab'));
    assert.deepEqual(summarize(diagnostics), ['2:1-5 hint iftab/unreliable-name']);
    assert.equal(diagnostics[0].message, "ifrename warns that 'eth0' cannot be mapped reliably: at boot another card may already hold this kernel-assigned name (unless ifrename runs with -t); a name such as 'lan0' avoids the race");
  });

  it('reports every mistake of the mistakes fixture on its token', () => {
    assert.deepEqual(summarize(validate(readFixture('iftab', 'mistakes.iftab'))), [
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
    const byLine = new Map(validate(readFixture('iftab', 'mistakes.iftab')).map((d) => [`${d.range.start.line + 1} ${String(d.code)}`, d.message]));
    assert.equal(byLine.get('7 iftab/unknown-selector'), "unknown selector 'bogus' (ifrename drops this line)");
    assert.equal(byLine.get('9 iftab/duplicate-mac'), "00:16:3e:00:01:01 is already claimed by 'eth0' on line 2; ifrename uses the last matching line, so the card becomes 'eth7' and line 2 never applies");
    assert.equal(byLine.get('11 iftab/name-too-long'), "interface name 'averyveryverylongname' has 21 characters; the kernel allows at most 15");
    assert.equal(byLine.get('22 iftab/ambiguous-selector'), "'i' is ambiguous: it abbreviates irq, interrupt, iwproto (ifrename drops this line)");
    assert.equal(byLine.get('37 iftab/invalid-mac'), "'0:16:3e:0:1:6' is not a MAC address: write each byte as two hex digits, separated by colons (ifrename drops this line)");
  });

  it('allows at most eight different SYSFS files', () => {
    const text = Array.from({ length: 9 }, (_, i) => `lan${i} SYSFS{attr${i}} x\n`).join('');
    assert.deepEqual(summarize(validate(text)), ['9:12-17 error iftab/too-many-sysfs-attributes']);
  });

  it('accepts the corpus files ifrename accepts (no errors), keeping its warnings as hints', () => {
    for (const name of ['HewlettPackard__wireless-tools__wireless_tools__iftab.5.EXAMPLES.iftab', 'cjdoucette__xlxc__etc__iftab', 'nguyenvuhung__bananapi_r2_rootfs_kernel_4.4.x__etc__iftab', 'eburi__itct_ltsp__etc__iftab']) {
      const diagnostics = validate(readFixture('iftab', 'corpus', name));
      assert.deepEqual(diagnostics.filter((d) => (d.severity ?? 1) <= 2), [], name);
    }
  });
});

describe('iftab in a guest tree', () => {
  const inGuest = iftabContext('/repo/guests/vm01-web/etc/iftab', EXAMPLE_DOMAINS);

  it('hints at a MAC outside the Xen range and offers the vif MAC of the same index', () => {
    const text = 'eth0 mac 00:16:3e:00:01:01\neth1 mac 52:54:00:12:34:56\n';
    const diagnostics = validate(text, inGuest);
    assert.deepEqual(summarize(diagnostics), ['1:1-5 hint iftab/unreliable-name', '2:10-27 hint iftab/mac-outside-xen-range']);
    assert.equal(diagnostics[1].message, "52:54:00:12:34:56 is outside the Xen range 00:16:3e, but this iftab belongs to guest 'vm01-web', whose vifs normally carry 00:16:3e addresses; vif 1 of its config has 00:16:3e:00:02:01");
    assert.equal(fix(text, line(2, 10, 27), "Use vif 1's MAC 00:16:3e:00:02:01", inGuest).result, 'eth0 mac 00:16:3e:00:01:01\neth1 mac 00:16:3e:00:02:01\n');
  });

  it('recognises a guest tree by its path alone, and by a MAC a workspace domain carries', () => {
    assert.deepEqual(summarize(validate('lan0 mac 52:54:00:12:34:56\n', iftabContext('/srv/guests/web/etc/iftab'))), ['1:10-27 hint iftab/mac-outside-xen-range']);
    assert.deepEqual(summarize(validate('lan0 mac 00:16:3e:00:01:02\nlan1 mac 52:54:00:12:34:56\n', iftabContext('/tmp/iftab', EXAMPLE_DOMAINS))), ['2:10-27 hint iftab/mac-outside-xen-range']);
  });

  it("warns about a Xen MAC no vif of the guest carries (a vif changed, the iftab did not) and offers vif N's", () => {
    const text = 'eth0 mac 00:16:3e:00:01:01\neth1 mac 00:16:3e:00:02:99\n';
    const diagnostics = validate(text, inGuest);
    assert.deepEqual(summarize(diagnostics), ['1:1-5 hint iftab/unreliable-name', '2:10-27 warning iftab/mac-not-on-guest']);
    assert.equal(diagnostics[1].message, "no vif of 'vm01-web' has 00:16:3e:00:02:99, so this line never applies; vif 1 has 00:16:3e:00:02:01");
    assert.equal(fix(text, line(2, 10, 27), "Use vif 1's MAC 00:16:3e:00:02:01", inGuest).result, 'eth0 mac 00:16:3e:00:01:01\neth1 mac 00:16:3e:00:02:01\n');
  });

  it('stays quiet about vendor MACs in a host iftab', () => {
    assert.deepEqual(validate('lan0 mac 52:54:00:12:34:56\n'), []);
  });
});

describe('iftab quick fixes', () => {
  const mistakes = readFixture('iftab', 'mistakes.iftab');
  const lineOf = (text: string, n: number) => text.split('\n')[n - 1];

  it('writes the full selector name for an abbreviation', () => {
    assert.equal(lineOf(fix(mistakes, line(4, 6, 8), "Write 'mac'").result, 4), 'eth2 mac 00:16:3e:00:02:02');
  });

  it('replaces an unknown or ambiguous selector', () => {
    const text = 'lan0 mca 00:16:3e:00:01:01\nlan1 i 5\n';
    assert.deepEqual(summarize(validate(text)), ['1:6-9 error iftab/unknown-selector', '2:6-7 error iftab/ambiguous-selector']);
    assert.equal(lineOf(fix(text, line(1, 6, 9), "Change to 'mac'").result, 1), 'lan0 mac 00:16:3e:00:01:01');
    assert.equal(lineOf(fix(text, line(2, 6, 7), "Change to 'irq'").result, 2), 'lan1 irq 5');
  });

  it('rewrites a MAC ifrename cannot read in the form it can', () => {
    assert.equal(lineOf(fix(mistakes, line(36, 11, 28), 'Write 00:16:3e:00:01:05').result, 36), 'eth31 mac 00:16:3e:00:01:05');
    assert.equal(lineOf(fix(mistakes, line(37, 11, 24), 'Write 00:16:3e:00:01:06').result, 37), 'eth32 mac 00:16:3e:00:01:06');
  });

  it('adds the 0x prefix to a base address', () => {
    assert.equal(lineOf(fix(mistakes, line(18, 19, 22), 'Write 0x300').result, 18), 'eth13 baseaddress 0x300');
  });
});

describe('the example workspace', () => {
  it("vm01-web's iftab matches its vifs and only carries ifrename's eth0 hint", () => {
    const path = join(REPO_ROOT, 'examples', 'guests', 'vm01-web', 'etc', 'iftab');
    const ctx = iftabContext(path, EXAMPLE_DOMAINS);
    assert.deepEqual(summarize(validate(readFileSync(path, 'utf8'), ctx)), ['4:1-5 hint iftab/unreliable-name']);
  });
});
