/** What a domain config does with hostile input: absurd nesting, Python that once took cubic time, positions outside the text, a flood of problems (issue 14). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xlConfigService } from '../../../server/src/languages/xl-config';
import { problem } from '../../helpers/languageTester';
import { xl } from './helpers';

const HEAD = 'name = "vm"\nkernel = "/boot/vmlinuz"\n';
const syntax = (text: string) => xl.diagnostics(text).filter((d) => d.code === 'xl/syntax' || d.code === 'xl/python').map(problem);

describe('nesting', () => {
  const nested = (depth: number) => `${HEAD}x = ${'['.repeat(depth)}"a"${']'.repeat(depth)}\n`;

  it("past 4,996 nested lists it is xl's own refusal, once, at the first '[' too deep", () => {
    assert.deepEqual(syntax(nested(5000)), [`3:5001-5002 error xl/syntax lists nested more than 4996 deep: xl's parser gives up here ("memory exhausted") and reads none of the file`]);
  });

  it('4,996 levels parse, as xl reads them', () => {
    assert.deepEqual(syntax(nested(4996)), []);
    const value = xl.parse(nested(4996)).settings[2].value;
    assert.equal(value?.kind === 'list' && value.closed, true);
  });

  it('an unclosed list 100,000 deep: the depth error, the unclosed list where the next setting starts, and that setting is read', () => {
    const doc = xl.parse(`x = ${'['.repeat(100_000)}\nmemory = 512\n`);
    assert.deepEqual(doc.settings.map((s) => s.key.name), ['x', 'memory']);
    assert.deepEqual(doc.syntaxErrors.map(problem), [
      `1:5001-5002 error xl/syntax lists nested more than 4996 deep: xl's parser gives up here ("memory exhausted") and reads none of the file`,
      "2:1-7 error xl/syntax the list opened at line 1 is not closed: add ']'",
    ]);
  });
});

describe('Python, found in one pass', () => {
  it('still names a list comprehension and a function call', () => {
    assert.match(syntax(`${HEAD}disk = [ d for d in disks ]\n`)[0], /^3:10-11 error xl\/python a Python list comprehension/);
    assert.match(syntax(`${HEAD}memory = int(512)\n`)[0], /`int\(…\)` is a Python function call/);
    assert.match(syntax(`${HEAD}memory = os.path.getsize  ("x")\n`)[0], /`os\.path\.getsize\(…\)` is a Python function call/);
  });

  it('a long word or a run of [for is an ordinary syntax error', () => {
    assert.deepEqual(syntax(`${HEAD}x = 1 ${'[for '.repeat(3000)}\n`).map((p) => p.slice(0, 52)), ["3:7-8 error xl/syntax unexpected '[' after the value"]);
    assert.match(syntax(`${HEAD}x = ${'a'.repeat(50_000)}\n`)[0], /^3:5-50005 error xl\/syntax `a{60}…` is not a value/);
  });
});

describe('positions outside the text', () => {
  it('completion past the end of a line answers as at its end', () => {
    const text = `${HEAD}on_crash = `;
    const ctx = xl.context();
    const doc = xlConfigService.parse(text, ctx);
    const atEnd = xlConfigService.complete(doc, { line: 2, character: 11 }, ctx);
    assert.ok(atEnd.some((i) => i.label === '"restart"'));
    assert.deepEqual(xlConfigService.complete(doc, { line: 2, character: 500 }, ctx), atEnd);
    assert.deepEqual(xlConfigService.complete(doc, { line: 40, character: 0 }, ctx), atEnd);
  });
});

describe('a flood of problems', () => {
  it('lists the first 1,000 and says how many more there are, from where', () => {
    const diagnostics = xl.diagnostics('x = 1 y\n'.repeat(1500));
    assert.equal(diagnostics.length, 1001);
    assert.equal(problem(diagnostics[1000]), '334:1-1 info limits/too-many-problems 3,499 more problems from line 334 on are not listed: a file lists at most its first 1,000');
  });

  it('counts syntax errors exactly without keeping them: one per line, lexical ones first', () => {
    const doc = xl.parse('Memory = 1 y\n'.repeat(2500));
    assert.equal(doc.syntaxErrors.length, 1001);
    assert.equal(problem(doc.syntaxErrors[1000]), '1001:1-1 info limits/too-many-problems 1,500 more problems from line 1,001 on are not listed: a file lists at most its first 1,000');
  });
});
