/**
 * The extension's own LSP requests, beside the standard ones: their method
 * names and payloads, which the client sends and the server answers.
 */
import type { DomainSummary } from './hostCheck/domainSummary';

/** `xenConfig/clusterNodes` (no params): the `<clusternode name=...>` entries of the workspace's cluster.conf files. */
export const CLUSTER_NODES_REQUEST = 'xenConfig/clusterNodes';

export interface ClusterNode {
  /** The node's name, as `<clusternode name=...>` writes it (a host name the dom0 explorer can connect to). */
  name: string;
  /** The cluster.conf that declares it (the first one, when several do). */
  uri: string;
}

/**
 * `xenConfig.migrate.open`: the command of the server's "Convert to …" code actions. The client opens
 * the outputs as new, unsaved documents beside the original (the first as a diff with it); nothing is
 * written until the user saves.
 */
export const MIGRATE_COMMAND = 'xenConfig.migrate.open';

export interface MigrateCommandArguments {
  /** The document converted (left side of the diff; never changed). */
  sourceUri: string;
  /** The `--to` value (`xl`, `xl.conf`, `systemd-link`, …). */
  target: string;
  outputs: { name: string; text: string; language?: string }[];
  notes: { line: number; kind: 'note' | 'manual'; message: string }[];
}

/**
 * `xenConfig/documentSettings` (a notification): settings for one document over the workspace's,
 * or `settings` null to drop them. The dom0 explorer sends a remote config's host's Xen version and
 * toolstack (from `xl info`), so the file is checked against the Xen that will read it.
 */
export const DOCUMENT_SETTINGS_NOTIFICATION = 'xenConfig/documentSettings';

export interface DocumentSettingsParams {
  uri: string;
  settings: { xen?: { version?: string; toolstack?: 'xl' | 'xm' } } | null;
}

/**
 * `xenConfig/domainSummary` {uri}: our own reading of an open domain config (memory, vCPUs, type, disks,
 * vifs), from the server's parse of the editor's text, or null for any other document. "Show Effective
 * Configuration" compares it with the JSON the host's `xl -N create` prints, as `cli.js effective` does.
 */
export const DOMAIN_SUMMARY_REQUEST = 'xenConfig/domainSummary';

export interface DomainSummaryParams {
  uri: string;
}

export type DomainSummaryResult = DomainSummary | null;
