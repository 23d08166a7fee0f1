/**
 * The language server: LSP wiring only. Every answer comes from the
 * language services (languages/<id>), routed by the document's language id.
 */
import {
  CodeActionKind,
  createConnection,
  InitializeResult,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serviceFor } from './languages/registry';
import { DEFAULT_SETTINGS, LanguageService, ParsedDocument, ServiceContext, Settings } from './languages/types';
import { Debouncer } from './lsp/debouncer';
import { settingsFromClient } from './lsp/settings';
import { pathOfUri } from './lsp/uri';
import { WorkspaceIndex } from './workspace/index';

const VALIDATION_DELAY_MS = 15;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const workspace = new WorkspaceIndex();
const debouncer = new Debouncer(VALIDATION_DELAY_MS);
let settings: Settings = DEFAULT_SETTINGS;
let clientHasConfiguration = false;

/** Parsed documents by URI, reused until the document's version changes. */
const parsed = new Map<string, { version: number; doc: ParsedDocument }>();

interface Served {
  service: LanguageService;
  doc: ParsedDocument;
  ctx: ServiceContext;
}

function contextFor(uri: string): ServiceContext {
  return { uri, path: pathOfUri(uri), settings, workspace };
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
  workspace.update(uri, service.facts(doc, ctx), true);
  return { service, doc, ctx };
}

function validate(uri: string): void {
  const document = documents.get(uri);
  const served = serve(uri);
  if (!document || !served) return;
  const version = document.version;
  const diagnostics = served.service.validate(served.doc, served.ctx);
  // A newer edit may have arrived while validating: its own run will publish.
  if (documents.get(uri)?.version !== version) return;
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

function revalidateAll(): void {
  parsed.clear();
  for (const document of documents.all()) validate(document.uri);
}

connection.onInitialize((params): InitializeResult => {
  clientHasConfiguration = params.capabilities.workspace?.configuration === true;
  settings = settingsFromClient(params.initializationOptions?.settings);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['=', ' ', '"', "'", '<', ',', '(', ':', '['] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
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
  void pullSettings().then(revalidateAll);
});

connection.onDidChangeConfiguration((change) => {
  if (clientHasConfiguration) void pullSettings().then(revalidateAll);
  else {
    settings = settingsFromClient((change.settings as { xenConfig?: unknown } | undefined)?.xenConfig);
    revalidateAll();
  }
});

documents.onDidOpen((event) => validate(event.document.uri));
documents.onDidChangeContent((event) => debouncer.schedule(event.document.uri, () => validate(event.document.uri)));
documents.onDidClose((event) => {
  const uri = event.document.uri;
  debouncer.cancel(uri);
  parsed.delete(uri);
  workspace.markClosed(uri);
  void connection.sendDiagnostics({ uri, diagnostics: [] });
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

documents.listen(connection);
connection.listen();
