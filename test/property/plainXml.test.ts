/**
 * The plain-XML fast path of cluster.conf's well-formedness check
 * (server/src/languages/cluster-conf/plainXml.ts) may only say yes where
 * fast-xml-parser's validator says yes: then skipping the validator changes no
 * diagnostic. Checked on generated near-XML (well-formed trees, then mutated),
 * on random markup soup, and on every cluster.conf fixture.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { isPlainWellFormed } from '../../server/src/languages/cluster-conf/plainXml';
import { generate } from '../../bench/generators/cluster-conf';
import { fixtureFiles, REPO_ROOT } from '../helpers/fixtures';

fc.configureGlobal({ seed: Number(process.env.PROPERTY_SEED ?? 14) });

const validatorAccepts = (text: string) => XMLValidator.validate(text, { allowBooleanAttributes: false }) === true;

/** Yes from the fast path implies yes from the validator; returns the fast path's answer. */
function agrees(text: string): boolean {
  const plain = isPlainWellFormed(text);
  if (plain) assert.equal(validatorAccepts(text), true, `fast path accepted what the validator refuses: ${JSON.stringify(text)}`);
  return plain;
}

const gap = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '  \n  ');
const name = fc.constantFrom('a', 'b', 'cluster', 'x:y', '_n', 'a.b-1', 'é', 'a1', '__proto__');
const value = fc.constantFrom('', '1', 'it\'s', 'a "b"', '/', '>', 'a&amp;b', '&', '<', 'x/');
const attribute = fc.tuple(gap.filter((g) => g !== ''), name, gap, fc.constantFrom('"', "'"), value, gap)
  .map(([before, n, around, quote, v]) => `${before}${n}${around}=${around}${quote}${v.replaceAll(quote, '')}${quote}`);
const comment = fc.constantFrom('<!-- c -->', '<!---->', '<!-- a -- b -->', '<!-- <x> -->');
const element: fc.Memo<string> = fc.memo((depth) =>
  fc.tuple(name, fc.array(attribute, { maxLength: 3 }), gap, fc.array(fc.oneof(gap, comment, fc.constantFrom('text', 'a&amp;b', '&#65;', '<![CDATA[x]]>', '<?pi x?>'), depth > 1 ? element(depth - 1) : comment), { maxLength: 4 }), fc.boolean())
    .map(([n, attrs, before, children, selfClosing]) => (selfClosing && children.length === 0 ? `<${n}${attrs.join('')}${before}/>` : `<${n}${attrs.join('')}${before}>${children.join('')}</${n}${before}>`)),
);
const documentText = fc.tuple(fc.constantFrom('', '<?xml version="1.0"?>', '<?xml version="1.0"?>\n', '\ufeff', '<!DOCTYPE x>'), gap, fc.array(comment, { maxLength: 1 }), element(4), gap, fc.array(fc.oneof(comment, element(1), fc.constantFrom('x', '<?xml?>')), { maxLength: 1 }), gap)
  .map((parts) => parts.flat().join(''));

/** Edits that break a file the way typing does: delete, duplicate or insert a slice. */
const mutated = documentText.chain((text) =>
  fc.tuple(fc.nat(text.length), fc.nat(text.length), fc.constantFrom('delete', 'duplicate', 'insert'), fc.constantFrom('<', '>', '/', '"', "'", '=', '&', ' ', 'a', '</a>', '<a>', '<!--', '-->', '?>'))
    .map(([a, b, kind, insert]) => {
      const [from, to] = a <= b ? [a, b] : [b, a];
      if (kind === 'delete') return text.slice(0, from) + text.slice(to);
      if (kind === 'duplicate') return text.slice(0, to) + text.slice(from, to) + text.slice(to);
      return text.slice(0, from) + insert + text.slice(from);
    }),
);

describe('plain-XML fast path of the well-formedness check', () => {
  it('accepts only what the validator accepts, on generated documents', () => {
    let accepted = 0;
    fc.assert(fc.property(documentText, (text) => void (agrees(text) && accepted++)), { numRuns: 3000 });
    // Not vacuous: many generated documents are plain.
    assert.ok(accepted > 300, `only ${accepted} of 3000 generated documents were plain`);
  });

  it('accepts only what the validator accepts, on mutated documents', () => {
    fc.assert(fc.property(mutated, (text) => void agrees(text)), { numRuns: 3000 });
  });

  it('accepts only what the validator accepts, on markup soup', () => {
    const soup = fc.array(fc.constantFrom('<', '>', '</', '/>', '<a', '</a>', ' x="1"', "y='2'", '=', '"', "'", ' ', '\n', 'a', '&', '<!--', '-->', '<?', '?>'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(fc.property(soup, (text) => void agrees(text)), { numRuns: 5000 });
  });

  it('takes time linear in the attributes of one tag (a ratio, never a time)', () => {
    // The syntax-only check of a 20 MB file runs this scanner too; a list searched per attribute made
    // 40,000 attributes take 1.5 s. The least CPU time of three runs of n and of 2n attributes.
    const tag = (n: number) => `<cluster${Array.from({ length: n }, (_, i) => ` a${i}="1"`).join('')}/>`;
    const leastMs = (text: string) => {
      let least = Infinity;
      for (let run = 0; run < 3; run++) {
        const start = process.cpuUsage();
        assert.equal(isPlainWellFormed(text), true);
        const used = process.cpuUsage(start);
        least = Math.min(least, (used.user + used.system) / 1000);
      }
      return least;
    };
    const [small, twice] = [leastMs(tag(40_000)), leastMs(tag(80_000))];
    assert.ok(twice / Math.max(small, 1) <= 3, `40,000 attributes took ${small.toFixed(1)} ms, 80,000 took ${twice.toFixed(1)} ms: more than ×3 for twice the input (linear is ×2)`);
  });

  it('agrees on every fixture, and takes the fast path for the bench file and the example', () => {
    for (const path of [join(REPO_ROOT, 'examples/etc/cluster/cluster.conf'), ...fixtureFiles('cluster-conf')]) agrees(readFileSync(path, 'utf8'));
    assert.equal(isPlainWellFormed(generate(64).text), true);
    assert.equal(isPlainWellFormed(readFileSync(join(REPO_ROOT, 'examples/etc/cluster/cluster.conf'), 'utf8')), true);
  });
});
