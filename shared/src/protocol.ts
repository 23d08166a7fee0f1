/**
 * The extension's own LSP requests, beside the standard ones: their method
 * names and payloads, which the client sends and the server answers.
 */

/** `xenConfig/clusterNodes` (no params): the `<clusternode name=...>` entries of the workspace's cluster.conf files. */
export const CLUSTER_NODES_REQUEST = 'xenConfig/clusterNodes';

export interface ClusterNode {
  /** The node's name, as `<clusternode name=...>` writes it (a host name the dom0 explorer can connect to). */
  name: string;
  /** The cluster.conf that declares it (the first one, when several do). */
  uri: string;
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
