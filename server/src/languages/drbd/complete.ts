import { CompletionItem, CompletionItemKind, CompletionItemTag, InsertTextFormat, MarkupKind, Position, Range } from 'vscode-languageserver-types';
import { choice, commonIndex, firstFree, placeholder, Relevance, snippetItem, sortText } from '../../common/completion';
import { docText, plainText } from '../../common/markdown';
import type { ServiceContext } from '../types';
import { detectDialect } from './dialect';
import { facts } from './facts';
import { describeFact, describeValue, optionMarkdown } from './hover';
import type { Token } from './lexer';
import { resourcesOf } from './model';
import { DrbdDocument, SectionNode, sectionAt } from './parse';
import { Dialect, OptionFact, optionFact, optionsIn, SECTION_CHILDREN, tableOf, TOP_LEVEL } from './schema';
import { FIRST_PORT, SECTION_DOCS, SECTION_RANKS } from './schema/docs';
import { SNIPPETS } from './schema/snippets';
import { BOOLEAN_VALUES } from './values';

export function complete(doc: DrbdDocument, position: Position, ctx: ServiceContext): CompletionItem[] {
  const offset = doc.lines.offsetAt(position);
  if (inComment(doc, offset)) return [];
  const section = sectionAt(doc.root, offset);
  const dialect = detectDialect(doc, ctx.settings).dialect;
  const statement = statementBefore(doc.tokens, offset);
  if (statement.length > 0) return valueItems(doc, ctx, dialect, section, statement[0]);
  const free = new FreeValues(doc, ctx);
  // A keyword written over an existing statement keeps what follows it: insert the keyword alone.
  const whole = /^[\w.-]*[ \t]*(\}|#|\r?\n|$)/.test(doc.text.slice(offset));
  const keywords = [...sectionItems(dialect, section, whole), ...optionItems(dialect, section, whole, free)];
  if (section.name !== TOP_LEVEL || !whole) return keywords;
  const line = doc.lines.lineText(position.line).slice(0, position.character);
  const word = /[\w.-]*$/.exec(line)![0];
  const replace = Range.create(Position.create(position.line, position.character - word.length), position);
  return [...SNIPPETS.map((template) => snippetItem(template, free.snippetValues(), replace)), ...keywords];
}

/** Whether `offset` is in a `#` comment: a `#` between the last token before it on its line and it (a `#` in a string is part of its token). */
function inComment(doc: DrbdDocument, offset: number): boolean {
  let from = doc.lines.lineStart(doc.lines.positionAt(offset).line);
  for (const token of doc.tokens) {
    if (token.start >= offset) break;
    if (token.end <= offset && token.end > from) from = token.end;
  }
  return doc.text.slice(from, offset).includes('#');
}

/** The complete tokens of the statement being typed before `offset` (the word under the cursor excluded). */
function statementBefore(tokens: Token[], offset: number): Token[] {
  const before: Token[] = [];
  for (const token of tokens) {
    if (token.end >= offset) break;
    if (token.kind === ';' || token.kind === '{' || token.kind === '}') before.length = 0;
    else before.push(token);
  }
  return before;
}

/** Names already written directly in `section`: offered last. */
function writtenIn(section: SectionNode): Set<string> {
  return new Set(section.children.flatMap((c) => (c.kind === 'option' ? [c.keyword.value] : c.keyword ? [c.keyword.value] : [])));
}

/** Required, then the section's common names in their order, then the rest; set ones and old names last. */
function rankOf(section: SectionNode, name: string, index: number, written: Set<string>, deprecated = false): string {
  const ranks = SECTION_RANKS[tableOf(section)] ?? {};
  const repeatable = name === 'on' || name === 'volume' || name === 'resource' || name === 'connection' || name === 'include';
  let relevance = ranks.required?.includes(name) ? Relevance.Required : ranks.common?.includes(name) ? Relevance.Common : Relevance.Other;
  if (written.has(name) && !repeatable) relevance = Relevance.Unlikely;
  if (deprecated) relevance = Relevance.Deprecated;
  return sortText(relevance, commonIndex(name, ranks.common, (ranks.common?.length ?? 0) + index));
}

function sectionItems(dialect: Dialect, section: SectionNode, whole: boolean): CompletionItem[] {
  const written = writtenIn(section);
  return (SECTION_CHILDREN[dialect][section.name] ?? []).map((name, index) => {
    const named = name === 'resource' || name === 'on' || name === 'volume';
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Module,
      detail: `${name} { … } section`,
      sortText: rankOf(section, name, index, written),
      insertText: whole ? `${name} ${named ? '${1:name} ' : ''}{\n\t$0\n}` : name,
      insertTextFormat: whole ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (SECTION_DOCS[name]) item.documentation = { kind: MarkupKind.Markdown, value: docText(SECTION_DOCS[name]) };
    return item;
  });
}

function optionItems(dialect: Dialect, section: SectionNode, whole: boolean, free: FreeValues): CompletionItem[] {
  const written = writtenIn(section);
  return [...optionsIn(dialect, tableOf(section))].map(([name, fact], index) => {
    const old = fact.type === 'deprecated' || fact.alias !== undefined;
    const detail = describeFact(fact);
    const item: CompletionItem = {
      label: name,
      kind: CompletionItemKind.Property,
      sortText: rankOf(section, name, index, written, old),
      documentation: { kind: MarkupKind.Markdown, value: optionMarkdown(name, fact) },
      insertText: whole ? `${name}${argumentSnippet(name, fact, section, free)};` : name,
      insertTextFormat: whole ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (detail) item.detail = plainText(detail);
    if (old) item.tags = [CompletionItemTag.Deprecated];
    return item;
  });
}

/** What follows the keyword in the inserted statement: a valid value as placeholder (the default, or a free one). */
function argumentSnippet(name: string, fact: OptionFact, section: SectionNode, free: FreeValues): string {
  switch (name) {
    case 'device':
      return ` ${placeholder(1, free.device())}`;
    case 'address':
      return ` ${placeholder(1, '192.168.0.1')}:${placeholder(2, String(free.port()))}`;
    case 'node-id':
      return ` ${placeholder(1, String(free.nodeId(section)))}`;
    case 'meta-disk':
    case 'flexible-meta-disk':
      return ` ${choice(1, ['internal'])}`;
    case 'disk':
      return ` ${placeholder(1, '/dev/sdb1')}`;
  }
  if (fact.type === 'flag') return '';
  if (fact.values) return ` ${choice(1, defaultFirst(fact.values, fact.default))}`;
  if (fact.type === 'boolean') return fact.needsValue ? ` ${choice(1, defaultFirst(BOOLEAN_VALUES, fact.default === 'yes' ? 'no' : 'yes'))}` : '';
  if (fact.type === 'numeric') return ` ${placeholder(1, fact.default ?? String(fact.min ?? 0))}`;
  if (fact.type === 'string' || fact.type === 'command' || fact.type === 'key_serial') return ' "$1"';
  return ' $1';
}

const defaultFirst = (values: readonly string[], preferred: string | undefined): string[] =>
  preferred !== undefined && values.includes(preferred) ? [preferred, ...values.filter((v) => v !== preferred)] : [...values];

/** Minors, ports and names already used by this file and the workspace, and the next free ones. */
class FreeValues {
  private readonly minors: number[] = [];
  private readonly ports: number[] = [];
  private readonly names = new Set<string>();

  constructor(doc: DrbdDocument, ctx: ServiceContext) {
    const resources = [...(facts(doc, ctx).drbdResources ?? [])];
    for (const { facts: other } of ctx.workspace.otherFiles(ctx.uri)) resources.push(...(other.drbdResources ?? []));
    for (const resource of resources) {
      this.names.add(resource.name.value);
      this.minors.push(...resource.minors.map((m) => m.value));
      for (const address of resource.addresses) {
        const port = /:(\d+)$/.exec(address.value)?.[1];
        if (port) this.ports.push(Number(port));
      }
    }
  }

  device(): string {
    return `/dev/drbd${firstFree(this.minors, 0)}`;
  }

  port(): number {
    return firstFree(this.ports, FIRST_PORT);
  }

  /** A DRBD 9 `on` section's node id: the lowest its resource's other hosts do not use. */
  nodeId(section: SectionNode): number {
    const resource = section.parent;
    const used = (resource?.children ?? []).flatMap((host) =>
      host.kind === 'section' && host !== section ? host.children.flatMap((c) => (c.kind === 'option' && c.keyword.value === 'node-id' && c.args[0] ? [Number(c.args[0].value)] : [])) : [],
    );
    return firstFree(used, 0);
  }

  snippetValues(): Record<string, string> {
    const minor = firstFree(this.minors, 0);
    const usedNumbers = [...this.names].flatMap((name) => (/^r\d+$/.test(name) ? [Number(name.slice(1))] : []));
    return { name: `r${firstFree(usedNumbers, minor)}`, device: `/dev/drbd${minor}`, port: String(this.port()) };
  }
}

const plain = (labels: Iterable<string>, kind: CompletionItemKind = CompletionItemKind.Value, detail?: string): CompletionItem[] =>
  [...new Set(labels)].map((label) => ({ label, kind, detail }));

function valueItems(doc: DrbdDocument, ctx: ServiceContext, dialect: Dialect, section: SectionNode, keyword: Token): CompletionItem[] {
  const name = keyword.value;
  switch (name) {
    case 'on':
      return plain(knownHosts(doc, ctx), CompletionItemKind.Reference, 'host');
    case 'become-primary-on':
      return [...plain(['both'], CompletionItemKind.Keyword), ...plain(hostsOfResource(section), CompletionItemKind.Reference, 'host of this resource')];
    case 'stacked-on-top-of':
    case 'resync-after':
    case 'after':
      return plain(resourcesOf(doc).flatMap((r) => (r.name ? [r.name.value] : [])), CompletionItemKind.Reference, 'resource');
    case 'meta-disk':
    case 'flexible-meta-disk':
      return plain(['internal'], CompletionItemKind.Keyword);
    case 'address':
      return plain(['ipv4', 'ipv6'], CompletionItemKind.Keyword, 'address family');
    case 'device':
      return [...plain([new FreeValues(doc, ctx).device()], CompletionItemKind.Value, 'a minor no resource of the workspace uses'), ...plain(['minor'], CompletionItemKind.Keyword)];
  }
  const fact = optionFact(dialect, tableOf(section), name);
  if (!fact) return [];
  const values = fact.values ?? (fact.type === 'boolean' ? BOOLEAN_VALUES : []);
  return values.map((value, index) => {
    const item: CompletionItem = { label: value, kind: CompletionItemKind.EnumMember, sortText: sortText(value === fact.default ? Relevance.Common : Relevance.Other, index) };
    if (value === fact.default) item.detail = 'default';
    const meaning = describeValue(name, value, fact);
    if (meaning) item.documentation = { kind: MarkupKind.Markdown, value: meaning };
    return item;
  });
}

/** The resource `section` is in (or is), and its `on` host names. */
function hostsOfResource(section: SectionNode): string[] {
  let resource: SectionNode | undefined = section;
  while (resource && resource.name !== 'resource') resource = resource.parent;
  if (!resource) return [];
  return resource.children.flatMap((c) => (c.kind === 'section' && c.name === 'on' && c.args[0] ? [c.args[0].value] : []));
}

/** Host names from every `on` section here and in the workspace, and the nodes of a cluster.conf. */
function knownHosts(doc: DrbdDocument, ctx: ServiceContext): string[] {
  const hosts = resourcesOf(doc).flatMap((r) => r.hosts.flatMap((h) => (h.name ? [h.name.value] : [])));
  for (const { facts } of ctx.workspace.otherFiles(ctx.uri)) {
    for (const node of facts.cluster?.nodes ?? []) hosts.push(node.value);
    for (const resource of facts.drbdResources ?? []) hosts.push(...resource.hosts.map((h) => h.value));
  }
  return hosts;
}
