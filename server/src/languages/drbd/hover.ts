import type { Hover, Position } from 'vscode-languageserver-types';
import { code, docText, escapeText, manualLine } from '../../common/markdown';
import type { ServiceContext } from '../types';
import { detectDialect } from './dialect';
import { describeDialectChoice } from './dialectChoice';
import { DrbdDocument, tokenAt } from './parse';
import { Dialect, homesOf, OptionFact, optionFact, tableOf } from './schema';
import { BOOLEAN_DOCS, MANUAL_PAGES, OPTION_DOCS, SECTION_DOCS, VALUE_DOCS } from './schema/docs';
import { scaleName } from './values';

/** The facts line of an option (Markdown): type, values, range with unit, default. */
export function describeFact(fact: OptionFact): string {
  const parts: string[] = [];
  if (fact.values) parts.push(`values: ${fact.values.map(code).join(', ')}${fact.type === 'enum_or_number' ? ', or a number' : ''}`);
  else if (fact.type === 'boolean') parts.push(fact.needsValue ? `values: ${code('yes')}, ${code('no')} (one of them required)` : `values: ${code('yes')}, ${code('no')} (alone: yes)`);
  else if (fact.type === 'flag') parts.push('flag (no value)');
  const unit = scaleName(fact.scale) ?? fact.unit;
  if (fact.min !== undefined || fact.max !== undefined) parts.push(`range: ${fact.min ?? ''}..${fact.max ?? ''}${unit ? ` ${unit}` : ''}`);
  else if (unit) parts.push(`unit: ${unit}`);
  if (fact.scale) parts.push('suffixes k, M, G, s accepted');
  if (fact.default !== undefined) parts.push(`default: ${code(fact.default)}${unit && /^\d+$/.test(fact.default) ? ` ${unit}` : ''}`);
  if (fact.alias) parts.push(`old name of ${code(fact.alias)}`);
  if (fact.type === 'deprecated') parts.push('obsolete: drbdadm reads and ignores it');
  if (fact.since) parts.push(`drbd-utils ${fact.since} or later`);
  return parts.join(' · ');
}

/** What one value of an option means (Markdown), when the tables say; a boolean without its own entry says on or off. */
export function describeValue(option: string, value: string, fact: OptionFact | undefined): string | undefined {
  const doc = VALUE_DOCS[option]?.[value] ?? (fact?.type === 'boolean' ? BOOLEAN_DOCS[value] : undefined);
  return doc === undefined ? undefined : `${code(value)} (${escapeText(option)}): ${docText(doc)}`;
}

/** An option's documentation and facts, for its completion item. */
export function optionMarkdown(name: string, fact: OptionFact): string {
  return [OPTION_DOCS[name] ? docText(OPTION_DOCS[name]) : `**${escapeText(name)}**`, describeFact(fact)].filter((p) => p !== '').join('\n\n');
}

const manualOf = (dialect: Dialect): string => manualLine(MANUAL_PAGES[dialect]);

export function hover(doc: DrbdDocument, position: Position, ctx: ServiceContext): Hover | null {
  const found = tokenAt(doc.root, doc.lines.offsetAt(position));
  if (!found) return null;
  const { node, token } = found;
  const range = doc.lines.range(token.start, token.end);
  const choice = detectDialect(doc, ctx.settings);
  const markdown = (value: string): Hover => ({ contents: { kind: 'markdown', value }, range });
  if (found.argIndex !== -1) {
    const meaning = node.kind === 'option' && found.argIndex === 0 ? describeValue(node.keyword.value, token.value, optionFact(choice.dialect, tableOf(node.parent), node.keyword.value)) : undefined;
    return meaning ? markdown(meaning) : null;
  }
  const name = token.value;
  if (node.kind === 'section') {
    const sectionDoc = SECTION_DOCS[name];
    return sectionDoc ? markdown(`**${escapeText(name)}** section\n\n${docText(sectionDoc)}\n\nChecked as ${escapeText(describeDialectChoice(choice))}.\n\n${manualOf(choice.dialect)}`) : null;
  }
  const text = OPTION_DOCS[name];
  if (!text) return null;
  const section = node.parent.name;
  const fact = optionFact(choice.dialect, tableOf(node.parent), name);
  const where = fact ? `${code(section || 'top level')} option` : `option of ${homesOf(choice.dialect, name).map(code).join(', ') || 'another DRBD version'}`;
  const lines = [`**${escapeText(name)}** — ${where}, ${escapeText(describeDialectChoice(choice))}`, '', docText(text)];
  const details = fact && describeFact(fact);
  if (details) lines.push('', details);
  lines.push('', manualOf(choice.dialect));
  return markdown(lines.join('\n'));
}
