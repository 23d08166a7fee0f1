/**
 * The xl-config schema as data, and the one entry the rest of the folder
 * reads it through: the key tables (domain configs for xl and for xm,
 * xl.conf; keys.ts) and the device-spec tables (disk, vif, pci, …; specs.ts),
 * built from the generated upstream facts (facts.generated.ts) and our own
 * documentation (docs.ts). Completion, hover and validation all read these.
 */
import type { ConfigFileKind } from '../ast';
import type { Settings } from '../../types';
import { DOMAIN_KEYS, KeySpec, XL_CONF_KEYS, XM_KEYS } from './keys';

export type { GuestType, ValueKind } from './factTypes';
export { DOMAIN_KEYS, XL_CONF_KEYS, XM_KEYS } from './keys';
export type { KeySpec } from './keys';
export { DEVICE_SPECS, DISK_ACCESS_MODES, DISK_PREFIXES, DISK_SPEC, PCI_SPEC, VIF_SPEC } from './specs';
export type { DeviceSpec, SubKeySpec } from './specs';

type Toolstack = Settings['xen']['toolstack'];

/** The keys a file may contain: xl.conf's, or a domain config's for the toolstack that reads it. */
export function keyTableFor(fileKind: ConfigFileKind, toolstack: Toolstack): ReadonlyMap<string, KeySpec> {
  if (fileKind === 'xl.conf') return XL_CONF_KEYS;
  return toolstack === 'xm' ? XM_KEYS : DOMAIN_KEYS;
}

/** The other toolstack's domain keys, to say "an xm setting that xl ignores" (or the reverse). */
export function otherToolstackKeys(toolstack: Toolstack): ReadonlyMap<string, KeySpec & { xlReplacement?: string }> {
  return toolstack === 'xm' ? DOMAIN_KEYS : XM_KEYS;
}

/** A key's description from any table (hover explains xm keys under xl and the reverse). */
export function anyKeySpec(fileKind: ConfigFileKind, toolstack: Toolstack, name: string): KeySpec | undefined {
  return keyTableFor(fileKind, toolstack).get(name) ?? (fileKind === 'domain' ? (DOMAIN_KEYS.get(name) ?? XM_KEYS.get(name)) : undefined);
}
