/**
 * The key tables completion, hover and validation all read: upstream facts
 * (facts.generated.ts) joined with this project's documentation (docs.ts)
 * and the few rules facts cannot express (ranges, legacy replacements).
 */
import type { ManualLink } from '../../../common/markdown';
import { nameTables } from '../../../common/nameTable';
import { DOMAIN_KEY_DOCS, MANUAL_PAGES, VALUE_DOCS, XL_CONF_DOCS, XM_ONLY_DOCS } from './docs';
import type { GuestType, ValueKind } from './factTypes';
import { DOMAIN_KEY_FACTS, HISTORICAL_KEY_FACTS, XL_CONF_KEY_FACTS, XM_KEY_FACTS } from './facts.generated';

export interface KeySpec {
  name: string;
  /** Value shapes xl accepts for the key. */
  kinds: ValueKind[];
  enum?: string[];
  /** Guest types the key has an effect for; undefined = all. */
  guestTypes?: GuestType[];
  arch?: string[];
  /** First Xen release that knows the key. */
  since?: string;
  /** Last release that knew it (keys removed since). */
  until?: string;
  units?: string;
  default?: string;
  valueSyntax?: string;
  doc: string;
  /** One line per value of `enum`. */
  valueDocs?: Readonly<Record<string, string>>;
  /** The key's section of its upstream manual page. */
  manual?: ManualLink;
  deprecation?: { replacement?: string; ignored?: boolean; note?: string };
  removedValues?: string[];
  range?: { min?: number; max?: number; refused?: boolean };
  /** Read with xlu_cfg_get_bounded_long: xl exits on a value that is not a number in range (not just a warning). */
  strictNumber?: boolean;
  /** xl only reports a value outside `enum` and goes on (xl.conf); elsewhere it refuses the domain. */
  enumIgnored?: boolean;
  /** Values of `enum` that a later release removed: value → first release without it. */
  removedSince?: Readonly<Record<string, string>>;
  /** The device spec language of the list items (disk, vif, pci, …). */
  spec?: string;
}

/**
 * Bounds xl (or a working guest) needs; the facts have no ranges. `refused`:
 * libxl (or the device model it starts) refuses the domain out of bounds; the
 * others are replaced by a default (vcpus = 0 is one vCPU) or quietly misbehave.
 */
const RANGES: Record<string, { min?: number; max?: number; refused?: boolean }> = {
  memory: { min: 1, refused: true },
  maxmem: { min: 1, refused: true },
  vcpus: { min: 1 },
  maxvcpus: { min: 1 },
  cpu_weight: { min: 1, max: 65535, refused: true },
  cap: { min: 0 },
  vncdisplay: { min: 0 },
  videoram: { min: 1, refused: true },
  shadow_memory: { min: 0 },
  stubdomain_memory: { min: 1 },
  max_event_channels: { min: 1 },
  usbversion: { min: 1, max: 3 },
  spiceport: { min: 1, max: 65535, refused: true },
  spicetls_port: { min: 1, max: 65535, refused: true },
  max_grant_frames: { min: 0, max: 2147483647, refused: true },
  max_maptrack_frames: { min: 0, max: 2147483647, refused: true },
  max_grant_version: { min: 0, max: 2147483647, refused: true },
};

/** Keys xl reads with xlu_cfg_get_bounded_long, in domain configs and in xl.conf: it exits on anything but a number. */
const STRICT_NUMBERS = ['max_grant_frames', 'max_maptrack_frames', 'max_grant_version'];

/** Enum values a later release dropped (xl_parse.c): the first release that refuses them. */
const REMOVED_SINCE: Record<string, Record<string, string>> = nameTables({ device_model_version: { 'qemu-xen-traditional': '4.21' } });

/** List keys whose items are device specs with their own key=value language. */
const SPEC_KEYS = ['disk', 'vif', 'pci', 'vfb', 'vtpm', 'usbdev', 'usbctrl', 'channel', 'p9', 'vkb', 'vdispl', 'virtio', 'pvcalls'];

/** Keys the manual files under HVM but libxl applies to every guest type. */
const ALL_GUEST_TYPES = ['localtime'];

const guestTypesOf = (fact: (typeof DOMAIN_KEY_FACTS)[number]): GuestType[] | undefined => {
  if (ALL_GUEST_TYPES.includes(fact.name)) return undefined;
  // The parser's own type-guarded blocks are the truth; else the manual's section,
  // where HVM-only features mostly apply to PVH (an HVM container) too.
  if (fact.parserGuestTypes?.length) return fact.parserGuestTypes;
  if (!fact.docGuestTypes?.length) return undefined;
  const types = new Set(fact.docGuestTypes);
  if (types.has('hvm')) types.add('pvh');
  return types.size === 3 ? undefined : [...types];
};

function describeFromFacts(name: string, kinds: ValueKind[], units?: string): string {
  return `\`${name}\`: ${kinds.join(' or ')}${units ? ` (${units})` : ''}.`;
}

/** The link to a key's manual section: its anchor when the facts know it, else the page when it documents the key. */
export function manualLink(page: ManualLink, fact: { manualAnchor?: string; documented?: boolean }): ManualLink | undefined {
  if (fact.manualAnchor) return { title: page.title, url: `${page.url}#${fact.manualAnchor}` };
  return fact.documented ? page : undefined;
}

function domainKeySpecs(): Map<string, KeySpec> {
  const specs = new Map<string, KeySpec>();
  for (const fact of DOMAIN_KEY_FACTS) {
    const kinds = [...fact.kinds];
    const replacement = fact.name === 'device_model' ? 'device_model_override' : fact.replacement;
    const deprecation = fact.deprecated || fact.ignored ? { replacement, ignored: fact.ignored } : undefined;
    specs.set(fact.name, {
      name: fact.name,
      kinds,
      enum: fact.enum,
      guestTypes: guestTypesOf(fact),
      arch: fact.arch,
      since: fact.since,
      units: fact.units,
      default: fact.default,
      valueSyntax: fact.valueSyntax,
      doc: DOMAIN_KEY_DOCS[fact.name] ?? describeFromFacts(fact.name, kinds, fact.units),
      valueDocs: VALUE_DOCS[fact.name],
      manual: manualLink(MANUAL_PAGES.domain, fact),
      deprecation,
      removedValues: fact.removedValues,
      removedSince: REMOVED_SINCE[fact.name],
      range: RANGES[fact.name],
      strictNumber: STRICT_NUMBERS.includes(fact.name) || undefined,
      spec: SPEC_KEYS.includes(fact.name) ? fact.name : undefined,
    });
  }
  for (const fact of HISTORICAL_KEY_FACTS) {
    if (specs.has(fact.name)) continue;
    specs.set(fact.name, {
      name: fact.name,
      kinds: ['string', 'number'],
      since: fact.since,
      until: fact.until,
      doc: `Removed key (Xen ${fact.since}–${fact.until}). ${fact.note ?? ''}`.trim(),
      deprecation: fact.name === 'pvh' ? { replacement: 'type = "pvh"' } : {},
    });
  }
  return specs;
}

/** Every key xl reads in a domain config (xl.cfg(5)), plus keys removed in earlier releases. */
export const DOMAIN_KEYS: ReadonlyMap<string, KeySpec> = domainKeySpecs();

/** Every variable xm read (create.py), with what xl makes of those it does not know. */
export const XM_KEYS: ReadonlyMap<string, KeySpec & { xlReplacement?: string }> = new Map(
  XM_KEY_FACTS.map((fact) => {
    const xmOnly = XM_ONLY_DOCS[fact.name];
    const kind: ValueKind = fact.kind === 'list' ? 'list' : fact.kind === 'number' ? 'number' : fact.kind === 'boolean' ? 'boolean' : 'string';
    const spec: KeySpec & { xlReplacement?: string } = {
      name: fact.name,
      kinds: kind === 'boolean' ? ['boolean', 'string'] : kind === 'list' ? ['list', 'string'] : [kind, 'string'],
      valueSyntax: fact.valueSyntax,
      doc: xmOnly?.doc ?? DOMAIN_KEY_DOCS[fact.name] ?? `xm variable \`${fact.name}\`.`,
      xlReplacement: xmOnly?.replacement,
    };
    return [fact.name, spec];
  }),
);

/** Keys of /etc/xen/xl.conf (xl.conf(5)). */
export const XL_CONF_KEYS: ReadonlyMap<string, KeySpec> = new Map(
  XL_CONF_KEY_FACTS.map((fact) => [
    fact.name,
    {
      name: fact.name,
      kinds: fact.kinds,
      // xl takes 1 and 0 for on and off.
      enum: fact.name === 'autoballoon' && fact.enum ? [...fact.enum, '1', '0'] : fact.enum,
      enumIgnored: true,
      since: fact.since,
      default: fact.default,
      valueSyntax: fact.valueSyntax,
      range: RANGES[fact.name],
      strictNumber: STRICT_NUMBERS.includes(fact.name) || undefined,
      doc: XL_CONF_DOCS[fact.name] ?? describeFromFacts(fact.name, fact.kinds),
      valueDocs: VALUE_DOCS[fact.name],
      manual: manualLink(MANUAL_PAGES.xlConf, fact),
      deprecation: fact.deprecated ? { replacement: fact.replacement } : undefined,
    },
  ]),
);
