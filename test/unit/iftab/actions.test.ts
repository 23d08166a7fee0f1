import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../../helpers/fixtures';
import { lineRange } from '../../helpers/languageTester';
import { iftab } from './helpers';

describe('iftab quick fixes', () => {
  const mistakes = readFixture('iftab', 'mistakes.iftab');
  const lineOf = (text: string, n: number) => text.split('\n')[n - 1];

  it('writes the full selector name for an abbreviation', () => {
    assert.equal(lineOf(iftab.fix(mistakes, lineRange(4, 6, 8), "Write 'mac'"), 4), 'eth2 mac 00:16:3e:00:02:02');
  });

  it('replaces an unknown or ambiguous selector', () => {
    const text = 'lan0 mca 00:16:3e:00:01:01\nlan1 i 5\n';
    assert.deepEqual(iftab.check(text), ['1:6-9 error iftab/unknown-selector', '2:6-7 error iftab/ambiguous-selector']);
    assert.equal(lineOf(iftab.fix(text, lineRange(1, 6, 9), "Change to 'mac'"), 1), 'lan0 mac 00:16:3e:00:01:01');
    assert.equal(lineOf(iftab.fix(text, lineRange(2, 6, 7), "Change to 'irq'"), 2), 'lan1 irq 5');
  });

  it('rewrites a MAC ifrename cannot read in the form it can', () => {
    assert.equal(lineOf(iftab.fix(mistakes, lineRange(36, 11, 28), "Write '00:16:3e:00:01:05'"), 36), 'eth31 mac 00:16:3e:00:01:05');
    assert.equal(lineOf(iftab.fix(mistakes, lineRange(37, 11, 24), "Write '00:16:3e:00:01:06'"), 37), 'eth32 mac 00:16:3e:00:01:06');
  });

  it('adds the 0x prefix to a base address', () => {
    assert.equal(lineOf(iftab.fix(mistakes, lineRange(18, 19, 22), "Write '0x300'"), 18), 'eth13 baseaddress 0x300');
  });
});
