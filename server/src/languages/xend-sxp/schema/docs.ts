/**
 * What completion and hover say about xend's options and the network
 * scripts xend shipped (tools/hotplug/Linux/network-*): our own words. The
 * facts (types, defaults) are in index.ts.
 */
import { nameTable, nameTables } from '../../../common/nameTable';

/** Each option's documentation, in the order of the option table. */
export const OPTION_DOCS: Record<string, string> = {
  'xen-api-server': 'Listeners of the Xen-API (XML-RPC) server: a list of entries `(PORT-or-ADDRESS:PORT-or-unix AUTH HOSTS [KEY CERT])`. AUTH is `pam` (check the user against PAM) or `none` (no check at all); HOSTS is a space-separated list of regular expressions a client\'s name or address must match. KEY and CERT turn on SSL for a TCP entry.',
  'xend-http-server': 'Run the legacy HTTP/S-expression API (used by old `xm` and virt-manager) on `xend-port`. It has no authentication at all: whoever reaches the port can create, destroy and migrate domains. Bind it with `xend-address`.',
  'xend-unix-server': 'Serve the legacy HTTP API on the Unix socket `xend-unix-path` as well; only local users allowed by the socket\'s permissions can use it.',
  'xend-tcp-xmlrpc-server': 'Run the XML-RPC server (what `xm` talks to) on TCP, at `xend-tcp-xmlrpc-server-address`:`xend-tcp-xmlrpc-server-port`. It does not authenticate callers; keep it on localhost or give it SSL keys.',
  'xend-tcp-xmlrpc-server-address': 'Address the TCP XML-RPC server binds to. `localhost` keeps it local; an empty string listens on every interface.',
  'xend-tcp-xmlrpc-server-port': 'TCP port of the XML-RPC server.',
  'xend-tcp-xmlrpc-server-ssl-key-file': 'Private key (PEM) that turns on SSL for the TCP XML-RPC server; needs the matching certificate file too.',
  'xend-tcp-xmlrpc-server-ssl-cert-file': 'Certificate (PEM) for the SSL TCP XML-RPC server; needs the key file too.',
  'xend-unix-xmlrpc-server': 'Run the XML-RPC server on a Unix socket; this is how the local `xm` command reaches xend, so leave it on.',
  'xend-unix-path': 'Path of the Unix socket of the legacy HTTP API (`xend-unix-server`).',
  'xend-address': 'Address the HTTP API (`xend-http-server`) binds to. The default, an empty string, means every interface; `localhost` keeps it on this host.',
  'xend-port': 'TCP port of the HTTP API.',
  'xend-udev-event-server': 'Listen for udev events so that xend notices devices (e.g. block devices for passthrough) appearing and disappearing.',
  'xend-relocation-server': 'Accept domains migrated from other hosts (`xm migrate`) on `xend-relocation-port`. The relocation protocol has no authentication: restrict who may connect with `xend-relocation-hosts-allow` and bind it with `xend-relocation-address`.',
  'xend-relocation-ssl-server': 'Accept migrations over SSL on `xend-relocation-ssl-port`, with the key and certificate files below. The hosts-allow list applies as well.',
  'xend-relocation-ssl': 'Send outgoing migrations over SSL (the target must run the SSL relocation server).',
  'xend-relocation-port': 'TCP port of the relocation server.',
  'xend-relocation-ssl-port': 'TCP port of the SSL relocation server.',
  'xend-relocation-address': 'Address the relocation server binds to. The default, an empty string, means every interface; give the address of the migration network instead.',
  'xend-relocation-hosts-allow': 'Who may migrate domains onto (or off) this host: a space-separated list of regular expressions, matched from the start against the connecting host\'s name and address. Empty means anyone who reaches the port. Anchor each pattern (`^an-node02\\\\.example\\\\.com$`) and double the backslashes: the file\'s reader drops the character after an unknown escape.',
  'xend-relocation-server-ssl-key-file': 'Private key (PEM) of the SSL relocation server.',
  'xend-relocation-server-ssl-cert-file': 'Certificate (PEM) of the SSL relocation server.',
  'external-migration-tool': 'Program xend runs to move external state (such as a virtual TPM) along with a migrating domain.',
  'network-script': 'Script (in /etc/xen/scripts unless a path is given) xend runs at start and stop to set up dom0\'s networking, with its arguments in one quoted string: `\'network-bridge netdev=eth1\'`. Unset (or `(network-script )`) leaves the network alone.',
  'vif-script': 'Hotplug script that connects each guest network interface in dom0; pairs with network-script (`vif-bridge` for network-bridge, `vif-route`, `vif-nat`).',
  'dom0-min-mem': 'Lowest memory, in MiB, that dom0 may be ballooned down to when guests need memory; 0 means dom0 is never shrunk (and turns ballooning off by default).',
  'enable-dom0-ballooning': 'Let xend take memory from dom0 to start guests.',
  total_available_memory: 'Memory, in GiB, kept aside for 32-bit PV guests (they can only use memory below 168 GiB); pair it with a negative `dom0_mem=` on the Xen command line. 0 keeps nothing aside.',
  'dom0-cpus': 'Number of CPUs dom0 uses; 0 means all of them.',
  'console-limit': 'Buffer size, in KiB, of each guest console before output is dropped.',
  'vnc-listen': 'Address HVM guests\' VNC consoles listen on unless a domain sets its own `vnclisten`. `0.0.0.0` exposes every console to the network.',
  vncpasswd: 'Default VNC console password for domains that set none. An empty string means no password; anyone who reaches the console port gets the guest\'s screen and keyboard.',
  'vnc-tls': 'Set to 1 to encrypt VNC consoles with TLS, using the certificates in `vnc-x509-cert-dir`.',
  'vnc-x509-cert-dir': 'Folder holding the TLS certificates and key for VNC consoles (ca-cert.pem, server-cert.pem, server-key.pem).',
  'vnc-x509-verify': 'Set to 1 to require VNC clients to present a certificate signed by the CA in `vnc-x509-cert-dir`.',
  keymap: 'Default keyboard layout for VNC consoles (e.g. `en-us`, `de`), unless a domain sets its own.',
  'device-create-timeout': 'Seconds xend waits for a new virtual device\'s backend to come up before giving up.',
  'device-destroy-timeout': 'Seconds xend waits for a device to be torn down.',
  'pci-passthrough-strict-check': 'Refuse PCI passthrough of devices that cannot be safely reset or isolated (function-level reset, co-assigned devices).',
  'pscsi-device-mask': 'Which physical SCSI devices xend scans at start, as a list of patterns such as `(\'<*:*:*:*>\')`; narrowing it speeds up start on hosts with many LUNs.',
  'enable-dump': 'Write a core dump of a guest that crashes to /var/lib/xen/dump.',
  'qemu-dm-logrotate-count': 'How many old qemu-dm log files to keep per domain.',
  logfile: 'File xend logs to.',
  loglevel: 'Least severe message level written to the log.',
  'xend-domains-path': 'Where xend keeps the configurations of managed (`xm new`) domains.',
  'xend-state-path': 'Where xend keeps its own state (Xen-API objects).',
  'xend-storage-path': 'Where xend keeps the images of its QCoW storage repository.',
  'xend-security-path': 'Where xend keeps the state of the security policy (ACM/XSM labels).',
  xsm_module_name: 'Xen Security Module policy xend manages: `dummy` (none) or `flask`.',
  'resource-label-change-script': 'Script run when a resource\'s security label changes, with its arguments in one string.',
  'xend-domain-lock': 'Take a lock for each running domain so that two hosts sharing storage never run the same domain at once.',
  'xend-domain-lock-path': 'Folder for the domain locks; it must be shared by every host taking part (a shared mount).',
  'xend-domain-lock-utility': 'Program that takes and releases the domain locks (`domain-lock`, or `domain-lock-sfex` for a shared lock device).',
  'xend-domain-lock-device': 'Shared block device used by lock utilities that need one (sfex).',
};

/** What each option that only Xen 2.0's xend read was for (schema/index.ts holds the facts). */
export const LEGACY_OPTION_DOCS: Record<string, string> = {
  dbroot: 'Folder of the database where xend 2.0 kept its domain records.',
  'block-<type>': 'Script that sets up a disk of that type (`block-file` for `file:` disks, `block-enbd` for `enbd:`); `phy:` disks needed none.',
  'vif-bridge': 'Bridge that every guest interface was attached to unless its vif named another.',
  'vif-antispoof': 'Whether iptables rules kept a guest from sending with an address other than its own (`yes`, `1` or `on`).',
  'xend-event-port': 'TCP port of xend\'s event server, next to the HTTP server on `xend-port`.',
  'console-port-base': 'First TCP port of the domains\' consoles: domain N got this port plus N.',
  'console-address': 'Address the console ports listened on; `\'\'` meant every interface.',
};

/** A network script xend shipped: what it does and the `key=value` arguments it understands. */
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
    arguments: nameTable({ ...COMMON_ARGUMENTS, bridge: 'Name of the bridge to create (default `xenbr<vifnum>`, or the NIC\'s name on newer releases).', antispoof: '`yes` adds iptables rules so a guest can only send from its own address.' }),
  },
  {
    name: 'network-route',
    doc: 'Routed networking: dom0 routes guest traffic (IP forwarding on, proxy ARP on the NIC); no bridge. Pair with `vif-route`.',
    arguments: nameTable(COMMON_ARGUMENTS),
  },
  {
    name: 'network-nat',
    doc: 'NAT: guests get private addresses (optionally from a local DHCP server) and dom0 masquerades their traffic. Pair with `vif-nat`.',
    arguments: nameTable({ ...COMMON_ARGUMENTS, dhcp: '`yes` runs a DHCP server for the guests\' private network.' }),
  },
  {
    name: 'network-dummy',
    doc: 'Does nothing: the network is set up by the distribution (Fedora and RHEL shipped it as their default).',
    arguments: nameTable({}),
  },
];

/** Options most xend-config.sxp files set, most used first (completion offers them first). */
export const COMMON_OPTIONS: readonly string[] = [
  'network-script', 'vif-script', 'dom0-min-mem', 'enable-dom0-ballooning', 'dom0-cpus', 'xend-relocation-server', 'xend-relocation-port',
  'xend-relocation-address', 'xend-relocation-hosts-allow', 'vnc-listen', 'vncpasswd', 'xend-unix-server', 'xend-http-server', 'loglevel', 'logfile',
];

/** One line per value completion offers, by option. */
export const VALUE_DOCS: Readonly<Record<string, Readonly<Record<string, string>>>> = nameTables({
  'xen-api-server': { '((unix))': 'The Xen-API on a local UNIX socket only (default).', '((unix none))': 'The UNIX socket without authentication.', "((9363 pam '^localhost$'))": 'TCP port 9363 with PAM logins, from localhost only.' },
  'xend-tcp-xmlrpc-server-address': { localhost: 'Listen on the loopback interface only (default).', "''": 'Listen on every interface.' },
  'xend-address': { localhost: 'Listen on the loopback interface only.', "''": 'Listen on every interface (default).', "'127.0.0.1'": 'Listen on the IPv4 loopback only.' },
  'xend-relocation-address': { "''": 'Accept migrations on every interface (default).', "'127.0.0.1'": 'Accept migrations from this host only.' },
  'xend-relocation-hosts-allow': { "'^localhost$ ^localhost\\\\.localdomain$'": 'Accept migrations from this host only (default).' },
  'network-script': {
    'network-bridge': 'Create a bridge on the default NIC and move its address onto it.',
    "'network-bridge netdev=eth0'": 'Bridge the given NIC.',
    'network-route': 'Route guest traffic through dom0 (no bridge).',
    'network-nat': 'Masquerade guests behind dom0\'s address.',
    '/bin/true': 'Do nothing: the distribution sets up the bridges.',
  },
  'vif-script': { 'vif-bridge': 'Attach each vif to its bridge (default).', 'vif-route': 'Route each vif\'s traffic through dom0.', 'vif-nat': 'NAT each vif behind dom0.', 'vif-openvswitch': 'Attach each vif to an Open vSwitch bridge.' },
  'vnc-listen': { "'127.0.0.1'": 'VNC consoles on the loopback only (default; tunnel over SSH).', "'0.0.0.0'": 'VNC consoles on every interface: set a password.' },
  'vnc-tls': { '0': 'Plain VNC (default).', '1': 'VNC over TLS with the x509 certificates.' },
  'vnc-x509-verify': { '0': 'Do not check client certificates (default).', '1': 'Require a client certificate signed by the CA.' },
  keymap: { 'en-us': 'US English keyboard (default).', 'en-gb': 'British English keyboard.', de: 'German keyboard.', fr: 'French keyboard.' },
  loglevel: { DEBUG: 'Everything, for debugging.', INFO: 'Normal operation messages.', WARNING: 'Problems that do not stop xend.', ERROR: 'Errors only.', CRITICAL: 'Only what stops xend.' },
  xsm_module_name: { dummy: 'No XSM policy (default).', flask: 'The FLASK security module (SELinux-like policies).' },
  'xend-domain-lock-utility': { 'domain-lock': 'The lock script on a shared file system.', 'domain-lock-sfex': 'The lock through an SFEX partition on shared storage.' },
});

/** The yes/no meaning of a boolean option's values. */
export const BOOLEAN_DOCS: Readonly<Record<string, string>> = nameTable({ yes: 'Turns it on.', no: 'Turns it off.' });
