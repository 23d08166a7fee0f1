/**
 * How xl itself reads each `key=value` device spec (tools/xl/xl_parse.c,
 * parse_config_data and the parse_*_config helpers), release by release:
 * which keys it reads, what it does with a key it does not know or a part
 * without `=`, and which bad values make it refuse the domain. Read from the
 * source of Xen 4.17 to master and checked against Debian's xl 4.17 (the
 * oracle) on one generated file per case (test/unit/xl-config/validateSpecs.test.ts).
 */
import { nameTable } from '../../../common/nameTable';
import { compareVersions } from '../../../common/version';

/** What xl does: `refused` (it exits, the domain is not created), `ignored` (it goes on without it), `stops` (it stops reading the spec there). */
export type Outcome = 'refused' | 'ignored' | 'stops';

export type SpecValueRule =
  /** One of `values`; libxl's enum parsers ignore case (`caseInsensitive`), xl's own string compares do not. */
  | { kind: 'enum'; values: readonly string[]; caseInsensitive: boolean; bad: Outcome }
  /** parse_ulong: a decimal number (xl refuses a value with no leading digit). */
  | { kind: 'ulong' }
  /** libxl_uuid_from_string (libuuid's uuid_parse): 8-4-4-4-12 hex digits. */
  | { kind: 'uuid' }
  /** vdispl `connectors`: `ID:WIDTHxHEIGHT` items separated by `;`. */
  | { kind: 'connectors' }
  /** vif `rate` (xlu_vif_parse_rate): RATE/s with an optional @INTERVAL. */
  | { kind: 'rate' }
  /** A word written alone (vif's `trusted`, `untrusted`). */
  | { kind: 'flag' }
  /** Anything (a string, or a number read by atoi/strtoul that never fails). */
  | { kind: 'any' };

export interface SpecKeyRule {
  value: SpecValueRule;
  /** First release whose xl reads the key. */
  since?: string;
}

export interface SpecParser {
  /** The list key (`vdispl`, `vtpm`, …). */
  key: string;
  /**
   * `strtok`: cut at commas (empty parts skipped), leading spaces dropped and
   * the rest kept as written, so a blank before `=` or after a value is part of
   * the key or value. `pairs`: cut at commas, each part split at its first `=`
   * and both sides trimmed; a part without `=` or with nothing after it is refused.
   */
  split: 'strtok' | 'pairs';
  /** A part without `=` (`pairs` specs always refuse it). */
  bare: Outcome;
  /** A key xl does not read. */
  unknown: Exclude<Outcome, 'stops'>;
  /** How xl words an unknown key, `%s` the part or key as it prints it. */
  unknownMessage?: string;
  /** Print the whole part (`beAlloc=0`) or only the key (`beAlloc`) in that message. */
  messageShows?: 'part' | 'key';
  keys: Readonly<Record<string, SpecKeyRule>>;
}

const ANY: SpecKeyRule = { value: { kind: 'any' } };
const enumOf = (values: readonly string[], caseInsensitive: boolean, bad: Outcome = 'refused'): SpecValueRule => ({ kind: 'enum', values, caseInsensitive, bad });

const VIF_KEYS: Record<string, SpecKeyRule> = nameTable({
  type: { value: enumOf(['vif', 'ioemu'], false, 'ignored') },
  rate: { value: { kind: 'rate' } },
  devid: { value: { kind: 'ulong' }, since: '4.9' },
  mtu: { value: { kind: 'ulong' }, since: '4.15' },
  trusted: { value: { kind: 'flag' }, since: '4.17' },
  untrusted: { value: { kind: 'flag' }, since: '4.17' },
});

/** The value rules of the vif keys that have one (the key list itself is VIF_SPEC, from the facts). */
export const VIF_VALUE_RULES: Readonly<Record<string, SpecKeyRule>> = VIF_KEYS;

const PARSERS: SpecParser[] = [
  {
    key: 'vfb',
    split: 'strtok',
    bare: 'stops',
    unknown: 'ignored',
    keys: nameTable(Object.fromEntries(['vnc', 'vnclisten', 'vncpasswd', 'vncdisplay', 'vncunused', 'keymap', 'sdl', 'opengl', 'display', 'xauthority'].map((k) => [k, ANY]))),
  },
  {
    key: 'vkb',
    split: 'strtok',
    bare: 'refused',
    unknown: 'refused',
    unknownMessage: 'Unknown string "%s" in vkb spec',
    messageShows: 'part',
    keys: nameTable({
      backend: ANY,
      'backend-type': { value: enumOf(['qemu', 'linux'], true) },
      ...Object.fromEntries(
        ['unique-id', 'feature-disable-keyboard', 'feature-disable-pointer', 'feature-abs-pointer', 'feature-raw-pointer', 'feature-multi-touch', 'multi-touch-width', 'multi-touch-height', 'multi-touch-num-contacts', 'width', 'height'].map((k) => [k, ANY]),
      ),
    }),
  },
  {
    key: 'vtpm',
    split: 'strtok',
    bare: 'stops',
    unknown: 'refused',
    unknownMessage: "Unknown string `%s' in vtpm spec",
    messageShows: 'key',
    keys: nameTable({ backend: ANY, uuid: { value: { kind: 'uuid' } } }),
  },
  {
    key: 'usbctrl',
    split: 'strtok',
    bare: 'refused',
    unknown: 'refused',
    unknownMessage: "Unknown string `%s' in usbctrl spec",
    messageShows: 'part',
    keys: nameTable({ type: { value: enumOf(['auto', 'pv', 'devicemodel', 'qusb'], true) }, version: ANY, ports: ANY }),
  },
  {
    key: 'usbdev',
    split: 'strtok',
    bare: 'refused',
    unknown: 'refused',
    unknownMessage: "Unknown string `%s' in usbdev spec",
    messageShows: 'part',
    keys: nameTable({ type: { value: enumOf(['hostdev'], true) }, hostbus: ANY, hostaddr: ANY, controller: ANY, port: ANY }),
  },
  {
    key: 'channel',
    split: 'pairs',
    bare: 'refused',
    unknown: 'ignored',
    keys: nameTable({ backend: ANY, name: ANY, path: ANY, connection: { value: enumOf(['pty', 'socket'], false) } }),
  },
  {
    key: 'vdispl',
    split: 'strtok',
    bare: 'refused',
    unknown: 'refused',
    unknownMessage: 'Unknown string "%s" in vdispl spec',
    messageShows: 'part',
    keys: nameTable({ backend: ANY, 'be-alloc': ANY, connectors: { value: { kind: 'connectors' } } }),
  },
  {
    key: 'pvcalls',
    split: 'strtok',
    bare: 'stops',
    unknown: 'refused',
    unknownMessage: "Unknown string `%s' in pvcalls spec",
    messageShows: 'key',
    keys: nameTable({ backend: ANY }),
  },
  {
    key: 'virtio',
    split: 'strtok',
    bare: 'refused',
    unknown: 'refused',
    unknownMessage: 'Unknown string "%s" in virtio spec',
    messageShows: 'part',
    keys: nameTable({ backend: ANY, type: ANY, transport: { value: enumOf(['mmio'], true) }, grant_usage: ANY }),
  },
];

/** p9 before Xen 4.18: strtok, reading stops at a part without `=`, and a key it does not know is refused. */
const P9_OLD: SpecParser = {
  key: 'p9',
  split: 'strtok',
  bare: 'stops',
  unknown: 'refused',
  unknownMessage: "Unknown string `%s' in 9pfs spec",
  messageShows: 'key',
  keys: nameTable({ security_model: ANY, path: ANY, tag: ANY, backend: ANY }),
};

/** p9 from Xen 4.18: trimmed pairs; `type` and the xen_9pfsd limits from 4.19. */
const P9_NEW: SpecParser = {
  key: 'p9',
  split: 'pairs',
  bare: 'refused',
  unknown: 'refused',
  unknownMessage: "Unknown 9pfs parameter '%s'",
  messageShows: 'key',
  keys: nameTable({
    security_model: ANY,
    path: ANY,
    tag: ANY,
    backend: ANY,
    type: { value: enumOf(['qemu', 'xen_9pfsd'], true), since: '4.19' },
    'max-files': { value: { kind: 'ulong' }, since: '4.19' },
    'max-open-files': { value: { kind: 'ulong' }, since: '4.19' },
    'max-space': { value: { kind: 'ulong' }, since: '4.19' },
    'auto-delete': { value: { kind: 'any' }, since: '4.19' },
  }),
};

/** The first release whose xl reads each spec list (older ones ignore the whole key). */
export const SPEC_SINCE: Readonly<Record<string, string>> = { virtio: '4.18' };

/** How the target's xl reads `key`'s spec strings; `version` undefined means the newest xl. */
export function specParser(key: string, version: string | undefined): SpecParser | undefined {
  if (key === 'p9') return version && compareVersions(version, '4.18') < 0 ? P9_OLD : P9_NEW;
  return PARSERS.find((p) => p.key === key);
}

/** Every key any release reads, per spec (for the schema test against the facts). */
export function specParserKeys(key: string): string[] {
  const parsers = key === 'p9' ? [P9_OLD, P9_NEW] : PARSERS.filter((p) => p.key === key);
  return [...new Set(parsers.flatMap((p) => Object.keys(p.keys)))];
}
