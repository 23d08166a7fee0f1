/** What xend-config.sxp does with hostile input: absurd nesting, positions outside the text, a flood of problems (issue 14). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xendSxpService } from '../../../server/src/languages/xend-sxp';
import { problem } from '../../helpers/languageTester';
import { xend, XM_HOST } from './helpers';

describe('positions outside the text', () => {
  it('completion past the end of the line answers as at its end (it threw a Range#create error)', () => {
    const ctx = xend.context(XM_HOST);
    const doc = xendSxpService.parse('(xend-relocation-server \n', ctx);
    const atEnd = xendSxpService.complete(doc, { line: 0, character: 24 }, ctx);
    assert.deepEqual(atEnd.map((i) => i.label), ['yes', 'no']);
    assert.deepEqual(xendSxpService.complete(doc, { line: 0, character: 500 }, ctx), atEnd);
    assert.deepEqual(xendSxpService.complete(doc, { line: 0, character: -4 }, ctx).length, 0);
    assert.deepEqual(xendSxpService.complete(doc, { line: -1, character: 0 }, ctx).length, 0);
  });
});

describe('nesting', () => {
  it('one error at the first list past 200 levels, and the rest of the file is read', () => {
    const text = `${'('.repeat(300)}a${')'.repeat(300)}\n(xend-port 8000)\n`;
    const diagnostics = xend.diagnostics(text, XM_HOST).map(problem);
    assert.deepEqual(diagnostics.filter((d) => d.includes('syntax')), ['1:201-202 warning xend/syntax-too-deep lists nested more than 200 deep: this list and everything in it are not read']);
    assert.deepEqual(xend.parse(text).options.map((o) => o.name), ['xend-port']);
  });
});

describe('a flood of problems', () => {
  it('the reader keeps its first 1,000 errors and counts the rest', () => {
    const doc = xend.parse(')'.repeat(1500));
    assert.equal(doc.syntaxErrors.length, 1001);
    assert.equal(problem(doc.syntaxErrors[1000]), '1:1001-1001 info limits/too-many-problems 500 more problems from line 1 on are not listed: a file lists at most its first 1,000');
    assert.equal(xend.diagnostics(')'.repeat(1500), XM_HOST).length, 1001);
  });
});
