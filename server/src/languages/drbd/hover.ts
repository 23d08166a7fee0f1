import type { Hover, Position } from 'vscode-languageserver-types';
import type { ServiceContext } from '../types';
import { detectDialect } from './dialect';
import { describeDialectChoice } from './dialectChoice';
import { DrbdDocument, tokenAt } from './parse';
import { homesOf, OptionFact, optionFact, tableOf } from './schema';
import { OPTION_DOCS, SECTION_DOCS } from './schema/docs';
import { scaleName } from './values';

/** The facts line of an option: type, values, range with unit, default. */
export function describeFact(fact: OptionFact): string {
  const parts: string[] = [];
  if (fact.values) parts.push(`values: ${fact.values.map((v) => `\`${v}\``).join(', ')}${fact.type === 'enum_or_number' ? ', or a number' : ''}`);
  else if (fact.type === 'boolean') parts.push(fact.needsValue ? 'values: `yes`, `no` (one of them required)' : 'values: `yes`, `no` (alone: yes)');
  else if (fact.type === 'flag') parts.push('flag (no value)');
  const unit = scaleName(fact.scale) ?? fact.unit;
  if (fact.min !== undefined || fact.max !== undefined) parts.push(`range: ${fact.min ?? ''}..${fact.max ?? ''}${unit ? ` ${unit}` : ''}`);
  else if (unit) parts.push(`unit: ${unit}`);
  if (fact.scale) parts.push('suffixes k, M, G, s accepted');
  if (fact.default !== undefined) parts.push(`default: \`${fact.default}\`${unit && /^\d+$/.test(fact.default) ? ` ${unit}` : ''}`);
  if (fact.alias) parts.push(`old name of \`${fact.alias}\``);
  if (fact.type === 'deprecated') parts.push('obsolete: drbdadm reads and ignores it');
  if (fact.since) parts.push(`drbd-utils ${fact.since} or later`);
  return parts.join(' · ');
}

export function hover(doc: DrbdDocument, position: Position, ctx: ServiceContext): Hover | null {
  const found = tokenAt(doc.root, doc.lines.offsetAt(position));
  if (!found || found.argIndex !== -1) return null;
  const { node, token } = found;
  const range = doc.lines.range(token.start, token.end);
  const choice = detectDialect(doc, ctx.settings);
  const name = token.value;
  if (node.kind === 'section') {
    const sectionDoc = SECTION_DOCS[name];
    return sectionDoc ? { contents: { kind: 'markdown', value: `**${name}** section\n\n${sectionDoc}\n\nChecked as ${describeDialectChoice(choice)}.` }, range } : null;
  }
  const text = OPTION_DOCS[name];
  if (!text) return null;
  const section = node.parent.name;
  const fact = optionFact(choice.dialect, tableOf(node.parent), name);
  const where = fact ? `\`${section || 'top level'}\` option` : `option of ${homesOf(choice.dialect, name).map((h) => `\`${h}\``).join(', ') || 'another DRBD version'}`;
  const lines = [`**${name}** — ${where}, ${describeDialectChoice(choice)}`, '', text];
  const details = fact && describeFact(fact);
  if (details) lines.push('', details);
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range };
}
