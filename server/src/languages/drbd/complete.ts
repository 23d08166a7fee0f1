import { CompletionItem, CompletionItemKind, InsertTextFormat, Position } from 'vscode-languageserver-types';
import type { ServiceContext } from '../types';
import { detectDialect } from './dialect';
import { describeFact } from './hover';
import type { Token } from './lexer';
import { resourcesOf } from './model';
import { DrbdDocument, SectionNode, sectionAt } from './parse';
import { Dialect, optionFact, optionsIn, SECTION_CHILDREN, tableOf } from './schema';
import { OPTION_DOCS, SECTION_DOCS } from './schema/docs';
import { BOOLEAN_VALUES } from './values';

export function complete(doc: DrbdDocument, position: Position, ctx: ServiceContext): CompletionItem[] {
  const offset = doc.lines.offsetAt(position);
  const section = sectionAt(doc.root, offset);
  const dialect = detectDialect(doc, ctx.settings).dialect;
  const statement = statementBefore(doc.tokens, offset);
  if (statement.length === 0) return [...sectionItems(dialect, section), ...optionItems(dialect, section)];
  return valueItems(doc, ctx, dialect, section, statement[0]);
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

function sectionItems(dialect: Dialect, section: SectionNode): CompletionItem[] {
  return (SECTION_CHILDREN[dialect][section.name] ?? []).map((name) => ({
    label: name,
    kind: CompletionItemKind.Module,
    detail: `${name} { … } section`,
    documentation: SECTION_DOCS[name],
    insertText: `${name} ${name === 'resource' || name === 'on' || name === 'volume' ? '${1:name} ' : ''}{\n\t$0\n}`,
    insertTextFormat: InsertTextFormat.Snippet,
  }));
}

function optionItems(dialect: Dialect, section: SectionNode): CompletionItem[] {
  return [...optionsIn(dialect, tableOf(section))].map(([name, fact]) => ({
    label: name,
    kind: CompletionItemKind.Property,
    detail: describeFact(fact) || undefined,
    documentation: OPTION_DOCS[name],
  }));
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
      return plain(['minor'], CompletionItemKind.Keyword);
  }
  const fact = optionFact(dialect, tableOf(section), name);
  if (!fact) return [];
  if (fact.values) return plain(fact.values, CompletionItemKind.EnumMember, fact.default ? `default: ${fact.default}` : undefined);
  if (fact.type === 'boolean') return plain(BOOLEAN_VALUES, CompletionItemKind.EnumMember, fact.default ? `default: ${fact.default}` : undefined);
  return [];
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
