import type { Range } from 'vscode-languageserver-types';

/**
 * Facts one file contributes to the workspace model. Every language fills in
 * what it knows; the workspace index answers cross-file questions from them.
 * Each fact keeps the range where it is written, so diagnostics and
 * navigation can point at it.
 */
export interface Located<T = string> {
  value: T;
  range: Range;
}

export interface DomainFact {
  name?: Located;
  uuid?: Located;
  /** vif MACs in vif order (index = device number). */
  macs: Located[];
  bridges: Located[];
  /** Disk targets (e.g. /dev/drbd0, /dev/vg/lv, a file path), and whether the guest may write them. */
  disks: (Located & { writable: boolean })[];
}

export interface ClusterFacts {
  clusterName?: Located;
  /** The cluster nodes, each with its `nodeid` when that is a number (DRBD 9's node-id can follow it). */
  nodes: (Located & { nodeid?: number })[];
  fenceDevices: Located[];
  /** `<device name=…>` references to fence devices. */
  fenceDeviceRefs: Located[];
  services: Located[];
  /** rgmanager `<vm name=…>` entries, with whether migration is enabled for them. */
  vms: (Located & { migratable: boolean })[];
}

export interface DrbdResourceFact {
  name: Located;
  hosts: Located[];
  addresses: (Located & { host: string })[];
  minors: (Located<number> & { host: string })[];
  devices: (Located & { host: string })[];
  disks: (Located & { host: string })[];
  dualPrimary: boolean;
  /**
   * Present when the resource itself turns dual-primary on (not when it
   * inherits that from `common`): where, and how its own file fences it, so
   * a cross-file rule can add what a `common` section of another file gives.
   */
  dualPrimaryFencing?: DrbdDualPrimaryFencingFact;
  /** DRBD 8.3: neither the resource nor its file's `common` sets a `protocol` (drbdadm 8.3 needs one; another file's `common` may give it). */
  withoutProtocol?: boolean;
}

/** How a resource that allows two primaries is fenced by its own file. */
export interface DrbdDualPrimaryFencingFact {
  /** The `allow-two-primaries` keyword, or the `both` of `become-primary-on both`. */
  range: Range;
  /** `fencing resource-and-stonith` is set in the resource or a `common` section of its file. */
  fencing: boolean;
  /** A `fence-peer` handler is set in the resource or a `common` section of its file. */
  fencePeer: boolean;
  /** Where its file's DRBD dialect writes the fencing policy: `disk` (8.x) or `net` (9). */
  fencingSection: string;
}

export interface IftabEntryFact {
  interfaceName: Located;
  mac?: Located;
}

/**
 * What the guest checks of an iftab (languages/iftab/crossFile.ts) read
 * besides its entries: where the file sits, which may name the guest it is
 * written for, and every exact MAC it names (a line may name more than one).
 */
export interface IftabGuestFact {
  /** The folders of the file's path, outermost first: one named like a workspace domain makes it that guest's iftab. */
  folders: string[];
  /** NAME of a `guests/NAME/` (or `domU/NAME/`) folder of the path: a guest's iftab even with no workspace. */
  pathGuest?: string;
  /** Every exact 6-byte MAC selector value (normalized), with the interface name of its line, in file order. */
  macs: (Located & { interfaceName: string })[];
}

/** What a DRBD `common` section gives every resource (usually in drbd.d/global_common.conf). */
export interface DrbdCommonFact {
  /** The `fencing` policy, e.g. "resource-and-stonith". */
  fencing?: string;
  /** Whether a `fence-peer` handler is set. */
  fencePeer: boolean;
  /** Whether it sets a resource-level `protocol` (DRBD 8.3 syntax). */
  protocol?: boolean;
}

export interface FileFacts {
  domain?: DomainFact;
  cluster?: ClusterFacts;
  drbdResources?: DrbdResourceFact[];
  drbdCommon?: DrbdCommonFact;
  /** Where a DRBD file's `include` statements point: absolute path patterns, wildcards in the last segment only. */
  drbdIncludes?: string[];
  iftab?: IftabEntryFact[];
  iftabGuest?: IftabGuestFact;
  /**
   * The dom0 network interfaces a host file sets up by name: the `netdev=`
   * (the NIC) and `bridge=` of xend's network-script. Domain configs name the
   * bridges in their vifs (`DomainFact.bridges`); both are one kind of name
   * for navigation and rename, which a dom0 iftab's rename follows.
   */
  dom0Interfaces?: Located[];
}

export const NO_FACTS: FileFacts = {};
