/**
 * "Add Host": a quick pick of the hosts the user already has, the `Host`
 * entries of the ssh_config (~/.ssh/config or xenConfig.dom0.sshConfigFile)
 * and the nodes of the workspace's cluster.conf files, then any destination typed in.
 */
import * as vscode from 'vscode';
import { parseHostSetting } from '../../../shared/src/dom0/hosts';
import { readSshConfigHosts } from '../../../shared/src/dom0/sshConfig';
import type { ClusterNode } from '../../../shared/src/protocol';

interface Candidate extends vscode.QuickPickItem {
  readonly spec?: string;
}

/** The destination to add, or undefined when the user cancelled. `known`: specs already configured. */
export async function pickHostToAdd(sshConfigFile: string | undefined, known: ReadonlySet<string>, clusterNodes: () => Promise<ClusterNode[]>): Promise<string | undefined> {
  const usable = (name: string) => parseHostSetting(name).ok && !known.has(name);
  const fromSsh = readSshConfigHosts(sshConfigFile).filter(usable);
  let fromCluster: ClusterNode[] = [];
  try {
    fromCluster = (await clusterNodes()).filter((node) => usable(node.name) && !fromSsh.includes(node.name));
  } catch {
    // Without the language server, the ssh_config hosts and typing remain.
  }
  const other: Candidate = { label: '$(edit) Enter an SSH destination...', description: 'root@an-node01, user@host:port' };
  const items: Candidate[] = [
    ...(fromSsh.length ? [{ label: 'ssh_config', kind: vscode.QuickPickItemKind.Separator } as Candidate] : []),
    ...fromSsh.map((name): Candidate => ({ label: name, description: `Host in ${sshConfigFile ?? '~/.ssh/config'}`, spec: name })),
    ...(fromCluster.length ? [{ label: 'cluster.conf', kind: vscode.QuickPickItemKind.Separator } as Candidate] : []),
    ...fromCluster.map((node): Candidate => ({ label: node.name, description: `clusternode in ${vscode.workspace.asRelativePath(vscode.Uri.parse(node.uri))}`, spec: node.name })),
    other,
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Add a dom0 host', placeHolder: 'A host from your ssh_config or the workspace\'s cluster.conf, or type one' });
  if (!picked) return undefined;
  if (picked.spec) return picked.spec;
  const typed = await vscode.window.showInputBox({
    title: 'Add a dom0 host',
    prompt: 'An SSH destination: root@an-node01, an alias from ~/.ssh/config, or user@host:port',
    validateInput: (value) => {
      const parsed = parseHostSetting(value);
      return parsed.ok ? undefined : parsed.error;
    },
  });
  return typed?.trim() || undefined;
}
