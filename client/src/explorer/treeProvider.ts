/** The VS Code side of the tree: maps the plain nodes of dom0/treeNodes.ts onto TreeItems. */
import * as vscode from 'vscode';
import { HostSpec } from '../../../shared/src/dom0/hosts';
import { HostModel } from '../../../shared/src/dom0/model';
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
  readonly models = new Map<string, HostModel>();
  readonly loading = new Set<string>();
  /** Set in an untrusted workspace: the only node shown. */
  untrustedMessage?: string;

  fire(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: Dom0Node): Dom0Node[] {
    if (node) return childNodes(node);
    if (this.untrustedMessage) return [{ kind: 'message', id: 'untrusted', label: this.untrustedMessage, severity: 'warning' }];
    return rootNodes(this.hosts, this.models, this.loading, this.settingErrors);
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
