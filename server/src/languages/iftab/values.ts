/** The value checks of ifrename's mapping_add* handlers, plus what the kernel refuses in a name. */
import type { MacInfo } from '../../common/mac';
import { IFNAMSIZ } from './schema';

/** What ifrename's mapping_addmac() makes of a value. */
export type MacReading =
  | { kind: 'exact'; octets: number }
  | { kind: 'pattern' }
  | { kind: 'invalid'; reason: string };

const EXACT_MAC = /^[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2})*$/;
const MAX_MAC_OCTETS = 16;

export function readMac(value: string): MacReading {
  if (value.length >= 49) return { kind: 'invalid', reason: 'too long' };
  if (!/^[0-9a-fA-F:*]*$/.test(value)) return { kind: 'invalid', reason: 'only hex digits, colons and * are allowed' };
  if (value.includes('*')) return { kind: 'pattern' };
  // iw_mac_aton(): pairs of hex digits joined by colons, at most 16 of them.
  if (!EXACT_MAC.test(value)) return { kind: 'invalid', reason: 'write each byte as two hex digits, separated by colons' };
  const octets = (value.length + 1) / 3;
  if (octets > MAX_MAC_OCTETS) return { kind: 'invalid', reason: 'more than 16 bytes' };
  return { kind: 'exact', octets };
}

/**
 * Whether a MAC glob can match a `hh:hh:hh:hh:hh:hh` address at all: the
 * literal parts between the stars must look like pieces of one (no `::`,
 * no run of three hex digits).
 */
export function macPatternCanMatch(pattern: string): boolean {
  return pattern.split('*').every((piece) => !/::|[0-9a-fA-F]{3}/.test(piece));
}

/** ifrename's sscanf("%d") after its digit check. */
export const isDecimal = (value: string): boolean => /^\d+$/.test(value);

/** ifrename's check for baseaddress: hex characters and an `0x` prefix sscanf can read. */
export const isBaseAddress = (value: string): boolean => /^[0-9A-Fa-fx]+$/.test(value) && /^0x[0-9A-Fa-f]/.test(value);

/** The longest name the kernel takes (IFNAMSIZ minus the terminating NUL). */
export const MAX_NAME_LENGTH = IFNAMSIZ - 1;

/** Characters the kernel's dev_valid_name() refuses in an interface name. */
export function illegalNameCharacter(name: string): string | undefined {
  return /[/:\s]/.exec(name)?.[0];
}

/** 00:00:00:00:00:00, what a card reports before its driver sets an address. */
export const isNullMac = (mac: MacInfo): boolean => mac.octets.every((o) => o === 0);

/** An address a network card can carry: neither the null MAC nor a group (multicast) address. */
export const isCardAddress = (mac: MacInfo): boolean => !isNullMac(mac) && !mac.multicast;
