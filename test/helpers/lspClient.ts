/**
 * A real LSP client for protocol tests: spawns `node dist/server.js --stdio`
 * and speaks JSON-RPC over its pipes. Waits are on events (a diagnostics
 * notification for a given version), never on sleeps.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import {
  CodeAction,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InitializeResult,
  Position,
  PublishDiagnosticsParams,
  Range,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';

export const SERVER_PATH = resolve(__dirname, '../../../dist/server.js');

export interface StartOptions {
  /** The `xenConfig` settings section the client answers `workspace/configuration` with. */
  settings?: unknown;
  workspaceFolders?: { uri: string; name: string }[];
  /** Extra environment variables for the server process (the test hook XCC_TEST_THROW_ON, server/src/workspace/testHook.ts). */
  env?: Record<string, string>;
}

export class LspTestClient {
  private readonly versions = new Map<string, number>();
  private readonly published = new Map<string, PublishDiagnosticsParams[]>();
  private readonly waiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly predicateWaiters: { uri: string; accept: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  private readonly logWaiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  private readonly stateWaiters: { accept: () => boolean; resolve: () => void }[] = [];
  readonly logs: string[] = [];
  /** Every `$/progress` value the server sent (work-done progress: begin, report, end). */
  readonly progress: { kind: string; title?: string; message?: string }[] = [];
  private readonly progressWaiters: { kind: string; resolve: () => void }[] = [];
  settings: unknown;
  initializeResult!: InitializeResult;
  readonly stderr: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  static async start(options: StartOptions = {}): Promise<LspTestClient> {
    const env = options.env ? { ...process.env, ...options.env } : process.env;
    const child = spawn(process.execPath, [SERVER_PATH, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection);
    client.settings = options.settings ?? {};
    child.stderr!.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString()));
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => client.onDiagnostics(params));
    connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((item) => (item.section === 'xenConfig' ? client.settings : null)),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('window/logMessage', (params: { message: string }) => client.onLog(params.message));
    connection.onNotification('$/progress', (params: { value: { kind: string; title?: string; message?: string } }) => client.onProgress(params.value));
    connection.listen();
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: options.workspaceFolders?.[0]?.uri ?? null,
      workspaceFolders: options.workspaceFolders ?? null,
      capabilities: {
        window: { workDoneProgress: true },
        workspace: { configuration: true, workspaceFolders: true, workspaceEdit: { documentChanges: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite'] } } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private onLog(message: string): void {
    this.logs.push(message);
    for (let i = this.logWaiters.length - 1; i >= 0; i--) {
      if (this.logWaiters[i].pattern.test(message)) this.logWaiters.splice(i, 1)[0].resolve(message);
    }
  }

  private onProgress(value: { kind: string; title?: string; message?: string }): void {
    this.progress.push(value);
    for (let i = this.progressWaiters.length - 1; i >= 0; i--) {
      if (this.progressWaiters[i].kind === value.kind) this.progressWaiters.splice(i, 1)[0].resolve();
    }
  }

  /** Resolves once the server sent a `$/progress` of this kind (`begin`, `report`, `end`), already or later. */
  waitForProgress(kind: 'begin' | 'report' | 'end'): Promise<void> {
    if (this.progress.some((p) => p.kind === kind)) return Promise.resolve();
    return new Promise((resolveProgress) => this.progressWaiters.push({ kind, resolve: resolveProgress }));
  }

  /** The server is still running (it did not exit). */
  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the first server log line (window/logMessage) matching `pattern`, already or later. */
  waitForLog(pattern: RegExp): Promise<string> {
    const seen = this.logs.find((line) => pattern.test(line));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolveLog) => this.logWaiters.push({ pattern, resolve: resolveLog }));
  }

  /** Resolves with the next diagnostics published for `uri` that satisfy `accept` (the latest already published counts). */
  waitForDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    const latest = this.published.get(uri)?.at(-1);
    if (latest && accept(latest.diagnostics)) return Promise.resolve(latest.diagnostics);
    return new Promise((resolveWaiter) => this.predicateWaiters.push({ uri, accept, resolve: resolveWaiter }));
  }

  private onDiagnostics(params: PublishDiagnosticsParams): void {
    const list = this.published.get(params.uri) ?? [];
    list.push(params);
    this.published.set(params.uri, list);
    for (let i = this.predicateWaiters.length - 1; i >= 0; i--) {
      const waiter = this.predicateWaiters[i];
      if (waiter.uri === params.uri && waiter.accept(params.diagnostics)) this.predicateWaiters.splice(i, 1)[0].resolve(params.diagnostics);
    }
    for (let i = this.stateWaiters.length - 1; i >= 0; i--) {
      if (this.stateWaiters[i].accept()) this.stateWaiters.splice(i, 1)[0].resolve();
    }
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const waiter = this.waiters[i];
      if (waiter.uri === params.uri && (waiter.version === undefined || params.version === waiter.version)) {
        this.waiters.splice(i, 1);
        waiter.resolve(params);
      }
    }
  }

  /** The diagnostics last published for `uri`, or undefined when none were. */
  latestDiagnostics(uri: string): Diagnostic[] | undefined {
    return this.published.get(uri)?.at(-1)?.diagnostics;
  }

  /** How many times the server published diagnostics for `uri`. */
  publicationCount(uri: string): number {
    return this.published.get(uri)?.length ?? 0;
  }

  /** Every URI the server published diagnostics for. */
  publishedUris(): string[] {
    return [...this.published.keys()];
  }

  /**
   * Resolves once `accept` holds, checked now and after every publication;
   * resolves false after `timeoutMs` so that the caller's assertion can show the difference.
   */
  waitForPublications(accept: () => boolean, timeoutMs = 10_000): Promise<boolean> {
    if (accept()) return Promise.resolve(true);
    return new Promise((resolveState) => {
      const waiter = { accept, resolve: () => (clearTimeout(timer), resolveState(true)) };
      const timer = setTimeout(() => {
        this.stateWaiters.splice(this.stateWaiters.indexOf(waiter), 1);
        resolveState(false);
      }, timeoutMs);
      this.stateWaiters.push(waiter);
    });
  }

  /**
   * Resolves after the server answered a request sent now: every notification
   * it sent while handling what the client sent before has arrived by then.
   */
  async roundTrip(): Promise<void> {
    await this.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: 'untitled:round-trip' } });
  }

  /** Tells the server that files were created (1), changed (2) or deleted (3) on disk, as a client's file watcher does. */
  async filesChanged(changes: { uri: string; type: 1 | 2 | 3 }[]): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });
  }

  /** Resolves with the first diagnostics published for `uri` at `version` (or any version), already or later. */
  diagnosticsFor(uri: string, version?: number): Promise<Diagnostic[]> {
    const seen = this.published.get(uri)?.find((p) => version === undefined || p.version === version);
    if (seen) return Promise.resolve(seen.diagnostics);
    return new Promise((resolveWaiter) => this.waiters.push({ uri, version, resolve: (p) => resolveWaiter(p.diagnostics) }));
  }

  /** Opens a document and returns the diagnostics the server publishes for it. */
  async open(uri: string, languageId: string, text: string): Promise<Diagnostic[]> {
    this.versions.set(uri, 1);
    this.published.delete(uri);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return this.diagnosticsFor(uri, 1);
  }

  /** Applies changes (incremental or full) and returns the diagnostics for the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return this.diagnosticsFor(uri, version);
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  async completion(uri: string, position: Position): Promise<CompletionItem[]> {
    const result = await this.connection.sendRequest<CompletionItem[] | CompletionList | null>('textDocument/completion', { textDocument: { uri }, position });
    return Array.isArray(result) ? result : (result?.items ?? []);
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
  }

  /** The actions of the editor's light bulb at `range` (an automatic request: no whole-file source actions). */
  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[]> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, triggerKind: 2 } });
  }

  documentSymbols(uri: string): Promise<DocumentSymbol[]> {
    return this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  }

  foldingRanges(uri: string): Promise<FoldingRange[]> {
    return this.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params);
  }

  /** The server process id (the benchmark reads its peak memory from /proc). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Changes the settings and tells the server, as VS Code does. */
  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: { xenConfig: settings } });
  }

  /** Forget what was published, so the next `diagnosticsFor` waits for a fresh publication. */
  forgetDiagnostics(uri: string): void {
    this.published.delete(uri);
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } finally {
      const exited = new Promise<void>((resolveExit) => {
        if (this.child.exitCode !== null) resolveExit();
        else this.child.once('exit', () => resolveExit());
      });
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
      this.connection.dispose();
    }
  }
}

/** Applies the edits of a code action to `text` (single document), as an editor would. */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const lines = text.split(/(?<=\n)/);
  const offsetAt = (p: Position) => {
    let offset = 0;
    for (let i = 0; i < p.line && i < lines.length; i++) offset += lines[i].length;
    return offset + p.character;
  };
  const sorted = [...edits].sort((a, b) => offsetAt(b.range.start) - offsetAt(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offsetAt(edit.range.start)) + edit.newText + result.slice(offsetAt(edit.range.end));
  return result;
}

/** The edits a code action makes to `uri` (from `changes` or `documentChanges`). */
export function editsOf(action: CodeAction, uri: string): { range: Range; newText: string }[] {
  const fromChanges = action.edit?.changes?.[uri];
  if (fromChanges) return fromChanges;
  for (const change of action.edit?.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) return change.edits as { range: Range; newText: string }[];
  }
  return [];
}
