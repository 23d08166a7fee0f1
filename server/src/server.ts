/**
 * The language server: LSP wiring only. Every answer comes from the
 * language services (languages/<id>), routed by the document's language id,
 * and from the workspace model (workspace/) for what crosses files. What a
 * file shows, open or closed, is the runner's `diagnose` (workspace/runner.ts),
 * the same the CLI prints; this module decides when to publish it.
 *
 * Nothing a file contains may take the server down: every handler and every
 * background task is guarded (`guarded`, `background`), so a throw becomes one
 * logged error naming the handler and the file, and an empty answer; the
 * runner does the same for the language services (parse, facts, validate,
 * cross-file rules), so the other files are still indexed and served.
 */
import {
  CodeActionKind,
  createConnection,
  FileChangeType,
  InitializeResult,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Location, Position } from 'vscode-languageserver-types';
import { pathOfUri } from './common/uri';
import { DEFAULT_SETTINGS, Settings } from './languages/types';
import { clusterNodes, CLUSTER_NODES_REQUEST } from './lsp/clusterNodes';
import { Debouncer } from './lsp/debouncer';
import { MIGRATION_ACTION_KIND, migrationActions, wantsMigrations } from './migrate/actions';
import { documentSettingsFromClient, settingsFromClient } from './lsp/settings';
import { DOCUMENT_SETTINGS_NOTIFICATION, DOMAIN_SUMMARY_REQUEST, type DocumentSettingsParams, type DomainSummaryParams, type DomainSummaryResult } from '../../shared/src/protocol';
import { summarizeXlDocument } from './common/domainReading';
import type { XlDocument } from './languages/xl-config';
import { WorkspaceFiles } from './lsp/workspaceFiles';
import { definitions, Link, linkAt, references, rename, RenameError, workspaceSymbols } from './workspace/navigation';
import { errorText } from './common/errorText';
import { sameData } from './workspace/index';
import { describeFailure, RunnerFailure, Served, WorkspaceRunner } from './workspace/runner';
import { servicesFromEnvironment } from './workspace/testHook';

const VALIDATION_DELAY_MS = 15;
/** Cross-file results of the other files follow an edit after this quiet time. */
const CROSS_FILE_DELAY_MS = 50;
/** Files indexed between two yields to the message loop while scanning. */
const SCAN_CHUNK = 25;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let workspaceFolders: string[] = [];
/** The language services: the registry's, unless the test hook XCC_TEST_THROW_ON is set (workspace/testHook.ts). Read once. */
const services = servicesFromEnvironment();
/** Every file, open or closed: its text, parse, facts and diagnostics (workspace/runner.ts). */
let runner = newRunner(undefined, DEFAULT_SETTINGS);
const workspaceFiles = new WorkspaceFiles(() => runner, () => workspaceFolders);
const debouncer = new Debouncer(VALIDATION_DELAY_MS);
const crossFileDebouncer = new Debouncer(CROSS_FILE_DELAY_MS);
let clientHasConfiguration = false;
/** While the first scan runs, closed files are not published: the index is not whole yet. */
let scanning = false;

/** The index generation every file's diagnostics were last published for. */
let refreshedGeneration = 0;
/**
 * What was last published per URI (and the last document version named), to avoid re-sending unchanged
 * diagnostics. The diagnostics themselves, not their JSON: a file's own diagnostics are the runner's cached
 * objects, so comparing an unchanged file is mostly identity checks; serialising every file's list was 12 %
 * of a workspace-wide publication in the 2,000-file bench (docs/performance.md).
 */
const published = new Map<string, { diagnostics: Diagnostic[]; version?: number }>();

function newRunner(root: string | undefined, settings: Settings): WorkspaceRunner {
  return new WorkspaceRunner({ root, settings, services, onFailure: (failure: RunnerFailure) => logError(describeFailure(failure), failure.error) });
}

/** One error in the server's log: a line that names what failed and for which file, then the stack for a bug report. */
function logError(line: string, error: unknown): void {
  const stack = error instanceof Error && error.stack ? `\n${error.stack.split('\n').slice(1).join('\n')}` : '';
  connection.console.error(`${line}${stack}`);
}

function logThrow(handler: string, uri: string | undefined, error: unknown): void {
  logError(`${handler} for ${uri ?? '(no document)'} threw ${errorText(error)}`, error);
}

/** The document a request or notification is about, if it names one. */
function uriOf(params: unknown): string | undefined {
  const uri = (params as { textDocument?: { uri?: unknown } } | undefined)?.textDocument?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

/**
 * A request handler that never throws: a throw is logged once, naming the
 * handler and the document, and the client gets `empty`. A `ResponseError` is
 * a deliberate answer (a refused rename) and goes through.
 */
function guarded<P, R>(handler: string, empty: R, body: (params: P) => R | Promise<R>): (params: P) => R | Promise<R> {
  return (params) => {
    const fail = (error: unknown): R => {
      if (error instanceof ResponseError) throw error;
      logThrow(handler, uriOf(params), error);
      return empty;
    };
    try {
      const answer = body(params);
      return answer instanceof Promise ? answer.catch(fail) : answer;
    } catch (error) {
      return fail(error);
    }
  };
}

/** Runs a notification's or a timer's work; a throw or a rejection is logged, never left to end the process. */
function background(handler: string, uri: string | undefined, task: () => void | Promise<void>): void {
  try {
    const done = task();
    if (done instanceof Promise) done.catch((error: unknown) => logThrow(handler, uri, error));
  } catch (error) {
    logThrow(handler, uri, error);
  }
}

/** Hands the editor's current text of an open document to the runner; false when it is not open or not ours. */
function syncOpen(uri: string): boolean {
  const document = documents.get(uri);
  return document !== undefined && runner.setOpen(uri, document.languageId, document.getText());
}

/** The service and the up-to-date parse of an open document, or undefined for other languages. */
function serve(uri: string): Served | undefined {
  return syncOpen(uri) ? runner.served(uri) : undefined;
}

/**
 * Sends a file's diagnostics unless the client has them already. A document
 * version is sent again when it was not named before (a client may wait for
 * that version), never twice with the same content: didOpen both validates and
 * schedules a validation.
 */
function publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
  const last = published.get(uri);
  if (last && sameData(last.diagnostics, diagnostics) && (version === undefined || version === last.version)) return;
  published.set(uri, { diagnostics, version: version ?? last?.version });
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

/** Checks an open document and publishes for its version; other files follow if its facts changed. */
function validate(uri: string): void {
  const document = documents.get(uri);
  if (!document || !syncOpen(uri)) return;
  const version = document.version;
  const diagnostics = runner.diagnose(uri) ?? [];
  // A newer edit may have arrived while validating: its own run will publish.
  if (documents.get(uri)?.version !== version) return;
  publish(uri, diagnostics, version);
  if (runner.generation === refreshedGeneration) return;
  // Facts changed. The other open documents are what the user is looking at, and few: their cross-file
  // results follow now (the model is already rebuilt for this file's own diagnose). The whole workspace
  // follows after a quiet time, so that typing in one file does not re-check every file per keystroke.
  publishOpen(uri);
  crossFileDebouncer.schedule('*', () => background('publishing diagnostics', undefined, () => publishAll(uri)));
}

/** Publishes every open document but `except` where its diagnostics changed. */
function publishOpen(except: string): void {
  for (const uri of runner.openUris()) {
    if (uri === except) continue;
    try {
      syncOpen(uri);
      const diagnostics = runner.diagnose(uri);
      if (diagnostics) publish(uri, diagnostics);
    } catch (error) {
      logThrow('publishing diagnostics', uri, error);
    }
  }
}

const yieldToMessages = () => new Promise((resolve) => setImmediate(resolve));

/** Bumped by every `publishAll`: a run that sees a newer one stops, since the newer covers every file. */
let publicationRun = 0;

/**
 * Checks every file the runner knows, open documents first, and publishes
 * what changed (`except`: a document just published for its version). Yields
 * to the message loop between chunks, as the scan does, so that a settings
 * change in a large workspace does not hold up typing.
 */
async function publishAll(except?: string): Promise<void> {
  const run = ++publicationRun;
  crossFileDebouncer.cancel('*');
  const uris = runner.uris();
  for (const uri of uris) if (runner.isOpen(uri)) syncOpen(uri);
  refreshedGeneration = runner.generation;
  for (let i = 0; i < uris.length; i++) {
    if (i > 0 && i % SCAN_CHUNK === 0) {
      await yieldToMessages();
      if (run !== publicationRun) return;
    }
    const uri = uris[i];
    if (uri === except || (scanning && !runner.isOpen(uri))) continue;
    try {
      const diagnostics = runner.diagnose(uri);
      if (diagnostics) publish(uri, diagnostics);
    } catch (error) {
      logThrow('publishing diagnostics', uri, error);
    }
  }
}

/** Forgets what was published for a file the runner no longer knows, and clears it in the client. */
function clear(uri: string): void {
  if (runner.has(uri) || !published.has(uri)) return;
  publish(uri, []);
  published.delete(uri);
}

/** New settings: every file is analysed again, a chunk at a time, then re-published where it changed. */
async function applySettings(next: Settings): Promise<void> {
  if (!runner.setSettings(next)) return;
  while (runner.refreshStale(SCAN_CHUNK) > 0) await yieldToMessages();
  await publishAll();
}

/** Indexes the workspace folders in the background, a chunk at a time, with progress; then publishes every file. */
async function scanWorkspace(): Promise<void> {
  const uris = workspaceFiles.list((problem) => connection.console.warn(`workspace indexing skipped ${problem.path}: ${problem.reason}`));
  if (uris.length === 0) return;
  // A client that refuses the progress gets none; the scan runs all the same.
  const progress = await connection.window.createWorkDoneProgress().catch((error: unknown) => logThrow('window/workDoneProgress/create', undefined, error));
  scanning = true;
  try {
    progress?.begin('Indexing Xen and cluster configs', 0, `${uris.length} files`, false);
    for (let i = 0; i < uris.length; i++) {
      try {
        // Own diagnostics now, so that their cost is spread over the chunks too.
        if (await workspaceFiles.load(uris[i])) runner.ownDiagnostics(uris[i]);
      } catch (error) {
        // One file never stops the scan (the runner guards the services; this is the last net).
        logThrow('workspace indexing', uris[i], error);
      }
      if (i % SCAN_CHUNK === SCAN_CHUNK - 1) {
        progress?.report(Math.round((100 * (i + 1)) / uris.length), `${i + 1} of ${uris.length} files`);
        await yieldToMessages();
      }
    }
  } finally {
    scanning = false;
    progress?.done();
  }
  connection.console.log(`indexed ${uris.length} files in ${workspaceFolders.join(', ')}`);
  await publishAll();
}

connection.onInitialize((params): InitializeResult => {
  clientHasConfiguration = params.capabilities.workspace?.configuration === true;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFolders = folders.filter((uri) => uri.startsWith('file:')).map(pathOfUri);
  runner = newRunner(workspaceFolders[0], settingsFromClient(params.initializationOptions?.settings));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['=', ' ', '"', "'", '<', ',', '(', ':', '['] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, MIGRATION_ACTION_KIND] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      workspaceSymbolProvider: true,
    },
    serverInfo: { name: 'xen-cluster-config', version: '0.1.0' },
  };
});

/** Asks the client for the `xenConfig` section, when it can answer. */
async function pullSettings(): Promise<void> {
  if (!clientHasConfiguration) return;
  const [section] = await connection.workspace.getConfiguration([{ section: 'xenConfig' }]);
  await applySettings(settingsFromClient(section));
}

/** Settles when the first scan of the workspace has ended (requests about the whole workspace wait for it). */
let indexed: Promise<void> = Promise.resolve();

connection.onInitialized(() => {
  // Settings that cannot be read leave the defaults; the scan runs either way.
  indexed = pullSettings()
    .catch((error: unknown) => logThrow('reading the settings', undefined, error))
    .then(scanWorkspace)
    .catch((error: unknown) => logThrow('workspace indexing', undefined, error));
});

connection.onDidChangeConfiguration((change) =>
  background('reading the settings', undefined, () =>
    clientHasConfiguration ? pullSettings() : applySettings(settingsFromClient((change.settings as { xenConfig?: unknown } | undefined)?.xenConfig)),
  ),
);

/**
 * Files created, changed or deleted on disk: each is read again (an open
 * document keeps its editor text), a deleted one is cleared, files whose
 * validation looked at folder listings are checked again when a file came or
 * went, and every file is re-published where its diagnostics changed.
 */
connection.onDidChangeWatchedFiles((params) =>
  background('workspace/didChangeWatchedFiles', undefined, async () => {
    let listingsChanged = false;
    for (const change of params.changes) {
      try {
        if (change.type !== FileChangeType.Changed) listingsChanged = true;
        if (change.type === FileChangeType.Deleted) runner.removeDisk(change.uri);
        else if (workspaceFiles.inWorkspace(change.uri)) await workspaceFiles.load(change.uri);
        clear(change.uri);
      } catch (error) {
        logThrow('workspace/didChangeWatchedFiles', change.uri, error);
      }
    }
    if (listingsChanged) runner.fileSystemChanged();
    await publishAll();
  }),
);

documents.onDidOpen((event) => background('textDocument/didOpen', event.document.uri, () => validate(event.document.uri)));
documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  debouncer.schedule(uri, () => background('validating', uri, () => validate(uri)));
});
documents.onDidClose((event) => {
  const uri = event.document.uri;
  background('textDocument/didClose', uri, () => {
    debouncer.cancel(uri);
    runner.close(uri);
    if (workspaceFiles.inWorkspace(uri)) {
      // Back to what is on disk (the edits may not have been saved).
      return workspaceFiles.load(uri).then(() => {
        clear(uri);
        return publishAll();
      });
    }
    // Not a file of the workspace: it leaves with its editor.
    runner.removeDisk(uri);
    clear(uri);
    if (runner.generation !== refreshedGeneration) return publishAll();
  });
});

connection.onCompletion(
  guarded('textDocument/completion', [], (params) => {
    const served = serve(params.textDocument.uri);
    return served ? served.service.complete(served.doc, params.position, served.ctx) : [];
  }),
);

connection.onHover(
  guarded('textDocument/hover', null, (params) => {
    const served = serve(params.textDocument.uri);
    return served ? served.service.hover(served.doc, params.position, served.ctx) : null;
  }),
);

connection.onCodeAction(
  guarded('textDocument/codeAction', [], (params) => {
    const served = serve(params.textDocument.uri);
    if (!served) return [];
    const fixes = served.service.codeActions(served.doc, params.range, params.context.diagnostics, served.ctx);
    if (!wantsMigrations(params.context)) return fixes;
    // A conversion that throws costs its own actions, never the quick fixes.
    const conversions = guarded('textDocument/codeAction (migrate)', [], () => migrationActions(served.service.id, served.doc, served.ctx))(params);
    return [...fixes, ...(conversions as CodeAction[])];
  }),
);

connection.onDocumentSymbol(
  guarded('textDocument/documentSymbol', [], (params) => {
    const served = serve(params.textDocument.uri);
    return served ? served.service.symbols(served.doc, served.ctx) : [];
  }),
);

connection.onFoldingRanges(
  guarded('textDocument/foldingRange', [], (params) => {
    const served = serve(params.textDocument.uri);
    return served ? served.service.folding(served.doc, served.ctx) : [];
  }),
);

connection.onDocumentFormatting(
  guarded('textDocument/formatting', [], (params) => {
    const served = serve(params.textDocument.uri);
    return served ? served.service.format(served.doc, params.options) : [];
  }),
);

connection.onDocumentRangeFormatting(
  guarded('textDocument/rangeFormatting', [], (params) => {
    const served = serve(params.textDocument.uri);
    return served ? served.service.format(served.doc, params.options, params.range) : [];
  }),
);

/** The cross-file name at a position of an open document, if any. */
function linkAtPosition(uri: string, position: Position): Link | undefined {
  serve(uri);
  const facts = runner.workspace.factsOf(uri);
  return facts ? linkAt(facts, position) : undefined;
}

function uniqueLocations(locations: Location[]): Location[] {
  const seen = new Set<string>();
  return locations.filter((l) => {
    const key = `${l.uri}#${l.range.start.line}:${l.range.start.character}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

connection.onDefinition(
  guarded('textDocument/definition', [], (params) => {
    const served = serve(params.textDocument.uri);
    const own = served?.service.definition?.(served.doc, params.position, served.ctx) ?? [];
    const link = linkAtPosition(params.textDocument.uri, params.position);
    return uniqueLocations([...own, ...(link ? definitions(link, runner.workspace.model()) : [])]);
  }),
);

connection.onReferences(
  guarded('textDocument/references', [], (params) => {
    const served = serve(params.textDocument.uri);
    const own = served?.service.references?.(served.doc, params.position, served.ctx) ?? [];
    const link = linkAtPosition(params.textDocument.uri, params.position);
    return uniqueLocations([...own, ...(link ? references(link, runner.workspace.allFiles()) : [])]);
  }),
);

connection.onPrepareRename(
  guarded('textDocument/prepareRename', null, (params) => {
    const link = linkAtPosition(params.textDocument.uri, params.position);
    return link ? link.fact.range : null;
  }),
);

connection.onRenameRequest(
  guarded('textDocument/rename', null, (params) => {
    // The language knows its own naming rules (e.g. XML names); names it does not own are renamed across files.
    const served = serve(params.textDocument.uri);
    const own = served?.service.rename?.(served.doc, params.position, params.newName, served.ctx);
    if (own) return own;
    const link = linkAtPosition(params.textDocument.uri, params.position);
    if (!link) return null;
    try {
      return rename(link, params.newName, runner.workspace.allFiles());
    } catch (error) {
      if (error instanceof RenameError) throw new ResponseError(-32602, error.message);
      throw error;
    }
  }),
);

connection.onWorkspaceSymbol(guarded('workspace/symbol', [], (params) => workspaceSymbols(params.query, runner.workspace.model())));

// The dom0 explorer's "cluster nodes as hosts": the nodes the workspace's cluster.conf files declare.
connection.onRequest(
  CLUSTER_NODES_REQUEST,
  guarded(CLUSTER_NODES_REQUEST, [], async () => {
    await indexed;
    return clusterNodes(runner.workspace.model());
  }),
);

// "Show Effective Configuration": our reading of an open domain config, to compare with the host's xl.
connection.onRequest(
  DOMAIN_SUMMARY_REQUEST,
  guarded<DomainSummaryParams, DomainSummaryResult>(DOMAIN_SUMMARY_REQUEST, null, (params) => {
    const served = typeof params?.uri === 'string' ? serve(params.uri) : undefined;
    if (served?.service.id !== 'xl-config' || (served.doc as XlDocument).fileKind !== 'domain') return null;
    return summarizeXlDocument(served.doc as XlDocument);
  }),
);

// One document's settings over the workspace's: a config opened from a dom0 is checked with that host's Xen.
connection.onNotification(DOCUMENT_SETTINGS_NOTIFICATION, (params: DocumentSettingsParams) =>
  background(DOCUMENT_SETTINGS_NOTIFICATION, params?.uri, () => {
    if (typeof params?.uri === 'string' && runner.setDocumentSettings(params.uri, documentSettingsFromClient(params.settings))) validate(params.uri);
  }),
);

// The last net under the guards above: an error that still escapes (a timer, a promise nobody awaits) is logged, and the server goes on.
process.on('uncaughtException', (error) => logThrow('an unguarded task', undefined, error));
process.on('unhandledRejection', (error) => logThrow('an unguarded promise', undefined, error));

documents.listen(connection);
connection.listen();
