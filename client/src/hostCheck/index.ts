/**
 * Host checks in VS Code: "Check on dom0 host…", check on save against a chosen
 * host, a status bar item with the last verdict, "Show effective configuration"
 * and the explorer's "Compare with running". The work is done by
 * shared/src/hostCheck; this module only asks, shows and remembers. Nothing
 * remote runs in an untrusted workspace: every command asks before it builds
 * anything, and the shared functions ask again.
 */
import * as vscode from 'vscode';
import { HostSpec, parseHostSetting } from '../../../shared/src/dom0/hosts';
import { Dom0Session } from '../../../shared/src/dom0/session';
import type { Dom0Node } from '../../../shared/src/dom0/treeNodes';
import { LineIndex } from '../../../shared/src/lineIndex';
import type { ClusterNode, DomainSummaryResult } from '../../../shared/src/protocol';
import { compareSummaries, summarizeLibxlConfig } from '../../../shared/src/hostCheck/domainSummary';
import { checkOnHost, effectiveOnHost, runningConfigOnHost } from '../../../shared/src/hostCheck/run';
import { hostCheckKind } from '../../../shared/src/hostCheck/script';
import { findingRange, HostFinding, HostVerdict } from '../../../shared/src/hostCheck/verdict';
import { readSettings, resolveHosts } from '../explorer/settings';

const SECTION = 'xenConfig.hostCheck';
/** Read-only documents: the effective configuration and the two sides of a comparison. */
const SCHEME = 'xen-host-check';
const CHECK_COMMAND = 'xenConfig.hostCheck.check';

const SEVERITY: Record<HostFinding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

function trustedOrSay(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(vscode.l10n.t('Host checks run ssh with your keys: they are disabled in this untrusted workspace.'));
  return false;
}

/** The text of the read-only documents, by URI. */
class ReadOnlyDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  show(path: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: SCHEME, path });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

/** What the extension exports of the host checks: the status bar item's verdict as shown (the e2e suite reads it). */
export interface HostCheckApi {
  statusText(): string;
  statusTooltip(): string;
}

/**
 * `domainSummary` asks the language server for its reading of an open domain config (`xenConfig/domainSummary`):
 * the parser lives there, and the CLI's `effective` compares the same summary.
 */
export function registerHostCheck(context: vscode.ExtensionContext, clusterNodes: () => Promise<ClusterNode[]>, domainSummary: (uri: string) => Promise<DomainSummaryResult>): HostCheckApi {
  const output = vscode.window.createOutputChannel('Xen host checks');
  const log = (line: string) => output.appendLine(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
  const documents = new ReadOnlyDocuments();
  /** One collection per host, so that the Problems panel groups and clears each host's verdict on its own. */
  const collections = new Map<string, vscode.DiagnosticCollection>();
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.command = CHECK_COMMAND;
  let session: Dom0Session | undefined;

  const currentSession = (): Dom0Session => {
    const settings = readSettings();
    session ??= new Dom0Session({
      configFile: settings.sshConfigFile,
      connectTimeoutSeconds: settings.connectTimeoutSeconds,
      commandTimeoutMs: settings.commandTimeoutSeconds * 1000,
      parallelism: settings.parallelism,
      trusted: () => vscode.workspace.isTrusted,
      log,
    });
    return session;
  };
  const callOptions = (signal?: AbortSignal) => ({ timeoutMs: readSettings().commandTimeoutSeconds * 1000, signal, trusted: () => vscode.workspace.isTrusted });

  async function pickHost(title: string): Promise<HostSpec | undefined> {
    const { hosts, errors } = await resolveHosts(readSettings(), clusterNodes);
    if (hosts.length === 0) {
      void vscode.window.showWarningMessage(errors[0] ?? vscode.l10n.t('No dom0 host is configured: add one in xenConfig.dom0.hosts.'));
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      hosts.map((host) => ({ label: host.label, description: host.label !== host.spec ? host.spec : undefined, host })),
      { title, placeHolder: vscode.l10n.t('The dom0 host whose tools check the file') },
    );
    return picked?.host;
  }

  function publish(host: HostSpec, document: vscode.TextDocument, verdict: HostVerdict): void {
    let collection = collections.get(host.spec);
    if (!collection) {
      collection = vscode.languages.createDiagnosticCollection(`xenConfig.host.${host.spec}`);
      collections.set(host.spec, collection);
      context.subscriptions.push(collection);
    }
    const lines = new LineIndex(document.getText());
    collection.set(
      document.uri,
      verdict.findings.map((finding) => {
        const { line, start, end } = findingRange(finding, lines);
        // The host's words are plain text: a Diagnostic message is never rendered as markup.
        const diagnostic = new vscode.Diagnostic(new vscode.Range(line, start, line, end), finding.message, SEVERITY[finding.severity]);
        diagnostic.source = finding.source;
        return diagnostic;
      }),
    );
    const name = vscode.workspace.asRelativePath(document.uri);
    const errors = verdict.findings.filter((f) => f.severity === 'error').length;
    status.text = verdict.refused ? `$(error) ${host.label}: ${vscode.l10n.t('refused')} (${errors})` : verdict.tool ? `$(check) ${host.label}: ${vscode.l10n.t('accepted')}` : `$(info) ${host.label}: ${vscode.l10n.t('not checked')}`;
    status.tooltip = `${verdict.tool ?? vscode.l10n.t('no tool')}@${host.label}: ${name}`;
    status.show();
  }

  async function check(document: vscode.TextDocument, host: HostSpec): Promise<void> {
    if (!trustedOrSay()) return;
    const kind = hostCheckKind(document.languageId);
    if (!kind) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No host tool checks {0} files.', document.languageId));
      return;
    }
    status.text = `$(sync~spin) ${host.label}`;
    status.show();
    const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking on {0}', host.label) }, () =>
      checkOnHost(currentSession().transport, host, kind, { path: document.uri.path, text: document.getText() }, callOptions()),
    );
    if (!answer.ok) {
      status.text = `$(warning) ${host.label}: ${vscode.l10n.t('unreachable')}`;
      void vscode.window.showErrorMessage(`${answer.error.message}. ${answer.error.hint}`);
      return;
    }
    publish(host, document, answer.verdict);
  }

  async function checkCommand(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !trustedOrSay()) return;
    const host = await pickHost(vscode.l10n.t('Check on dom0 host'));
    if (host) await check(document, host);
  }

  /** `xenConfig.hostCheck.onSave`: a host entry ("root@an-node01"), or empty for off. */
  async function checkOnSave(document: vscode.TextDocument): Promise<void> {
    const setting = vscode.workspace.getConfiguration(SECTION).get<string>('onSave', '')?.trim();
    if (!setting || !vscode.workspace.isTrusted || !hostCheckKind(document.languageId)) return;
    const parsed = parseHostSetting(setting);
    if (!parsed.ok) {
      log(`xenConfig.hostCheck.onSave: ${parsed.error}`);
      return;
    }
    const { hosts } = await resolveHosts(readSettings(), clusterNodes);
    await check(document, hosts.find((h) => h.spec === parsed.host.spec) ?? parsed.host);
  }

  async function showEffective(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'xl-config' || !trustedOrSay()) return;
    const host = await pickHost(vscode.l10n.t('Show effective configuration'));
    if (!host) return;
    const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('xl -N create on {0}', host.label) }, () =>
      effectiveOnHost(currentSession().transport, host, { path: document.uri.path, text: document.getText() }, callOptions()),
    );
    if ('error' in answer) return void vscode.window.showErrorMessage(`${answer.error.message}. ${answer.error.hint}`);
    if (!answer.ok) {
      publish(host, document, answer.verdict);
      return void vscode.window.showErrorMessage(vscode.l10n.t('xl on {0} did not build the domain: see the Problems panel.', host.label));
    }
    const name = document.uri.path.slice(document.uri.path.lastIndexOf('/') + 1);
    const uri = documents.show(`/${host.label}/${name}.effective.json`, answer.json);
    const shown = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(shown, 'json');
    await vscode.window.showTextDocument(shown, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
    await sayDisagreements(document, host, answer.json);
  }

  /** Where our reading of the config and the JSON xl built from it disagree (memory, vCPUs, type, disks, vifs), a warning naming each field. */
  async function sayDisagreements(document: vscode.TextDocument, host: HostSpec, json: string): Promise<void> {
    const name = vscode.workspace.asRelativePath(document.uri);
    const theirs = summarizeLibxlConfig(json);
    let ours: DomainSummaryResult;
    try {
      ours = await domainSummary(document.uri.toString());
    } catch (error) {
      return log(`${name}: the language server did not give its reading of the file: ${(error as Error).message}`);
    }
    if (!ours) return;
    if (!theirs.ok) return log(`${name} on ${host.label}: cannot compare with our reading: the host's JSON is ${theirs.error}`);
    const notes = compareSummaries(ours, theirs.summary, { left: vscode.l10n.t('our reading of the file'), right: vscode.l10n.t('xl on {0}', host.label) });
    log(`${name} on ${host.label}: ${notes.length === 0 ? 'xl builds the domain as we read the file' : notes.join('; ')}`);
    if (notes.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('{0}: our reading and xl on {1} disagree: {2}', name, host.label, notes.join('; ')));
  }

  /** For a running domain: its config file on the host, as xl builds it, against `xl list -l ID`. */
  async function compareWithRunning(node: Dom0Node | undefined): Promise<void> {
    if (node?.kind !== 'domain' || !trustedOrSay()) return;
    const { model, domain } = node;
    if (domain.id === undefined || !domain.configPath) {
      return void vscode.window.showWarningMessage(vscode.l10n.t('{0} has no id or no config file on {1}: refresh the view first.', domain.name, model.host.label));
    }
    const host = model.host;
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Comparing {0} with its config on {1}', domain.name, host.label) }, async () => {
      const s = currentSession();
      const file = await s.readFile(host, domain.configPath!);
      if (!file.ok) return { error: `${file.error.message}. ${file.error.hint}` };
      const text = new TextDecoder().decode(file.bytes);
      const [built, running] = await Promise.all([effectiveOnHost(s.transport, host, { path: domain.configPath!, text }, callOptions()), runningConfigOnHost(s.transport, host, domain.id!, callOptions())]);
      if ('error' in built) return { error: `${built.error.message}. ${built.error.hint}` };
      if (!built.ok) return { error: built.verdict.findings.map((f) => `${f.source}: ${f.message}`).join('\n') };
      if (!running.ok) return { error: `${running.error.message}. ${running.error.hint}` };
      return { built: built.json, running: running.json };
    });
    if ('error' in result) return void vscode.window.showErrorMessage(result.error ?? '');
    const fromFile = summarizeLibxlConfig(result.built);
    const live = summarizeLibxlConfig(result.running);
    const runningConfig = configOf(result.running);
    const left = documents.show(`/${host.label}/${domain.name}.config.json`, pretty(result.built));
    const right = documents.show(`/${host.label}/${domain.name}.running.json`, pretty(runningConfig));
    await vscode.commands.executeCommand('vscode.diff', left, right, vscode.l10n.t('{0}: config file ↔ running (xl list -l {1}) on {2}', domain.name, String(domain.id), host.label));
    if (fromFile.ok && live.ok) {
      const notes = compareSummaries(fromFile.summary, live.summary, { left: vscode.l10n.t('the config file'), right: vscode.l10n.t('the running domain') });
      log(`${domain.name} on ${host.label}: ${notes.length === 0 ? 'the running domain matches its config file' : notes.join('; ')}`);
      void vscode.window.showInformationMessage(notes.length === 0 ? vscode.l10n.t('{0} runs as its config file says.', domain.name) : `${domain.name}: ${notes.join('; ')}`);
    }
  }

  context.subscriptions.push(
    output,
    status,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, documents),
    vscode.commands.registerCommand(CHECK_COMMAND, checkCommand),
    vscode.commands.registerCommand('xenConfig.hostCheck.showEffective', showEffective),
    vscode.commands.registerCommand('xenConfig.hostCheck.compareWithRunning', compareWithRunning),
    vscode.workspace.onDidSaveTextDocument((document) => void checkOnSave(document)),
    vscode.workspace.onDidCloseTextDocument((document) => collections.forEach((c) => c.delete(document.uri))),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration('xenConfig.dom0')) return;
      void session?.dispose();
      session = undefined;
    }),
    { dispose: () => void session?.dispose() },
  );
  return { statusText: () => status.text, statusTooltip: () => String(status.tooltip ?? '') };
}

/** The `config` of the first entry of `xl list -l ID`, else the text as it came. */
function configOf(json: string): unknown {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) && value[0] && typeof value[0] === 'object' && 'config' in value[0] ? (value[0] as { config: unknown }).config : value;
  } catch {
    return json;
  }
}

function pretty(value: unknown): string {
  if (typeof value !== 'string') return JSON.stringify(value, null, 4) + '\n';
  try {
    return JSON.stringify(JSON.parse(value), null, 4) + '\n';
  } catch {
    return value;
  }
}
