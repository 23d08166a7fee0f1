/**
 * A file past xenConfig.diagnostics.maxFileSize shows the syntax errors of
 * `service.syntaxErrors`, which reads the text without keeping the tree. They
 * must be exactly the syntax errors of the full parse, message, range and
 * order, "more problems" count included: on every fixture, on the generated
 * hostile inputs (small, and large enough to pass the 1,000 problems a file
 * lists), on random text and on mutations of the fixtures.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LANGUAGE_IDS, serviceFor } from '../../server/src/languages/registry';
import type { LanguageId } from '../../server/src/languages/types';
import { fixtureFiles, SAMPLE_PATHS, testContext } from '../helpers/fixtures';
import { HOSTILE_CASES } from './hostileInputs';

fc.configureGlobal({ seed: Number(process.env.PROPERTY_SEED ?? 14) });

function assertSameSyntaxErrors(languageId: LanguageId, text: string, what: string): void {
  const service = serviceFor(languageId)!;
  const ctx = testContext(SAMPLE_PATHS[languageId]);
  assert.deepEqual(service.syntaxErrors(text, ctx), service.parse(text, ctx).syntaxErrors, what);
}

const SYNTAX_CHARS = fc.constantFrom('=', '"', "'", '[', ']', ',', ';', '#', '{', '}', '(', ')', '<', '>', '/', '\n', ' ', ':', '\\', 'a', '1', '!', '&', '*', '\r', '\t', 'on', 'skip', 'resource');

/** Lines that each hold a syntax error of their language, two kinds interleaved (their errors can start at one place). */
const MANY_ERRORS: Record<LanguageId, string[]> = {
  'xl-config': ['x = [1 2\n', 'y = "a\n', '= 1\n', 'def f():\n'],
  'xend-sxp': ['(a "b\n', ')\n', '(c\n', '\x01\n'],
  iftab: ['eth0 mac "a\n', 'eth1 bogus 1\r\n', 'eth2 mac\n'],
  drbd: ['"a\n', ';\n', 'x y\n', '}\n', 'skip { "a\n }\n', 'resource r { on a {\n'],
  // cluster.conf shows its first error only: well-formed elements, and the errors xmllint finds past fast-xml-parser's validator
  // (an outer element is judged after its children are, but comes first).
  'cluster-conf': [...Array(30).fill('<a b="x"/>\n'), '<a b="&#1;"/>\n', '<c>&#0;</c>\n', '<a b="x & y"/>\n', '<c d="&#2;"><e f="&#3;"/></c>\n', '<c>\n<d/>&#4;</c>\n'],
};
/** What the lines go in: cluster.conf has one top-level element. */
const WRAP: Partial<Record<LanguageId, [string, string]>> = { 'cluster-conf': ['<cluster name="c" config_version="1">\n', '</cluster>\n'] };

for (const languageId of LANGUAGE_IDS) {
  describe(`${languageId} syntax errors without the tree`, () => {
    const fixtures = fixtureFiles(languageId);
    it(`are those of the full parse on its ${fixtures.length} fixtures`, () => {
      for (const path of fixtures) assertSameSyntaxErrors(languageId, readFileSync(path, 'utf8'), path);
    });

    it('are those of the full parse on the hostile inputs, small and past 1,000 problems', () => {
      for (const hostile of HOSTILE_CASES.filter((c) => c.language === languageId)) {
        for (const n of [1, 7, 64, 1500]) assertSameSyntaxErrors(languageId, hostile.make(n), `${hostile.name} at n=${n}`);
      }
    });

    it('are those of the full parse on thousands of mixed errors', () => {
      const kinds = MANY_ERRORS[languageId];
      fc.assert(
        fc.property(fc.array(fc.nat(kinds.length - 1), { minLength: languageId === 'cluster-conf' ? 1 : 3000, maxLength: 5000 }), (picks) => {
          const [before, after] = WRAP[languageId] ?? ['', ''];
          assertSameSyntaxErrors(languageId, before + picks.map((k) => kinds[k]).join('') + after, 'mixed errors');
        }),
        { numRuns: languageId === 'cluster-conf' ? 200 : 10 },
      );
    });

    it('are those of the full parse on random sequences of syntax characters', () => {
      fc.assert(fc.property(fc.array(SYNTAX_CHARS, { maxLength: 300 }).map((a) => a.join('')), (text) => assertSameSyntaxErrors(languageId, text, 'random')), { numRuns: 400 });
    });

    it('are those of the full parse on mutations of the fixtures', () => {
      for (const path of fixtures) {
        const seed = readFileSync(path, 'utf8');
        const mutation = fc.tuple(fc.nat(seed.length), fc.nat(seed.length), fc.string({ unit: 'binary', maxLength: 12 })).map(([a, b, insert]) => seed.slice(0, Math.min(a, b)) + insert + seed.slice(Math.max(a, b)));
        fc.assert(fc.property(mutation, (text) => assertSameSyntaxErrors(languageId, text, `mutation of ${path}`)), { numRuns: 10 });
      }
    });
  });
}
