/** The VS Code side of the tree: maps the plain nodes of dom0/treeNodes.ts onto TreeItems. */
import * as vscode from 'vscode';
import { HostSpec } from '../../../shared/src/dom0/hosts';
import { LiveHosts } from '../../../shared/src/dom0/liveHosts';
import { childNodes, Dom0Node, rootNodes, viewOf } from '../../../shared/src/dom0/treeNodes';

export const OPEN_CONFIG_COMMAND = 'xenConfig.dom0.openConfig';

const COLLAPSIBLE = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export class Dom0TreeProvider implements vscode.TreeDataProvider<Dom0Node> {
  private readonly changed = new vscode.EventEmitter<Dom0Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  hosts: HostSpec[] = [];
  settingErrors: string[] = [];
  /** Set in an untrusted workspace: the only node shown. */
  untrustedMessage?: string;

  /** `live()`: the current session's host state (a new one after a settings change). */
  constructor(private readonly live: () => LiveHosts) {}

  fire(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: Dom0Node): Dom0Node[] {
    if (node) return childNodes(node);
    if (this.untrustedMessage) return [{ kind: 'message', id: 'untrusted', label: this.untrustedMessage, severity: 'warning' }];
    const live = this.live();
    return rootNodes(this.hosts, live.modelMap, live.loadingSpecs, this.settingErrors);
  }

  getTreeItem(node: Dom0Node): vscode.TreeItem {
    const view = viewOf(node);
    const item = new vscode.TreeItem(view.label, COLLAPSIBLE[view.collapsible]);
    item.id = node.id;
    item.description = view.description;
    item.tooltip = view.tooltip;
    item.contextValue = view.contextValue;
    item.iconPath = new vscode.ThemeIcon(view.icon.id, view.icon.color ? new vscode.ThemeColor(view.icon.color) : undefined);
    if (view.openConfig) item.command = { command: OPEN_CONFIG_COMMAND, title: 'Open Config', arguments: [node] };
    return item;
  }
}
