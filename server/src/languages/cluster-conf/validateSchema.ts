/**
 * What `xmllint --relaxng cluster.rng` checks, at the exact element or
 * attribute: element placement, cardinality and order, attributes, their
 * datatypes and enums, the attribute alternatives (fence agent parameter
 * sets, a resource's `ref` versus inline parameters), ID uniqueness.
 */
import { Severity } from '../../common/diagnostics';
import { nameTable } from '../../common/nameTable';
import type { Reporter } from '../../common/report';
import { Code } from './codes';
import { addNodeId, changeTo } from './fixes';
import type { ClusterDoc, XmlAttribute, XmlElement } from './parse';
import { at, atAttributeName, atName, atValue } from './positions';
import { fenceAgent } from './schema/agents';
import { suggest } from './suggestions';
import { AttributeGroup, allowedChildren, attributeSummary, ELEMENTS, elementDef, ElementDef, ROOT_ELEMENT, typeProblem } from './schema';

const groupNameCache = new Map<AttributeGroup, Set<string>>();

function groupNames(group: AttributeGroup): Set<string> {
  let names = groupNameCache.get(group);
  if (!names) groupNameCache.set(group, (names = new Set([...group.required, ...group.optional])));
  return names;
}

const requiredChildrenCache = new Map<ElementDef, string[]>();

/** The children `def` needs at least one of, in schema order (listed once per definition, not per element). */
function requiredChildren(def: ElementDef): string[] {
  let names = requiredChildrenCache.get(def);
  if (!names) requiredChildrenCache.set(def, (names = Object.entries(def.children ?? {}).filter(([, place]) => place.min > 0).map(([name]) => name)));
  return names;
}

/** True when `used` are exactly some of `group`'s names and include all of its required ones. */
function fits(group: AttributeGroup, used: readonly XmlAttribute[]): boolean {
  const names = groupNames(group);
  for (const attr of used) if (!names.has(attr.name)) return false;
  return group.required.every((name) => used.some((attr) => attr.name === name));
}

class SchemaChecker {
  private readonly ids = new Map<string, XmlAttribute>();

  constructor(
    private readonly doc: ClusterDoc,
    private readonly report: Reporter,
  ) {}

  checkRoot(): void {
    const root = this.doc.root;
    if (!root) return;
    if (root.name !== ROOT_ELEMENT) {
      atName(this.report, root, Severity.Error, Code.root, `The document element is <${root.name}>; cluster.conf must start with <cluster name="…" config_version="…">.`);
      return;
    }
    this.checkElement(root, ELEMENTS[ROOT_ELEMENT]);
  }

  checkElement(element: XmlElement, def: ElementDef): void {
    this.checkAttributes(element, def);
    this.checkText(element, def);
    this.checkChildren(element, def);
  }

  private checkText(element: XmlElement, def: ElementDef): void {
    const text = element.texts[0];
    if (def.text || !text) return;
    at(this.report, text.start, text.end, Severity.Error, Code.unexpectedText, `<${element.name}> holds no text, only attributes and child elements; remove this text or turn it into a comment <!-- … -->.`);
  }

  private checkChildren(element: XmlElement, def: ElementDef): void {
    const allowed = allowedChildren(element.name);
    const seen = new Map<string, number>();
    let highestOrder = -1;
    let highestName = '';
    for (const child of element.children) {
      if (child.name === '') continue; // a lone `<`: the syntax error says it
      const childDef = elementDef(child.name);
      const place = def.children?.[child.name];
      if (!allowed.includes(child.name) || !childDef) {
        if (childDef) {
          const homes = Object.entries(ELEMENTS).filter(([, d]) => d.children?.[child.name]).map(([n]) => `<${n}>`);
          const where = homes.length > 0 && homes.length <= 3 ? `; it belongs inside ${homes.join(' or ')}` : '';
          atName(this.report, child, Severity.Error, Code.misplacedElement, `<${child.name}> is not allowed inside <${element.name}>${where}.`);
        } else {
          const { suggestions, suffix } = suggest(child.name, allowed);
          atName(this.report, child, Severity.Error, Code.unknownElement, `Unknown element <${child.name}> inside <${element.name}>${suffix}`, changeTo(this.doc, suggestions, child));
        }
        continue;
      }
      if (childDef.newer) {
        atName(this.report, child, Severity.Warning, Code.newerElement, `<${child.name}> comes from resource agents newer than the RHCS 3 schema (cluster.rng of 2011): xmllint and ccs_config_validate reject it unless the nodes' schema was regenerated (ccs_update_schema).`);
      }
      const count = (seen.get(child.name) ?? 0) + 1;
      seen.set(child.name, count);
      if (place && place.max !== null && count > place.max) {
        atName(this.report, child, Severity.Error, Code.duplicateElement, `<${element.name}> may hold only one <${child.name}>; merge this one into the first.`);
      }
      if (place && place.order < highestOrder) {
        atName(this.report, child, Severity.Error, Code.elementOrder, `<${child.name}> must come before <${highestName}> inside <${element.name}>.`);
      } else if (place && place.order > highestOrder) {
        highestOrder = place.order;
        highestName = child.name;
      }
      this.checkElement(child, childDef);
    }
    for (const name of requiredChildren(def)) {
      if (!seen.has(name)) {
        atName(this.report, element, Severity.Error, Code.missingElement, `<${element.name}> needs a <${name}> element.`);
      }
    }
  }

  private checkAttributes(element: XmlElement, def: ElementDef): void {
    // Built when first asked (an unknown or a required attribute): most elements need no set of their names.
    let present: Set<string> | undefined;
    const isPresent = (name: string) => (present ??= new Set(element.attributes.map((a) => a.name))).has(name);
    const { choiceNames, required } = attributeSummary(def);
    for (const attr of element.attributes) {
      if (attr.name === 'xmlns' || attr.name.startsWith('xmlns:')) continue;
      const attrDef = def.attributes[attr.name];
      if (!attrDef) {
        const { suggestions, suffix } = suggest(attr.name, Object.keys(def.attributes).filter((n) => !isPresent(n) && !def.attributes[n].newer));
        atAttributeName(this.report, attr, Severity.Error, Code.unknownAttribute, `<${element.name}> has no attribute '${attr.name}'${suffix}`, changeTo(this.doc, suggestions));
        continue;
      }
      if (attrDef.newer) {
        atAttributeName(this.report, attr, Severity.Warning, Code.newerAttribute, `'${attr.name}' on <${element.name}> comes from agents newer than the RHCS 3 schema (cluster.rng of 2011): xmllint and ccs_config_validate reject it unless the schema was regenerated (ccs_update_schema).`);
      }
      const expected = typeProblem(attrDef, attr.value);
      if (expected) atValue(this.report, attr, Severity.Error, Code.invalidValue, `'${attr.value}' is not valid for ${attr.name} on <${element.name}>: expected ${expected}.`);
      if (attrDef.type === 'ID' && !expected) this.checkUniqueId(element, attr);
    }
    for (const name of required) {
      if (isPresent(name)) continue;
      const fix = element.name === 'clusternode' && name === 'nodeid' ? addNodeId(this.doc, element) : undefined;
      atName(this.report, element, Severity.Error, Code.missingAttribute, `<${element.name}> needs the attribute '${name}'.`, fix);
    }
    if (def.attributeChoice) this.checkAttributeChoice(element, def.attributeChoice, choiceNames);
  }

  private checkUniqueId(element: XmlElement, attr: XmlAttribute): void {
    const id = attr.value.trim();
    const first = this.ids.get(id);
    if (first) {
      const line = this.report.lineOf(first.nameStart);
      atValue(this.report, attr, Severity.Error, Code.duplicateId, `The name '${id}' is already used by the <${element.name}> on line ${line}; fence device names must be unique.`);
    } else {
      this.ids.set(id, attr);
    }
  }

  /** The attributes in a choice must match one alternative exactly: all of its required ones, none from outside it. */
  private checkAttributeChoice(element: XmlElement, choice: NonNullable<ElementDef['attributeChoice']>, choiceNames: Set<string>): void {
    const used = element.attributes.filter((a) => choiceNames.has(a.name));
    if (used.length === 0 && choice.optional) return;
    // The usual case, a device that fits some group, costs no ranking of every agent's group.
    if (choice.alternatives.some((group) => fits(group, used))) return;
    const agentName = element.attributes.find((a) => a.name === 'agent')?.value;
    const agentParameters = fenceAgent(agentName)?.parameters ?? nameTable({});
    const score = (group: AttributeGroup) => {
      const names = groupNames(group);
      const extra = used.filter((a) => !names.has(a.name));
      const missing = group.required.filter((n) => !used.some((a) => a.name === n));
      // Among equally close groups, blame what the device's agent does not take.
      const blamesAgentParameters = extra.filter((a) => a.name in agentParameters).length;
      return { group, extra, missing, cost: extra.length + missing.length, blamesAgentParameters };
    };
    const ranked = choice.alternatives
      .map(score)
      .sort(
        (a, b) =>
          a.cost - b.cost ||
          Number(b.group.agent === agentName) - Number(a.group.agent === agentName) ||
          a.blamesAgentParameters - b.blamesAgentParameters ||
          b.group.optional.length - a.group.optional.length,
      );
    const best = ranked[0];
    if (!best || best.cost === 0) return;
    const isRef = (g: AttributeGroup) => g.required.length === 1 && g.required[0] === 'ref' && g.optional.length === 0;
    for (const attr of best.extra) {
      const message = isRef(best.group) || attr.name === 'ref'
        ? `'${attr.name}' cannot be combined with ${attr.name === 'ref' ? 'inline parameters' : "'ref'"} on <${element.name}>: either point at a resource of <resources> with ref="…" alone, or give the parameters inline.`
        : `'${attr.name}' does not fit together with ${used.filter((a) => a !== attr).map((a) => `'${a.name}'`).join(', ') || 'the other attributes'} on <${element.name}>: no fence agent parameter set of the RHCS 3 schema has them all.`;
      atAttributeName(this.report, attr, Severity.Error, Code.attributeCombination, message);
    }
    for (const name of best.missing) {
      const alternative = choice.alternatives.some(isRef) && !isRef(best.group) ? ` (or ref="…" to a resource defined in <resources>)` : '';
      atName(this.report, element, Severity.Error, Code.missingAttribute, `<${element.name}> needs the attribute '${name}'${alternative}.`);
    }
  }
}

export function validateSchema(doc: ClusterDoc, report: Reporter): void {
  new SchemaChecker(doc, report).checkRoot();
}
