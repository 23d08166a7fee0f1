/**
 * The grammar files themselves: every rule reachable (vscode-textmate
 * silently ignores an include of a missing rule), every regex valid for
 * oniguruma (an invalid one only fails when the editor reaches it), and the
 * real-world fixtures tokenized without an invalid.* scope. Their registration
 * in package.json is test/unit/common/manifest.test.ts's.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LANGUAGE_IDS } from '../../server/src/languages/registry';
import { LanguageId } from '../../server/src/languages/types';
import { fixtureFiles } from '../helpers/fixtures';
import { compileRegex, grammarPath, loadGrammar, tokenize, tokenizeText } from '../helpers/tokenize';

interface RawRule {
  include?: string;
  match?: string;
  begin?: string;
  end?: string;
  while?: string;
  patterns?: RawRule[];
  captures?: Record<string, RawRule>;
  beginCaptures?: Record<string, RawRule>;
  endCaptures?: Record<string, RawRule>;
  repository?: Record<string, RawRule>;
}

interface RawGrammar extends RawRule {
  scopeName: string;
  repository: Record<string, RawRule>;
}

function readGrammar(id: LanguageId): RawGrammar {
  return JSON.parse(readFileSync(grammarPath(id), 'utf8'));
}

/** Every rule object of a grammar, nested patterns and capture rules included. */
function allRules(grammar: RawGrammar): RawRule[] {
  const rules: RawRule[] = [];
  const visit = (rule: RawRule) => {
    rules.push(rule);
    rule.patterns?.forEach(visit);
    for (const captures of [rule.captures, rule.beginCaptures, rule.endCaptures]) Object.values(captures ?? {}).forEach(visit);
    Object.values(rule.repository ?? {}).forEach(visit);
  };
  visit(grammar);
  return rules;
}

describe('grammar files', () => {
  for (const id of LANGUAGE_IDS) {
    it(`${id}: every include names an existing rule and every repository rule is used`, () => {
      const grammar = readGrammar(id);
      const included = new Set<string>();
      for (const rule of allRules(grammar)) {
        if (!rule.include) continue;
        assert.ok(rule.include.startsWith('#') || rule.include === '$self', `${id}: include of another grammar (${rule.include}) would not load in the tests or for users without it`);
        if (rule.include.startsWith('#')) {
          const name = rule.include.slice(1);
          assert.ok(grammar.repository[name], `${id}: include "${rule.include}" names no repository rule`);
          included.add(name);
        }
      }
      const unused = Object.keys(grammar.repository).filter((name) => !included.has(name));
      assert.deepEqual(unused, [], `${id}: repository rules nothing includes`);
    });

    it(`${id}: every regex compiles in oniguruma`, async () => {
      for (const rule of allRules(readGrammar(id))) {
        for (const pattern of [rule.match, rule.begin, rule.end, rule.while]) {
          if (pattern === undefined) continue;
          await assert.doesNotReject(compileRegex(pattern), `${id}: /${pattern}/ does not compile`);
        }
      }
    });

    it(`${id}: real-world fixtures tokenize without an invalid scope`, async () => {
      // Real configs live once: the language's corpus, plus grammar-only samples under grammar/<id>.
      const files = [...fixtureFiles('grammar', id), ...fixtureFiles(id, 'corpus').filter((f) => !f.endsWith('.json') && !f.endsWith('.md'))];
      assert.ok(files.length >= 2, `${id}: expected real-world fixtures under test/fixtures/grammar/${id} and test/fixtures/${id}/corpus`);
      for (const file of files) {
        const { tokens } = await tokenizeText(id, readFileSync(file, 'utf8'));
        const invalid = tokens.find((t) => t.scopes.some((s) => s.startsWith('invalid')));
        assert.equal(invalid, undefined, `${basename(file)}:${(invalid?.line ?? 0) + 1}: "${invalid?.text}" is marked invalid`);
      }
    });

    it(`${id}: tokenizes any text, half-typed or broken, into tokens that cover each line exactly`, async () => {
      const grammar = await loadGrammar(id);
      const syntax = fc.constantFrom('=', '"', "'", '[', ']', ',', ';', '#', '{', '}', '(', ')', '<', '>', '/', '\n', ' ', ':', '\\', 'a', '1', '!', '&', '*', '-', '?', '$', '\t');
      const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.array(syntax, { maxLength: 200 }).map((a) => a.join('')));
      fc.assert(
        fc.property(text, (input) => {
          const { lines, tokens } = tokenize(grammar, input);
          lines.forEach((line, index) => {
            const onLine = tokens.filter((t) => t.line === index);
            assert.equal(onLine.map((t) => t.text).join(''), line, `line ${index + 1} is not covered exactly`);
          });
        }),
        { numRuns: 300 },
      );
    });
  }
});
