/**
 * What every language's completion shares: one relevance order (sortText),
 * snippet text that survives any value, and file templates served where they
 * fit, with the values the service picks from the file and the workspace.
 */
import { CompletionItem, CompletionItemKind, InsertTextFormat, MarkupKind, Range, TextEdit } from 'vscode-languageserver-types';
import { code, docText } from './markdown';

/**
 * How relevant an item is where it is offered, best first. Editors sort by
 * `sortText`, then by label: within a rank the table's own order stays.
 */
export enum Relevance {
  /** A whole-file template, offered only where the file is still empty. */
  Template = 0,
  /** The real tool refuses the file without it. */
  Required = 1,
  /** Set in most real configs (the "common" lists of the schema tables). */
  Common = 2,
  Other = 3,
  /** Specialised (the 48 `colo_*` vif keys): valid, but rarely what is meant. */
  Rare = 4,
  /** Already set in this scope, or meant for another guest type or context. */
  Unlikely = 5,
  Deprecated = 6,
}

/** `sortText` for an item of `relevance`, at position `index` of its table (keeps that order within the rank). */
export function sortText(relevance: Relevance, index: number): string {
  return `${relevance}${String(index).padStart(4, '0')}`;
}

/** Ranks of names from a schema's "common" and "rare" lists (a `*` at the end is a prefix). */
export function listedRelevance(name: string, lists: { common?: readonly string[]; rare?: readonly string[] }): Relevance | undefined {
  const listed = (list: readonly string[] | undefined) => list?.some((entry) => (entry.endsWith('*') ? name.startsWith(entry.slice(0, -1)) : entry === name));
  if (listed(lists.common)) return Relevance.Common;
  if (listed(lists.rare)) return Relevance.Rare;
  return undefined;
}

/** Position of `name` in a "common" list, so common items come in the list's order (most used first). */
export function commonIndex(name: string, common: readonly string[] | undefined, fallback: number): number {
  const at = common?.indexOf(name) ?? -1;
  return at >= 0 ? at : fallback;
}

/** Text as snippet literal: `$`, `}` and `\` would otherwise start or end a placeholder. */
export function snippetLiteral(text: string): string {
  return text.replace(/[$}\\]/g, (c) => `\\${c}`);
}

/** `${n:value}` with `value` taken literally. */
export function placeholder(n: number, value: string): string {
  return `\${${n}:${snippetLiteral(value)}}`;
}

/** `${n|a,b|}`: a choice, the first value offered first. */
export function choice(n: number, values: readonly string[]): string {
  return `\${${n}|${values.map((v) => v.replace(/[|,$}\\]/g, (c) => `\\${c}`)).join(',')}|}`;
}

/** A file template a service offers as a completion item where it fits (languages/<id>/schema/snippets.ts). */
export interface SnippetTemplate {
  /** The word that offers it (one per snippet). */
  prefix: string;
  /** What the template builds, in a few words. */
  title: string;
  /** When to use it and what it settles for the user (one of our docs sentences). */
  description: string;
  /**
   * The snippet body (`${1:default}` tab stops). `{{hole}}` marks a value
   * the service picks from the file and the workspace (a free minor, a MAC
   * no other guest uses); every hole must be given.
   */
  body: string;
}

/** The body with its holes filled: each value is a snippet literal. */
export function fillTemplate(template: SnippetTemplate, values: Readonly<Record<string, string>>): string {
  return template.body.replace(/\{\{([a-zA-Z0-9]+)\}\}/g, (_, hole: string) => {
    const value = values[hole];
    if (value === undefined) throw new Error(`snippet ${template.prefix}: no value for {{${hole}}}`);
    return snippetLiteral(value);
  });
}

/** The completion item of a template: kind Snippet, replacing `range` (the typed prefix), with the filled body, ahead of everything else. */
export function snippetItem(template: SnippetTemplate, values: Readonly<Record<string, string>>, range: Range): CompletionItem {
  const body = fillTemplate(template, values);
  return {
    label: template.prefix,
    kind: CompletionItemKind.Snippet,
    detail: template.title,
    documentation: { kind: MarkupKind.Markdown, value: `${docText(template.description)}\n\nInserts a template; ${code('Tab')} moves between its fields.` },
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: TextEdit.replace(range, body),
    sortText: sortText(Relevance.Template, 0),
  };
}

/** The smallest number from `from` up that `used` does not hold (next free node id, minor, port). */
export function firstFree(used: Iterable<number>, from: number): number {
  const taken = new Set(used);
  let candidate = from;
  while (taken.has(candidate)) candidate++;
  return candidate;
}
