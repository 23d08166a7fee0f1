import { nameTable, nameTables } from '../../../common/nameTable';
import type { Dialect } from './types';

/** The name of the implicit section that holds the whole file. */
export const TOP_LEVEL = '';

/** Sections whose contents are not drbd.conf syntax: drbdadm skips `skip { … }`, and proxy plugins have their own. */
export const OPAQUE_SECTIONS = new Set(['skip', 'plugin']);

const RESOURCE_SECTIONS_83 = ['on', 'floating', 'stacked-on-top-of', 'disk', 'net', 'startup', 'syncer', 'handlers', 'proxy'];
const RESOURCE_SECTIONS_84 = ['on', 'floating', 'stacked-on-top-of', 'volume', 'disk', 'net', 'startup', 'options', 'handlers', 'proxy'];
// drbdadm 8.x skips `skip { … }` at the top level only; drbdadm 9 also in a resource, a host, a volume and a connection.
const RESOURCE_SECTIONS_9 = [...RESOURCE_SECTIONS_84, 'connection', 'connection-mesh', 'skip'];
/** DRBD Proxy: `proxy { memlimit …; plugin { … } }`, and per host `proxy on HOST { inside …; outside …; options { … } }`. */
const PROXY_SECTIONS = ['plugin', 'options'];

/** Which sections may be written inside which, per dialect ('' is the top level). */
export const SECTION_CHILDREN: Record<Dialect, Record<string, string[]>> = nameTables({
  '8.3': {
    [TOP_LEVEL]: ['global', 'common', 'resource', 'skip'],
    common: ['disk', 'net', 'startup', 'syncer', 'handlers', 'proxy'],
    resource: RESOURCE_SECTIONS_83,
    on: ['proxy'],
    'stacked-on-top-of': ['proxy'],
    proxy: ['plugin'],
  },
  '8.4': {
    [TOP_LEVEL]: ['global', 'common', 'resource', 'skip'],
    common: ['disk', 'net', 'startup', 'options', 'handlers', 'proxy'],
    resource: RESOURCE_SECTIONS_84,
    on: ['volume', 'proxy'],
    floating: ['volume'],
    'stacked-on-top-of': ['volume', 'proxy'],
    volume: ['disk'],
    proxy: PROXY_SECTIONS,
  },
  '9': {
    [TOP_LEVEL]: ['global', 'common', 'resource', 'skip'],
    common: ['disk', 'net', 'startup', 'options', 'handlers', 'proxy'],
    resource: RESOURCE_SECTIONS_9,
    on: ['volume', 'proxy', 'skip'],
    floating: ['volume', 'skip'],
    'stacked-on-top-of': ['volume', 'proxy'],
    volume: ['disk', 'skip'],
    proxy: PROXY_SECTIONS,
    connection: ['path', 'net', 'disk', 'volume', 'host', 'skip'],
    // `host NAME address … via proxy on NAME { inside …; outside …; }`
    host: ['options'],
    'connection-mesh': ['net'],
  },
});

/** Every section name of every dialect (the parser is dialect-neutral). */
export const ALL_SECTION_NAMES = new Set(Object.values(SECTION_CHILDREN).flatMap((table) => Object.values(table).flat()));

/** The sections some dialect lets be written inside each section (the parser asks at every `{`). */
const NESTED_IN_ANY_DIALECT = new Map<string, Set<string>>();
for (const table of Object.values(SECTION_CHILDREN)) {
  for (const [parent, children] of Object.entries(table)) {
    const known = NESTED_IN_ANY_DIALECT.get(parent) ?? new Set<string>();
    for (const child of children) known.add(child);
    NESTED_IN_ANY_DIALECT.set(parent, known);
  }
}

/** True when some dialect lets `child` be written inside `parent`. */
export function anyDialectNests(parent: string, child: string): boolean {
  return NESTED_IN_ANY_DIALECT.get(parent)?.has(child) ?? false;
}

/** What the arguments after a section keyword are, for messages and completion. */
export const SECTION_ARGUMENTS: Record<string, { min: number; max: number; describe: string }> = nameTable({
  global: { min: 0, max: 0, describe: 'no name' },
  common: { min: 0, max: 0, describe: 'no name' },
  resource: { min: 1, max: 1, describe: 'a resource name' },
  on: { min: 1, max: 1, describe: "a host name (as `uname -n` prints it)" },
  floating: { min: 1, max: 2, describe: 'an address, e.g. `ipv4 10.0.0.1:7789`' },
  'stacked-on-top-of': { min: 1, max: 1, describe: 'the name of the lower resource' },
  volume: { min: 1, max: 1, describe: 'a volume number' },
  connection: { min: 0, max: 1, describe: 'nothing (an explicit connection name is deprecated)' },
  disk: { min: 0, max: 0, describe: 'no name' },
  net: { min: 0, max: 0, describe: 'no name' },
  startup: { min: 0, max: 0, describe: 'no name' },
  syncer: { min: 0, max: 0, describe: 'no name' },
  options: { min: 0, max: 0, describe: 'no name' },
  handlers: { min: 0, max: 0, describe: 'no name' },
  proxy: { min: 0, max: 3, describe: "nothing, or 'on HOST…' inside a host section" },
  path: { min: 0, max: 0, describe: 'no name' },
  'connection-mesh': { min: 0, max: 0, describe: 'no name' },
  skip: { min: 0, max: 2, describe: 'anything' },
});
