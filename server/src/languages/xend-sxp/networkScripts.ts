/**
 * The network scripts xend shipped (tools/hotplug/Linux/network-*), their
 * arguments, and the documentation hover shows for them.
 */

export interface NetworkScriptSpec {
  name: string;
  doc: string;
  /** `key=value` arguments the script understands. */
  arguments: Record<string, string>;
}

const COMMON_ARGUMENTS = {
  netdev: 'Physical interface to use (default: the one carrying the default route, usually eth0).',
  vifnum: 'Number of this network; picks the default bridge and interface names (`xenbr<N>`, `eth<N>`) and tells several networks apart.',
};

export const NETWORK_SCRIPTS: readonly NetworkScriptSpec[] = [
  {
    name: 'network-bridge',
    doc: 'Bridged networking: creates a bridge, moves the physical interface\'s address onto it (the NIC is renamed `peth<N>`) and enslaves the NIC, so guests appear on the LAN as hosts of their own. Pair with `vif-bridge`. Call it once per NIC from a wrapper script to bridge several NICs.',
    arguments: { ...COMMON_ARGUMENTS, bridge: 'Name of the bridge to create (default `xenbr<vifnum>`, or the NIC\'s name on newer releases).', antispoof: '`yes` adds iptables rules so a guest can only send from its own address.' },
  },
  {
    name: 'network-route',
    doc: 'Routed networking: dom0 routes guest traffic (IP forwarding on, proxy ARP on the NIC); no bridge. Pair with `vif-route`.',
    arguments: { ...COMMON_ARGUMENTS },
  },
  {
    name: 'network-nat',
    doc: 'NAT: guests get private addresses (optionally from a local DHCP server) and dom0 masquerades their traffic. Pair with `vif-nat`.',
    arguments: { ...COMMON_ARGUMENTS, dhcp: '`yes` runs a DHCP server for the guests\' private network.' },
  },
  {
    name: 'network-dummy',
    doc: 'Does nothing: the network is set up by the distribution (Fedora and RHEL shipped it as their default).',
    arguments: {},
  },
];

export function networkScript(name: string): NetworkScriptSpec | undefined {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return NETWORK_SCRIPTS.find((script) => script.name === base);
}

export interface NetworkScriptWord {
  text: string;
  /** Offset inside the value string. */
  start: number;
  end: number;
}

/** Splits the value the way xend does (`s.split(" ")`): the script, then its arguments. */
export function splitNetworkScript(value: string): NetworkScriptWord[] {
  const words: NetworkScriptWord[] = [];
  let start = 0;
  for (const piece of value.split(' ')) {
    if (piece) words.push({ text: piece, start, end: start + piece.length });
    start += piece.length + 1;
  }
  return words;
}
