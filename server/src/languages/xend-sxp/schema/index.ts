/**
 * Every option xend read from xend-config.sxp: the 50 that `XendOptions.py`
 * (Xen 4.4, the last release with xend) reads, plus SUSE's domain-locking
 * options. Types and defaults come from `data/upstream/facts/xend-options.json`;
 * the documentation (docs.ts) is ours. Completion, hover and validation all
 * read these tables.
 */
import { LEGACY_OPTION_DOCS, NETWORK_SCRIPTS, NetworkScriptSpec, OPTION_DOCS } from './docs';

export { NETWORK_SCRIPTS } from './docs';
export type { NetworkScriptSpec } from './docs';

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

const OPTION_FACTS: readonly Omit<XendOptionSpec, 'doc'>[] = [
  // --- management servers -------------------------------------------------
  { name: 'xen-api-server', type: 'sxp', role: 'xen-api', default: '((unix))', suggestions: ['((unix))', "((unix none))", "((9363 pam '^localhost$'))"], xlGone: 'xl has no remote API (libvirt or XAPI offer one)' },
  { name: 'xend-http-server', type: 'boolean', default: 'no', xlGone: 'xl has no network API' },
  { name: 'xend-unix-server', type: 'boolean', default: 'no', xlGone: 'xl talks to libxl directly' },
  { name: 'xend-tcp-xmlrpc-server', type: 'boolean', default: 'no', xlGone: 'xl has no network API' },
  { name: 'xend-tcp-xmlrpc-server-address', type: 'string', role: 'address', default: 'localhost', suggestions: ['localhost', "''"] },
  { name: 'xend-tcp-xmlrpc-server-port', type: 'integer', role: 'port', default: '8006' },
  { name: 'xend-tcp-xmlrpc-server-ssl-key-file', type: 'string', role: 'path' },
  { name: 'xend-tcp-xmlrpc-server-ssl-cert-file', type: 'string', role: 'path' },
  { name: 'xend-unix-xmlrpc-server', type: 'boolean', default: 'yes', xlGone: 'xl talks to libxl directly' },
  { name: 'xend-unix-path', type: 'string', role: 'path', default: '/var/lib/xend/xend-socket' },
  { name: 'xend-address', type: 'string', role: 'address', default: "''", suggestions: ['localhost', "''", "'127.0.0.1'"] },
  { name: 'xend-port', type: 'integer', role: 'port', default: '8000' },
  { name: 'xend-udev-event-server', type: 'boolean', default: 'no' },

  // --- relocation (live migration) ---------------------------------------------
  { name: 'xend-relocation-server', type: 'boolean', default: 'no', xlGone: MIGRATION_OVER_SSH },
  { name: 'xend-relocation-ssl-server', type: 'boolean', default: 'no', xlGone: MIGRATION_OVER_SSH },
  { name: 'xend-relocation-ssl', type: 'boolean', default: 'no', xlGone: MIGRATION_OVER_SSH },
  { name: 'xend-relocation-port', type: 'integer', role: 'port', default: '8002', xlGone: MIGRATION_OVER_SSH },
  { name: 'xend-relocation-ssl-port', type: 'integer', role: 'port', default: '8003', xlGone: MIGRATION_OVER_SSH },
  { name: 'xend-relocation-address', type: 'string', role: 'address', default: "''", suggestions: ["''", "'127.0.0.1'"], xlGone: MIGRATION_OVER_SSH },
  { name: 'xend-relocation-hosts-allow', type: 'string', role: 'hosts-allow', default: "''", suggestions: ["'^localhost$ ^localhost\\\\.localdomain$'"], xlGone: MIGRATION_OVER_SSH },
  { name: 'xend-relocation-server-ssl-key-file', type: 'string', role: 'path' },
  { name: 'xend-relocation-server-ssl-cert-file', type: 'string', role: 'path' },
  { name: 'external-migration-tool', type: 'string', role: 'path', default: "''" },

  // --- networking -----------------------------------------------------------
  { name: 'network-script', type: 'string', role: 'network-script', suggestions: ['network-bridge', "'network-bridge netdev=eth0'", 'network-route', 'network-nat', '/bin/true'], xlGone: 'Set the bridges up in the distribution\'s network configuration (e.g. /etc/network/interfaces)' },
  { name: 'vif-script', type: 'string', role: 'vif-script', default: 'vif-bridge', suggestions: ['vif-bridge', 'vif-route', 'vif-nat', 'vif-openvswitch'], xlReplacement: '`vif.default.script` in xl.conf (or `script=` in a domain\'s vif spec)' },

  // --- dom0 resources ---------------------------------------------------------
  { name: 'dom0-min-mem', type: 'integer', role: 'megabytes', default: '0', xlReplacement: '`autoballoon` in xl.conf, with `dom0_mem=` on the Xen command line' },
  { name: 'enable-dom0-ballooning', type: 'boolean', default: 'yes (no when dom0-min-mem is 0)', xlReplacement: '`autoballoon` in xl.conf' },
  { name: 'total_available_memory', type: 'integer', default: '0' },
  { name: 'dom0-cpus', type: 'integer', default: '0', xlReplacement: '`dom0_max_vcpus=` on the Xen command line' },

  // --- consoles and VNC ----------------------------------------------------------
  { name: 'console-limit', type: 'integer', default: '1024' },
  { name: 'vnc-listen', type: 'string', role: 'address', default: '127.0.0.1', suggestions: ["'127.0.0.1'", "'0.0.0.0'"], xlReplacement: '`vnclisten` in each domain config' },
  { name: 'vncpasswd', type: 'string', xlReplacement: '`vncpasswd` in each domain config' },
  { name: 'vnc-tls', type: 'string', default: '0', suggestions: ['0', '1'] },
  { name: 'vnc-x509-cert-dir', type: 'string', role: 'path', default: '/etc/xen/vnc' },
  { name: 'vnc-x509-verify', type: 'string', default: '0', suggestions: ['0', '1'] },
  { name: 'keymap', type: 'string', suggestions: ['en-us', 'en-gb', 'de', 'fr'], xlReplacement: '`keymap` in each domain config' },

  // --- devices ---------------------------------------------------------------
  { name: 'device-create-timeout', type: 'integer', default: '100' },
  { name: 'device-destroy-timeout', type: 'integer', default: '100' },
  { name: 'pci-passthrough-strict-check', type: 'boolean', default: 'yes' },
  { name: 'pscsi-device-mask', type: 'sxp', default: "('*')" },
  { name: 'enable-dump', type: 'boolean', default: 'no' },
  { name: 'qemu-dm-logrotate-count', type: 'integer', default: '10' },

  // --- logging, state and security ----------------------------------------------
  { name: 'logfile', type: 'string', role: 'path', default: '/var/log/xen/xend.log' },
  { name: 'loglevel', type: 'string', role: 'loglevel', default: 'DEBUG', suggestions: ['DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL'] },
  { name: 'xend-domains-path', type: 'string', role: 'path', default: '/var/lib/xend/domains' },
  { name: 'xend-state-path', type: 'string', role: 'path', default: '/var/lib/xend/state' },
  { name: 'xend-storage-path', type: 'string', role: 'path', default: '/var/lib/xend/storage' },
  { name: 'xend-security-path', type: 'string', role: 'path', default: '/var/lib/xend/security' },
  { name: 'xsm_module_name', type: 'string', default: 'dummy', suggestions: ['dummy', 'flask'] },
  { name: 'resource-label-change-script', type: 'string', role: 'path' },

  // --- SUSE's xend ------------------------------------------------------------------
  { name: 'xend-domain-lock', type: 'boolean', default: 'no', vendor: 'SUSE', xlReplacement: '`lockfile` in xl.conf only serialises xl itself; use the cluster manager (rgmanager, sanlock) to fence double starts' },
  { name: 'xend-domain-lock-path', type: 'string', role: 'path', default: '/var/lib/xen/images/vm_locks', vendor: 'SUSE' },
  { name: 'xend-domain-lock-utility', type: 'string', role: 'path', default: 'domain-lock', vendor: 'SUSE', suggestions: ['domain-lock', 'domain-lock-sfex'] },
  { name: 'xend-domain-lock-device', type: 'string', role: 'path', vendor: 'SUSE' },
];

export const XEND_OPTIONS: readonly XendOptionSpec[] = OPTION_FACTS.map((fact) => ({ ...fact, doc: OPTION_DOCS[fact.name] }));

const BY_NAME = new Map(XEND_OPTIONS.map((option) => [option.name, option]));

export function optionSpec(name: string): XendOptionSpec | undefined {
  return BY_NAME.get(name);
}

export const OPTION_NAMES: readonly string[] = XEND_OPTIONS.map((option) => option.name);

/** The network script xend ships under this name (a path is looked up by its base name). */
export function networkScript(name: string): NetworkScriptSpec | undefined {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return NETWORK_SCRIPTS.find((script) => script.name === base);
}

/**
 * Options only Xen 2.0's xend read (XendRoot.py of RELEASE-2.0.0 to 2.0.6),
 * none of which the xend of 3.0.0 or any later release looks up, so from 3.0
 * on they are ignored. Facts from `data/upstream/facts/xend-legacy-options.json`;
 * the documentation (docs.ts) is ours.
 */
export interface LegacyOptionSpec {
  /** The option's name; `block-<type>` stands for every `block-TYPE`. */
  name: string;
  /** The Xen releases whose xend read it. */
  readBy: readonly string[];
  /** xend 2.0's default, written as in the file. */
  default: string;
  /** What does the job from Xen 3.0 on, when something does. */
  later?: string;
  doc: string;
}

const XEN_2_0 = ['2.0.0', '2.0.1', '2.0.2', '2.0.3', '2.0.4', '2.0.5', '2.0.6'];

const LEGACY_FACTS: readonly Omit<LegacyOptionSpec, 'doc'>[] = [
  { name: 'dbroot', readBy: XEN_2_0, default: '/var/lib/xen/xend-db' },
  { name: 'block-<type>', readBy: XEN_2_0, default: "''", later: 'the hotplug scripts pick the script for a disk type themselves' },
  { name: 'vif-bridge', readBy: XEN_2_0, default: 'xen-br0', later: "name the bridge as an argument, (vif-script 'vif-bridge bridge=xenbr0'), or with bridge= on each vif" },
  { name: 'vif-antispoof', readBy: XEN_2_0, default: 'yes', later: "(network-script 'network-bridge antispoof=yes')" },
  { name: 'xend-event-port', readBy: ['2.0.6'], default: '8001' },
  { name: 'console-port-base', readBy: ['2.0.6'], default: '9600', later: 'xenconsoled serves the consoles, reached with `xm console`' },
  { name: 'console-address', readBy: ['2.0.6'], default: "''", later: 'xenconsoled serves the consoles, reached with `xm console`' },
];

export const LEGACY_OPTIONS: readonly LegacyOptionSpec[] = LEGACY_FACTS.map((fact) => ({ ...fact, doc: LEGACY_OPTION_DOCS[fact.name] }));

/** The Xen 2.0 option this name is, `block-file` being one of `block-<type>`. */
export function legacyOption(name: string): LegacyOptionSpec | undefined {
  const key = /^block-[A-Za-z0-9_]+$/.test(name) ? 'block-<type>' : name;
  return LEGACY_OPTIONS.find((option) => option.name === key);
}

/** "2.0.0–2.0.6", or the one release. */
export function releaseSpan(releases: readonly string[]): string {
  return releases.length === 1 ? releases[0] : `${releases[0]}–${releases[releases.length - 1]}`;
}
