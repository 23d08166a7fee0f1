/**
 * The language server: LSP wiring only. Every answer comes from the
 * language services (languages/<id>), routed by the document's language id,
 * and from the workspace model (workspace/) for what crosses files.
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
import type { Diagnostic, Location, Position } from 'vscode-languageserver-types';
import { NO_FILES } from './common/files';
import { pathOfUri } from './common/uri';
import { DISK_FILES } from './workspace/disk';
import { CROSS_FILE_RULES, serviceFor } from './languages/registry';
import { DEFAULT_SETTINGS, LanguageService, ParsedDocument, ServiceContext, Settings } from './languages/types';
import { Debouncer } from './lsp/debouncer';
import { settingsFromClient } from './lsp/settings';
import { WorkspaceFiles } from './lsp/workspaceFiles';
import { crossFileDiagnostics } from './workspace/crossFile';
import { diagnose, WorkspaceIndex } from './workspace/index';
import { definitions, Link, linkAt, references, rename, RenameError, workspaceSymbols } from './workspace/navigation';

const VALIDATION_DELAY_MS = 15;
/** Cross-file results of the other files follow an edit after this quiet time. */
const CROSS_FILE_DELAY_MS = 50;
/** Files indexed between two yields to the message loop while scanning. */
const SCAN_CHUNK = 25;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let workspace = new WorkspaceIndex();
let workspaceFiles = newWorkspaceFiles();
const debouncer = new Debouncer(VALIDATION_DELAY_MS);
const crossFileDebouncer = new Debouncer(CROSS_FILE_DELAY_MS);
let settings: Settings = DEFAULT_SETTINGS;
let clientHasConfiguration = false;
let workspaceFolders: string[] = [];

/** Parsed documents by URI, reused until the document's version changes. */
const parsed = new Map<string, { version: number; doc: ParsedDocument }>();
/** The index generation the other files' diagnostics were last computed for. */
let refreshedGeneration = 0;
/** What was last published per URI, to avoid re-sending unchanged diagnostics. */
const published = new Map<string, string>();

function newWorkspaceFiles(): WorkspaceFiles {
  return new WorkspaceFiles(workspace, () => settings, (uri) => documents.get(uri) !== undefined);
}

interface Served {
  service: LanguageService;
  doc: ParsedDocument;
  ctx: ServiceContext;
}

function contextFor(uri: string): ServiceContext {
  return { uri, path: pathOfUri(uri), settings, workspace, files: uri.startsWith('file:') ? DISK_FILES : NO_FILES };
}

/** The service and the up-to-date parse of an open document, or undefined for other languages. */
function serve(uri: string): Served | undefined {
  const document = documents.get(uri);
  if (!document) return undefined;
  const service = serviceFor(document.languageId);
  if (!service) return undefined;
  const ctx = contextFor(uri);
  const cached = parsed.get(uri);
  if (cached && cached.version === document.version) return { service, doc: cached.doc, ctx };
  const doc = service.parse(document.getText(), ctx);
  parsed.set(uri, { version: document.version, doc });
  // Only files take part in the workspace: an untitled buffer (a snippet being tried out) or a
  // config opened from a dom0 host must not collide with the repository's own files.
  if (uri.startsWith('file:')) workspace.update(uri, service.facts(doc, ctx), true);
  return { service, doc, ctx };
}

function publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
  const key = JSON.stringify(diagnostics);
  if (version === undefined && published.get(uri) === key) return;
  published.set(uri, key);
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

function validate(uri: string): void {
  const document = documents.get(uri);
  const served = serve(uri);
  if (!document || !served) return;
  const version = document.version;
  const diagnostics = diagnose(served.service, served.doc, served.ctx, workspace);
  // A newer edit may have arrived while validating: its own run will publish.
  if (documents.get(uri)?.version !== version) return;
  publish(uri, diagnostics, version);
  if (workspace.generation !== refreshedGeneration) crossFileDebouncer.schedule('*', () => refreshOtherFiles(uri));
}

/** Re-publishes the files whose cross-file diagnostics may have changed after `changedUri` changed. */
function refreshOtherFiles(changedUri?: string): void {
  refreshedGeneration = workspace.generation;
  for (const document of documents.all()) {
    if (document.uri !== changedUri) {
      const served = serve(document.uri);
      if (served) publish(document.uri, diagnose(served.service, served.doc, served.ctx, workspace));
    }
  }
  const model = workspace.model();
  for (const uri of workspaceFiles.closedFiles()) {
    const facts = workspace.factsOf(uri);
    const own = workspaceFiles.ownDiagnosticsOf(uri) ?? [];
    publish(uri, facts ? [...own, ...crossFileDiagnostics(uri, facts, model, CROSS_FILE_RULES, { root: workspace.root })] : own);
  }
}

function revalidateAll(): void {
  parsed.clear();
  for (const document of documents.all()) validate(document.uri);
}

/** Indexes the workspace folders in the background, a chunk at a time, with progress. */
async function scanWorkspace(): Promise<void> {
  const uris = workspaceFiles.list(workspaceFolders);
  if (uris.length === 0) return;
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('Indexing Xen and cluster configs', 0, `${uris.length} files`, false);
  for (let i = 0; i < uris.length; i++) {
    await workspaceFiles.load(uris[i]);
    if (i % SCAN_CHUNK === SCAN_CHUNK - 1) {
      progress.report(Math.round((100 * (i + 1)) / uris.length), `${i + 1} of ${uris.length} files`);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  progress.done();
  connection.console.log(`indexed ${uris.length} files in ${workspaceFolders.join(', ')}`);
  for (const document of documents.all()) validate(document.uri);
  refreshOtherFiles();
}

connection.onInitialize((params): InitializeResult => {
  clientHasConfiguration = params.capabilities.workspace?.configuration === true;
  settings = settingsFromClient(params.initializationOptions?.settings);
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFolders = folders.filter((uri) => uri.startsWith('file:')).map(pathOfUri);
  workspace = new WorkspaceIndex(workspaceFolders[0]);
  workspaceFiles = newWorkspaceFiles();
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['=', ' ', '"', "'", '<', ',', '(', ':', '['] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      workspaceSymbolProvider: true,
    },
    serverInfo: { name: 'xen-cluster-config', version: '0.1.0' },
  };
});

async function pullSettings(): Promise<void> {
  if (!clientHasConfiguration) return;
  const [section] = await connection.workspace.getConfiguration([{ section: 'xenConfig' }]);
  settings = settingsFromClient(section);
}

connection.onInitialized(() => {
  void pullSettings()
    .then(revalidateAll)
    .then(scanWorkspace)
    .catch((error: Error) => connection.console.error(`workspace indexing failed: ${error.message}`));
});

connection.onDidChangeConfiguration((change) => {
  if (clientHasConfiguration) void pullSettings().then(revalidateAll);
  else {
    settings = settingsFromClient((change.settings as { xenConfig?: unknown } | undefined)?.xenConfig);
    revalidateAll();
  }
});

connection.onDidChangeWatchedFiles(async (params) => {
  for (const change of params.changes) {
    if (documents.get(change.uri)) continue;
    if (change.type === FileChangeType.Deleted) {
      workspaceFiles.forget(change.uri);
      publish(change.uri, []);
    } else {
      await workspaceFiles.load(change.uri);
    }
  }
  for (const document of documents.all()) validate(document.uri);
  refreshOtherFiles();
});

documents.onDidOpen((event) => {
  workspaceFiles.opened(event.document.uri);
  validate(event.document.uri);
});
documents.onDidChangeContent((event) => debouncer.schedule(event.document.uri, () => validate(event.document.uri)));
documents.onDidClose((event) => {
  const uri = event.document.uri;
  debouncer.cancel(uri);
  parsed.delete(uri);
  workspace.markClosed(uri);
  if (uri.startsWith('file:')) {
    // Back to what is on disk (the edits may not have been saved).
    void workspaceFiles.load(uri).then((known) => {
      if (!known) publish(uri, []);
      refreshOtherFiles();
    });
  } else {
    publish(uri, []);
  }
});

connection.onCompletion((params) => {
  const served = serve(params.textDocument.uri);
  return served ? served.service.complete(served.doc, params.position, served.ctx) : [];
});

connection.onHover((params) => {
  const served = serve(params.textDocument.uri);
  return served ? served.service.hover(served.doc, params.position, served.ctx) : null;
});

connection.onCodeAction((params) => {
  const served = serve(params.textDocument.uri);
  return served ? served.service.codeActions(served.doc, params.range, params.context.diagnostics, served.ctx) : [];
});

connection.onDocumentSymbol((params) => {
  const served = serve(params.textDocument.uri);
  return served ? served.service.symbols(served.doc, served.ctx) : [];
});

connection.onFoldingRanges((params) => {
  const served = serve(params.textDocument.uri);
  return served ? served.service.folding(served.doc, served.ctx) : [];
});

/** The cross-file name at a position of an open document, if any. */
function linkAtPosition(uri: string, position: Position): Link | undefined {
  serve(uri);
  const facts = workspace.factsOf(uri);
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

connection.onDefinition((params) => {
  const served = serve(params.textDocument.uri);
  const own = served?.service.definition?.(served.doc, params.position, served.ctx) ?? [];
  const link = linkAtPosition(params.textDocument.uri, params.position);
  return uniqueLocations([...own, ...(link ? definitions(link, workspace.model()) : [])]);
});

connection.onReferences((params) => {
  const served = serve(params.textDocument.uri);
  const own = served?.service.references?.(served.doc, params.position, served.ctx) ?? [];
  const link = linkAtPosition(params.textDocument.uri, params.position);
  return uniqueLocations([...own, ...(link ? references(link, workspace.allFiles()) : [])]);
});

connection.onPrepareRename((params) => {
  const link = linkAtPosition(params.textDocument.uri, params.position);
  return link ? link.fact.range : null;
});

connection.onRenameRequest((params) => {
  // The language knows its own naming rules (e.g. XML names); names it does not own are renamed across files.
  const served = serve(params.textDocument.uri);
  const own = served?.service.rename?.(served.doc, params.position, params.newName, served.ctx);
  if (own) return own;
  const link = linkAtPosition(params.textDocument.uri, params.position);
  if (!link) return null;
  try {
    return rename(link, params.newName, workspace.allFiles());
  } catch (error) {
    if (error instanceof RenameError) throw new ResponseError(-32602, error.message);
    throw error;
  }
});

connection.onWorkspaceSymbol((params) => workspaceSymbols(params.query, workspace.model()));

documents.listen(connection);
connection.listen();
