import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { FENCE_AGENTS, fenceAgent, FenceAgent, isRequired, newerNameOf, targetParameters } from './schema/agents';
import { cursorContext } from './cursor';
import { agentDoc, attributeDoc, elementDoc } from './schema/docs';
import { agentNameFor, ClusterModel, clusterModel } from './model';
import { attributeValue, ClusterDoc, XmlElement } from './parse';
import { allowedChildren, attributeSummary, elementDef, ROOT_ELEMENT } from './schema';
import type { ServiceContext } from '../types';

/** Required attributes of an element, as snippet placeholders: ` name="$1" nodeid="$2"`. */
function requiredAttributeSnippet(name: string): string {
  const def = elementDef(name);
  const required = Object.entries(def?.attributes ?? {}).filter(([, a]) => a.required).map(([n]) => n);
  // A resource's required parameters sit in its inline alternative (the other one is `ref`);
  // fence devices' alternatives are agent parameter sets, which the agent's completion covers.
  const isFenceDevice = name === 'fencedevice' || name === 'device';
  const inline = def?.attributeChoice?.alternatives.find((g) => !g.required.includes('ref') && g.required.length > 0);
  if (inline && !isFenceDevice) required.push(...inline.required);
  return required.map((a, i) => ` ${a}="$${i + 1}"`).join('');
}

/**
 * The elements allowed inside `parentName` (the root when undefined). `withBracket` adds the `<`
 * (completing in content); `bare` replaces only the name, for a tag that already has attributes or
 * an end: otherwise the item writes the required attributes and the end tag as a snippet.
 */
function elementItems(parentName: string | undefined, range: Range, withBracket: boolean, bare: boolean): CompletionItem[] {
  const names = parentName === undefined ? [ROOT_ELEMENT] : allowedChildren(parentName);
  return names.map((name) => {
    const hasChildren = Object.keys(elementDef(name)?.children ?? {}).length > 0;
    const body = bare ? name : `${name}${requiredAttributeSnippet(name)}${hasChildren ? `>\n\t$0\n</${name}>` : '/>'}`;
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Class,
      textEdit: TextEdit.replace(range, (withBracket ? '<' : '') + body),
      insertTextFormat: bare ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
    };
    const doc = elementDoc(name);
    if (doc) item.documentation = { kind: MarkupKind.Markdown, value: doc };
    return item;
  });
}

/**
 * Where an attribute sorts on `<fencedevice>`/`<device>` with a known agent:
 * required parameters, then (on a node's `<device>`) what picks the victim,
 * the agent's other parameters, fenced's own attributes, and last the names
 * cman-era agents do not read (fence-agents 4.1 renames, deprecated ones).
 */
function agentRank(agent: FenceAgent, element: XmlElement, name: string): number {
  const parameter = agent.parameters[name];
  if (!parameter) return 3;
  if (parameter.obsoletes !== undefined || (parameter.deprecated && newerNameOf(agent, name) === undefined)) return 4;
  if (isRequired(agent, name)) return 0;
  if (element.name === 'device' && targetParameters(agent).includes(name)) return 1;
  return 2;
}

function agentDetail(agent: FenceAgent, name: string, required: boolean): string | undefined {
  const parameter = agent.parameters[name];
  if (!parameter) return undefined;
  if (parameter.obsoletes !== undefined) return `${agent.name} parameter: the fence-agents 4.1+ name of ${parameter.obsoletes}`;
  if (parameter.deprecated && newerNameOf(agent, name) === undefined) return `${agent.name} parameter (deprecated)`;
  return `${agent.name} parameter${required ? ' (required)' : ''}`;
}

function attributeItems(model: ClusterModel, element: XmlElement, range: Range, hasValue: boolean, current?: string): CompletionItem[] {
  const agent = fenceAgent(agentNameFor(model, element));
  const present = new Set(element.attributes.map((a) => a.name).filter((n) => n !== current));
  const def = elementDef(element.name);
  const schemaAttributes = def?.attributes ?? {};
  const isFenceElement = element.name === 'fencedevice' || element.name === 'device';
  // With a known agent, a fence element offers that agent's parameters (all of them) and fenced's own
  // attributes; otherwise what the 2011 schema has (not the names only newer agents define).
  const names = isFenceElement && agent && def
    ? [...new Set([...attributeSummary(def).required, ...Object.keys(agent.parameters)])]
    : Object.keys(schemaAttributes).filter((name) => !schemaAttributes[name].newer && !schemaAttributes[name].agentParameter);
  return names
    .filter((name) => !present.has(name))
    .map((name) => {
      const required = agent !== undefined && name in agent.parameters && isRequired(agent, name) && agent.parameters[name].obsoletes === undefined;
      const rank = agent ? agentRank(agent, element, name) : 2;
      const item: CompletionItem = {
        label: name,
        kind: CompletionItemKind.Property,
        sortText: `${rank}${name}`,
        textEdit: TextEdit.replace(range, hasValue ? name : `${name}="$1"`),
        insertTextFormat: hasValue ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
      };
      const detail = agent && agentDetail(agent, name, required);
      if (detail) item.detail = detail;
      const doc = attributeDoc(element.name, name);
      if (doc) item.documentation = { kind: MarkupKind.Markdown, value: doc };
      return item;
    });
}

/** The values that make sense for an attribute: names defined elsewhere in the file, enums, agents. */
function valueCandidates(model: ClusterModel, element: XmlElement, attributeName: string): { value: string; detail?: string }[] {
  const names = (elements: XmlElement[]) => elements.map((e) => attributeValue(e, 'name')).filter((n): n is string => n !== undefined);
  if (element.name === 'device' && attributeName === 'name') {
    return model.fenceDevices.flatMap((d) => {
      const name = attributeValue(d, 'name');
      return name === undefined ? [] : [{ value: name, detail: attributeValue(d, 'agent') }];
    });
  }
  if (element.name === 'fencedevice' && attributeName === 'agent') return [...FENCE_AGENTS.keys()].map((value) => ({ value, detail: agentDoc(value) }));
  if (element.name === 'failoverdomainnode' && attributeName === 'name') return names(model.nodes).map((value) => ({ value }));
  if ((element.name === 'service' || element.name === 'vm') && attributeName === 'domain') return names(model.failoverDomains).map((value) => ({ value }));
  const agent = fenceAgent(agentNameFor(model, element));
  if (agent && attributeName === 'action' && agent.actions) return agent.actions.map((value) => ({ value }));
  const parameter = agent?.parameters[attributeName];
  const values = parameter?.values ?? (parameter?.type === 'boolean' ? ['1', '0'] : undefined) ?? elementDef(element.name)?.attributes[attributeName]?.values;
  return (values ?? []).map((value) => ({ value }));
}

/** Completion at `position`: child elements, attributes and values the schema, the agent and this file's names allow. */
export function complete(doc: ClusterDoc, position: Position, _ctx: ServiceContext): CompletionItem[] {
  const offset = doc.lines.offsetAt(position);
  const context = cursorContext(doc, offset);
  const model = clusterModel(doc);
  switch (context.kind) {
    case 'elementName':
      if (context.endTag) return [];
      return elementItems(context.parent?.name, doc.lines.range(context.start, context.end), false, context.element.attributes.length > 0 || context.element.closed);
    case 'content':
      return elementItems(context.parent?.name, doc.lines.range(offset, offset), true, false);
    case 'attributeName':
      return attributeItems(model, context.element, doc.lines.range(context.start, context.end), context.attribute?.quoted === true, context.attribute?.name);
    case 'attributeValue': {
      const { attribute, element } = context;
      const range = doc.lines.range(attribute.valueStart, attribute.valueEnd);
      return valueCandidates(model, element, attribute.name).map(({ value, detail }) => {
        const item: CompletionItem = { label: value, kind: CompletionItemKind.Value, textEdit: TextEdit.replace(range, value) };
        if (detail) item.detail = detail;
        return item;
      });
    }
  }
}
