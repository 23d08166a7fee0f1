/**
 * Every enumerated value of every language's tables has its own one-line
 * description (completion shows it beside the value, hover on the value):
 * "default: C" three times is not documentation.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ELEMENTS } from '../../../server/src/languages/cluster-conf/schema';
import { FENCE_AGENTS } from '../../../server/src/languages/cluster-conf/schema/agents';
import { VALUE_DOCS as CLUSTER_VALUE_DOCS } from '../../../server/src/languages/cluster-conf/schema/docs';
import { DIALECTS, optionsIn } from '../../../server/src/languages/drbd/schema';
import { VALUE_DOCS as DRBD_VALUE_DOCS } from '../../../server/src/languages/drbd/schema/docs';
import { OPTION_FACTS } from '../../../server/src/languages/drbd/schema/options.generated';
import { XEND_OPTIONS } from '../../../server/src/languages/xend-sxp/schema';
import { VALUE_DOCS as XEND_VALUE_DOCS } from '../../../server/src/languages/xend-sxp/schema/docs';
import { DEVICE_SPECS, DOMAIN_KEYS, XL_CONF_KEYS } from '../../../server/src/languages/xl-config/schema';

const undocumented = (pairs: Iterable<[string, string, string | undefined]>): string[] => [...pairs].filter(([, , doc]) => !doc || doc.length < 8).map(([owner, value]) => `${owner}=${value}`);

describe('every enumerated value has a description', () => {
  it('xl-config: domain keys, xl.conf keys and the device specs\' sub-keys', () => {
    const pairs: [string, string, string | undefined][] = [];
    for (const table of [DOMAIN_KEYS, XL_CONF_KEYS]) for (const spec of table.values()) for (const value of spec.enum ?? []) pairs.push([spec.name, value, spec.valueDocs?.[value]]);
    for (const [key, device] of DEVICE_SPECS) for (const sub of device.subKeys.values()) for (const value of sub.enum ?? []) pairs.push([`${key}.${sub.name}`, value, sub.valueDocs?.[value]]);
    assert.ok(pairs.length > 150, `only ${pairs.length} values`);
    assert.deepEqual(undocumented(pairs), []);
  });

  it('drbd: every option with a fixed set of values, in every dialect', () => {
    const pairs: [string, string, string | undefined][] = [];
    for (const dialect of DIALECTS) for (const section of Object.keys(OPTION_FACTS[dialect] ?? {})) for (const [name, fact] of optionsIn(dialect, section)) for (const value of fact.values ?? []) pairs.push([name, value, DRBD_VALUE_DOCS[name]?.[value]]);
    assert.deepEqual(undocumented(pairs), []);
  });

  it('cluster-conf: the schema\'s enumerated attributes, the fence agents\' parameters and actions', () => {
    const pairs: [string, string, string | undefined][] = [];
    for (const [element, def] of Object.entries(ELEMENTS)) for (const [attribute, a] of Object.entries(def.attributes)) for (const value of a.values ?? []) pairs.push([`${element}.${attribute}`, value, CLUSTER_VALUE_DOCS[`${element}.${attribute}`]?.[value] ?? CLUSTER_VALUE_DOCS[attribute]?.[value]]);
    for (const agent of FENCE_AGENTS.values()) {
      for (const [name, parameter] of Object.entries(agent.parameters)) for (const value of parameter.values ?? []) pairs.push([name, value, CLUSTER_VALUE_DOCS[name]?.[value]]);
      for (const action of agent.actions ?? []) pairs.push(['action', action, CLUSTER_VALUE_DOCS.action?.[action]]);
    }
    assert.deepEqual(undocumented(pairs), []);
  });

  it('xend-sxp: every value completion offers', () => {
    assert.deepEqual(undocumented(XEND_OPTIONS.flatMap((spec) => (spec.suggestions ?? []).map((value): [string, string, string | undefined] => [spec.name, value, XEND_VALUE_DOCS[spec.name]?.[value]]))), []);
  });
});
