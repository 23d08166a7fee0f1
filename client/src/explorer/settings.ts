/** The explorer's settings (`xenConfig.dom0.*`) and the hosts they name, cluster.conf nodes included. */
import * as vscode from 'vscode';
import { HostSetting, HostSpec, parseHostSetting, parseHostSettings } from '../../../shared/src/dom0/hosts';
import { DEFAULT_BACKUPS } from '../../../shared/src/dom0/session';
import type { ClusterNode } from '../../../shared/src/protocol';

export const SECTION = 'xenConfig.dom0';

export interface ExplorerSettings {
  readonly hostSettings: HostSetting[];
  readonly refreshIntervalSeconds: number;
  readonly connectTimeoutSeconds: number;
  readonly commandTimeoutSeconds: number;
  readonly parallelism: number;
  readonly includeClusterNodes: boolean;
  readonly sshConfigFile?: string;
  /** Timestamped backups kept next to a saved remote file (0: none). */
  readonly backups: number;
}

export function readSettings(): ExplorerSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  const positive = (key: string, fallback: number) => {
    const value = config.get<number>(key, fallback);
    return typeof value === 'number' && value > 0 ? value : fallback;
  };
  return {
    hostSettings: config.get<HostSetting[]>('hosts', []) ?? [],
    refreshIntervalSeconds: Math.max(0, config.get<number>('refreshInterval', 30) ?? 30),
    connectTimeoutSeconds: positive('connectTimeout', 10),
    commandTimeoutSeconds: positive('commandTimeout', 60),
    parallelism: Math.round(positive('parallelism', 4)),
    includeClusterNodes: config.get<boolean>('includeClusterNodes', false) ?? false,
    sshConfigFile: config.get<string>('sshConfigFile', '') || undefined,
    backups: Math.max(0, Math.floor(config.get<number>('backups', DEFAULT_BACKUPS) ?? DEFAULT_BACKUPS)),
  };
}

/** Hosts from the setting, then (when enabled) the nodes of the workspace's cluster.conf files, as the language server knows them. */
export async function resolveHosts(settings: ExplorerSettings, clusterNodes: () => Promise<ClusterNode[]>): Promise<{ hosts: HostSpec[]; errors: string[] }> {
  const { hosts, errors } = parseHostSettings(settings.hostSettings);
  if (!settings.includeClusterNodes) return { hosts, errors };
  let nodes: ClusterNode[];
  try {
    nodes = await clusterNodes();
  } catch (error) {
    errors.push(`cluster.conf nodes: the language server did not answer (${error instanceof Error ? error.message : String(error)})`);
    return { hosts, errors };
  }
  const known = new Set(hosts.map((h) => h.hostname));
  for (const node of nodes) {
    if (known.has(node.name)) continue;
    known.add(node.name);
    const file = vscode.workspace.asRelativePath(vscode.Uri.parse(node.uri));
    const parsed = parseHostSetting({ host: node.name, name: `${node.name} (${file})` });
    if (parsed.ok) hosts.push(parsed.host);
    else errors.push(`${file}: ${parsed.error}`);
  }
  return { hosts, errors };
}

/** Appends a host to the user's setting. */
export async function addHostSetting(spec: string): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const current = config.get<HostSetting[]>('hosts', []) ?? [];
  await config.update('hosts', [...current, spec], vscode.ConfigurationTarget.Global);
}

/** Removes every entry of `host` from the setting, wherever it is set. */
export async function removeHostSetting(host: HostSpec): Promise<boolean> {
  const config = vscode.workspace.getConfiguration(SECTION);
  const inspected = config.inspect<HostSetting[]>('hosts');
  let removed = false;
  const targets: [HostSetting[] | undefined, vscode.ConfigurationTarget][] = [
    [inspected?.globalValue, vscode.ConfigurationTarget.Global],
    [inspected?.workspaceValue, vscode.ConfigurationTarget.Workspace],
  ];
  for (const [value, target] of targets) {
    if (!value) continue;
    const kept = value.filter((entry) => (typeof entry === 'string' ? entry.trim() : entry.host?.trim()) !== host.spec);
    if (kept.length !== value.length) {
      await config.update('hosts', kept, target);
      removed = true;
    }
  }
  return removed;
}
