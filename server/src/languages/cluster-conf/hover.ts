import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { fenceAgent, FenceAgent, isRequired, newerNameOf } from './schema/agents';
import { cursorContext } from './cursor';
import { agentDoc, attributeDoc, elementDoc } from './schema/docs';
import { agentNameFor, clusterModel, fenceDeviceNamed } from './model';
import { ClusterDoc, XmlElement } from './parse';
import { allowedChildren, attributeDef, elementDef } from './schema';
import type { ServiceContext } from '../types';

function elementHover(name: string): string {
  const def = elementDef(name);
  if (!def) return `**<${name}>** is not part of the cluster.conf schema.`;
  const parts = [`**<${name}>**`, elementDoc(name) ?? ''];
  const required = Object.entries(def.attributes).filter(([, a]) => a.required).map(([n]) => `\`${n}\``);
  if (required.length) parts.push(`Required attributes: ${required.join(', ')}.`);
  const children = allowedChildren(name);
  if (children.length && children.length <= 16) parts.push(`May contain: ${children.map((c) => `<${c}>`).join(', ')}.`);
  if (def.newer) parts.push('_Not in the RHCS 3 schema of 2011: only nodes with a regenerated schema accept it._');
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
  if (values) facts.push(`one of ${values.map((v) => `\`${v}\``).join(', ')}`);
  const fallback = def?.default ?? parameter?.default;
  if (fallback !== undefined) facts.push(`default \`${fallback}\``);
  const newer = agent && parameter?.deprecated ? newerNameOf(agent, name) : undefined;
  if (parameter?.obsoletes !== undefined) facts.push(`the fence-agents 4.1+ name of \`${parameter.obsoletes}\` (cman-era agents read only \`${parameter.obsoletes}\`)`);
  else if (newer) facts.push(`renamed \`${newer}\` in fence-agents 4.1, which still reads this name`);
  else if (parameter?.deprecated) facts.push('deprecated');
  const parts = [`**${name}** on <${element.name}>${agent && parameter ? ` (${agent.name} parameter)` : ''}`];
  const doc = attributeDoc(element.name, name);
  if (doc) parts.push(doc);
  if (facts.length) parts.push(facts.join(' · '));
  if (!def && !parameter) parts.push(`<${element.name}> has no attribute '${name}'.`);
  else if (def?.agentParameter && agent && !parameter) parts.push(`Other fence agents take it; ${agent.name} does not.`);
  return parts.join('\n\n');
}

function agentHover(agent: FenceAgent): string {
  // Under the names cman-era agents read (ipaddr, not its fence-agents 4.1 name ip).
  const required = Object.keys(agent.parameters).filter((n) => isRequired(agent, n) && agent.parameters[n].obsoletes === undefined).map((n) => `\`${n}\``);
  const parts = [`**${agent.name}**`, agentDoc(agent.name)];
  if (required.length) parts.push(`Required parameters: ${required.join(', ')}.`);
  if (agent.actions) parts.push(`Actions: ${agent.actions.join(', ')}.`);
  if (agent.legacy) parts.push('_Known from the RHCS 3 schema; newer fence-agents releases no longer ship it._');
  return parts.join('\n\n');
}

function fenceDeviceHover(doc: ClusterDoc, target: XmlElement): string {
  const line = doc.lines.positionAt(target.start).line + 1;
  const source = doc.text.slice(target.start, target.startTagEnd).replace(/passwd="[^"]*"/g, 'passwd="…"');
  return `Fence device defined on line ${line}:\n\n\`\`\`xml\n${source}\n\`\`\``;
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
        return markdown(target ? fenceDeviceHover(doc, target) : `No <fencedevice name="${attribute.value}"> is defined.`, ...range);
      }
      const agent = element.name === 'fencedevice' && attribute.name === 'agent' ? fenceAgent(attribute.value) : undefined;
      if (agent) return markdown(agentHover(agent), ...range);
      return markdown(attributeHover(element, attribute.name, fenceAgent(agentNameFor(model, element))), ...range);
    }
    case 'content':
      return null;
  }
}
