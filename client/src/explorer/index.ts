/**
 * The dom0 explorer: a sidebar tree of Xen hosts and their domains, actions on
 * them, and their configs opened over SSH. Remote commands run only in a
 * trusted workspace. What is known about each host, and how it is kept current
 * after an action, lives in shared/src/dom0/liveHosts.ts.
 */
import * as vscode from 'vscode';
import { ACTIONS, availableActions, DomainAction } from '../../../shared/src/dom0/actions';
import { HostSpec } from '../../../shared/src/dom0/hosts';
import { LiveHosts } from '../../../shared/src/dom0/liveHosts';
import { DomainModel, HostModel } from '../../../shared/src/dom0/model';
import { STATE_WORDS } from '../../../shared/src/dom0/format';
import { losslessEncoding } from '../../../shared/src/dom0/remoteFile';
import { Dom0Session } from '../../../shared/src/dom0/session';
import { Dom0Node } from '../../../shared/src/dom0/treeNodes';
import type { ClusterNode, DocumentSettingsParams } from '../../../shared/src/protocol';
import { pickHostToAdd } from './addHost';
import { confirmAction } from './confirm';
import { InspectDocuments, INSPECT_SCHEME } from './inspect';
import { RemoteConfigFs, remoteUri, SCHEME } from './remoteFs';
import { addHostSetting, ExplorerSettings, readSettings, removeHostSetting, resolveHosts, SECTION } from './settings';
import { Dom0TreeProvider, OPEN_CONFIG_COMMAND } from './treeProvider';
import { registerWelcome } from './welcome';

const VIEW_ID = 'xenConfig.dom0Hosts';
const UNTRUSTED = 'Remote commands are disabled in this untrusted workspace: the explorer runs ssh with your keys. Trust the workspace to list your dom0 hosts.';
/** How long the explorer keeps reading a host for a pause or unpause to show. */
const QUICK_SETTLE_MS = 20_000;

/** Each handler that leads to a remote command asks again: trust can be revoked while the view is open. */
function trustedOrSay(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(UNTRUSTED);
  return false;
}

type DomainNode = Extract<Dom0Node, { kind: 'domain' }>;
type TreeAction = Exclude<DomainAction, 'console' | 'migrate'>;

/** The domains a command applies to: the selection when the clicked node is part of it, else the clicked node. */
function targetsOf(node: Dom0Node | undefined, selected: readonly Dom0Node[] | undefined): Dom0Node[] {
  if (selected && selected.length > 1 && node && selected.some((s) => s.id === node.id)) return [...selected];
  return node ? [node] : [];
}

/** `2 seconds` / `1 minute`: for the message after a wait. */
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/**
 * `clusterNodes` asks the language server for the workspace's cluster.conf nodes; `documentSettings`
 * tells it the Xen version and toolstack to check a remote document with (its host's).
 */
/** What the extension exports of the explorer: the tree exactly as VS Code renders it (the e2e suite reads its rows). */
export interface Dom0ExplorerApi {
  readonly tree: vscode.TreeDataProvider<Dom0Node>;
}

export function registerDom0Explorer(
  context: vscode.ExtensionContext,
  clusterNodes: () => Promise<ClusterNode[]>,
  documentSettings: (params: DocumentSettingsParams) => void,
): Dom0ExplorerApi {
  const output = vscode.window.createOutputChannel('Xen dom0');
  const log = (line: string) => output.appendLine(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  let settings: ExplorerSettings = readSettings();
  let session = newSession(settings, log);
  let live = newLiveHosts(session, settings);
  const tree = new Dom0TreeProvider(() => live);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  let timer: NodeJS.Timeout | undefined;

  const hostOf = (spec: string) => tree.hosts.find((h) => h.spec === spec);
  const fs = new RemoteConfigFs(() => session, hostOf, () => vscode.workspace.isTrusted);
  const inspectDocuments = new InspectDocuments();
  registerWelcome(context);

  function newLiveHosts(forSession: Dom0Session, from: ExplorerSettings): LiveHosts {
    return new LiveHosts({
      refreshHost: (host, signal) => forSession.refreshHost(host, signal),
      parallelism: from.parallelism,
      onChange: (spec) => {
        tree.fire();
        tellHostSettings(spec);
      },
    });
  }

  /** What was last sent per remote document, so that a refresh that changed nothing sends nothing. */
  const sentSettings = new Map<string, string>();
  /** Each open config of `spec` is checked with the Xen version and toolstack the host reported. */
  function tellHostSettings(spec: string, only?: vscode.TextDocument): void {
    const model = live.model(spec);
    const version = /^\d+(\.\d+)*/.exec(model?.xenVersion ?? '')?.[0];
    if (!model?.toolstack || !version) return;
    for (const document of only ? [only] : vscode.workspace.textDocuments) {
      if (document.uri.scheme !== SCHEME || document.uri.authority !== spec) continue;
      const params: DocumentSettingsParams = { uri: document.uri.toString(), settings: { xen: { version, toolstack: model.toolstack } } };
      const key = JSON.stringify(params.settings);
      if (sentSettings.get(params.uri) === key) continue;
      sentSettings.set(params.uri, key);
      log(`[${model.host.label}] ${document.uri.path} is checked as Xen ${version} (${model.toolstack}), as the host reported`);
      documentSettings(params);
    }
  }

  async function loadHosts(): Promise<void> {
    const { hosts, errors } = await resolveHosts(settings, clusterNodes);
    tree.hosts = hosts;
    tree.settingErrors = errors;
    tree.untrustedMessage = vscode.workspace.isTrusted ? undefined : UNTRUSTED;
    live.retain(new Set(hosts.map((h) => h.spec)));
    // With no host and no error the tree is empty, and VS Code shows the welcome view (welcome.ts).
    tree.fire();
  }

  /** Refreshes `hosts`; each host's subtree updates when that host answers. `queue`: re-read a host even if a read is under way. */
  async function refresh(hosts: readonly HostSpec[] = tree.hosts, queue = false): Promise<void> {
    tree.untrustedMessage = vscode.workspace.isTrusted ? undefined : UNTRUSTED;
    if (tree.untrustedMessage) return tree.fire();
    if (hosts.length === 0) return;
    await vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => live.refresh(hosts, queue));
  }

  function scheduleAutoRefresh(): void {
    if (timer) clearInterval(timer);
    timer = undefined;
    if (view.visible && settings.refreshIntervalSeconds > 0) {
      timer = setInterval(() => void refresh(), settings.refreshIntervalSeconds * 1000);
    }
  }

  /** Runs `action` on the clicked domain, or on every selected one that allows it, after one confirmation when it asks or when there are several. */
  async function runAction(node: Dom0Node | undefined, selected: readonly Dom0Node[] | undefined, action: TreeAction): Promise<void> {
    if (!trustedOrSay()) return;
    const domains = targetsOf(node, selected).filter((n): n is DomainNode => n.kind === 'domain' && availableActions(n.domain).includes(action));
    if (domains.length === 0) return;
    const info = ACTIONS[action];
    if (domains.length > 1) {
      const names = domains.map((n) => `${n.domain.name} (${n.model.host.label})`).join(', ');
      const question = `${info.title}: ${domains.length} domains: ${names}?`;
      const detail = info.confirm ? info.confirm('each of them', 'its host') : `${info.title} each of them.`;
      if (!(await confirmAction(question, detail, `${info.title} ${domains.length} domains`))) return;
    } else if (info.confirm) {
      const { domain, model } = domains[0];
      if (!(await confirmAction(`${info.title} ${domain.name} on ${model.host.label}?`, info.confirm(domain.name, model.host.label), `${info.title} ${domain.name}`))) return;
    }
    await Promise.all(domains.map((n) => actOn(n.model, n.domain, action, undefined, `${info.title}: ${n.domain.name} on ${n.model.host.label}`)));
  }

  async function actOn(model: HostModel, domain: DomainModel, action: Exclude<DomainAction, 'console'>, target: HostSpec | undefined, title: string): Promise<void> {
    if (!trustedOrSay()) return; // again: a confirmation may have stayed open while trust changed
    const toolstack = model.toolstack ?? 'xl';
    // create and migrate can take minutes on a busy host.
    const long = action === 'migrate' || action === 'start';
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const timeoutMs = long ? Math.max(settings.commandTimeoutSeconds, 600) * 1000 : undefined;
      return session.runAction(model.host, toolstack, action, domain, { target, signal: controller.signal, timeoutMs });
    });
    if (!result.ok) {
      void live.read(model.host); // the tree shows what the failed action left
      const choice = await vscode.window.showErrorMessage(`${result.error.message}. ${result.error.hint}`, 'Show Output');
      if (choice) output.show();
      return;
    }
    // Done means the tree shows it: read the host again (after a read under way) until the state shows.
    const waitMs = action === 'pause' || action === 'unpause' ? QUICK_SETTLE_MS : Math.max(60, settings.commandTimeoutSeconds) * 1000;
    const settled = await vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => live.settle(model.host, action, domain, waitMs));
    if (settled.reached) {
      const now = settled.domain ? `${domain.name} is ${STATE_WORDS[settled.domain.state]}` : `${domain.name} is gone`;
      void vscode.window.showInformationMessage(`${title}: done (${now}).`);
    } else if (action === 'shutdown' && settled.domain) {
      void vscode.window.showWarningMessage(
        `${domain.name} on ${model.host.label} is still ${STATE_WORDS[settled.domain.state]} ${seconds(waitMs)} after the shutdown request. A guest without PV drivers or ACPI support may ignore it; Destroy forces it off.`,
      );
    } else {
      const now = settled.model?.error ? settled.model.error.message : settled.domain ? `it shows ${STATE_WORDS[settled.domain.state]}` : 'it is not listed';
      void vscode.window.showWarningMessage(`${title}: the command succeeded, but ${seconds(waitMs)} later ${now}.`);
    }
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
    const ok = await confirmAction(
      `Migrate ${domain.name} from ${model.host.label} to ${picked.host.label}?`,
      `${model.toolstack ?? 'xl'} on ${model.host.label} connects to ${picked.host.hostname} by SSH itself; the guest keeps running during the copy.`,
      `Migrate ${domain.name}`,
    );
    if (ok) await actOn(model, domain, 'migrate', picked.host, `Migrate ${domain.name} to ${picked.host.label}`);
  }

  async function inspect(node: Dom0Node | undefined): Promise<void> {
    if (node?.kind !== 'domain' || !trustedOrSay()) return;
    const { model, domain } = node;
    const toolstack = model.toolstack ?? 'xl';
    const result = await session.inspect(model.host, toolstack, domain);
    if (!result.ok) {
      void vscode.window.showErrorMessage(`${result.error.message}. ${result.error.hint}`);
      return;
    }
    await inspectDocuments.show(model.host.spec, domain.name, result.text, toolstack === 'xl' && !result.text.trimStart().startsWith('('));
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
        encoding = losslessEncoding(await fs.readForOpen(uri));
      } catch (error) {
        void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
        return;
      }
    }
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(uri, encoding ? { encoding } : undefined);
    } finally {
      fs.forgetPrimed(uri);
    }
    const opened = document.languageId === 'xl-config' ? document : await vscode.languages.setTextDocumentLanguage(document, 'xl-config');
    tellHostSettings(model.host.spec, opened);
    await vscode.window.showTextDocument(opened);
    if (encoding === 'iso88591') {
      void vscode.window.showInformationMessage(`${domain.configPath} is not valid UTF-8: it is opened as ISO 8859-1 (Latin-1), so that saving keeps every byte that you do not edit.`);
    }
  }

  async function addHost(): Promise<void> {
    const spec = await pickHostToAdd(settings.sshConfigFile, new Set(tree.hosts.map((h) => h.spec)), clusterNodes);
    if (spec) await addHostSetting(spec);
  }

  async function removeHost(node: Dom0Node): Promise<void> {
    if (node?.kind !== 'host') return;
    const ok = await confirmAction(`Remove ${node.host.label} from the dom0 explorer?`, 'Only its entry in xenConfig.dom0.hosts goes; nothing changes on the host.', `Remove ${node.host.label}`);
    if (!ok) return;
    if (!(await removeHostSetting(node.host))) {
      void vscode.window.showInformationMessage(`${node.host.label} does not come from xenConfig.dom0.hosts (it is a cluster.conf node); turn off xenConfig.dom0.includeClusterNodes to hide it.`);
    }
  }

  const copy = (text: string | undefined) => (text ? vscode.env.clipboard.writeText(text) : undefined);
  const macsOf = (node: Dom0Node | undefined) =>
    node?.kind === 'nic' ? node.nic.mac : node?.kind === 'domain' ? node.domain.nics.flatMap((nic) => (nic.mac ? [nic.mac] : [])).join('\n') || undefined : undefined;

  const domainCommand = (action: TreeAction) =>
    vscode.commands.registerCommand(`xenConfig.dom0.${action}`, (node: Dom0Node | undefined, selected: Dom0Node[] | undefined) => runAction(node, selected, action));

  context.subscriptions.push(
    output,
    view,
    vscode.workspace.registerFileSystemProvider(SCHEME, fs, { isCaseSensitive: true }),
    vscode.workspace.registerTextDocumentContentProvider(INSPECT_SCHEME, inspectDocuments),
    vscode.workspace.onWillSaveTextDocument((event) => {
      if (event.document.uri.scheme === SCHEME) fs.noteSaveReason(event.document.uri, event.reason);
    }),
    vscode.workspace.onDidOpenTextDocument((document) => {
      if (document.uri.scheme === SCHEME) tellHostSettings(document.uri.authority, document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => sentSettings.delete(document.uri.toString())),
    vscode.commands.registerCommand('xenConfig.dom0.refresh', () => refresh()),
    vscode.commands.registerCommand('xenConfig.dom0.refreshHost', (node: Dom0Node) => (node?.kind === 'host' ? refresh([node.host], true) : undefined)),
    vscode.commands.registerCommand('xenConfig.dom0.addHost', addHost),
    vscode.commands.registerCommand('xenConfig.dom0.removeHost', removeHost),
    ...(['start', 'shutdown', 'reboot', 'destroy', 'pause', 'unpause'] as const).map(domainCommand),
    vscode.commands.registerCommand('xenConfig.dom0.console', (node: Dom0Node) => (node?.kind === 'domain' ? openConsole(node) : undefined)),
    vscode.commands.registerCommand('xenConfig.dom0.migrate', (node: Dom0Node) => (node?.kind === 'domain' ? migrate(node) : undefined)),
    vscode.commands.registerCommand('xenConfig.dom0.inspect', inspect),
    vscode.commands.registerCommand(OPEN_CONFIG_COMMAND, openConfig),
    vscode.commands.registerCommand('xenConfig.dom0.copyName', (node: Dom0Node) => copy(node?.kind === 'domain' ? node.domain.name : undefined)),
    vscode.commands.registerCommand('xenConfig.dom0.copyId', (node: Dom0Node) => copy(node?.kind === 'domain' && node.domain.id !== undefined ? String(node.domain.id) : undefined)),
    vscode.commands.registerCommand('xenConfig.dom0.copyMac', (node: Dom0Node) => copy(macsOf(node))),
    vscode.commands.registerCommand('xenConfig.dom0.showOutput', () => output.show()),
    view.onDidChangeVisibility(() => {
      scheduleAutoRefresh();
      if (view.visible) void refresh();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void loadHosts().then(() => refresh())),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      const old = session;
      live.reset(); // calls of the old session are abandoned
      settings = readSettings();
      session = newSession(settings, log);
      live = newLiveHosts(session, settings);
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
  return { tree };
}

function newSession(settings: ExplorerSettings, log: (line: string) => void): Dom0Session {
  return new Dom0Session({
    configFile: settings.sshConfigFile,
    connectTimeoutSeconds: settings.connectTimeoutSeconds,
    commandTimeoutMs: settings.commandTimeoutSeconds * 1000,
    parallelism: settings.parallelism,
    backups: settings.backups,
    log,
    // Asked again where every remote command is built, not only at refresh.
    trusted: () => vscode.workspace.isTrusted,
  });
}
