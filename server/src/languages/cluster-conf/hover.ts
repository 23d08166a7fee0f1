import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { fenceAgent, FenceAgent, isRequired, newerNameOf } from './schema/agents';
import { cursorContext } from './cursor';
import { agentDoc, attributeDoc, BOOLEAN_VALUE_DOCS, elementDoc, MANUAL_PAGES, VALUE_DOCS } from './schema/docs';
import { agentNameFor, clusterModel, fenceDeviceNamed } from './model';
import { ClusterDoc, XmlElement } from './parse';
import { allowedChildren, attributeDef, elementDef } from './schema';
import type { ServiceContext } from '../types';
import { code, codeBlock, docText, escapeText, ManualLink, manualLine } from '../../common/markdown';

/** A fence agent's man page; the cman-era agents newer releases dropped have none online. */
function agentManual(agent: FenceAgent): ManualLink | undefined {
  if (agent.legacy) return undefined;
  const fill = (text: string) => text.replace('{agent}', agent.name);
  return { title: fill(MANUAL_PAGES.fenceAgent.title), url: fill(MANUAL_PAGES.fenceAgent.url) };
}

/** What one value of an attribute means (Markdown), when the tables say. */
export function describeValue(element: string, attribute: string, value: string, agent: FenceAgent | undefined): string | undefined {
  const parameter = agent?.parameters[attribute];
  const doc = VALUE_DOCS[`${element}.${attribute}`]?.[value] ?? VALUE_DOCS[attribute]?.[value] ?? (parameter?.type === 'boolean' ? BOOLEAN_VALUE_DOCS[value] : undefined);
  return doc === undefined ? undefined : `${code(value)} (${escapeText(attribute)}): ${docText(doc)}`;
}

function elementHover(name: string): string {
  const def = elementDef(name);
  if (!def) return `${code(`<${name}>`)} is not part of the cluster.conf schema.`;
  const parts = [`**${code(`<${name}>`)}**`, docText(elementDoc(name) ?? '')];
  const required = Object.entries(def.attributes).filter(([, a]) => a.required).map(([n]) => code(n));
  if (required.length) parts.push(`Required attributes: ${required.join(', ')}.`);
  const children = allowedChildren(name);
  if (children.length && children.length <= 16) parts.push(`May contain: ${children.map((c) => code(`<${c}>`)).join(', ')}.`);
  if (def.newer) parts.push('_Not in the RHCS 3 schema of 2011: only nodes with a regenerated schema accept it._');
  parts.push(manualLine(MANUAL_PAGES.schema));
  return parts.filter((p) => p !== '').join('\n\n');
}

function attributeHover(element: XmlElement, name: string, agent: FenceAgent | undefined): string {
  const def = attributeDef(element.name, name);
  const parameter = agent?.parameters[name];
  const facts: string[] = [];
  if (def?.required || parameter?.required) facts.push('required');
  if (def?.type) facts.push(`type ${def.type}`);
  else if (parameter?.type) facts.push(`type ${parameter.type}`);
  const values = def?.values ?? parameter?.values;
  if (values) facts.push(`one of ${values.map(code).join(', ')}`);
  const fallback = def?.default ?? parameter?.default;
  if (fallback !== undefined) facts.push(`default ${code(fallback)}`);
  const newer = agent && parameter?.deprecated ? newerNameOf(agent, name) : undefined;
  if (parameter?.obsoletes !== undefined) facts.push(`the fence-agents 4.1+ name of ${code(parameter.obsoletes)} (cman-era agents read only ${code(parameter.obsoletes)})`);
  else if (newer) facts.push(`renamed ${code(newer)} in fence-agents 4.1, which still reads this name`);
  else if (parameter?.deprecated) facts.push('deprecated');
  const parts = [`**${code(name)}** on ${code(`<${element.name}>`)}${agent && parameter ? ` (${code(agent.name)} parameter)` : ''}`];
  const doc = attributeDoc(element.name, name);
  if (doc) parts.push(docText(doc));
  if (facts.length) parts.push(facts.join(' · '));
  if (!def && !parameter) parts.push(`${code(`<${element.name}>`)} has no attribute ${code(name)}.`);
  else if (def?.agentParameter && agent && !parameter) parts.push(`Other fence agents take it; ${code(agent.name)} does not.`);
  const manual = agent && parameter ? agentManual(agent) : def ? MANUAL_PAGES.schema : undefined;
  if (manual) parts.push(manualLine(manual));
  return parts.join('\n\n');
}

function agentHover(agent: FenceAgent): string {
  // Under the names cman-era agents read (ipaddr, not its fence-agents 4.1 name ip).
  const required = Object.keys(agent.parameters).filter((n) => isRequired(agent, n) && agent.parameters[n].obsoletes === undefined).map(code);
  const parts = [`**${code(agent.name)}**`, docText(agentDoc(agent.name))];
  if (required.length) parts.push(`Required parameters: ${required.join(', ')}.`);
  if (agent.actions) parts.push(`Actions: ${agent.actions.map(code).join(', ')}.`);
  if (agent.legacy) parts.push('_Known from the RHCS 3 schema; newer fence-agents releases no longer ship it._');
  const manual = agentManual(agent);
  if (manual) parts.push(manualLine(manual));
  return parts.join('\n\n');
}

function fenceDeviceHover(doc: ClusterDoc, target: XmlElement): string {
  const line = doc.lines.positionAt(target.start).line + 1;
  const source = doc.text.slice(target.start, target.startTagEnd).replace(/passwd="[^"]*"/g, 'passwd="…"');
  return `Fence device defined on line ${line}:\n\n${codeBlock('xml', source)}`;
}

/** What the element, attribute or value under the cursor is for, with the schema's and the agent's facts. */
export function hover(doc: ClusterDoc, position: Position, _ctx: ServiceContext): Hover | null {
  const offset = doc.lines.offsetAt(position);
  const context = cursorContext(doc, offset);
  const model = clusterModel(doc);
  const markdown = (value: string, start: number, end: number): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range: doc.lines.range(start, end) });
  switch (context.kind) {
    case 'elementName':
      return context.element.name ? markdown(elementHover(context.element.name), context.start, context.end) : null;
    case 'attributeName':
      if (!context.attribute) return null;
      return markdown(attributeHover(context.element, context.attribute.name, fenceAgent(agentNameFor(model, context.element))), context.start, context.end);
    case 'attributeValue': {
      const { element, attribute } = context;
      const range = [attribute.valueStart, attribute.valueEnd] as const;
      if (element.name === 'device' && attribute.name === 'name') {
        const target = fenceDeviceNamed(model, attribute.value);
        return markdown(target ? fenceDeviceHover(doc, target) : `No ${code(`<fencedevice name="${attribute.value}">`)} is defined.`, ...range);
      }
      const agent = element.name === 'fencedevice' && attribute.name === 'agent' ? fenceAgent(attribute.value) : undefined;
      if (agent) return markdown(agentHover(agent), ...range);
      const owner = fenceAgent(agentNameFor(model, element));
      const meaning = describeValue(element.name, attribute.name, attribute.value, owner);
      const about = attributeHover(element, attribute.name, owner);
      return markdown(meaning ? `${meaning}\n\n---\n\n${about}` : about, ...range);
    }
    case 'content':
      return null;
  }
}
