/** VS Code side: starts the language server for the languages package.json registers, and the dom0 explorer. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { CLUSTER_NODES_REQUEST, ClusterNode, DOCUMENT_SETTINGS_NOTIFICATION, DOMAIN_SUMMARY_REQUEST, DomainSummaryParams, DomainSummaryResult } from '../../shared/src/protocol';
import { Dom0ExplorerApi, registerDom0Explorer } from './explorer';
import { HostCheckApi, registerHostCheck } from './hostCheck';
import { manifestLanguages, watchedGlobs } from './manifest';
import { registerMigrateCommand } from './migrate';

let client: LanguageClient | undefined;

/** The extension's exports: the dom0 explorer's tree (read by the e2e suite). */
export async function activate(context: vscode.ExtensionContext): Promise<{ dom0: Dom0ExplorerApi; hostCheck: HostCheckApi }> {
  const languages = manifestLanguages(context.extension.packageJSON);
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any scheme: local files, untitled buffers and remote dom0 files opened through the explorer.
    documentSelector: languages.map((language) => ({ language: language.id })),
    synchronize: {
      configurationSection: 'xenConfig',
      // The server indexes the workspace's config files; tell it when they change on disk.
      fileEvents: vscode.workspace.createFileSystemWatcher(`{${watchedGlobs(languages).join(',')}}`),
    },
  };
  registerMigrateCommand(context);
  const languageClient = new LanguageClient('xenConfig', 'Xen & Cluster Config', serverOptions, clientOptions);
  client = languageClient;
  const started = languageClient.start();
  // The explorer comes up even if the server does not; it asks the server for the cluster.conf nodes.
  const clusterNodes = async () => {
    await started;
    return languageClient.sendRequest<ClusterNode[]>(CLUSTER_NODES_REQUEST);
  };
  const dom0 = registerDom0Explorer(context, clusterNodes, (params) =>
    void started.then(() => languageClient.sendNotification(DOCUMENT_SETTINGS_NOTIFICATION, params)).catch(() => undefined),
  );
  const domainSummary = async (uri: string) => {
    await started;
    return languageClient.sendRequest<DomainSummaryResult>(DOMAIN_SUMMARY_REQUEST, { uri } satisfies DomainSummaryParams);
  };
  const hostCheck = registerHostCheck(context, clusterNodes, domainSummary);
  await started;
  context.subscriptions.push({ dispose: () => void client?.stop() });
  return { dom0, hostCheck };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
