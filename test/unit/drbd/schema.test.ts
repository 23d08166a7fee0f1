import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { upstreamFacts } from '../../helpers/fixtures';
import { ALL_OPTION_NAMES, ALL_SECTION_NAMES, DIALECTS, optionFact } from '../../../server/src/languages/drbd/schema';
import { OPTION_DOCS, SECTION_DOCS } from '../../../server/src/languages/drbd/schema/docs';

/** Facts entries that are not options a user writes (see scripts/generate-drbd-options.mjs). */
const NOT_OPTIONS = ['_name', '--disable-write-same'];
/** Facts sections that are written under another name in a file. */
const SECTION_HOMES: Record<string, string> = { '(top-level)': '', 'peer-device-options': 'disk' };


interface ParserFacts {
  versions: Record<string, { complete: string[]; sections: Record<string, Record<string, { kind: string }>> }>;
}

describe('drbd option tables', () => {
  it("know every option of every version and section of drbd-options.json that drbdadm's parser reads there", () => {
    const facts = upstreamFacts('drbd-options.json') as { versions: Record<string, { sections: Record<string, { options: Record<string, unknown> }> }>; parser: ParserFacts };
    // drbdsetup flags that drbdadm's parser refuses in a drbd.conf (`net { discard-my-data; }`: "'an option keyword' expected").
    const refused = Object.entries(facts.parser.versions).flatMap(([version, data]) =>
      data.complete.flatMap((section) => Object.keys(facts.versions[version].sections[section]?.options ?? {}).filter((name) => !NOT_OPTIONS.includes(name) && !data.sections[section][name]).map((name) => `${version} ${section} ${name}`)),
    );
    assert.deepEqual(refused, ['8.3 net discard-my-data', '8.3 net dry-run', '8.3 net protocol', '8.4 net tentative', '8.4 net discard-my-data', '8.4 net alternate-address', '8.4 net alternate-peer-address']);
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
    assert.deepEqual(missing, refused);
    assert.ok(checked > 280, `only ${checked} facts checked`);
  });

  it("know every keyword of drbdadm's parser, with its way of writing the value", () => {
    const { parser } = upstreamFacts('drbd-options.json') as { parser: ParserFacts };
    const missing: string[] = [];
    for (const [version, data] of Object.entries(parser.versions)) {
      for (const [section, options] of Object.entries(data.sections)) {
        // drbdadm 8.4 reads an 8.3 `syncer` section for compatibility; schema/index.ts renames its options.
        if (version === '8.4' && section === 'syncer') continue;
        for (const name of Object.keys(options)) if (!optionFact(version as (typeof DIALECTS)[number], SECTION_HOMES[section] ?? section, name)) missing.push(`${version} ${section} ${name}`);
      }
    }
    assert.deepEqual(missing, []);
    assert.deepEqual(optionFact('8.4', 'global', 'cmd-timeout-short'), { type: 'numeric', min: 0, max: 900, unit: 'seconds' });
    assert.equal(optionFact('8.4', 'startup', 'wait-after-sb')?.type, 'boolean', 'drbdadm 8.4 takes wait-after-sb yes|no');
    assert.equal(optionFact('8.3', 'startup', 'wait-after-sb')?.type, 'flag', 'drbdadm 8.3 takes the keyword alone');
    assert.deepEqual(optionFact('9', 'volume', 'tiebreaker'), { type: 'boolean', needsValue: true, since: '9.34.0' });
    assert.equal(optionFact('8.4', 'disk', 'rate')?.alias, 'resync-rate');
    assert.equal(optionFact('8.4', 'net', 'delay-probe-volume')?.type, 'deprecated');
    assert.equal(optionFact('9', 'net', 'load-balance-paths')?.since, '9.26.0');
    assert.equal(optionFact('9', 'peer-device-options', 'block-size'), undefined, 'a connection disk section takes peer-device options only');
    assert.equal(optionFact('9', 'peer-device-options', 'c-max-rate')?.type, 'numeric');
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
