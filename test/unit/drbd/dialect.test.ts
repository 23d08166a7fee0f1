/**
 * The dialect a file is checked as, decided from the whole file: where its
 * syntax belongs to different DRBD versions, the version whose drbdadm reads
 * all of it. The comments give drbd-utils 9.22's verdicts on the same text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectDialect } from '../../../server/src/languages/drbd/dialect';
import { describeDialectChoice } from '../../../server/src/languages/drbd/dialectChoice';
import { hoverText, summary } from '../../helpers/languageTester';
import { drbd } from './helpers';

/** An 8.3-era dual-primary file with a value on `allow-two-primaries`, which only 8.4's drbdadm takes. */
const MIXED = `global { usage-count no; }
resource web {
  protocol C;
  startup { wfc-timeout 30; become-primary-on both; }
  net {
    allow-two-primaries yes;
    after-sb-0pri discard-zero-changes;
  }
  syncer { rate 20M; }
  disk { fencing resource-and-stonith; }
  handlers { fence-peer "/usr/lib/drbd/crm-fence-peer.sh"; }
  on left { device /dev/drbd0; disk /dev/sdb1; address 192.168.7.1:7788; meta-disk internal; }
  on right { device /dev/drbd0; disk /dev/sdb1; address 192.168.7.2:7788; meta-disk internal; }
}
`;

/** A common section in 8.3 style (syncer, no-disk-flushes) with an option 8.3 does not know. */
const COMMON_MIXED = `common {
  protocol C;
  syncer { rate 25M; verify-alg crc32c; }
  net { csums-after-crash-only; }
  disk { no-disk-flushes; }
}
resource data {
  device /dev/drbd1;
  disk /dev/vg0/data;
  meta-disk internal;
  on left { address 192.168.7.1:7790; }
  on right { address 192.168.7.2:7790; }
}
`;

describe('drbd dialect detection', () => {
  it('reads a file that mixes 8.3 and 8.4 syntax as 8.4, whose drbdadm takes it', () => {
    // drbdadm-84 accepts MIXED; drbdadm-83: "'_is_default | ;' expected, but got 'yes'"; drbdadm 9: "'a syncer option keyword' expected, but got 'rate'".
    const choice = detectDialect(drbd.parse(MIXED), drbd.context().settings);
    assert.equal(choice.dialect, '8.4');
    assert.deepEqual([choice.guess?.first.text, choice.guess?.first.dialects, choice.guess?.second.text, choice.guess?.second.dialects], ['allow-two-primaries yes', ['8.4', '9'], 'syncer', ['8.3']]);
    assert.equal(
      describeDialectChoice(choice),
      "DRBD 8.4 (a guess: the file mixes 'allow-two-primaries yes' on line 6, DRBD 8.4/9 syntax, with 'syncer' on line 9, DRBD 8.3 syntax; drbdadm 8.4 reads all of it)",
    );
    // Of several statements only 8.4 and 9 take, the guess names the first (choose keeps the first mark of each list of dialects).
    const moreOf84 = MIXED.replace('  syncer {', '  options { cpu-mask 1; }\n  volume 1 { device /dev/drbd1; disk /dev/sdc1; meta-disk internal; }\n  syncer {');
    const again = detectDialect(drbd.parse(moreOf84), drbd.context().settings);
    assert.deepEqual([again.guess?.first.text, again.guess?.first.token.line, again.guess?.second.text, again.guess?.second.token.line], ['allow-two-primaries yes', 5, 'syncer', 10]);
    // No error (the file was read as 8.3: "'allow-two-primaries' is a flag and takes no value in DRBD 8.3"); the 8.3 syntax says what it is.
    assert.deepEqual(drbd.check(MIXED), ['3:3-11 info drbd/moved-option', '9:3-9 info drbd/dialect-guess', '9:12-16 warning drbd/moved-option']);
  });

  it('says which dialect a mixed file is checked as, why, and how to set another, in one info where the dialects begin to disagree', () => {
    const [guess, ...others] = drbd.diagnostics(MIXED).filter((d) => d.code === 'drbd/dialect-guess');
    assert.deepEqual(others, []);
    assert.equal(summary(guess), '9:3-9 info drbd/dialect-guess');
    assert.equal(
      guess.message,
      "This file mixes DRBD 8.4/9 syntax ('allow-two-primaries yes', line 6) with DRBD 8.3 syntax ('syncer'); it is checked as DRBD 8.4, whose drbdadm reads all of it. Set xenConfig.drbd.dialect (CLI --drbd-dialect) if the hosts run another DRBD version.",
    );
    assert.deepEqual(guess.relatedInformation?.map((r) => [r.location.range.start.line + 1, r.message]), [[6, 'DRBD 8.4/9 syntax']]);
    // No guess, no info: a dialect set in the settings, or a file whose syntax agrees.
    for (const dialect of ['8.3', '8.4', '9'] as const) assert.ok(!drbd.check(MIXED, { settings: { drbd: { dialect } } }).some((s) => s.includes('dialect-guess')), dialect);
    assert.ok(!drbd.check(MIXED.replace('syncer { rate 20M; }', 'disk { resync-rate 20M; }')).some((s) => s.includes('dialect-guess')));
  });

  it('reads an 8.3-style common section with 8.4 options as 8.4', () => {
    // drbdadm-84 accepts it; drbdadm-83: "'an option keyword' expected, but got 'csums-after-crash-only'".
    assert.equal(detectDialect(drbd.parse(COMMON_MIXED), drbd.context().settings).dialect, '8.4');
    assert.deepEqual(drbd.check(COMMON_MIXED).filter((s) => s.includes(' error ')), []);
  });

  it('keeps a file of 8.3 syntax alone as 8.3, and says why in the hover', () => {
    const text = MIXED.replace('allow-two-primaries yes;', 'allow-two-primaries;');
    const choice = detectDialect(drbd.parse(text), drbd.context().settings);
    assert.deepEqual([choice.dialect, choice.guess], ['8.3', undefined]);
    assert.deepEqual(drbd.check(text), []);
    assert.match(hoverText(drbd.hover(text.replace('  on left', '  o|n left'))), /Checked as DRBD 8\.3 \(detected from 'syncer' on line 9\)\.\n\nManual: \[drbd\.conf\(5\), DRBD 8\.3\]\(https:\/\/manpages\.debian\.org\/unstable\/drbd-utils\/drbd\.conf-8\.3\.5\.en\.html\)$/);
  });

  it('shows the guess in the hover of every option and section', () => {
    const hover = hoverText(drbd.hover(MIXED.replace('wfc-timeout', 'wfc-time|out')));
    assert.match(hover, /^\*\*wfc-timeout\*\* — `startup` option, DRBD 8\.4 \(a guess: the file mixes 'allow-two-primaries yes' on line 6/);
    assert.match(hoverText(drbd.hover(MIXED.replace('syncer {', 'syn|cer {'))), /Checked as DRBD 8\.4 \(a guess: /);
  });
});
