/** What a DRBD file does with hostile input: absurd nesting, positions outside the text, a flood of problems (issue 14). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drbdService } from '../../../server/src/languages/drbd';
import { problem } from '../../helpers/languageTester';
import { drbd } from './helpers';

describe('nesting', () => {
  it('one error at the first section past 256 levels, which is stepped over', () => {
    assert.deepEqual(drbd.diagnostics(`${'a {\n'.repeat(300)}${'}\n'.repeat(300)}`).map(problem), [
      "1:1-2 error drbd/unknown-section Unknown section 'a'; at the top level DRBD 8.4 takes 'global', 'common', 'resource', 'skip'.",
      "257:1-2 error drbd/syntax Sections nested more than 256 deep: this one and everything in it are not read (drbdadm's grammar nests only a few, such as resource, on and volume).",
    ]);
  });

  it('5,000 unclosed levels (it overflowed the stack): outline, folding, hover and completion answer', () => {
    const ctx = drbd.context();
    const doc = drbdService.parse('a {\n'.repeat(5000), ctx);
    assert.deepEqual(doc.syntaxErrors.filter((d) => String(d.message).startsWith('Sections nested more than 256')).map(problem).map((p) => p.slice(0, 20)), ['257:1-2 error drbd/s']);
    // The outline nests as deep as the parser reads (256 levels), and no deeper.
    let depth = 0;
    for (let level = drbdService.symbols(doc, ctx); level.length > 0; level = level[0].children ?? []) {
      assert.deepEqual(level.map((s) => s.name), ['a']);
      depth++;
    }
    assert.equal(depth, 256);
    assert.deepEqual(drbdService.folding(doc, ctx), []);
    assert.equal(drbdService.hover(doc, { line: 200, character: 0 }, ctx), null);
    assert.ok(Array.isArray(drbdService.complete(doc, { line: 4999, character: 3 }, ctx)));
    assert.equal(drbd.diagnostics('a {\n'.repeat(5000)).length, 258);
  });
});

describe('positions outside the text', () => {
  it('completion past the end of a line answers as at its end', () => {
    const ctx = drbd.context();
    const doc = drbdService.parse('resource r {\n  net {\n    protocol \n', ctx);
    const atEnd = drbdService.complete(doc, { line: 2, character: 13 }, ctx);
    assert.ok(atEnd.some((i) => i.label === 'C'));
    assert.deepEqual(drbdService.complete(doc, { line: 2, character: 300 }, ctx), atEnd);
  });
});

describe('a flood of problems', () => {
  it('the parser keeps its first 1,000 errors and counts the rest', () => {
    const doc = drbd.parse(';'.repeat(1500));
    assert.equal(doc.syntaxErrors.length, 1001);
    assert.equal(problem(doc.syntaxErrors[1000]), '1:1001-1001 info limits/too-many-problems 500 more problems from line 1 on are not listed: a file lists at most its first 1,000');
    assert.equal(drbd.diagnostics(';'.repeat(1500)).length, 1001);
  });
});
