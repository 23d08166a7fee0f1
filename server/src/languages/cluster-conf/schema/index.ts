/**
 * The cluster.conf schema as data: elements, attributes, child cardinality
 * (generated from cluster.rng by scripts/gen-cluster-conf-schema.mjs) and
 * the fence agents' parameters. Validation, completion and hover all read it.
 *
 * It is the schema a node validates against: ccs_update_schema adds to the
 * 2011 cluster.rng one parameter group per installed fence agent (`option`
 * and every parameter of the agent's metadata, all optional, untyped), so
 * `<fencedevice>` and `<device>` accept any subset of one agent's parameters.
 * schema/cluster-node.rng is that file, for xmllint (the parity test).
 */
import { nameTable } from '../../../common/nameTable';
import agentData from './fence-agents.json';
import schemaData from './cluster-rng.json';

/** XML Schema datatypes cluster.rng uses. */
export type AttributeType = 'integer' | 'positiveInteger' | 'nonNegativeInteger' | 'ID' | 'IDREF';

export interface AttributeDef {
  required?: boolean;
  type?: AttributeType;
  values?: string[];
  default?: string;
  sample?: string;
  /** Added by agents newer than the 2011 cluster.rng: xmllint with that schema rejects it. */
  newer?: boolean;
  /** On <fencedevice>/<device>: only a fence agent's metadata defines it (the node's generated schema takes it). */
  agentParameter?: boolean;
}

export interface ChildDef {
  min: number;
  /** null: any number. */
  max: number | null;
  /** Position in the parent's sequence; children must come in non-decreasing order. */
  order: number;
}

/** One alternative of an attribute choice (a fence agent's parameter set, or a resource's `ref`). */
export interface AttributeGroup {
  agent?: string;
  required: string[];
  optional: string[];
  /** A group ccs_update_schema generates from the agent's metadata (not one of the 2011 schema). */
  fromMetadata?: boolean;
}

export interface ElementDef {
  attributes: Record<string, AttributeDef>;
  attributeChoice?: { optional: boolean; alternatives: AttributeGroup[] };
  children?: Record<string, ChildDef>;
  /** Text content allowed (only `<event>`, which holds a script). */
  text?: boolean;
  newer?: boolean;
  /** For newer elements only: where they may appear. */
  parents?: string[];
}

export const ROOT_ELEMENT = schemaData.root;

/** The groups fence2rng.xsl writes, one per agent of the metadata: `option` and every parameter, optional. */
const METADATA_GROUPS: AttributeGroup[] = Object.entries(agentData.agents as Record<string, { parameters: Record<string, unknown> }>).map(([agent, { parameters }]) => ({
  agent,
  required: [],
  optional: ['option', ...Object.keys(parameters).filter((n) => n !== 'option')],
  fromMetadata: true,
}));

/** `<fencedevice>` or `<device>` as the node's schema has it: the 2011 groups and the agents' generated ones. */
function withAgentGroups(def: ElementDef): ElementDef {
  const attributes = nameTable(def.attributes);
  for (const group of METADATA_GROUPS) for (const name of group.optional) attributes[name] ??= { agentParameter: true };
  const choice = def.attributeChoice ?? { optional: true, alternatives: [] };
  return { ...def, attributes, attributeChoice: { ...choice, alternatives: [...choice.alternatives, ...METADATA_GROUPS] } };
}

/** An element of cluster-rng.json whose attributes and children are looked up by the names a file writes. */
function withNameTables(def: ElementDef): ElementDef {
  return { ...def, attributes: nameTable(def.attributes), ...(def.children && { children: nameTable(def.children) }) };
}

const GENERATED_ELEMENTS = Object.fromEntries(Object.entries(schemaData.elements as unknown as Record<string, ElementDef>).map(([name, def]) => [name, withNameTables(def)]));
export const ELEMENTS: Record<string, ElementDef> = nameTable({
  ...GENERATED_ELEMENTS,
  fencedevice: withAgentGroups(GENERATED_ELEMENTS.fencedevice),
  device: withAgentGroups(GENERATED_ELEMENTS.device),
});

export function elementDef(name: string): ElementDef | undefined {
  return ELEMENTS[name];
}

export function attributeDef(element: string, attribute: string): AttributeDef | undefined {
  return elementDef(element)?.attributes[attribute];
}

const childrenCache = new Map<string, string[]>();

/** Elements allowed directly inside `parent` (from cluster.rng, plus newer elements that name it as parent). */
export function allowedChildren(parent: string): string[] {
  const cached = childrenCache.get(parent);
  if (cached) return cached;
  const names = Object.keys(elementDef(parent)?.children ?? {});
  for (const [name, child] of Object.entries(ELEMENTS)) {
    if (child.newer && child.parents?.some((p) => p === parent || (p === 'resources' && isResourceContainer(parent)))) names.push(name);
  }
  childrenCache.set(parent, names);
  return names;
}

export interface AttributeSummary {
  /** Attributes that take part in the element's attribute choice (agent parameter sets, `ref`). */
  choiceNames: Set<string>;
  /** Required attributes outside the choice. */
  required: string[];
}

const summaryCache = new Map<ElementDef, AttributeSummary>();

export function attributeSummary(def: ElementDef): AttributeSummary {
  let summary = summaryCache.get(def);
  if (!summary) {
    const choiceNames = new Set((def.attributeChoice?.alternatives ?? []).flatMap((g) => [...g.required, ...g.optional]));
    const required = Object.entries(def.attributes).filter(([name, a]) => a.required && !choiceNames.has(name)).map(([name]) => name);
    summary = { choiceNames, required };
    summaryCache.set(def, summary);
  }
  return summary;
}

/** Elements that hold resource agents (resources, services, and resources themselves). */
export function isResourceContainer(name: string): boolean {
  return elementDef(name)?.children?.ip !== undefined;
}

const NCNAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Checks a value against an XML Schema datatype of cluster.rng; returns what is expected when it fails. */
export function typeProblem(def: AttributeDef, raw: string): string | undefined {
  const value = raw.trim();
  if (def.values && !def.values.includes(value)) return `one of ${def.values.map((v) => `'${v}'`).join(', ')}`;
  switch (def.type) {
    case 'integer':
      return /^[+-]?\d+$/.test(value) ? undefined : 'an integer';
    case 'positiveInteger':
      return /^\+?\d+$/.test(value) && /[1-9]/.test(value) ? undefined : 'a positive integer (1, 2, …)';
    case 'nonNegativeInteger':
      return /^(\+?\d+|-0+)$/.test(value) ? undefined : 'a non-negative integer (0, 1, …)';
    case 'ID':
    case 'IDREF':
      return NCNAME.test(value) ? undefined : 'an XML name (a letter or _ first, then letters, digits, _ . -; no spaces or colons)';
    default:
      return undefined;
  }
}
