import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  Location,
  Position,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { CodeInfo, Level } from '../common/codes';
import type { IgnoreDirective } from '../common/ignoreComments';
import type { LineIndex } from '../../../shared/src/lineIndex';
import type { FileFacts, Located } from '../workspace/facts';
import type { WorkspaceModel } from '../workspace/model';
import type { WorkspaceView } from '../workspace/view';

export type LanguageId = 'xl-config' | 'xend-sxp' | 'iftab' | 'drbd' | 'cluster-conf';

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
    /** drbd-utils release the hosts run, e.g. "9.22"; keywords newer than it are reported. Absent: the newest the tables know. */
    utilsVersion?: string;
  };
  /** Limits on the work per file (absent: `DEFAULT_MAX_FILE_SIZE`). */
  diagnostics?: {
    /** Past this many bytes (UTF-8) a file gets syntax checks only and no cross-file facts; 0: no limit. */
    maxFileSize: number;
    /** The user's severity per code (`xenConfig.diagnostics.severity`, CLI `--severity CODE=LEVEL`); `off` drops the code. */
    severity?: SeverityOverrides;
  };
}

/** A code's severity as the user sets it. */
export type SeverityOverrides = Readonly<Record<string, Level | 'off'>>;

/** 4 MB: real configs are kilobytes; past this a file is generated data or a mistake, and full checks would hold up the server. */
export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;

export const DEFAULT_SETTINGS: Settings = {
  xen: { version: '4.19', toolstack: 'xl' },
  drbd: { dialect: 'auto' },
  diagnostics: { maxFileSize: DEFAULT_MAX_FILE_SIZE },
};

/**
 * The file system as a service may see it: names and existence only, never
 * contents (DRBD's `include` must name files that exist). Injected, so a
 * service stays pure and a test hands it a virtual file system.
 */
export interface FileReader {
  /** Names of the regular files in a folder; empty when it does not exist or cannot be read. */
  listFiles(dir: string): string[];
  exists(path: string): boolean;
}

/** What a file's own validation may know besides its text: never another file's contents. */
export interface FileContext {
  /** The document's URI (file:// for local files). Code actions build edits against it. */
  uri: string;
  /** File system path or URI path; some languages look at the file name (xl.conf vs a domain config). */
  path: string;
  settings: Settings;
  /** Folder listings and existence checks (DRBD includes); NO_FILES where there is no file system. */
  files: FileReader;
}

/** What a service knows for the editing features: the file's context plus a read-only view of the workspace. */
export interface ServiceContext extends FileContext {
  /** Facts from the other files of the workspace, for completion, hover and code actions; empty when there is none. */
  workspace: WorkspaceView;
  /**
   * The file's text as saved on disk, when the editor holds a different one
   * (unsaved changes); absent otherwise. cluster.conf offers to raise
   * config_version over the saved file's, which cman needs to take a change.
   */
  savedText?: string;
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
  /**
   * Exactly the `syntaxErrors` of `parse(text, ctx)`, found without keeping
   * the tree: what a file past `settings.diagnostics.maxFileSize` shows, in
   * memory proportional to the text rather than to its tokens.
   */
  syntaxErrors(text: string, ctx: ServiceContext): Diagnostic[];
  /**
   * All diagnostics the file has on its own, syntax errors included. It reads
   * this document alone (Architecture Invariant): what depends on another file
   * is a `CrossFileRule` of the language's definition.
   */
  validate(doc: Doc, ctx: FileContext): Diagnostic[];
  complete(doc: Doc, position: Position, ctx: ServiceContext): CompletionItem[];
  hover(doc: Doc, position: Position, ctx: ServiceContext): Hover | null;
  /** Quick fixes for `diagnostics` (those the client sends for `range`) and refactorings at `range`. */
  codeActions(doc: Doc, range: Range, diagnostics: Diagnostic[], ctx: ServiceContext): CodeAction[];
  symbols(doc: Doc, ctx: ServiceContext): DocumentSymbol[];
  folding(doc: Doc, ctx: ServiceContext): FoldingRange[];
  /**
   * Document formatting (`range` absent) or range formatting: the edits that
   * lay the file out (white space only, never a token), none on a line that
   * is already right. A file with syntax errors gets none.
   */
  format(doc: Doc, options: FormattingOptions, range?: Range): TextEdit[];
  /** Facts other files may refer to (names, MACs, hosts…), for the workspace index. */
  facts(doc: Doc, ctx: ServiceContext): FileFacts;
  /**
   * The file's `xcc-ignore` comments, found where the format has its comments
   * (ignore.ts); the runner applies them to every diagnostic of the file.
   */
  ignoreComments(doc: Doc): IgnoreDirective[];
  /**
   * Navigation inside the language (e.g. an included file). Names shared
   * between files (domains, MACs, hosts, fence devices, DRBD resources) are
   * handled across files by workspace/navigation.ts from the facts.
   */
  definition?(doc: Doc, position: Position, ctx: ServiceContext): Location[];
  references?(doc: Doc, position: Position, ctx: ServiceContext): Location[];
  rename?(doc: Doc, position: Position, newName: string, ctx: ServiceContext): WorkspaceEdit | null;
}

/** Where each kind of file lives; package.json's `contributes.languages` says exactly the same (a test keeps them equal). */
export interface FilePatterns {
  /** Exact base names (`cluster.conf`). */
  filenames: string[];
  /** Globs on the whole path, such as a `.cfg` anywhere below a `xen` folder. */
  filenamePatterns: string[];
  /** Extensions with the dot (`.res`). */
  extensions: string[];
}

/** What cross-file rules are handed: the model of every indexed file, and a way to name another file's place. */
export interface CrossFileContext {
  model: WorkspaceModel;
  /** A short, workspace-relative `path:line` for a fact of another file, for messages. */
  at(placed: { uri: string; fact: Located<unknown> }): string;
}

/**
 * A check that looks at more than one file. It reads the facts of the file
 * being checked and the workspace model, never a file's text, so it gives the
 * same answer for an open or a closed file, in the editor and the CLI.
 */
export interface CrossFileRule {
  /** A short name for the docs and for tests (`drbd/minor-collision`). */
  readonly name: string;
  check(uri: string, facts: FileFacts, ctx: CrossFileContext): Diagnostic[];
}

/**
 * What is known of a language before its code is loaded (languages/<id>/manifest.ts): enough to
 * route a file to it, describe its grammar, and name its codes.
 */
export interface LanguageManifest {
  readonly id: LanguageId;
  readonly patterns: FilePatterns;
  /** The TextMate scope of its grammar in syntaxes/ (`source.xl-config`). */
  readonly grammarScope: string;
  /** Every diagnostic code the language (and its cross-file rules) reports, with severity and why (codes.ts). */
  readonly codes: readonly CodeInfo[];
}

/**
 * Everything the rest of the product needs to know about one language. The
 * registry, the CLI's language detection, the workspace walk, the bench and
 * the test tables all derive from the list of definitions (languages/registry.ts).
 */
export interface LanguageDefinition<Doc extends ParsedDocument = ParsedDocument> extends LanguageManifest {
  readonly service: LanguageService<Doc>;
  /** The checks across files for which this language's facts are the subject: they run for this language's files only. */
  readonly crossFileRules: readonly CrossFileRule[];
}
