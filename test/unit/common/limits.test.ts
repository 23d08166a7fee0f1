/** The limits every language shares: positions clamped into the document, the first 1,000 problems of a file and one info for the rest. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CheckerCode } from '../../../server/src/common/checkerCodes';
import { Severity } from '../../../server/src/common/diagnostics';
import { FirstProblems, MAX_PROBLEMS, Reporter } from '../../../server/src/common/report';
import { segmentMatcher } from '../../../server/src/common/glob';
import { decodePercent, pathOfUri } from '../../../server/src/common/uri';
import { LineIndex } from '../../../shared/src/lineIndex';
import { summary } from '../../helpers/languageTester';

describe('LineIndex.clamp', () => {
  const lines = new LineIndex('ab\r\ncdef\nx');
  it('moves a position past a line, past the file or before it inside the document', () => {
    assert.deepEqual(lines.clamp({ line: 0, character: 99 }), { line: 0, character: 2 });
    assert.deepEqual(lines.clamp({ line: 1, character: 3 }), { line: 1, character: 3 });
    assert.deepEqual(lines.clamp({ line: 7, character: 0 }), { line: 2, character: 1 });
    assert.deepEqual(lines.clamp({ line: -1, character: 4 }), { line: 0, character: 0 });
    assert.deepEqual(lines.clamp({ line: 1, character: -3 }), { line: 1, character: 0 });
    assert.deepEqual(lines.clamp({ line: Number.NaN, character: 1 }), { line: 0, character: 0 });
  });

  it('has no column between the CR and the LF of a line break', () => {
    // Offset 3 is the LF of "ab\r\n": the end of line 0, not a third column (what made iftab's property test fail now and then).
    assert.deepEqual(lines.positionAt(3), { line: 0, character: 2 });
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 0 });
  });
});

describe('the first MAX_PROBLEMS problems', () => {
  const at = (line: number, character = 0) => ({ line, character });

  it('keeps the first ones in document order, whatever order they come in, and counts the rest', () => {
    const problems = new FirstProblems<{ start: { line: number; character: number }; id: number }>((p) => p.start, 3);
    for (const [id, line] of [9, 1, 8, 2, 7, 3, 6, 4, 5, 0].entries()) problems.add({ start: at(line), id });
    const { items, more } = problems.result();
    assert.deepEqual(items.map((p) => p.start.line), [0, 1, 2]);
    assert.deepEqual(more, { count: 7, from: at(3) });
  });

  it('keeps the earlier of two at one place', () => {
    const problems = new FirstProblems<{ start: { line: number; character: number }; id: number }>((p) => p.start, 2);
    for (let id = 0; id < 5; id++) problems.add({ start: at(1), id });
    assert.deepEqual(problems.result().items.map((p) => p.id), [0, 1]);
  });

  it('the Reporter lists the first 1,000 findings of a file and one info on the others', () => {
    const text = 'x\n'.repeat(3000);
    const reporter = new Reporter(new LineIndex(text), 'test');
    for (let line = 2999; line >= 0; line--) reporter.report(line * 2, line * 2 + 1, Severity.Warning, 'test/x', 'same mistake');
    const findings = reporter.findings;
    assert.equal(findings.length, MAX_PROBLEMS + 1);
    const last = findings[findings.length - 1].diagnostic;
    assert.equal(summary(last), `1001:1-1 info ${CheckerCode.tooManyProblems}`);
    assert.equal(last.message, '2,000 more problems from line 1,001 on are not listed: a file lists at most its first 1,000');
    assert.deepEqual(findings.slice(0, -1).map((f) => f.diagnostic.range.start.line).sort((a, b) => a - b), Array.from({ length: 1000 }, (_, i) => i));
  });

  it('a parser that listed its own first 1,000 hands on its count, and the Reporter keeps nothing after that place', () => {
    const lines = new LineIndex('x\n'.repeat(3000));
    const parsed = new FirstProblems<Diagnostic>((d) => d.range.start);
    for (let line = 0; line < 1500; line++) parsed.add({ range: lines.range(line * 2, line * 2 + 1), message: 'syntax', severity: Severity.Error });
    const reporter = new Reporter(lines, 'test');
    for (const d of FirstProblems.finish(parsed, 'test')) reporter.add(d);
    reporter.report(2 * 2000, 2 * 2000 + 1, Severity.Warning, 'test/later', 'after the cut');
    const findings = reporter.findings;
    assert.equal(findings.length, MAX_PROBLEMS + 1);
    assert.equal(findings[findings.length - 1].diagnostic.message, '501 more problems from line 1,001 on are not listed: a file lists at most its first 1,000');
    assert.equal(reporter.errorCount, 1000);
  });

  it('reportIfListed lists and counts exactly what report does', () => {
    const lines = new LineIndex('x\n'.repeat(4000));
    const problem = fc.record({ line: fc.nat(3999), severity: fc.constantFrom(Severity.Error, Severity.Warning, Severity.Hint), eager: fc.boolean() });
    fc.assert(
      fc.property(fc.array(problem, { maxLength: 3000 }), (problems) => {
        const plain = new Reporter(lines, 'test');
        const lazy = new Reporter(lines, 'test');
        for (const { line, severity, eager } of problems) {
          const message = `problem on line ${line}`;
          plain.report(line * 2, line * 2 + 1, severity, 'test/x', message);
          // Mixed with plain reports, as a check does: the limit is one for both.
          if (eager) lazy.report(line * 2, line * 2 + 1, severity, 'test/x', message);
          else lazy.reportIfListed(line * 2, line * 2 + 1, severity, 'test/x', () => message);
        }
        assert.deepEqual(lazy.findings, plain.findings);
        assert.equal(lazy.errorCount, plain.errorCount);
      }),
      { numRuns: 60, seed: 16 },
    );
  });

  it('reportIfListed stops writing messages of problems in file order once they are past the limit', () => {
    const lines = new LineIndex('x\n'.repeat(10_000));
    const reporter = new Reporter(lines, 'test');
    let written = 0;
    for (let line = 0; line < 10_000; line++) reporter.reportIfListed(line * 2, line * 2 + 1, Severity.Warning, 'test/x', () => `problem ${++written}`);
    // The first 2,000 are kept until the list is cut to 1,000; every later one starts after the cut.
    assert.equal(written, 2 * MAX_PROBLEMS);
    assert.equal(reporter.findings.at(-1)!.diagnostic.message, '9,000 more problems from line 1,001 on are not listed: a file lists at most its first 1,000');
  });
});

describe('segmentMatcher', () => {
  it('matches * and ? within a name like a glob', () => {
    const res = segmentMatcher('*.res');
    assert.deepEqual(['r0.res', '.res', 'r0.conf', 'a/b.res'].map((n) => res.test(n)), [true, true, false, false]);
    assert.equal(segmentMatcher('r?.res').test('r1.res'), true);
    assert.equal(segmentMatcher('r?.res').test('r10.res'), false);
  });

  it('answers where a regular expression backtracks for ever (*a*a*…b against a long name of a)', () => {
    assert.equal(segmentMatcher(`${'*a'.repeat(40)}b`).test('a'.repeat(250)), false);
    assert.equal(segmentMatcher(`${'*a'.repeat(40)}`).test('a'.repeat(250)), true);
  });
});

describe('malformed URIs', () => {
  it('decode what can be decoded and keep the rest, instead of throwing a URIError', () => {
    assert.equal(pathOfUri('untitled:50%'), '50%');
    assert.equal(pathOfUri('untitled:a%20b%ff%zz'), 'a b%ff%zz');
    assert.equal(decodePercent('%E2%82%AC%'), '€%');
  });
});
