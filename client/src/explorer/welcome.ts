/**
 * What the empty explorer offers (package.json `viewsWelcome`): add a host, use the nodes of this
 * workspace's cluster.conf, open the settings. The cluster button is shown only while the workspace
 * has a cluster.conf, which the context key CLUSTER_CONF_CONTEXT says.
 */
import * as vscode from 'vscode';
import { SECTION } from './settings';

export const CLUSTER_CONF_CONTEXT = 'xenConfig.dom0.workspaceHasClusterConf';
const CLUSTER_CONF_GLOB = '**/cluster.conf';

export function registerWelcome(context: vscode.ExtensionContext): void {
  const updateContext = async () => {
    const found = await vscode.workspace.findFiles(CLUSTER_CONF_GLOB, undefined, 1);
    await vscode.commands.executeCommand('setContext', CLUSTER_CONF_CONTEXT, found.length > 0);
  };
  // Only creations and deletions change the answer; a cluster.conf edited in place does not.
  const watcher = vscode.workspace.createFileSystemWatcher(CLUSTER_CONF_GLOB, false, true, false);
  context.subscriptions.push(
    watcher,
    watcher.onDidCreate(() => void updateContext()),
    watcher.onDidDelete(() => void updateContext()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => void updateContext()),
    vscode.commands.registerCommand('xenConfig.dom0.useClusterNodes', useClusterNodes),
    vscode.commands.registerCommand('xenConfig.dom0.openSettings', () => vscode.commands.executeCommand('workbench.action.openSettings', SECTION)),
  );
  void updateContext();
}

/** Turns on xenConfig.dom0.includeClusterNodes for this workspace (for the user when no folder is open). */
async function useClusterNodes(): Promise<void> {
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SECTION).update('includeClusterNodes', true, target);
}
