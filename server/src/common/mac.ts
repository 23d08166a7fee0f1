/** Facts about an Ethernet MAC address, shared by vif specs, iftab and hovers. */

export interface MacInfo {
  /** The six octets as numbers. */
  octets: number[];
  /** Lower-case, colon-separated form. */
  normalized: string;
  /** Bit 0 of the first octet: a group address, never valid for a NIC. */
  multicast: boolean;
  /** Bit 1 of the first octet: locally administered rather than vendor-assigned. */
  locallyAdministered: boolean;
  /** In 00:16:3e, the OUI the IEEE assigned to the Xen project for guests. */
  xenRange: boolean;
}

export const XEN_OUI = '00:16:3e';

/** The value of a hex digit's char code, or -1. */
function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

const HEX_PAIRS = Array.from({ length: 256 }, (_, octet) => octet.toString(16).padStart(2, '0'));

/**
 * Parses `aa:bb:cc:dd:ee:ff` (or with `-`, octets of one or two hex digits); undefined when it is not a MAC.
 * A scan by hand rather than a regex and maps: a large domain config or iftab has thousands of MACs, checked on every keystroke.
 */
export function parseMac(text: string): MacInfo | undefined {
  const value = text.trim();
  const octets: number[] = [];
  let i = 0;
  while (octets.length < 6) {
    if (octets.length > 0) {
      const separator = value.charCodeAt(i++);
      if (separator !== 58 /* : */ && separator !== 45 /* - */) return undefined;
    }
    const high = hexDigit(value.charCodeAt(i));
    if (high < 0) return undefined;
    const low = hexDigit(value.charCodeAt(i + 1));
    octets.push(low < 0 ? high : high * 16 + low);
    i += low < 0 ? 1 : 2;
  }
  if (i !== value.length) return undefined;
  // Concatenated, not `octets.map(…).join(':')`: no array per MAC.
  const normalized = `${HEX_PAIRS[octets[0]]}:${HEX_PAIRS[octets[1]]}:${HEX_PAIRS[octets[2]]}:${HEX_PAIRS[octets[3]]}:${HEX_PAIRS[octets[4]]}:${HEX_PAIRS[octets[5]]}`;
  return {
    octets,
    normalized,
    multicast: (octets[0] & 1) === 1,
    locallyAdministered: (octets[0] & 2) === 2,
    xenRange: octets[0] === 0x00 && octets[1] === 0x16 && octets[2] === 0x3e,
  };
}

/** The same host part (last three octets) moved into the Xen OUI. */
export function toXenRange(mac: MacInfo): string {
  return `${XEN_OUI}:${mac.normalized.slice(9)}`;
}

/** A random 00:16:3e MAC not in `used` (normalized forms). */
export function randomXenMac(used: ReadonlySet<string>, random: () => number = Math.random): string {
  for (;;) {
    const tail = [0, 0, 0].map(() => Math.floor(random() * 256).toString(16).padStart(2, '0'));
    // Xen's own tools keep the first random octet below 0x80; do the same.
    tail[0] = (parseInt(tail[0], 16) & 0x7f).toString(16).padStart(2, '0');
    const candidate = `${XEN_OUI}:${tail.join(':')}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** One line describing the address, for hovers. */
export function describeMac(mac: MacInfo): string {
  const parts: string[] = [];
  if (mac.xenRange) parts.push('Xen guest range (OUI 00:16:3e, assigned to the Xen project)');
  else parts.push(`vendor prefix ${mac.normalized.slice(0, 8)} (not the Xen range 00:16:3e)`);
  parts.push(mac.multicast ? 'multicast (group) bit set: not usable as a NIC address' : 'unicast');
  parts.push(mac.locallyAdministered ? 'locally administered' : 'globally unique (IEEE-assigned)');
  return parts.join('; ');
}
