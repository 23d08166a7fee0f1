/** The schema tables know every fact of the upstream reference files (data/upstream/facts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FENCE_AGENTS } from '../../../server/src/languages/cluster-conf/schema/agents';
import { ELEMENT_DOCS } from '../../../server/src/languages/cluster-conf/schema/docs';
import { ELEMENTS } from '../../../server/src/languages/cluster-conf/schema/index';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, upstreamFacts } from '../../helpers/fixtures';

const facts = <T>(name: string): T => upstreamFacts<T>(name);

describe('cluster-conf schema completeness', () => {
  const schema = facts<{ elements: Record<string, { attributes: Record<string, unknown> }> }>('cluster-conf-schema.json');

  it('knows all 67 elements of cluster-conf-schema.json, with every attribute', () => {
    const elements = Object.keys(schema.elements);
    assert.equal(elements.length, 67);
    const missing = elements.flatMap((name) =>
      ELEMENTS[name] ? Object.keys(schema.elements[name].attributes).filter((a) => !(a in ELEMENTS[name].attributes)).map((a) => `${name}.${a}`) : [name],
    );
    assert.deepEqual(missing, []);
  });

  it('documents every element in its own words', () => {
    assert.deepEqual(Object.keys(ELEMENTS).filter((name) => !ELEMENT_DOCS[name]), []);
  });

  it('knows all 92 fence agents of fence-agents.json, with every parameter and action', () => {
    const { agents } = facts<{ agents: { name: string; parameters: { name: string }[]; action_names: string[] }[] }>('fence-agents.json');
    assert.equal(agents.length, 92);
    const missing = agents.flatMap((agent) => {
      const known = FENCE_AGENTS.get(agent.name);
      if (!known) return [agent.name];
      const params = agent.parameters.filter((p) => !(p.name in known.parameters)).map((p) => `${agent.name}.${p.name}`);
      const actions = agent.action_names.filter((a) => !known.actions?.includes(a)).map((a) => `${agent.name}:${a}`);
      return [...params, ...actions];
    });
    assert.deepEqual(missing, []);
  });

  it('also knows the RHCS 3 agents newer fence-agents releases dropped', () => {
    for (const name of ['fence_na', 'fence_xvm', 'fence_manual', 'fence_rps10']) assert.ok(FENCE_AGENTS.get(name)?.legacy, name);
  });

  it('knows all 30 resource types of rgmanager-resources.json, with every parameter', () => {
    const { agents } = facts<{ agents: { name: string; parameters: { name: string }[] }[] }>('rgmanager-resources.json');
    assert.equal(agents.length, 30);
    const missing = agents.flatMap((agent) => {
      const element = ELEMENTS[agent.name];
      if (!element) return [agent.name];
      return agent.parameters.filter((p) => !(p.name in element.attributes)).map((p) => `${agent.name}.${p.name}`);
    });
    assert.deepEqual(missing, []);
  });

  it("gives <fencedevice> and <device> the groups of the node's schema: one per agent, with option and every parameter", () => {
    const rng = readFileSync(join(REPO_ROOT, 'server/src/languages/cluster-conf/schema/cluster-node.rng'), 'utf8');
    const generated = [...rng.matchAll(/<group rha:name="([^"]+)">\n((?:\s*<optional><attribute name="[^"]+"\/><\/optional>\n)*)\s*<\/group>/g)].map(
      ([, agent, body]) => `${agent}: ${[...body.matchAll(/name="([^"]+)"/g)].map((m) => m[1]).join(' ')}`,
    );
    assert.equal(generated.length, 92);
    for (const element of ['fencedevice', 'device']) {
      const groups = ELEMENTS[element].attributeChoice!.alternatives.filter((g) => g.fromMetadata);
      assert.deepEqual(groups.map((g) => `${g.agent}: ${[...g.required, ...g.optional].join(' ')}`), generated, element);
      assert.ok(groups.every((g) => g.optional.every((name) => name in ELEMENTS[element].attributes)), element);
    }
    const ipmilan = generated.find((g) => g.startsWith('fence_ipmilan: '))!.split(' ');
    for (const name of ['option', 'privlvl', 'cipher', 'method', 'hexadecimal_kg']) assert.ok(ipmilan.includes(name), name);
  });
});
