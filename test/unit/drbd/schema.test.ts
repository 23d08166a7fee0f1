import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { upstreamFacts } from '../../helpers/fixtures';
import { ALL_OPTION_NAMES, ALL_SECTION_NAMES, DIALECTS, optionFact } from '../../../server/src/languages/drbd/schema';
import { OPTION_DOCS, SECTION_DOCS } from '../../../server/src/languages/drbd/schema/docs';

/** Facts entries that are not options a user writes (see scripts/generate-drbd-options.mjs). */
const NOT_OPTIONS = ['_name', '--disable-write-same'];
/** Facts sections that are written under another name in a file. */
const SECTION_HOMES: Record<string, string> = { '(top-level)': '', 'peer-device-options': 'disk' };


describe('drbd option tables', () => {
  it('know every option of every version and section of drbd-options.json', () => {
    const facts = upstreamFacts('drbd-options.json') as { versions: Record<string, { sections: Record<string, { options: Record<string, unknown> }> }> };
    const missing: string[] = [];
    let checked = 0;
    for (const [version, data] of Object.entries(facts.versions)) {
      assert.ok((DIALECTS as readonly string[]).includes(version), `unknown version ${version}`);
      for (const [section, content] of Object.entries(data.sections)) {
        for (const name of Object.keys(content.options)) {
          if (NOT_OPTIONS.includes(name)) continue;
          checked++;
          if (!optionFact(version as (typeof DIALECTS)[number], SECTION_HOMES[section] ?? section, name)) missing.push(`${version} ${section} ${name}`);
        }
      }
    }
    assert.deepEqual(missing, []);
    assert.ok(checked > 280, `only ${checked} facts checked`);
  });

  it('document every option and section in their own words', () => {
    assert.deepEqual([...ALL_OPTION_NAMES].filter((name) => !OPTION_DOCS[name]), []);
    assert.deepEqual([...ALL_SECTION_NAMES].filter((name) => !SECTION_DOCS[name]), []);
  });

  it('keep the facts: units, ranges and defaults per dialect', () => {
    assert.deepEqual(optionFact('8.4', 'disk', 'resync-rate'), { type: 'numeric', min: 1, max: 4194304, default: '250', scale: 'k', unit: 'bytes/second' });
    assert.equal(optionFact('9', 'disk', 'resync-rate')?.max, 8388608);
    assert.equal(optionFact('8.3', 'net', 'ko-count')?.default, '0');
    assert.equal(optionFact('8.4', 'net', 'ko-count')?.default, '7');
    assert.equal(optionFact('9', 'net', 'fencing')?.type, 'enum');
    assert.equal(optionFact('9', 'disk', 'fencing'), undefined);
    assert.equal(optionFact('8.4', 'disk', 'fencing')?.default, 'dont-care');
  });
});
