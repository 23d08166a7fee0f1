import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  Position,
  Range,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { LineIndex } from '../common/lineIndex';
import type { FileFacts } from '../workspace/facts';
import type { WorkspaceView } from '../workspace/view';

export type LanguageId = 'xl-config' | 'xend-sxp' | 'iftab' | 'drbd' | 'cluster-conf';

export const LANGUAGE_IDS: readonly LanguageId[] = ['xl-config', 'xend-sxp', 'iftab', 'drbd', 'cluster-conf'];

/** User settings that change what the services report (VS Code `xenConfig.*`, CLI flags). */
export interface Settings {
  xen: {
    /** Xen release the configs target, e.g. "4.19"; decides deprecated/removed keys. */
    version: string;
    /** Toolstack that reads domain configs on the target hosts. */
    toolstack: 'xl' | 'xm';
  };
  drbd: {
    /** DRBD dialect; "auto" detects it from the file. */
    dialect: 'auto' | '8.3' | '8.4' | '9';
  };
}

export const DEFAULT_SETTINGS: Settings = {
  xen: { version: '4.19', toolstack: 'xl' },
  drbd: { dialect: 'auto' },
};

/** What a service knows about the document besides its text. */
export interface ServiceContext {
  /** The document's URI (file:// for local files). Code actions build edits against it. */
  uri: string;
  /** File system path or URI path; some languages look at the file name (xl.conf vs a domain config). */
  path: string;
  settings: Settings;
  /** Facts from the other files of the workspace; empty when there is no workspace. */
  workspace: WorkspaceView;
}

/** Every parsed document carries its text, a line index and its syntax errors. */
export interface ParsedDocument {
  readonly text: string;
  readonly lines: LineIndex;
  /** Syntax errors as diagnostics (severity error, code `<lang>/syntax...`). */
  readonly syntaxErrors: Diagnostic[];
}

/**
 * The contract every language implements: plain functions over a parsed
 * document, no LSP connection. The server, the CLI and the tests call these.
 */
export interface LanguageService<Doc extends ParsedDocument = ParsedDocument> {
  readonly id: LanguageId;
  parse(text: string, ctx: ServiceContext): Doc;
  /** All diagnostics of the file, syntax errors included. */
  validate(doc: Doc, ctx: ServiceContext): Diagnostic[];
  complete(doc: Doc, position: Position, ctx: ServiceContext): CompletionItem[];
  hover(doc: Doc, position: Position, ctx: ServiceContext): Hover | null;
  /** Quick fixes for `diagnostics` (those the client sends for `range`) and refactorings at `range`. */
  codeActions(doc: Doc, range: Range, diagnostics: Diagnostic[], ctx: ServiceContext): CodeAction[];
  symbols(doc: Doc, ctx: ServiceContext): DocumentSymbol[];
  folding(doc: Doc, ctx: ServiceContext): FoldingRange[];
  /** Facts other files may refer to (names, MACs, hosts…), for the workspace index. */
  facts(doc: Doc, ctx: ServiceContext): FileFacts;
  /**
   * Navigation inside the language (e.g. an included file). Names shared
   * between files (domains, MACs, hosts, fence devices, DRBD resources) are
   * handled across files by workspace/navigation.ts from the facts.
   */
  definition?(doc: Doc, position: Position, ctx: ServiceContext): Location[];
  references?(doc: Doc, position: Position, ctx: ServiceContext): Location[];
  rename?(doc: Doc, position: Position, newName: string, ctx: ServiceContext): WorkspaceEdit | null;
}
