/** The explorer's settings (`xenConfig.dom0.*`) and the hosts they name, cluster.conf nodes included. */
import * as vscode from 'vscode';
import { clusterNodeNames } from '../../../shared/src/dom0/clusterNodes';
import { HostSetting, HostSpec, parseHostSetting, parseHostSettings } from '../../../shared/src/dom0/hosts';

export const SECTION = 'xenConfig.dom0';

export interface ExplorerSettings {
  readonly hostSettings: HostSetting[];
  readonly refreshIntervalSeconds: number;
  readonly connectTimeoutSeconds: number;
  readonly commandTimeoutSeconds: number;
  readonly parallelism: number;
  readonly includeClusterNodes: boolean;
  readonly sshConfigFile?: string;
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
  };
}

/** Hosts from the setting, then (when enabled) the nodes of the workspace's cluster.conf files. */
export async function resolveHosts(settings: ExplorerSettings): Promise<{ hosts: HostSpec[]; errors: string[] }> {
  const { hosts, errors } = parseHostSettings(settings.hostSettings);
  if (!settings.includeClusterNodes) return { hosts, errors };
  const known = new Set(hosts.map((h) => h.hostname));
  for (const file of await vscode.workspace.findFiles('**/cluster.conf', '**/node_modules/**', 20)) {
    const xml = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    for (const name of clusterNodeNames(xml)) {
      if (known.has(name)) continue;
      known.add(name);
      const parsed = parseHostSetting({ host: name, name: `${name} (${vscode.workspace.asRelativePath(file)})` });
      if (parsed.ok) hosts.push(parsed.host);
      else errors.push(`${vscode.workspace.asRelativePath(file)}: ${parsed.error}`);
    }
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
