// Generates server/src/languages/drbd/schema/options.generated.ts from the upstream facts
// (data/upstream/facts/drbd-options.json: drbd-utils option tables, see its README.md).
// Only facts are carried over (type, range, default, unit, enum values, the
// drbd-utils release that introduced a keyword); the documentation text lives
// in schema/docs.ts, written for this project.
// The facts' `versions` come from drbdsetup's option tables and drbd.conf(5);
// their `parser` block, from drbdadm's own scanner and parser, says which of
// those each section of a drbd.conf really takes and how a value is written
// (drbdadm is what reads the file, so where the two differ the parser wins).
// Usage: npm run gen, or node scripts/gen/drbd.mjs [--in DIR] [--out DIR] (scripts/gen/options.mjs).
import { readFileSync } from 'node:fs';
import { generatorOptions } from './options.mjs';

const { input, write } = generatorOptions();
const OUT = 'server/src/languages/drbd/schema/options.generated.ts';

/** Facts entries that are not options a user writes (kept out on purpose; the completeness test lists them). */
const NOT_OPTIONS = new Set(['_name', '--disable-write-same']);

function normalizeType(type, section) {
  if (section === 'handlers') return 'command';
  if (type === 'string (command)') return 'command';
  if (!type || type.startsWith('value')) return 'value';
  return type;
}

function number(value) {
  if (typeof value === 'number') return value;
  return undefined; // "unbounded(-1)" and the like: no limit
}

const facts = JSON.parse(readFileSync(input('facts', 'drbd-options.json'), 'utf8'));
const table = {};
for (const [version, data] of Object.entries(facts.versions)) {
  const sections = {};
  for (const [section, content] of Object.entries(data.sections)) {
    const options = {};
    for (const [name, fact] of Object.entries(content.options ?? {})) {
      if (NOT_OPTIONS.has(name)) continue;
      const entry = { type: normalizeType(fact.type, section) };
      const min = number(fact.min);
      const max = number(fact.max);
      if (min !== undefined) entry.min = min;
      if (max !== undefined && max >= 0) entry.max = max;
      if (fact.default !== undefined && fact.default !== 4294967295) entry.default = String(fact.default);
      if (fact.scale !== undefined && fact.scale !== 1 && fact.scale !== '1') entry.scale = fact.scale;
      if (fact.unit) entry.unit = fact.unit === 'byte' ? 'bytes' : fact.unit;
      const values = fact.enum ?? fact.doc_enum;
      if (values) entry.values = values;
      if (fact.in_doc === false) entry.undocumented = true;
      options[name] = entry;
    }
    sections[section] = options;
  }
  table[version] = sections;
}

/**
 * Sections drbdadm of a version reads for compatibility only, whose options
 * schema/index.ts renames (the 8.3 `syncer` section in an 8.4 file).
 */
const READ_BY_RENAMES = { '8.4': ['syncer'] };

/** The parser's kind of keyword, as a fact: how its value is written. */
function applyKind(entry, parsed) {
  switch (parsed.kind) {
    case 'switch':
      return { ...entry, type: 'flag' };
    case 'flag':
      return { ...entry, type: 'boolean' };
    case 'yes-no':
      return { ...entry, type: 'boolean', needsValue: true };
    case 'deprecated':
      return { type: 'deprecated' };
    default:
      return entry;
  }
}

/** A keyword the parser takes that the option tables lack: its own facts, or those of the same name in another section. */
function newEntry(sections, name, parsed) {
  for (const options of Object.values(sections)) if (options[name] && options[name].type !== 'deprecated') return { ...options[name] };
  const entry = { type: parsed.type ?? 'value' };
  for (const key of ['min', 'max', 'unit', 'values']) if (parsed[key] !== undefined) entry[key] = parsed[key];
  return entry;
}

const dropped = [];
for (const [version, data] of Object.entries(facts.parser?.versions ?? {})) {
  const sections = table[version];
  const complete = new Set(data.complete);
  const original = structuredClone(sections);
  for (const [section, parsedOptions] of Object.entries(data.sections)) {
    if (READ_BY_RENAMES[version]?.includes(section)) continue;
    const known = sections[section] ?? {};
    const result = complete.has(section) ? {} : { ...known };
    if (complete.has(section)) for (const name of Object.keys(known)) if (!parsedOptions[name]) dropped.push(`${version} ${section} ${name}`);
    for (const [name, parsed] of Object.entries(parsedOptions)) {
      if (parsed.kind === 'alias') {
        result[name] = { ...(known[parsed.to] ?? newEntry(original, parsed.to, parsed)), alias: parsed.to };
        continue;
      }
      result[name] = applyKind(known[name] ?? newEntry(original, name, parsed), parsed);
    }
    sections[section] = result;
  }
  for (const [section, names] of Object.entries(data.since ?? {})) {
    if (!sections[section]) continue;
    for (const [name, release] of Object.entries(names)) if (sections[section][name]) sections[section][name].since = release;
  }
}
if (dropped.length) console.log(`not read by drbdadm, left out: ${dropped.join(', ')}`);

/** Words inside a statement's value that a drbd-utils release introduced (`via outside-address`). */
const wordsSince = facts.parser?.versions?.['9']?.since?.words ?? {};

const header = `// Generated by scripts/gen/drbd.mjs from drbd-utils facts in data/upstream/facts
// (${facts.source.repo} @ ${facts.source.head.slice(0, 8)}, 8.3 @ ${facts.source.v83_commit.slice(0, 8)}). Do not edit: run \`npm run gen\`.
import { nameTable } from '../../../common/nameTable';
import type { OptionFactsTable } from './types';

export const OPTION_FACTS: OptionFactsTable = `;
const words = `\n\n/** Words inside a DRBD 9 statement and the drbd-utils release that introduced them. */\nexport const WORD_SINCE: Record<string, string> = nameTable(${JSON.stringify(wordsSince, null, 2)});\n`;
console.log(`wrote ${write(OUT, `${header}${JSON.stringify(table, null, 2)};${words}`)}`);
