// Generates server/src/languages/cluster-conf/schema/ from the upstream facts in data/upstream:
//   - cluster.rng (the RHCS 3 schema of 2011 xmllint --relaxng uses): elements, attributes, types,
//     enums, defaults, child cardinality and order, attribute choices (fence agent groups,
//     resource `ref` vs inline parameters) -> cluster-rng.json;
//   - facts/cluster-conf-schema.json: elements and attributes newer agents added after 2011;
//   - facts/fence-agents.json: per-agent parameters and actions -> fence-agents.json;
//   - cluster-node.rng: the schema as a node's ccs_update_schema assembles it: cluster.rng with one
//     more parameter group per installed fence agent (what fence2rng.xsl writes from the agent's
//     metadata: `option` and every parameter, each optional, no types). The parity test runs
//     xmllint with it; schema/index.ts derives the same groups from fence-agents.json.
// Only facts are carried over; descriptions are dropped (our own text lives in docs.ts).
// Usage: npm run gen, or node scripts/gen/cluster-conf.mjs [--in DIR] [--out DIR] (scripts/gen/options.mjs).
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { generatorOptions } from './options.mjs';

const { input, write } = generatorOptions();
const OUT = 'server/src/languages/cluster-conf/schema';
const rngText = readFileSync(input('cluster.rng'), 'utf8');

const rng = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: true, commentPropName: '#comment' })
  .parse(rngText);

/** [{tag, attrs, children}] from fast-xml-parser's ordered output, comments and text dropped. */
function nodes(list) {
  const result = [];
  for (const item of list ?? []) {
    const tag = Object.keys(item).find((k) => k !== ':@');
    if (!tag || tag.startsWith('#') || tag.startsWith('?')) continue;
    const text = (item[tag] ?? []).map((c) => c['#text'] ?? '').join('');
    result.push({ tag, attrs: item[':@'] ?? {}, text, children: nodes(item[tag]) });
  }
  return result;
}

const grammar = nodes(rng).find((n) => n.tag === 'grammar');
const defines = new Map(grammar.children.filter((n) => n.tag === 'define').map((n) => [n.attrs.name, n]));
const start = grammar.children.find((n) => n.tag === 'start');

const elements = {};

function attributeType(attr) {
  const data = attr.children.find((c) => c.tag === 'data');
  if (data) return { type: data.attrs.type };
  const choice = attr.children.find((c) => c.tag === 'choice');
  if (choice) return { values: choice.children.filter((c) => c.tag === 'value').map((v) => String(v.text)) };
  return {};
}

/** True when the pattern (after refs) holds attributes but no elements: an attribute choice. */
function holdsAttributesOnly(node) {
  let attributes = false;
  let elementsFound = false;
  const visit = (n) => {
    if (n.tag === 'attribute') attributes = true;
    else if (n.tag === 'element') elementsFound = true;
    else if (n.tag === 'ref') visit(defines.get(n.attrs.name));
    else n.children.forEach(visit);
  };
  visit(node);
  return attributes && !elementsFound;
}

/** Walks an element's content. `optional`: under optional/zeroOrMore/choice; `repeat`: may occur more than once. */
function walkContent(def, node, { optional, repeat, order, group }) {
  for (const child of node.children) {
    switch (child.tag) {
      case 'attribute': {
        const entry = { ...(def.attributes[child.attrs.name] ?? {}), ...attributeType(child) };
        if (!optional && !group) entry.required = true;
        if (child.attrs['rha:default'] !== undefined && child.attrs['rha:default'] !== '') entry.default = child.attrs['rha:default'];
        if (child.attrs['rha:sample'] !== undefined && child.attrs['rha:sample'] !== '') entry.sample = child.attrs['rha:sample'];
        def.attributes[child.attrs.name] = entry;
        if (group) (optional ? group.optional : group.required).push(child.attrs.name);
        break;
      }
      case 'element': {
        const name = child.attrs.name;
        const previous = def.children[name];
        def.children[name] = {
          min: optional || previous ? 0 : 1,
          max: repeat || previous ? null : 1,
          order: order.value,
        };
        defineElement(child);
        break;
      }
      case 'optional':
        walkContent(def, child, { optional: true, repeat, order, group });
        break;
      case 'zeroOrMore':
      case 'oneOrMore':
        walkContent(def, child, { optional: optional || child.tag === 'zeroOrMore', repeat: true, order, group });
        break;
      case 'interleave':
      case 'group':
        walkContent(def, child, { optional, repeat, order, group });
        break;
      case 'choice':
        if (holdsAttributesOnly(child)) {
          def.attributeChoice = { optional, alternatives: [] };
          for (const alternative of child.children) {
            const choiceGroup = { required: [], optional: [] };
            if (alternative.attrs['rha:fence_agent']) choiceGroup.agent = alternative.attrs['rha:fence_agent'];
            walkContent(def, { children: [alternative] }, { optional: false, repeat: false, order, group: choiceGroup });
            def.attributeChoice.alternatives.push(choiceGroup);
          }
        } else {
          walkContent(def, child, { optional: true, repeat, order, group });
        }
        break;
      case 'ref':
        walkContent(def, defines.get(child.attrs.name), { optional, repeat, order, group });
        break;
      case 'text':
        def.text = true;
        break;
      case 'empty':
      case 'data':
      case 'value':
        break;
      default:
        throw new Error(`unhandled RELAX NG pattern <${child.tag}>`);
    }
    // Children of a sequence come in order; interleave/choice/repetition keep one position.
    if (node.tag === 'element' || (node.tag === 'group' && !group)) order.value++;
  }
}

function defineElement(node) {
  const name = node.attrs.name;
  if (elements[name]) return; // the same definition is reached through several refs
  const def = { attributes: {}, children: {} };
  elements[name] = def;
  walkContent(def, node, { optional: false, repeat: false, order: { value: 0 } });
  if (Object.keys(def.children).length === 0) delete def.children;
}

defineElement(start.children.find((n) => n.tag === 'element'));

// Elements and attributes that newer agents (ccs_update_schema) add: known, but not in the 2011 schema.
const XSD_TYPES = new Set(['integer', 'positiveInteger', 'nonNegativeInteger', 'ID', 'IDREF']);
const current = JSON.parse(readFileSync(input('facts', 'cluster-conf-schema.json'), 'utf8'));
for (const [name, fact] of Object.entries(current.elements)) {
  if (!elements[name]) {
    elements[name] = { newer: true, attributes: {}, parents: fact.parents.filter((p) => !p.startsWith('(')) };
  }
  const def = elements[name];
  for (const [attrName, attr] of Object.entries(fact.attributes)) {
    const known = def.attributes[attrName];
    if (known) {
      // The rng leaves resource defaults out; the agents' metadata has them.
      if (known.default === undefined && attr.meta_default !== undefined && attr.meta_default !== '') known.default = String(attr.meta_default);
      continue;
    }
    const entry = { newer: true };
    if (XSD_TYPES.has(attr.type)) entry.type = attr.type;
    if (attr.enum) entry.values = attr.enum.map(String);
    if (attr.default !== undefined) entry.default = String(attr.default);
    if (attr.meta_default !== undefined) entry.default = String(attr.meta_default);
    def.attributes[attrName] = entry;
  }
}

const schema = {
  source: 'generated by scripts/gen/cluster-conf.mjs from data/upstream/cluster.rng (RHCS 3, 2011) and data/upstream/facts/cluster-conf-schema.json',
  root: 'cluster',
  elements,
};
const rngFile = write(`${OUT}/cluster-rng.json`, JSON.stringify(schema, null, 1) + '\n');

// Fence agents: parameters (type, required, default, enum, deprecated) and actions.
const fenceFacts = JSON.parse(readFileSync(input('facts', 'fence-agents.json'), 'utf8'));
const agents = {};
for (const agent of fenceFacts.agents) {
  const parameters = {};
  for (const p of agent.parameters) {
    const entry = {};
    if (p.type) entry.type = p.type;
    if (p.required) entry.required = true;
    if (p.default !== undefined) entry.default = String(p.default);
    if (p.enum) entry.values = p.enum.map(String);
    if (p.deprecated) entry.deprecated = true;
    if (p.obsoletes) entry.obsoletes = p.obsoletes;
    parameters[p.name] = entry;
  }
  agents[agent.name] = { parameters, actions: agent.action_names };
}
const agentsFile = write(
  `${OUT}/fence-agents.json`,
  JSON.stringify({ source: 'generated by scripts/gen/cluster-conf.mjs from data/upstream/facts/fence-agents.json (fence-agents 4.17 metadata)', agents }, null, 1) + '\n',
);
// The node's schema: fence2rng.xsl's group for each agent, added where cluster.rng's own
// generated groups end (before the catch-all empty group).
const MARK = '<!-- end auto-generated device definitions -->';
if (!rngText.includes(MARK)) throw new Error(`cluster.rng has no '${MARK}'`);
const xmlName = (name) => {
  if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) throw new Error(`not an XML attribute name: ${name}`);
  return name;
};
const groups = fenceFacts.agents.map((agent) => {
  const names = ['option', ...agent.parameters.map((p) => p.name).filter((n) => n !== 'option')];
  const attributes = names.map((n) => `        <optional><attribute name="${xmlName(n)}"/></optional>\n`).join('');
  return `      <!-- ${agent.name} (fence-agents metadata) -->\n      <group rha:name="${agent.name}">\n${attributes}      </group>\n`;
});
const nodeRng = rngText.replace(MARK, `<!-- begin agents' metadata (scripts/gen/cluster-conf.mjs, as ccs_update_schema does) -->\n${groups.join('\n')}      <!-- end agents' metadata -->\n       ${MARK}`);
const nodeRngFile = write(`${OUT}/cluster-node.rng`, nodeRng);

console.log(`wrote ${rngFile}: ${Object.keys(elements).length} elements; ${agentsFile}: ${Object.keys(agents).length} agents; ${nodeRngFile}: ${groups.length} agent groups added`);
