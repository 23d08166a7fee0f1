/**
 * The small languages inside device spec strings (`disk`, `vif`, `pci`, `vfb`,
 * …): their sub-keys, values and documentation, for completion, hover and
 * key checking.
 */
import type { ManualLink } from '../../../common/markdown';
import { DISK_PARAM_DOCS, DOMAIN_KEY_DOCS, MANUAL_PAGES, PCI_KEY_DOCS, SPEC_SUBKEY_DOCS, VALUE_DOCS, VIF_KEY_DOCS } from './docs';
import { manualLink } from './keys';
import { DISK_PARAM_FACTS, DISK_PREFIX_FACTS, DOMAIN_KEY_FACTS, PCI_KEY_FACTS, VIF_KEY_FACTS } from './facts.generated';

export interface SubKeySpec {
  name: string;
  /** `flag` sub-keys are written alone (`discard`, `trusted`). */
  kind: 'string' | 'number' | 'boolean' | 'enum' | 'flag';
  enum?: string[];
  /** Values beyond `enum` are accepted too (e.g. any QEMU NIC model). */
  openEnum?: boolean;
  default?: string;
  since?: string;
  doc: string;
  /** One line per value of `enum`. */
  valueDocs?: Readonly<Record<string, string>>;
  /** Its section of the upstream manual page (disk and vif specs). */
  manual?: ManualLink;
  deprecation?: { replacement?: string; ignored?: boolean };
}

export interface DeviceSpec {
  /** The list key whose items use this spec (`disk`, `vif`, …). */
  key: string;
  subKeys: ReadonlyMap<string, SubKeySpec>;
}

const kindOf = (kind: string, values?: string[]): SubKeySpec['kind'] =>
  kind === 'flag' ? 'flag' : values?.length ? 'enum' : kind === 'number' ? 'number' : kind === 'boolean' ? 'boolean' : 'string';

const byName = (specs: SubKeySpec[]): ReadonlyMap<string, SubKeySpec> => new Map(specs.map((s) => [s.name, s]));

/** xl's access modes (xm also had `w!`, which xl refuses). */
export const DISK_ACCESS_MODES = ['r', 'ro', 'w', 'rw'];

export const DISK_SPEC: DeviceSpec = {
  key: 'disk',
  subKeys: byName(
    DISK_PARAM_FACTS.map((p) => ({
      name: p.name,
      kind: kindOf(p.kind, p.enum),
      // `empty` is a format xl sets itself for an empty CD-ROM drive, not one to write.
      enum: p.name === 'access' ? DISK_ACCESS_MODES : p.enum?.filter((v) => v !== 'empty'),
      default: p.default,
      since: p.since,
      doc: DISK_PARAM_DOCS[p.name] ?? `Disk parameter \`${p.name}\`.`,
      valueDocs: VALUE_DOCS[`disk.${p.name}`],
      manual: manualLink(MANUAL_PAGES.disk, p),
    })),
  ),
};

/** Legacy `prefix:` forms of a disk target. */
export const DISK_PREFIXES = DISK_PREFIX_FACTS;

export const VIF_SPEC: DeviceSpec = {
  key: 'vif',
  subKeys: byName(
    VIF_KEY_FACTS.map((k) => ({
      name: k.name,
      kind: kindOf(k.kind, k.enum),
      enum: k.enum,
      openEnum: k.openEnum,
      default: k.default,
      since: k.since,
      doc: VIF_KEY_DOCS[k.name] ?? (k.group === 'colo' ? `COLO replication setting \`${k.name}\` (see the COLO documentation).` : `vif setting \`${k.name}\`.`),
      valueDocs: VALUE_DOCS[`vif.${k.name}`],
      manual: manualLink(MANUAL_PAGES.vif, k),
      deprecation: k.deprecated || k.ignored ? { replacement: k.replacement, ignored: k.ignored } : undefined,
    })),
  ),
};

export const PCI_SPEC: DeviceSpec = {
  key: 'pci',
  subKeys: byName(
    PCI_KEY_FACTS.map((k) => ({
      name: k.name,
      kind: kindOf(k.kind, k.enum),
      enum: k.enum,
      default: k.default,
      doc: PCI_KEY_DOCS[k.name] ?? `PCI option \`${k.name}\`.`,
      valueDocs: VALUE_DOCS[`pci.${k.name}`],
    })),
  ),
};

/** xm's vfb spec took `type=vnc|sdl`; xl does not read it and shows no console. */
const VFB_LEGACY: SubKeySpec = {
  name: 'type',
  kind: 'enum',
  enum: ['vnc', 'sdl'],
  doc: 'xm-era frame buffer type. xl ignores it, so the frame buffer gets no VNC/SDL console.',
  valueDocs: VALUE_DOCS['vfb.type'],
  deprecation: { replacement: 'vnc=1', ignored: true },
};

function specFromFacts(key: string): DeviceSpec {
  const fact = DOMAIN_KEY_FACTS.find((f) => f.name === key);
  const subKeys: SubKeySpec[] = (fact?.subKeys ?? []).map((s) => ({
    name: s.name,
    kind: s.enum ? 'enum' : 'string',
    enum: s.enum,
    // vfb's sub-keys are the top-level display keys moved into the spec: same meaning.
    valueDocs: VALUE_DOCS[`${key}.${s.name}`],
    doc: SPEC_SUBKEY_DOCS[`${key}.${s.name}`] ?? (key === 'vfb' ? DOMAIN_KEY_DOCS[s.name] : undefined) ?? `\`${key}\` setting \`${s.name}\`${s.enum ? `: one of ${s.enum.join(', ')}` : ''}.`,
  }));
  if (key === 'vfb') subKeys.push(VFB_LEGACY);
  return { key, subKeys: byName(subKeys) };
}

const OTHER_SPECS = ['vfb', 'vtpm', 'usbdev', 'usbctrl', 'channel', 'p9', 'vkb', 'vdispl', 'virtio', 'pvcalls'];

/** The spec language of each device list key. */
export const DEVICE_SPECS: ReadonlyMap<string, DeviceSpec> = new Map([
  ['disk', DISK_SPEC],
  ['vif', VIF_SPEC],
  ['pci', PCI_SPEC],
  ...OTHER_SPECS.map((key): [string, DeviceSpec] => [key, specFromFacts(key)]),
]);
