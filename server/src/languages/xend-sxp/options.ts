/**
 * Every option xend read from xend-config.sxp: the 50 that `XendOptions.py`
 * (Xen 4.4, the last release with xend) reads, plus SUSE's domain-locking
 * options. Types and defaults come from `reference/facts/xend-options.json`;
 * the documentation is ours. Completion, hover and validation all read this
 * table.
 */

/** How xend reads the value: get_config_bool / _int / _string / _value. */
export type XendValueType = 'boolean' | 'integer' | 'string' | 'sxp';

/** Values some checks look at more closely than their type. */
export type XendValueRole = 'port' | 'address' | 'hosts-allow' | 'network-script' | 'vif-script' | 'path' | 'xen-api' | 'loglevel' | 'megabytes';

export interface XendOptionSpec {
  name: string;
  type: XendValueType;
  role?: XendValueRole;
  /** The default as xend computes it, written as in the file; undefined when xend has none (unset). */
  default?: string;
  doc: string;
  /** Values offered by completion (besides yes/no for booleans). */
  suggestions?: string[];
  /** What replaces the option once xend is gone (Xen 4.5 and later, xl). */
  xlReplacement?: string;
  /** Why nothing replaces it under xl (no daemon, migration over SSH…). */
  xlGone?: string;
  /** Set for options only a vendor's patched xend reads. */
  vendor?: string;
}

/** Words get_config_bool accepts, case-insensitively. */
export const BOOLEAN_TRUE = ['yes', 'y', '1', 'on', 'true', 't'];
export const BOOLEAN_FALSE = ['no', 'n', '0', 'off', 'false', 'f'];

/** The first Xen release without xend. */
export const XEND_REMOVED_IN = '4.5';

const MIGRATION_OVER_SSH = '`xl migrate` runs over SSH, so there is no listener to configure (restrict it with sshd and `authorized_keys`)';

export const XEND_OPTIONS: readonly XendOptionSpec[] = [
  // --- management servers -------------------------------------------------
  { name: 'xen-api-server', type: 'sxp', role: 'xen-api', default: '((unix))', doc: 'Listeners of the Xen-API (XML-RPC) server: a list of entries `(PORT-or-ADDRESS:PORT-or-unix AUTH HOSTS [KEY CERT])`. AUTH is `pam` (check the user against PAM) or `none` (no check at all); HOSTS is a space-separated list of regular expressions a client\'s name or address must match. KEY and CERT turn on SSL for a TCP entry.', suggestions: ['((unix))', "((unix none))", "((9363 pam '^localhost$'))"], xlGone: 'xl has no remote API (libvirt or XAPI offer one)' },
  { name: 'xend-http-server', type: 'boolean', default: 'no', doc: 'Run the legacy HTTP/S-expression API (used by old `xm` and virt-manager) on `xend-port`. It has no authentication at all: whoever reaches the port can create, destroy and migrate domains. Bind it with `xend-address`.', xlGone: 'xl has no network API' },
  { name: 'xend-unix-server', type: 'boolean', default: 'no', doc: 'Serve the legacy HTTP API on the Unix socket `xend-unix-path` as well; only local users allowed by the socket\'s permissions can use it.', xlGone: 'xl talks to libxl directly' },
  { name: 'xend-tcp-xmlrpc-server', type: 'boolean', default: 'no', doc: 'Run the XML-RPC server (what `xm` talks to) on TCP, at `xend-tcp-xmlrpc-server-address`:`xend-tcp-xmlrpc-server-port`. It does not authenticate callers; keep it on localhost or give it SSL keys.', xlGone: 'xl has no network API' },
  { name: 'xend-tcp-xmlrpc-server-address', type: 'string', role: 'address', default: 'localhost', doc: 'Address the TCP XML-RPC server binds to. `localhost` keeps it local; an empty string listens on every interface.', suggestions: ['localhost', "''"] },
  { name: 'xend-tcp-xmlrpc-server-port', type: 'integer', role: 'port', default: '8006', doc: 'TCP port of the XML-RPC server.' },
  { name: 'xend-tcp-xmlrpc-server-ssl-key-file', type: 'string', role: 'path', doc: 'Private key (PEM) that turns on SSL for the TCP XML-RPC server; needs the matching certificate file too.' },
  { name: 'xend-tcp-xmlrpc-server-ssl-cert-file', type: 'string', role: 'path', doc: 'Certificate (PEM) for the SSL TCP XML-RPC server; needs the key file too.' },
  { name: 'xend-unix-xmlrpc-server', type: 'boolean', default: 'yes', doc: 'Run the XML-RPC server on a Unix socket; this is how the local `xm` command reaches xend, so leave it on.', xlGone: 'xl talks to libxl directly' },
  { name: 'xend-unix-path', type: 'string', role: 'path', default: '/var/lib/xend/xend-socket', doc: 'Path of the Unix socket of the legacy HTTP API (`xend-unix-server`).' },
  { name: 'xend-address', type: 'string', role: 'address', default: "''", doc: 'Address the HTTP API (`xend-http-server`) binds to. The default, an empty string, means every interface; `localhost` keeps it on this host.', suggestions: ['localhost', "''", "'127.0.0.1'"] },
  { name: 'xend-port', type: 'integer', role: 'port', default: '8000', doc: 'TCP port of the HTTP API.' },
  { name: 'xend-udev-event-server', type: 'boolean', default: 'no', doc: 'Listen for udev events so that xend notices devices (e.g. block devices for passthrough) appearing and disappearing.' },

  // --- relocation (live migration) ---------------------------------------------
  { name: 'xend-relocation-server', type: 'boolean', default: 'no', doc: 'Accept domains migrated from other hosts (`xm migrate`) on `xend-relocation-port`. The relocation protocol has no authentication: restrict who may connect with `xend-relocation-hosts-allow` and bind it with `xend-relocation-address`.', xlGone: MIGRATION_OVER_SSH },
  { name: 'xend-relocation-ssl-server', type: 'boolean', default: 'no', doc: 'Accept migrations over SSL on `xend-relocation-ssl-port`, with the key and certificate files below. The hosts-allow list applies as well.', xlGone: MIGRATION_OVER_SSH },
  { name: 'xend-relocation-ssl', type: 'boolean', default: 'no', doc: 'Send outgoing migrations over SSL (the target must run the SSL relocation server).', xlGone: MIGRATION_OVER_SSH },
  { name: 'xend-relocation-port', type: 'integer', role: 'port', default: '8002', doc: 'TCP port of the relocation server.', xlGone: MIGRATION_OVER_SSH },
  { name: 'xend-relocation-ssl-port', type: 'integer', role: 'port', default: '8003', doc: 'TCP port of the SSL relocation server.', xlGone: MIGRATION_OVER_SSH },
  { name: 'xend-relocation-address', type: 'string', role: 'address', default: "''", doc: 'Address the relocation server binds to. The default, an empty string, means every interface; give the address of the migration network instead.', suggestions: ["''", "'127.0.0.1'"], xlGone: MIGRATION_OVER_SSH },
  { name: 'xend-relocation-hosts-allow', type: 'string', role: 'hosts-allow', default: "''", doc: 'Who may migrate domains onto (or off) this host: a space-separated list of regular expressions, matched from the start against the connecting host\'s name and address. Empty means anyone who reaches the port. Anchor each pattern (`^an-node02\\\\.example\\\\.com$`) and double the backslashes: the file\'s reader drops the character after an unknown escape.', suggestions: ["'^localhost$ ^localhost\\\\.localdomain$'"], xlGone: MIGRATION_OVER_SSH },
  { name: 'xend-relocation-server-ssl-key-file', type: 'string', role: 'path', doc: 'Private key (PEM) of the SSL relocation server.' },
  { name: 'xend-relocation-server-ssl-cert-file', type: 'string', role: 'path', doc: 'Certificate (PEM) of the SSL relocation server.' },
  { name: 'external-migration-tool', type: 'string', role: 'path', default: "''", doc: 'Program xend runs to move external state (such as a virtual TPM) along with a migrating domain.' },

  // --- networking -----------------------------------------------------------
  { name: 'network-script', type: 'string', role: 'network-script', doc: 'Script (in /etc/xen/scripts unless a path is given) xend runs at start and stop to set up dom0\'s networking, with its arguments in one quoted string: `\'network-bridge netdev=eth1\'`. Unset (or `(network-script )`) leaves the network alone.', suggestions: ['network-bridge', "'network-bridge netdev=eth0'", 'network-route', 'network-nat', '/bin/true'], xlGone: 'Set the bridges up in the distribution\'s network configuration (e.g. /etc/network/interfaces)' },
  { name: 'vif-script', type: 'string', role: 'vif-script', default: 'vif-bridge', doc: 'Hotplug script that connects each guest network interface in dom0; pairs with network-script (`vif-bridge` for network-bridge, `vif-route`, `vif-nat`).', suggestions: ['vif-bridge', 'vif-route', 'vif-nat', 'vif-openvswitch'], xlReplacement: '`vif.default.script` in xl.conf (or `script=` in a domain\'s vif spec)' },

  // --- dom0 resources ---------------------------------------------------------
  { name: 'dom0-min-mem', type: 'integer', role: 'megabytes', default: '0', doc: 'Lowest memory, in MiB, that dom0 may be ballooned down to when guests need memory; 0 means dom0 is never shrunk (and turns ballooning off by default).', xlReplacement: '`autoballoon` in xl.conf, with `dom0_mem=` on the Xen command line' },
  { name: 'enable-dom0-ballooning', type: 'boolean', default: 'yes (no when dom0-min-mem is 0)', doc: 'Let xend take memory from dom0 to start guests.', xlReplacement: '`autoballoon` in xl.conf' },
  { name: 'total_available_memory', type: 'integer', default: '0', doc: 'Memory, in GiB, kept aside for 32-bit PV guests (they can only use memory below 168 GiB); pair it with a negative `dom0_mem=` on the Xen command line. 0 keeps nothing aside.' },
  { name: 'dom0-cpus', type: 'integer', default: '0', doc: 'Number of CPUs dom0 uses; 0 means all of them.', xlReplacement: '`dom0_max_vcpus=` on the Xen command line' },

  // --- consoles and VNC ----------------------------------------------------------
  { name: 'console-limit', type: 'integer', default: '1024', doc: 'Buffer size, in KiB, of each guest console before output is dropped.' },
  { name: 'vnc-listen', type: 'string', role: 'address', default: '127.0.0.1', doc: 'Address HVM guests\' VNC consoles listen on unless a domain sets its own `vnclisten`. `0.0.0.0` exposes every console to the network.', suggestions: ["'127.0.0.1'", "'0.0.0.0'"], xlReplacement: '`vnclisten` in each domain config' },
  { name: 'vncpasswd', type: 'string', doc: 'Default VNC console password for domains that set none. An empty string means no password; anyone who reaches the console port gets the guest\'s screen and keyboard.', xlReplacement: '`vncpasswd` in each domain config' },
  { name: 'vnc-tls', type: 'string', default: '0', doc: 'Set to 1 to encrypt VNC consoles with TLS, using the certificates in `vnc-x509-cert-dir`.', suggestions: ['0', '1'] },
  { name: 'vnc-x509-cert-dir', type: 'string', role: 'path', default: '/etc/xen/vnc', doc: 'Folder holding the TLS certificates and key for VNC consoles (ca-cert.pem, server-cert.pem, server-key.pem).' },
  { name: 'vnc-x509-verify', type: 'string', default: '0', doc: 'Set to 1 to require VNC clients to present a certificate signed by the CA in `vnc-x509-cert-dir`.', suggestions: ['0', '1'] },
  { name: 'keymap', type: 'string', doc: 'Default keyboard layout for VNC consoles (e.g. `en-us`, `de`), unless a domain sets its own.', suggestions: ['en-us', 'en-gb', 'de', 'fr'], xlReplacement: '`keymap` in each domain config' },

  // --- devices ---------------------------------------------------------------
  { name: 'device-create-timeout', type: 'integer', default: '100', doc: 'Seconds xend waits for a new virtual device\'s backend to come up before giving up.' },
  { name: 'device-destroy-timeout', type: 'integer', default: '100', doc: 'Seconds xend waits for a device to be torn down.' },
  { name: 'pci-passthrough-strict-check', type: 'boolean', default: 'yes', doc: 'Refuse PCI passthrough of devices that cannot be safely reset or isolated (function-level reset, co-assigned devices).' },
  { name: 'pscsi-device-mask', type: 'sxp', default: "('*')", doc: 'Which physical SCSI devices xend scans at start, as a list of patterns such as `(\'<*:*:*:*>\')`; narrowing it speeds up start on hosts with many LUNs.' },
  { name: 'enable-dump', type: 'boolean', default: 'no', doc: 'Write a core dump of a guest that crashes to /var/lib/xen/dump.' },
  { name: 'qemu-dm-logrotate-count', type: 'integer', default: '10', doc: 'How many old qemu-dm log files to keep per domain.' },

  // --- logging, state and security ----------------------------------------------
  { name: 'logfile', type: 'string', role: 'path', default: '/var/log/xen/xend.log', doc: 'File xend logs to.' },
  { name: 'loglevel', type: 'string', role: 'loglevel', default: 'DEBUG', doc: 'Least severe message level written to the log.', suggestions: ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] },
  { name: 'xend-domains-path', type: 'string', role: 'path', default: '/var/lib/xend/domains', doc: 'Where xend keeps the configurations of managed (`xm new`) domains.' },
  { name: 'xend-state-path', type: 'string', role: 'path', default: '/var/lib/xend/state', doc: 'Where xend keeps its own state (Xen-API objects).' },
  { name: 'xend-storage-path', type: 'string', role: 'path', default: '/var/lib/xend/storage', doc: 'Where xend keeps the images of its QCoW storage repository.' },
  { name: 'xend-security-path', type: 'string', role: 'path', default: '/var/lib/xend/security', doc: 'Where xend keeps the state of the security policy (ACM/XSM labels).' },
  { name: 'xsm_module_name', type: 'string', default: 'dummy', doc: 'Xen Security Module policy xend manages: `dummy` (none) or `flask`.', suggestions: ['dummy', 'flask'] },
  { name: 'resource-label-change-script', type: 'string', role: 'path', doc: 'Script run when a resource\'s security label changes, with its arguments in one string.' },

  // --- SUSE's xend ------------------------------------------------------------------
  { name: 'xend-domain-lock', type: 'boolean', default: 'no', vendor: 'SUSE', doc: 'Take a lock for each running domain so that two hosts sharing storage never run the same domain at once.', xlReplacement: '`lockfile` in xl.conf only serialises xl itself; use the cluster manager (rgmanager, sanlock) to fence double starts' },
  { name: 'xend-domain-lock-path', type: 'string', role: 'path', default: '/var/lib/xen/images/vm_locks', vendor: 'SUSE', doc: 'Folder for the domain locks; it must be shared by every host taking part (a shared mount).' },
  { name: 'xend-domain-lock-utility', type: 'string', role: 'path', default: 'domain-lock', vendor: 'SUSE', doc: 'Program that takes and releases the domain locks (`domain-lock`, or `domain-lock-sfex` for a shared lock device).', suggestions: ['domain-lock', 'domain-lock-sfex'] },
  { name: 'xend-domain-lock-device', type: 'string', role: 'path', vendor: 'SUSE', doc: 'Shared block device used by lock utilities that need one (sfex).' },
];

const BY_NAME = new Map(XEND_OPTIONS.map((option) => [option.name, option]));

export function optionSpec(name: string): XendOptionSpec | undefined {
  return BY_NAME.get(name);
}

export const OPTION_NAMES: readonly string[] = XEND_OPTIONS.map((option) => option.name);
