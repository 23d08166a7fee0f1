/**
 * The option tables completion, hover and validation read: the generated
 * drbd-utils facts, plus what the facts leave implicit (options drbdadm takes
 * at more than one level, such as `device` in a resource, in `on` and in
 * `volume`), plus the 8.3 → 8.4 renames.
 */
import { OPTION_FACTS } from './options.generated';
import { ALL_SECTION_NAMES, TOP_LEVEL } from './sections';
import { Dialect, DIALECTS, OptionFact } from './types';

export * from './sections';
export * from './types';

/** Facts sections that are not sections of the file's syntax, and where their options are written. */
const FACT_SECTION_HOMES: Record<string, string> = {
  '(top-level)': TOP_LEVEL,
  // DRBD 9 peer-device options are written in `disk` sections (resource, connection or volume level).
  'peer-device-options': 'disk',
};

/**
 * A host's `proxy on NAME { inside …; outside …; options { … } }` takes the
 * two ends only; a resource's `proxy { … }` takes the proxy options only.
 */
const HOST_PROXY = 'proxy on';
const HOST_PROXY_PARENTS = new Set(['on', 'stacked-on-top-of', 'floating']);

interface Nested {
  name: string;
  parent?: Nested;
}

/**
 * The table a section's options are looked up in: its name, except the
 * `options` of a proxy (written like the proxy's own), and a DRBD 9 `disk`
 * section inside a `connection` (directly or in its `volume`), which takes the
 * peer-device options only (drbdadm parses it with those alone).
 */
export function tableOf(section: Nested): string {
  if (section.name === 'options' && section.parent?.name === 'proxy') return 'proxy';
  if (section.name === 'proxy' && section.parent && HOST_PROXY_PARENTS.has(section.parent.name)) return HOST_PROXY;
  if (section.name !== 'disk') return section.name;
  for (let s = section.parent; s; s = s.parent) if (s.name === 'connection') return 'peer-device-options';
  return section.name;
}

const PLAIN_VALUE: OptionFact = { type: 'value' };
const PROTOCOL_83: OptionFact = { type: 'enum', values: ['A', 'B', 'C'] };
const USAGE_COUNT: OptionFact = { type: 'enum', values: ['yes', 'no', 'ask'] };
const VOLUME_KEYS = ['device', 'disk', 'meta-disk', 'flexible-meta-disk'];
const COMMAND: OptionFact = { type: 'command' };
const PROXY_ENDS: Record<string, OptionFact> = { inside: { type: 'address' }, outside: { type: 'address' } };

/**
 * What drbdadm accepts beyond the facts' section lists: a section receives
 * options "copied" from another section (same facts), or a fact of its own.
 */
interface Extra {
  section: string;
  copy?: { from: string; names: string[] };
  add?: Record<string, OptionFact>;
}

/**
 * drbdadm parses `common` as a resource (drbdadm_parser.c, parse_resource):
 * the volume keys a resource takes may be written there too.
 */
const COMMON_VOLUME_KEYS: Extra = { section: 'common', copy: { from: 'resource', names: [...VOLUME_KEYS, 'ignore-on'] } };

const EXTRAS: Record<Dialect, Extra[]> = {
  '8.3': [
    { section: 'resource', copy: { from: 'on', names: VOLUME_KEYS }, add: { protocol: PROTOCOL_83 } },
    { section: 'common', add: { protocol: PROTOCOL_83 } },
    { section: 'floating', copy: { from: 'on', names: ['disk'] } },
    { section: 'global', add: { 'usage-count': USAGE_COUNT } },
    { section: 'handlers', add: { 'outdate-peer': COMMAND } },
    { section: HOST_PROXY, add: PROXY_ENDS },
    COMMON_VOLUME_KEYS,
  ],
  '8.4': [
    { section: 'volume', add: { 'flexible-meta-disk': PLAIN_VALUE } },
    { section: 'on', copy: { from: 'volume', names: VOLUME_KEYS } },
    { section: 'resource', copy: { from: 'volume', names: VOLUME_KEYS } },
    { section: 'floating', copy: { from: 'volume', names: VOLUME_KEYS } },
    { section: 'stacked-on-top-of', copy: { from: 'volume', names: VOLUME_KEYS } },
    { section: 'global', add: { 'usage-count': USAGE_COUNT } },
    { section: HOST_PROXY, add: PROXY_ENDS },
    COMMON_VOLUME_KEYS,
  ],
  '9': [
    { section: 'volume', add: { disk: PLAIN_VALUE, 'flexible-meta-disk': PLAIN_VALUE } },
    { section: 'on', copy: { from: 'volume', names: VOLUME_KEYS } },
    { section: 'resource', copy: { from: 'volume', names: VOLUME_KEYS } },
    { section: 'floating', copy: { from: 'volume', names: VOLUME_KEYS }, add: { 'node-id': PLAIN_VALUE } },
    { section: 'stacked-on-top-of', copy: { from: 'volume', names: VOLUME_KEYS }, add: { address: PLAIN_VALUE, 'node-id': PLAIN_VALUE } },
    { section: 'startup', add: { 'become-primary-on': PLAIN_VALUE } },
    { section: TOP_LEVEL, add: { include: PLAIN_VALUE } },
    { section: HOST_PROXY, add: PROXY_ENDS },
    { section: 'host', add: PROXY_ENDS },
    COMMON_VOLUME_KEYS,
  ],
};

/** Values that name something rather than count it, whatever type drbdsetup gives them. */
const VALUE_OVERRIDES: Record<string, OptionFact> = {
  // drbdadm takes a resource name here and turns it into a minor number for drbdsetup.
  after: { type: 'value' },
  'resync-after': { type: 'value' },
};

type SectionTable = Map<string, Map<string, OptionFact>>;

function buildTable(dialect: Dialect): SectionTable {
  const table: SectionTable = new Map();
  const put = (section: string, name: string, fact: OptionFact, replace = false) => {
    if (!table.has(section)) table.set(section, new Map());
    const options = table.get(section)!;
    if (replace || !options.has(name)) options.set(name, VALUE_OVERRIDES[name] ? { ...fact, ...VALUE_OVERRIDES[name] } : fact);
  };
  for (const [factSection, options] of Object.entries(OPTION_FACTS[dialect])) {
    const section = FACT_SECTION_HOMES[factSection] ?? factSection;
    for (const [name, fact] of Object.entries(options)) {
      put(section, name, fact);
      if (section !== factSection && section !== TOP_LEVEL) put(factSection, name, fact);
    }
  }
  for (const extra of EXTRAS[dialect]) {
    for (const [name, fact] of Object.entries(extra.add ?? {})) put(extra.section, name, fact, true);
    for (const name of extra.copy?.names ?? []) {
      const fact = table.get(extra.copy!.from)?.get(name);
      if (fact) put(extra.section, name, fact);
    }
  }
  return table;
}

const TABLES = new Map<Dialect, SectionTable>(DIALECTS.map((d) => [d, buildTable(d)]));

const NO_OPTIONS: ReadonlyMap<string, OptionFact> = new Map();

/** The options a section takes in a dialect (empty for unknown sections). */
export function optionsIn(dialect: Dialect, section: string): ReadonlyMap<string, OptionFact> {
  return TABLES.get(dialect)!.get(section) ?? NO_OPTIONS;
}

export function optionFact(dialect: Dialect, section: string, name: string): OptionFact | undefined {
  return optionsIn(dialect, section).get(name);
}

/** Sections of `dialect` where an option called `name` belongs. */
export function homesOf(dialect: Dialect, name: string): string[] {
  const homes: string[] = [];
  for (const [section, options] of TABLES.get(dialect)!) if (options.has(name) && !(section in FACT_SECTION_HOMES)) homes.push(section === HOST_PROXY ? 'proxy on HOST' : section);
  return homes;
}

/** Every option name of every dialect and section. */
export const ALL_OPTION_NAMES: ReadonlySet<string> = new Set([...TABLES.values()].flatMap((t) => [...t.values()].flatMap((o) => [...o.keys()])));

/** An option renamed or moved between dialects: `from` in the old dialect is `to` in the newer ones. */
export interface Rename {
  from: { section: string; name: string };
  to: { section: string; name: string; value?: string };
}

const syncerTo = (name: string, section: string, newName = name): Rename => ({ from: { section: 'syncer', name }, to: { section, name: newName } });
const flagTo = (section: string, name: string, newName: string): Rename => ({ from: { section, name }, to: { section, name: newName, value: 'no' } });

/** DRBD 8.3 syntax that 8.4 renamed or moved (drbdadm 8.4 still converts it; 9 refuses the `syncer` section). */
export const RENAMED_IN_84: readonly Rename[] = [
  syncerTo('rate', 'disk', 'resync-rate'),
  syncerTo('after', 'disk', 'resync-after'),
  syncerTo('al-extents', 'disk'),
  syncerTo('c-plan-ahead', 'disk'),
  syncerTo('c-fill-target', 'disk'),
  syncerTo('c-delay-target', 'disk'),
  syncerTo('c-max-rate', 'disk'),
  syncerTo('c-min-rate', 'disk'),
  syncerTo('use-rle', 'net'),
  syncerTo('verify-alg', 'net'),
  syncerTo('csums-alg', 'net'),
  syncerTo('cpu-mask', 'options'),
  syncerTo('on-no-data-accessible', 'options'),
  flagTo('disk', 'no-disk-barrier', 'disk-barrier'),
  flagTo('disk', 'no-disk-flushes', 'disk-flushes'),
  flagTo('disk', 'no-disk-drain', 'disk-drain'),
  flagTo('disk', 'no-md-flushes', 'md-flushes'),
  flagTo('net', 'no-tcp-cork', 'tcp-cork'),
  { from: { section: 'resource', name: 'protocol' }, to: { section: 'net', name: 'protocol' } },
  { from: { section: 'common', name: 'protocol' }, to: { section: 'net', name: 'protocol' } },
];

/** The 8.4 rename of an 8.3 option written in `section`, if there is one. */
export function renameFrom83(section: string, name: string): Rename | undefined {
  return RENAMED_IN_84.find((r) => r.from.section === section && r.from.name === name);
}

/** The 8.3 spelling of an 8.4/9 option, for files in the 8.3 dialect. */
export function renameTo83(section: string, name: string): Rename | undefined {
  return RENAMED_IN_84.find((r) => r.to.section === section && r.to.name === name && r.from.name !== name);
}

/** Words that begin a statement somewhere: option and section names of every dialect. */
export const KNOWN_KEYWORDS: ReadonlySet<string> = new Set([...ALL_OPTION_NAMES, ...ALL_SECTION_NAMES, ...RENAMED_IN_84.map((r) => r.from.name)]);
