import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Position, Range, TextEdit } from 'vscode-languageserver-types';
import { choice, commonIndex, firstFree, placeholder, Relevance, snippetItem, sortText } from '../../common/completion';
import { docText } from '../../common/markdown';
import { FENCE_AGENTS, fenceAgent, FenceAgent, isRequired, newerNameOf, targetParameters } from './schema/agents';
import { cursorContext } from './cursor';
import { agentDoc, attributeDoc, COMMON_ATTRIBUTES, COMMON_CHILDREN, elementDoc } from './schema/docs';
import { SNIPPETS } from './schema/snippets';
import { describeValue } from './hover';
import { agentNameFor, ClusterModel, clusterModel } from './model';
import { attributeValue, ClusterDoc, XmlElement } from './parse';
import { allowedChildren, attributeSummary, elementDef, ROOT_ELEMENT } from './schema';
import type { ServiceContext } from '../types';

/** The next `nodeid` no `<clusternode>` of the file uses. */
function freeNodeId(model: ClusterModel): number {
  return firstFree(model.nodes.map((n) => Number(attributeValue(n, 'nodeid'))).filter(Number.isInteger), 1);
}

/** A valid first value for an attribute: the next free nodeid, its default, or its values to choose from. */
function attributePlaceholder(model: ClusterModel, element: string, attribute: string, n: number): string {
  if (element === 'clusternode' && attribute === 'nodeid') return placeholder(n, String(freeNodeId(model)));
  const def = elementDef(element)?.attributes[attribute];
  if (def?.values) return choice(n, def.default !== undefined ? [def.default, ...def.values.filter((v) => v !== def.default)] : def.values);
  if (def?.default !== undefined) return placeholder(n, def.default);
  return `$${n}`;
}

/** Required attributes of an element, as snippet placeholders: ` name="$1" nodeid="${2:3}"`. */
function requiredAttributeSnippet(model: ClusterModel, name: string): string {
  const def = elementDef(name);
  const required = Object.entries(def?.attributes ?? {}).filter(([, a]) => a.required).map(([n]) => n);
  // A resource's required parameters sit in its inline alternative (the other one is `ref`);
  // fence devices' alternatives are agent parameter sets, which the agent's completion covers.
  const isFenceDevice = name === 'fencedevice' || name === 'device';
  const inline = def?.attributeChoice?.alternatives.find((g) => !g.required.includes('ref') && g.required.length > 0);
  if (inline && !isFenceDevice) required.push(...inline.required);
  return required.map((a, i) => ` ${a}="${attributePlaceholder(model, name, a, i + 1)}"`).join('');
}

/**
 * The elements allowed inside `parentName` (the root when undefined). `withBracket` adds the `<`
 * (completing in content); `bare` replaces only the name, for a tag that already has attributes or
 * an end: otherwise the item writes the required attributes and the end tag as a snippet.
 */
function elementItems(model: ClusterModel, parent: XmlElement | undefined, range: Range, withBracket: boolean, bare: boolean): CompletionItem[] {
  const names = parent === undefined ? [ROOT_ELEMENT] : allowedChildren(parent.name);
  const childDefs = parent ? (elementDef(parent.name)?.children ?? {}) : {};
  const common = parent ? COMMON_CHILDREN[parent.name] : undefined;
  return names.map((name, index) => {
    const hasChildren = Object.keys(elementDef(name)?.children ?? {}).length > 0;
    const body = bare ? name : `${name}${requiredAttributeSnippet(model, name)}${hasChildren ? `>\n\t$0\n</${name}>` : '/>'}`;
    const child = childDefs[name];
    const present = parent?.children.filter((c) => c.name === name).length ?? 0;
    // Required children first, then the common ones; a child that may not appear again, or one of a newer schema, last.
    const relevance = child && child.max !== null && present >= child.max ? Relevance.Unlikely : elementDef(name)?.newer ? Relevance.Rare : child && child.min > present ? Relevance.Required : common?.includes(name) ? Relevance.Common : Relevance.Other;
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Class,
      sortText: sortText(relevance, commonIndex(name, common, (common?.length ?? 0) + index)),
      textEdit: TextEdit.replace(range, (withBracket ? '<' : '') + body),
      insertTextFormat: bare ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
    };
    const doc = elementDoc(name);
    if (doc) item.documentation = { kind: MarkupKind.Markdown, value: docText(doc) };
    return item;
  });
}

/**
 * Where an attribute sorts on `<fencedevice>`/`<device>` with a known agent:
 * required parameters, then (on a node's `<device>`) what picks the victim,
 * the agent's other parameters, fenced's own attributes, and last the names
 * cman-era agents do not read (fence-agents 4.1 renames, deprecated ones).
 */
function agentRank(agent: FenceAgent, element: XmlElement, name: string): Relevance {
  const parameter = agent.parameters[name];
  if (!parameter) return Relevance.Rare;
  if (parameter.obsoletes !== undefined || (parameter.deprecated && newerNameOf(agent, name) === undefined)) return Relevance.Deprecated;
  if (isRequired(agent, name)) return Relevance.Required;
  if (element.name === 'device' && targetParameters(agent).includes(name)) return Relevance.Common;
  return Relevance.Other;
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
      const item: CompletionItem = {
        label: name,
        kind: CompletionItemKind.Property,
        sortText: agent ? `${agentRank(agent, element, name)}${name}` : sortText(schemaRank(element.name, name), commonIndex(name, COMMON_ATTRIBUTES[element.name], 999)),
        textEdit: TextEdit.replace(range, hasValue ? name : `${name}="${attributePlaceholder(model, element.name, name, 1)}"`),
        insertTextFormat: hasValue ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
      };
      const detail = agent && agentDetail(agent, name, required);
      if (detail) item.detail = detail;
      const doc = attributeDoc(element.name, name);
      if (doc) item.documentation = { kind: MarkupKind.Markdown, value: docText(doc) };
      return item;
    });
}

/** Where a schema attribute ranks on an element without a fence agent: required, common, the rest. */
function schemaRank(element: string, name: string): Relevance {
  if (elementDef(element)?.attributes[name]?.required) return Relevance.Required;
  return COMMON_ATTRIBUTES[element]?.includes(name) ? Relevance.Common : Relevance.Other;
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
  if (element.name === 'clusternode' && attributeName === 'nodeid') return [{ value: String(freeNodeId(model)), detail: 'the next nodeid no node uses' }];
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
  if (doc.comments.some((comment) => comment.start < offset && offset < comment.end)) return [];
  const context = cursorContext(doc, offset);
  const model = clusterModel(doc);
  switch (context.kind) {
    case 'elementName':
      if (context.endTag) return [];
      return elementItems(model, context.parent, doc.lines.range(context.start, context.end), false, context.element.attributes.length > 0 || context.element.closed);
    case 'content': {
      const elements = elementItems(model, context.parent, doc.lines.range(offset, offset), true, false);
      if (context.parent || model.cluster) return elements;
      // No <cluster> yet: the whole-file template fits, replacing the word typed to find it.
      const word = /[\w-]*$/.exec(doc.text.slice(doc.lines.lineStart(position.line), offset))![0];
      return [...SNIPPETS.map((template) => snippetItem(template, {}, doc.lines.range(offset - word.length, offset))), ...elements];
    }
    case 'attributeName':
      return attributeItems(model, context.element, doc.lines.range(context.start, context.end), context.attribute?.quoted === true, context.attribute?.name);
    case 'attributeValue': {
      const { attribute, element } = context;
      const range = doc.lines.range(attribute.valueStart, attribute.valueEnd);
      const agent = fenceAgent(agentNameFor(model, element));
      return valueCandidates(model, element, attribute.name).map(({ value, detail }) => {
        const item: CompletionItem = { label: value, kind: CompletionItemKind.Value, textEdit: TextEdit.replace(range, value) };
        if (detail) item.detail = detail;
        const meaning = describeValue(element.name, attribute.name, value, agent);
        if (meaning) item.documentation = { kind: MarkupKind.Markdown, value: meaning };
        return item;
      });
    }
  }
}
