/** The option table against the facts extracted from XendOptions.py (Xen 4.4). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BOOLEAN_FALSE, BOOLEAN_TRUE, LEGACY_OPTIONS, legacyOption, NETWORK_SCRIPTS, networkScript, optionSpec, XEND_OPTIONS } from '../../../server/src/languages/xend-sxp/schema';
import { upstreamFacts } from '../../helpers/fixtures';

interface FactOption {
  name: string;
  type: string;
  default: unknown;
  /** Set when xend computes the default from another option. */
  default_condition?: string;
}

const facts = upstreamFacts('xend-options.json') as { options: FactOption[]; bool_values: { true: string[]; false: string[] } };

describe('xend option table', () => {
  it('knows every option xend reads, with the type xend reads it as', () => {
    assert.equal(facts.options.length, 50);
    for (const fact of facts.options) {
      const spec = optionSpec(fact.name);
      assert.ok(spec, `missing option ${fact.name}`);
      const expected = fact.type === 'sxp value' ? 'sxp' : fact.type;
      assert.equal(spec.type, expected, fact.name);
    }
  });

  it('has the defaults xend uses for the options with a plain default', () => {
    for (const fact of facts.options) {
      if (fact.default_condition) continue;
      if (typeof fact.default !== 'number' && (typeof fact.default !== 'string' || fact.default === '' || fact.name === 'vif-script' || fact.name === 'vnc-x509-cert-dir')) continue;
      assert.equal(optionSpec(fact.name)!.default, String(fact.default), fact.name);
    }
  });

  it('reads booleans with the words of get_config_bool', () => {
    assert.deepEqual(BOOLEAN_TRUE, facts.bool_values.true);
    assert.deepEqual(BOOLEAN_FALSE, facts.bool_values.false);
  });

  it('documents every option in a sentence of its own', () => {
    for (const spec of XEND_OPTIONS) assert.match(spec.doc, /^[A-Z`'].{10,}\.$/s, spec.name);
    assert.equal(new Set(XEND_OPTIONS.map((s) => s.name)).size, XEND_OPTIONS.length);
  });

  it('documents the network scripts xend shipped, found by name or by path', () => {
    assert.deepEqual(NETWORK_SCRIPTS.map((s) => s.name), ['network-bridge', 'network-route', 'network-nat', 'network-dummy']);
    for (const script of NETWORK_SCRIPTS) assert.match(script.doc, /^[A-Z].{10,}\.$/s, script.name);
    assert.equal(networkScript('/etc/xen/scripts/network-bridge'), NETWORK_SCRIPTS[0]);
    assert.equal(networkScript('an-network-script'), undefined);
  });

  it('knows the options only Xen 2.0 read, with the releases that read them and their defaults', () => {
    const legacy = upstreamFacts('xend-legacy-options.json') as { counts: Record<string, number>; options: { name: string; pattern?: string; releases: string[]; default: string; example_names?: string[] }[] };
    assert.equal(legacy.counts['read_by_3.0.0_or_later'], 0);
    assert.deepEqual(LEGACY_OPTIONS.map((o) => o.name).sort(), legacy.options.map((o) => o.pattern ?? o.name).sort());
    for (const fact of legacy.options) {
      const spec = legacyOption(fact.name.replace('%s', 'file'))!;
      assert.ok(spec, fact.name);
      assert.deepEqual(spec.readBy, fact.releases, fact.name);
      assert.equal(spec.default, fact.default === '' ? "''" : fact.default, fact.name);
      assert.equal(optionSpec(spec.name), undefined, `${fact.name} is also a 4.x option`);
      assert.match(spec.doc, /^[A-Z`'].{10,}\.$/s, fact.name);
    }
    for (const name of legacy.options.find((o) => o.pattern)!.example_names!) assert.equal(legacyOption(name)?.name, 'block-<type>', name);
    assert.equal(legacyOption('vif-script'), undefined);
  });
});
