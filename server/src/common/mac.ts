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

const MAC_PATTERN = /^([0-9a-fA-F]{1,2})[:-]([0-9a-fA-F]{1,2})[:-]([0-9a-fA-F]{1,2})[:-]([0-9a-fA-F]{1,2})[:-]([0-9a-fA-F]{1,2})[:-]([0-9a-fA-F]{1,2})$/;

/** Parses `aa:bb:cc:dd:ee:ff` (or with `-`); undefined when it is not a MAC. */
export function parseMac(text: string): MacInfo | undefined {
  const match = MAC_PATTERN.exec(text.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 7).map((hex) => parseInt(hex, 16));
  const normalized = octets.map((o) => o.toString(16).padStart(2, '0')).join(':');
  return {
    octets,
    normalized,
    multicast: (octets[0] & 1) === 1,
    locallyAdministered: (octets[0] & 2) === 2,
    xenRange: normalized.startsWith(XEN_OUI + ':'),
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
