/**
 * The dom0 explorer: a sidebar tree of Xen hosts and their domains, actions on
 * them, and their configs opened over SSH. Remote commands run only in a
 * trusted workspace.
 */
import * as vscode from 'vscode';
import { ACTIONS, DomainAction } from '../../../shared/src/dom0/actions';
import { internalError } from '../../../shared/src/dom0/errors';
import { HostSpec, parseHostSetting } from '../../../shared/src/dom0/hosts';
import { DomainModel, HostModel } from '../../../shared/src/dom0/model';
import { losslessEncoding } from '../../../shared/src/dom0/remoteFile';
import { Dom0Session } from '../../../shared/src/dom0/session';
import { Dom0Node } from '../../../shared/src/dom0/treeNodes';
import type { ClusterNode } from '../../../shared/src/protocol';
import { RemoteConfigFs, remoteUri, SCHEME } from './remoteFs';
import { addHostSetting, ExplorerSettings, readSettings, removeHostSetting, resolveHosts, SECTION } from './settings';
import { Dom0TreeProvider, OPEN_CONFIG_COMMAND } from './treeProvider';
import { registerWelcome } from './welcome';

const VIEW_ID = 'xenConfig.dom0Hosts';
const UNTRUSTED = 'Remote commands are disabled in this untrusted workspace: the explorer runs ssh with your keys. Trust the workspace to list your dom0 hosts.';

/** Each handler that leads to a remote command asks again: trust can be revoked while the view is open. */
function trustedOrSay(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(UNTRUSTED);
  return false;
}

type DomainNode = Extract<Dom0Node, { kind: 'domain' }>;

/** `clusterNodes` asks the language server for the workspace's cluster.conf nodes (xenConfig.dom0.includeClusterNodes). */
export function registerDom0Explorer(context: vscode.ExtensionContext, clusterNodes: () => Promise<ClusterNode[]>): void {
  const output = vscode.window.createOutputChannel('Xen dom0');
  const log = (line: string) => output.appendLine(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  const tree = new Dom0TreeProvider();
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  let settings: ExplorerSettings = readSettings();
  let session = newSession(settings, log);
  /** Aborted when the settings change: calls of the old session are abandoned. */
  let inFlight = new AbortController();
  let timer: NodeJS.Timeout | undefined;

  const hostOf = (spec: string) => tree.hosts.find((h) => h.spec === spec);
  const fs = new RemoteConfigFs(() => session, hostOf, () => vscode.workspace.isTrusted);
  registerWelcome(context);

  async function loadHosts(): Promise<void> {
    const { hosts, errors } = await resolveHosts(settings, clusterNodes);
    tree.hosts = hosts;
    tree.settingErrors = errors;
    tree.untrustedMessage = vscode.workspace.isTrusted ? undefined : UNTRUSTED;
    for (const spec of [...tree.models.keys()]) if (!hostOf(spec)) tree.models.delete(spec);
    // With no host and no error the tree is empty, and VS Code shows the welcome view (welcome.ts).
    tree.fire();
  }

  /** Refreshes `hosts`, skipping those already being refreshed (the timer may fire during a slow refresh). */
  async function refresh(hosts: readonly HostSpec[] = tree.hosts): Promise<void> {
    tree.untrustedMessage = vscode.workspace.isTrusted ? undefined : UNTRUSTED;
    if (tree.untrustedMessage) return tree.fire();
    const todo = hosts.filter((h) => !tree.loading.has(h.spec));
    if (todo.length === 0) return;
    const signal = inFlight.signal;
    todo.forEach((h) => tree.loading.add(h.spec));
    tree.fire();
    await vscode.window.withProgress({ location: { viewId: VIEW_ID } }, async () => {
      try {
        const models = await session.refreshAll(todo, signal);
        if (signal.aborted) return; // the settings changed meanwhile; a new refresh is under way
        for (const model of models) tree.models.set(model.host.spec, model);
      } catch (error) {
        // refreshAll never rejects; should a bug make it, each host says so instead of "refreshing" forever.
        if (!signal.aborted) for (const host of todo) tree.models.set(host.spec, { host, reachable: false, domains: [], error: internalError(host, 'the refresh', error), warnings: [] });
      } finally {
        if (!signal.aborted) todo.forEach((h) => tree.loading.delete(h.spec));
        tree.fire();
      }
    });
  }

  function scheduleAutoRefresh(): void {
    if (timer) clearInterval(timer);
    timer = undefined;
    if (view.visible && settings.refreshIntervalSeconds > 0) {
      timer = setInterval(() => void refresh(), settings.refreshIntervalSeconds * 1000);
    }
  }

  async function runAction(node: DomainNode, action: Exclude<DomainAction, 'console' | 'migrate'>): Promise<void> {
    if (!trustedOrSay()) return;
    const { model, domain } = node;
    const info = ACTIONS[action];
    if (info.confirm) {
      const choice = await vscode.window.showWarningMessage(info.confirm(domain.name, model.host.label), { modal: true }, info.title);
      if (choice !== info.title) return;
    }
    await actOn(model, domain, action, undefined, `${info.title}: ${domain.name} on ${model.host.label}`);
  }

  async function actOn(model: HostModel, domain: DomainModel, action: Exclude<DomainAction, 'console'>, target: HostSpec | undefined, title: string): Promise<void> {
    if (!trustedOrSay()) return; // again: a confirmation dialog may have stayed open while trust changed
    const toolstack = model.toolstack ?? 'xl';
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      // create and migrate can take minutes on a busy host.
      const timeoutMs = action === 'migrate' || action === 'start' ? Math.max(settings.commandTimeoutSeconds, 600) * 1000 : undefined;
      return session.runAction(model.host, toolstack, action, domain, { target, signal: controller.signal, timeoutMs });
    });
    if (result.ok) void vscode.window.showInformationMessage(`${title}: done.`);
    else {
      const choice = await vscode.window.showErrorMessage(`${result.error.message}. ${result.error.hint}`, 'Show Output');
      if (choice) output.show();
    }
    await refresh([model.host]);
  }

  function openConsole(node: DomainNode): void {
    if (!trustedOrSay()) return;
    const { model, domain } = node;
    const command = session.consoleCommand(model.host, model.toolstack ?? 'xl', domain);
    if (!command.ok) {
      void vscode.window.showErrorMessage(`${command.error.message}. ${command.error.hint}`);
      return;
    }
    // shellPath + shellArgs: the terminal starts ssh directly, no local shell parses the arguments.
    const terminal = vscode.window.createTerminal({ name: `${domain.name} @ ${model.host.label}`, shellPath: command.program, shellArgs: command.args });
    terminal.show();
  }

  async function migrate(node: DomainNode): Promise<void> {
    if (!trustedOrSay()) return;
    const { model, domain } = node;
    const targets = tree.hosts.filter((h) => h.spec !== model.host.spec);
    if (targets.length === 0) {
      void vscode.window.showInformationMessage('Migration needs a second host in xenConfig.dom0.hosts.');
      return;
    }
    const picked = await vscode.window.showQuickPick(
      targets.map((host) => ({ label: host.label, description: host.spec, host })),
      { title: `Migrate ${domain.name} from ${model.host.label} to...` },
    );
    if (!picked) return;
    const ok = await vscode.window.showWarningMessage(
      `Migrate ${domain.name} from ${model.host.label} to ${picked.host.label}? ${model.toolstack ?? 'xl'} on ${model.host.label} connects to ${picked.host.hostname} by SSH itself; the guest keeps running during the copy.`,
      { modal: true },
      'Migrate',
    );
    if (ok === 'Migrate') await actOn(model, domain, 'migrate', picked.host, `Migrate ${domain.name} to ${picked.host.label}`);
  }

  async function openConfig(node: Dom0Node): Promise<void> {
    if (node.kind !== 'domain' && node.kind !== 'config') return;
    if (!trustedOrSay()) return;
    const { model, domain } = node;
    if (!domain.configPath) return;
    const uri = remoteUri(model.host, domain.configPath);
    let encoding: string | undefined;
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) {
      // Decode with an encoding that gives the same bytes back on save (a Latin-1 file stays Latin-1).
      try {
        encoding = losslessEncoding(await fs.readFile(uri));
      } catch (error) {
        void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
        return;
      }
    }
    const document = await vscode.workspace.openTextDocument(uri, encoding ? { encoding } : undefined);
    const opened = document.languageId === 'xl-config' ? document : await vscode.languages.setTextDocumentLanguage(document, 'xl-config');
    await vscode.window.showTextDocument(opened);
    if (encoding === 'iso88591') {
      void vscode.window.showInformationMessage(`${domain.configPath} is not valid UTF-8: it is opened as ISO 8859-1 (Latin-1), so that saving keeps every byte that you do not edit.`);
    }
  }

  async function addHost(): Promise<void> {
    const spec = await vscode.window.showInputBox({
      title: 'Add a dom0 host',
      prompt: 'An SSH destination: root@an-node01, an alias from ~/.ssh/config, or user@host:port',
      validateInput: (value) => {
        const parsed = parseHostSetting(value);
        return parsed.ok ? undefined : parsed.error;
      },
    });
    if (spec) await addHostSetting(spec.trim());
  }

  async function removeHost(node: Dom0Node): Promise<void> {
    if (node.kind !== 'host') return;
    if (!(await removeHostSetting(node.host))) {
      void vscode.window.showInformationMessage(`${node.host.label} does not come from xenConfig.dom0.hosts (it is a cluster.conf node); turn off xenConfig.dom0.includeClusterNodes to hide it.`);
    }
  }

  const domainCommand = (action: Exclude<DomainAction, 'console' | 'migrate'>) =>
    vscode.commands.registerCommand(`xenConfig.dom0.${action}`, (node: Dom0Node) => (node?.kind === 'domain' ? runAction(node, action) : undefined));

  context.subscriptions.push(
    output,
    view,
    vscode.workspace.registerFileSystemProvider(SCHEME, fs, { isCaseSensitive: true }),
    vscode.commands.registerCommand('xenConfig.dom0.refresh', () => refresh()),
    vscode.commands.registerCommand('xenConfig.dom0.refreshHost', (node: Dom0Node) => (node?.kind === 'host' ? refresh([node.host]) : undefined)),
    vscode.commands.registerCommand('xenConfig.dom0.addHost', addHost),
    vscode.commands.registerCommand('xenConfig.dom0.removeHost', removeHost),
    ...(['start', 'shutdown', 'reboot', 'destroy', 'pause', 'unpause'] as const).map(domainCommand),
    vscode.commands.registerCommand('xenConfig.dom0.console', (node: Dom0Node) => (node?.kind === 'domain' ? openConsole(node) : undefined)),
    vscode.commands.registerCommand('xenConfig.dom0.migrate', (node: Dom0Node) => (node?.kind === 'domain' ? migrate(node) : undefined)),
    vscode.commands.registerCommand(OPEN_CONFIG_COMMAND, openConfig),
    vscode.commands.registerCommand('xenConfig.dom0.copyName', (node: Dom0Node) => (node?.kind === 'domain' ? vscode.env.clipboard.writeText(node.domain.name) : undefined)),
    vscode.commands.registerCommand('xenConfig.dom0.copyMac', (node: Dom0Node) => (node?.kind === 'nic' && node.nic.mac ? vscode.env.clipboard.writeText(node.nic.mac) : undefined)),
    vscode.commands.registerCommand('xenConfig.dom0.showOutput', () => output.show()),
    view.onDidChangeVisibility(() => {
      scheduleAutoRefresh();
      if (view.visible) void refresh();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void loadHosts().then(() => refresh())),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      const old = session;
      inFlight.abort();
      inFlight = new AbortController();
      tree.loading.clear();
      settings = readSettings();
      session = newSession(settings, log);
      void old.dispose();
      await loadHosts();
      scheduleAutoRefresh();
      await refresh();
    }),
    { dispose: () => (timer ? clearInterval(timer) : undefined) },
    { dispose: () => void session.dispose() },
  );

  void loadHosts().then(() => {
    scheduleAutoRefresh();
    if (view.visible) return refresh();
  });
}

function newSession(settings: ExplorerSettings, log: (line: string) => void): Dom0Session {
  return new Dom0Session({
    configFile: settings.sshConfigFile,
    connectTimeoutSeconds: settings.connectTimeoutSeconds,
    commandTimeoutMs: settings.commandTimeoutSeconds * 1000,
    parallelism: settings.parallelism,
    log,
    // Asked again where every remote command is built, not only at refresh.
    trusted: () => vscode.workspace.isTrusted,
  });
}
