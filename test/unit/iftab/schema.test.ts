import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_SYSFS_ATTRIBUTES, SELECTORS } from '../../../server/src/languages/iftab/schema';
import { upstreamFacts } from '../../helpers/fixtures';

describe('iftab selector table', () => {
  it('knows every selector of ifrename (facts of wireless-tools), with its aliases', () => {
    const facts = upstreamFacts('iftab-selectors.json') as { selectors: { name: string; aliases?: string[] }[] };
    assert.deepEqual(SELECTORS.map((s) => s.name), facts.selectors.map((s) => s.name));
    for (const fact of facts.selectors) {
      const handler = SELECTORS.find((s) => s.name === fact.name)!.handler;
      for (const alias of fact.aliases ?? []) assert.equal(SELECTORS.find((s) => s.name === alias)!.handler, handler, `${alias} aliases ${fact.name}`);
    }
  });

  it('documents every selector, with an example that starts with its name', () => {
    for (const spec of SELECTORS) {
      assert.match(spec.doc, /^[A-Z].{10,}\.$/s, spec.name);
      assert.ok(spec.syntax.toLowerCase().startsWith(spec.name), spec.name);
    }
    assert.match(SELECTORS.find((s) => s.name === 'sysfs')!.doc, new RegExp(`At most ${MAX_SYSFS_ATTRIBUTES} different files per iftab\\.$`));
  });
});
