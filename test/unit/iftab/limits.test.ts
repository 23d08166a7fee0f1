/** What an iftab does with hostile input: positions outside the text, Windows line endings, a flood of problems (issue 14). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateIftabAction, iftabService } from '../../../server/src/languages/iftab';
import { problem } from '../../helpers/languageTester';
import { iftab } from './helpers';

describe('positions outside the text', () => {
  it('completion past the end of the line answers as at its end (it threw a Range#create error)', () => {
    const ctx = iftab.context();
    const doc = iftabService.parse('eth0 \n', ctx);
    const atEnd = iftabService.complete(doc, { line: 0, character: 5 }, ctx);
    assert.ok(atEnd.some((i) => i.label === 'mac'));
    assert.deepEqual(iftabService.complete(doc, { line: 0, character: 500 }, ctx), atEnd);
    assert.deepEqual(iftabService.complete(doc, { line: 0, character: -1 }, ctx), []);
  });
});

describe('Windows line endings', () => {
  it('an unclosed quote on a CRLF line ends at the end of the line, not one column past it', () => {
    const diagnostics = iftab.diagnostics('lan0 driver "abc\r\n');
    assert.ok(diagnostics.some((d) => problem(d).startsWith('1:13-17 error iftab/syntax quoted value is never closed')), diagnostics.map(problem).join('\n'));
    for (const d of diagnostics) assert.ok(d.range.end.line === 0 && d.range.end.character <= 16, problem(d));
  });
});

describe('a flood of problems', () => {
  it('lists the first 1,000 and says how many more there are', () => {
    const diagnostics = iftab.diagnostics('eth0 nosuch 1\n'.repeat(1500));
    assert.equal(diagnostics.length, 1001);
    assert.equal(problem(diagnostics[1000]), '334:6-6 info limits/too-many-problems 3,499 more problems from line 334 on are not listed: a file lists at most its first 1,000');
  });

  it('the parser keeps its first 1,000 errors (a file with a CR on every line)', () => {
    assert.equal(iftab.parse('eth0 mac 00:16:3e:00:00:01\r\n'.repeat(1500)).syntaxErrors.length, 1001);
  });
});

describe('a malformed URI', () => {
  it('"Generate iftab" names the guest after the file as written (decodeURIComponent threw)', () => {
    const action = generateIftabAction({ macs: [{ value: '00:16:3e:00:00:01', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }], bridges: [], disks: [] }, 'file:///srv/vm%zz.cfg');
    assert.equal(action?.title, "Generate iftab for 'vm%zz' (1 vif)");
  });
});
