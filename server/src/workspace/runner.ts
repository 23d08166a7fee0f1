/**
 * The one runner of checks, for every file, open or closed, in the server and
 * the CLI alike: what a file shows is `diagnose(uri)`, whoever asks.
 *
 * It knows each file's current text (an open document's from the editor, which
 * wins; else the one on disk) and keeps, per file, the parse, the facts and the
 * file's own diagnostics, keyed by (language, text, settings): never by a
 * document version. Own diagnostics come from `validate` with a `FileContext`
 * that has no workspace, so they are file-local and can be cached; everything
 * that depends on another file is computed fresh from the facts by the
 * cross-file rules whenever a file is diagnosed.
 *
 * Validation may look at the file system through `ctx.files` (names and
 * existence: DRBD includes). The runner hands it a reader that records the
 * call, so when a file appears or disappears on disk exactly those files are
 * checked again (`fileSystemChanged`).
 *
 * A language service that throws never takes the caller down: the throw is
 * reported once to `onFailure` (the server logs it, the CLI exits 2 naming the
 * file), and the file answers with what could be had: no parse means no
 * facts, no diagnostics and no editing features; a throwing `validate` means
 * no own diagnostics; a throwing `ignoreComments` means no ignore comments; a
 * throwing cross-file rule drops that rule's findings.
 * The failure sticks to that text: the same text is not tried again. The file
 * then shows one info at line 1 (`workspace/check-failed`) instead, so that a
 * file the checker failed on never looks clean.
 *
 * A file larger than `settings.diagnostics.maxFileSize` gets its syntax errors
 * only, with one info at line 1 saying so, and no facts: its thousands of
 * names would flood every other file's cross-file checks, and a real config is
 * kilobytes. Those errors come from the service's `syntaxErrors`, which keeps
 * no tree; an open file is parsed when an editing feature first asks.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { CheckerCode } from '../common/checkerCodes';
import { errorText } from '../common/errorText';
import { IGNORE_KEYWORD } from '../common/ignoreComments';
import { NO_FILES } from '../common/files';
import { pathOfUri } from '../common/uri';
import { serviceFor } from '../languages/registry';
import { DEFAULT_MAX_FILE_SIZE, type FileContext, type FileReader, type LanguageService, type ParsedDocument, type ServiceContext, type Settings } from '../languages/types';
import { CODE_CATALOG } from './codeCatalog';
import { DISK_FILES } from './disk';
import type { FileFacts } from './facts';
import { WorkspaceIndex } from './index';
import { applyRuleControl, FileIgnores, NO_IGNORES, readIgnores } from './ruleControl';
import { EMPTY_WORKSPACE } from './view';

export interface RunnerOptions {
  /** Workspace root: other files are named relative to it in cross-file messages. */
  root?: string;
  settings: Settings;
  /** The file system for file: URIs (default: the real disk); other schemes get none. */
  diskFiles?: FileReader;
  /** Where the service of a language id comes from (default: the registry; a test may wrap it, see testHook.ts). */
  services?: ServiceLookup;
  /** Told once per throw of a language service (default: nothing). */
  onFailure?: (failure: RunnerFailure) => void;
}

export type ServiceLookup = (languageId: string) => LanguageService<ParsedDocument> | undefined;

/** A language service threw while the runner worked on a file. */
export interface RunnerFailure {
  uri: string;
  languageId: string;
  /** What threw: the service's `parse`, `facts`, `validate` or `ignoreComments`, or a cross-file rule (`cross-file`, with its name in `rule`). */
  stage: 'parse' | 'facts' | 'validate' | 'ignoreComments' | 'cross-file';
  rule?: string;
  error: unknown;
}

/** What threw, in a few words: `cluster-conf parse`, `drbd cross-file rule drbd/minor-collision`. */
export function failedStep(failure: RunnerFailure): string {
  return `${failure.languageId} ${failure.rule ? `cross-file rule ${failure.rule}` : failure.stage}`;
}

/** `cluster-conf parse for file:///etc/cluster/cluster.conf threw RangeError: Invalid code point 1114112`: one line, no stack. */
export function describeFailure(failure: RunnerFailure): string {
  return `${failedStep(failure)} for ${failure.uri} threw ${errorText(failure.error)}`;
}

/** A file's text and the language it is read as. */
interface Source {
  languageId: string;
  text: string;
}

/** The parse of one source, and whether anything computed from it looked at the file system. */
interface Parsed {
  languageId: string;
  text: string;
  /**
   * Kept while the file is open. A closed file's syntax tree is let go once its
   * facts and own diagnostics are known (a workspace of closed files costs
   * their text, facts and diagnostics), and parsed again when needed.
   */
  doc?: ParsedDocument;
  /** Sticky for this parse: services may memoize on the document, so a later run may not call the reader again. */
  usedFiles: boolean;
  /** The parser threw on this text: there is no document, and it is not tried again. */
  failure?: RunnerFailure;
}

/** What the runner derived from a file's current source under the current settings. */
interface Analysis {
  parsed: Parsed;
  settingsKey: string;
  /** Undefined for documents that are not files (untitled buffers, remote configs): they are not part of the workspace. */
  facts: FileFacts | undefined;
  /** The file's own diagnostics, computed on first demand. */
  own?: Diagnostic[];
  /** Its ignore comments, read with the own diagnostics (while the parse is at hand). */
  ignores?: FileIgnores;
  /** The size in bytes when it is past the limit: syntax checks only. */
  tooLarge?: number;
  /** The first throw of `facts` or `validate` under these settings. */
  failure?: RunnerFailure;
}

interface Entry {
  uri: string;
  path: string;
  /** Text in the editor, when open. */
  open?: Source;
  /** Text on disk, when the file is known there. */
  disk?: Source;
  analysis?: Analysis;
  /** The cross-file rules that threw for this file at an index generation: each reported once per generation, not per diagnose. */
  crossFileFailures?: { generation: number; rules: Set<string> };
}

/** What the editing features are handed for one file: its service, its current parse, and a context with the workspace view. */
export interface Served {
  service: LanguageService;
  doc: ParsedDocument;
  ctx: ServiceContext;
}

export class WorkspaceRunner {
  private readonly index: WorkspaceIndex;
  private readonly entries = new Map<string, Entry>();
  /** Files not analysed again since the settings changed (`refreshStale` works them off in chunks). */
  private readonly stale = new Set<Entry>();
  private currentSettings: Settings;
  private settingsKey: string;
  /** Settings over the workspace's for single documents (a config opened from a dom0: that host's Xen version and toolstack). */
  private readonly documentSettings = new Map<string, { xen?: Partial<Settings['xen']> }>();
  private readonly diskFiles: FileReader;
  private readonly serviceOf: ServiceLookup;
  private readonly onFailure: (failure: RunnerFailure) => void;

  constructor(options: RunnerOptions) {
    this.index = new WorkspaceIndex(options.root);
    this.currentSettings = options.settings;
    this.settingsKey = JSON.stringify(options.settings);
    this.diskFiles = options.diskFiles ?? DISK_FILES;
    this.serviceOf = options.services ?? serviceFor;
    this.onFailure = options.onFailure ?? (() => undefined);
  }

  get settings(): Settings {
    return this.currentSettings;
  }

  /** Bumped whenever any file's facts change: cross-file results elsewhere may have changed. */
  get generation(): number {
    return this.index.generation;
  }

  /** Every file's facts, from the same analyses: what cross-file rules and navigation read. Always whole. */
  get workspace(): WorkspaceIndex {
    this.refreshStale();
    return this.index;
  }

  /**
   * Applies new settings; returns whether they differ. Then every file is to
   * be analysed again (facts may depend on settings: the DRBD dialect): a caller
   * may do it in chunks with `refreshStale`; anything that reads the workspace
   * first finishes it, so no answer mixes old and new settings.
   */
  setSettings(settings: Settings): boolean {
    const key = JSON.stringify(settings);
    if (key === this.settingsKey) return false;
    this.currentSettings = settings;
    this.settingsKey = key;
    for (const entry of this.entries.values()) this.stale.add(entry);
    return true;
  }

  /**
   * Settings for one document over the workspace's (undefined: none); returns
   * whether they differ. Its analysis and own diagnostics are then made again.
   */
  setDocumentSettings(uri: string, override: { xen?: Partial<Settings['xen']> } | undefined): boolean {
    if (JSON.stringify(override) === JSON.stringify(this.documentSettings.get(uri))) return false;
    if (override) this.documentSettings.set(uri, override);
    else this.documentSettings.delete(uri);
    const entry = this.entries.get(uri);
    if (entry) this.stale.add(entry);
    return true;
  }

  private settingsOf(entry: Entry): Settings {
    const override = this.documentSettings.get(entry.uri);
    return override?.xen ? { ...this.currentSettings, xen: { ...this.currentSettings.xen, ...override.xen } } : this.currentSettings;
  }

  /** The cache key of an entry's analysis: the workspace's settings, and the document's own when it has some. */
  private keyOf(entry: Entry): string {
    const override = this.documentSettings.get(entry.uri);
    return override ? `${this.settingsKey}|${JSON.stringify(override)}` : this.settingsKey;
  }

  /** Analyses up to `limit` of the files a settings change left stale; returns how many remain. */
  refreshStale(limit = Infinity): number {
    for (const entry of this.stale) {
      if (limit-- <= 0) break;
      this.analyze(entry);
    }
    return this.stale.size;
  }

  /** The document is open in the editor with `text`; returns false when it is of no language of ours. */
  setOpen(uri: string, languageId: string, text: string): boolean {
    if (!this.serviceOf(languageId)) return false;
    const entry = this.entryFor(uri);
    if (entry.open?.text !== text || entry.open.languageId !== languageId) entry.open = { languageId, text };
    this.analyze(entry);
    return true;
  }

  /** The document was closed: the file on disk counts again, if there is one. */
  close(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry?.open) return;
    entry.open = undefined;
    this.index.markClosed(uri);
    if (entry.disk) this.analyze(entry);
    else this.drop(entry);
  }

  /** The file's text on disk (read at start-up or after a file-system event). */
  setDisk(uri: string, languageId: string, text: string): boolean {
    if (!this.serviceOf(languageId)) return false;
    const entry = this.entryFor(uri);
    entry.disk = { languageId, text };
    this.analyze(entry);
    return true;
  }

  /** The file is gone from disk (or unreadable); an open document of it stays. Returns whether the runner knew it. */
  removeDisk(uri: string): boolean {
    const entry = this.entries.get(uri);
    if (!entry?.disk) return false;
    entry.disk = undefined;
    if (!entry.open) this.drop(entry);
    return true;
  }

  /**
   * A file appeared or disappeared on disk, so folder listings changed: the
   * files whose analysis looked at the file system are parsed and checked
   * again. Returns their URIs.
   */
  fileSystemChanged(): string[] {
    this.refreshStale();
    const affected: string[] = [];
    for (const entry of this.entries.values()) {
      if (!entry.analysis?.parsed.usedFiles) continue;
      // A fresh parse: services memoize their findings on the document.
      entry.analysis = undefined;
      this.analyze(entry);
      affected.push(entry.uri);
    }
    return affected;
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  isOpen(uri: string): boolean {
    return this.entries.get(uri)?.open !== undefined;
  }

  /** The documents open in the editor. */
  openUris(): string[] {
    const open: string[] = [];
    for (const entry of this.entries.values()) if (entry.open) open.push(entry.uri);
    return open;
  }

  /** Every file the runner knows, open documents first. */
  uris(): string[] {
    const open: string[] = [];
    const closed: string[] = [];
    for (const entry of this.entries.values()) (entry.open ? open : closed).push(entry.uri);
    return [...open, ...closed];
  }

  /** The file's own diagnostics (syntax and file-local checks) as its service reports them, or undefined when the runner does not know it. */
  ownDiagnostics(uri: string): Diagnostic[] | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    this.refreshStale();
    const analysis = this.analyze(entry);
    if (!analysis.own) {
      const own = analysis.tooLarge !== undefined ? this.syntaxOnly(entry, analysis, analysis.tooLarge) : this.validate(entry, analysis);
      const failure = analysis.parsed.failure ?? analysis.failure;
      analysis.own = failure ? [checkFailed(failure), ...own] : own;
      // Past the size limit nothing is parsed into a tree, ignore comments included (reading them would
      // build the whole tree the syntax-only check exists to avoid): such a file shows its syntax errors as they are.
      analysis.ignores = analysis.tooLarge !== undefined ? NO_IGNORES : this.ignoreComments(entry, analysis);
      if (!entry.open) analysis.parsed.doc = undefined;
    }
    return analysis.own;
  }

  /**
   * What the file shows: its own diagnostics, then the cross-file ones, after
   * the file's ignore comments and the user's severities (ruleControl.ts).
   * Undefined when the runner does not know the file.
   */
  diagnose(uri: string): Diagnostic[] | undefined {
    const own = this.ownDiagnostics(uri);
    if (!own) return undefined;
    const entry = this.entries.get(uri)!;
    // Every file's facts are current (ownDiagnostics refreshed them); a document that is no file has none.
    const all = [...own, ...this.crossFile(entry)];
    return applyRuleControl(all, entry.analysis!.ignores ?? NO_IGNORES, this.currentSettings.diagnostics?.severity);
  }

  /** The service, the current parse and a context with the workspace view, for completion, hover, actions and navigation. */
  served(uri: string): Served | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    this.refreshStale();
    const analysis = this.analyze(entry);
    const doc = this.docOf(entry, analysis.parsed);
    if (!doc) return undefined;
    return {
      service: this.serviceOf(analysis.parsed.languageId)!,
      doc,
      ctx: { ...this.fileContext(entry, this.readerFor(uri)), workspace: this.index, ...(entry.open && entry.disk && entry.open.text !== entry.disk.text ? { savedText: entry.disk.text } : {}) },
    };
  }

  private entryFor(uri: string): Entry {
    let entry = this.entries.get(uri);
    if (!entry) {
      entry = { uri, path: pathOfUri(uri) };
      this.entries.set(uri, entry);
    }
    return entry;
  }

  private drop(entry: Entry): void {
    this.entries.delete(entry.uri);
    this.stale.delete(entry);
    this.index.remove(entry.uri);
  }

  private readerFor(uri: string): FileReader {
    return uri.startsWith('file:') ? this.diskFiles : NO_FILES;
  }

  private fileContext(entry: Entry, files: FileReader): FileContext {
    return { uri: entry.uri, path: entry.path, settings: this.settingsOf(entry), files };
  }

  /** A reader that marks the parse as depending on the file system when it is called. */
  private recordingReader(entry: Entry, parsed: Parsed): FileReader {
    const files = this.readerFor(entry.uri);
    return {
      listFiles: (dir) => {
        parsed.usedFiles = true;
        return files.listFiles(dir);
      },
      exists: (path) => {
        parsed.usedFiles = true;
        return files.exists(path);
      },
    };
  }

  /** The analysis of the entry's current source under the current settings, (re)computed when either changed; its facts go to the index. */
  private analyze(entry: Entry): Analysis {
    this.stale.delete(entry);
    const source = (entry.open ?? entry.disk)!;
    const upToDate = this.upToDate(entry, source);
    if (upToDate) return upToDate;
    const service = this.serviceOf(source.languageId)!;
    const parsed = this.takeParse(entry, source);
    const tooLarge = sizeOverLimit(source.text, this.settingsOf(entry).diagnostics?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    // Only files take part in the workspace: an untitled buffer (a snippet being tried out) or a
    // config opened from a dom0 host must not collide with the repository's own files. Nor does a
    // file past the size limit, nor one whose parser threw.
    const analysis: Analysis = { parsed, settingsKey: this.keyOf(entry), facts: undefined, tooLarge };
    if (entry.uri.startsWith('file:') && tooLarge === undefined) {
      const doc = this.docOf(entry, parsed);
      const result = doc && this.attempt(entry, parsed.languageId, 'facts', () => service.facts(doc, this.isolatedContext(entry, parsed)));
      if (result && 'failure' in result) analysis.failure = result.failure;
      else analysis.facts = result?.value;
    }
    const { facts } = analysis;
    entry.analysis = analysis;
    if (facts) this.index.update(entry.uri, facts, entry.open !== undefined);
    else this.index.remove(entry.uri);
    return analysis;
  }

  /** The entry's analysis when it is of `source` under the current settings. */
  private upToDate(entry: Entry, source: Source): Analysis | undefined {
    const analysis = entry.analysis;
    return analysis && analysis.settingsKey === this.keyOf(entry) && sameSource(analysis.parsed, source) ? analysis : undefined;
  }

  /**
   * What a new analysis of `source` is built on: the current parse when only the settings changed, else a
   * fresh one. The current analysis is let go first (and only `upToDate` and this method read it, so that no
   * frame of `analyze` still holds it): on a keystroke in a large file the old tree, and all the services memoized on it, would
   * otherwise stay alive while the next one is built, and raise the heap V8 keeps (docs/performance.md).
   */
  private takeParse(entry: Entry, source: Source): Parsed {
    const previous = entry.analysis;
    entry.analysis = undefined;
    return previous && sameSource(previous.parsed, source) ? previous.parsed : { languageId: source.languageId, text: source.text, usedFiles: false };
  }

  /** The parse of `parsed`'s source, made again if it was let go; undefined when the parser threw on this text. */
  private docOf(entry: Entry, parsed: Parsed): ParsedDocument | undefined {
    if (parsed.doc || parsed.failure) return parsed.doc;
    const result = this.attempt(entry, parsed.languageId, 'parse', () => this.serviceOf(parsed.languageId)!.parse(parsed.text, this.isolatedContext(entry, parsed)));
    if ('failure' in result) parsed.failure = result.failure;
    else parsed.doc = result.value;
    return parsed.doc;
  }

  /** `body`'s answer, or what it threw, reported once to `onFailure`. */
  private attempt<T>(entry: Entry, languageId: string, stage: RunnerFailure['stage'], body: () => T): { value: T } | { failure: RunnerFailure } {
    try {
      return { value: body() };
    } catch (error) {
      const failure: RunnerFailure = { uri: entry.uri, languageId, stage, error };
      this.report(failure);
      return { failure };
    }
  }

  private report(failure: RunnerFailure): void {
    try {
      this.onFailure(failure);
    } catch {
      // whoever listens must not turn a reported failure into a thrown one
    }
  }

  /**
   * The cross-file diagnostics of a file; a rule that throws loses its own
   * findings only, and the file shows that it was not fully checked (unless
   * its own diagnostics say so already).
   */
  private crossFile(entry: Entry): Diagnostic[] {
    const generation = this.index.generation;
    const analysis = entry.analysis;
    const languageId = analysis?.parsed.languageId ?? '';
    let failed: RunnerFailure | undefined;
    const onRuleError = (rule: { name: string }, error: unknown) => {
      const failure: RunnerFailure = { uri: entry.uri, languageId, stage: 'cross-file', rule: rule.name, error };
      failed ??= failure;
      if (entry.crossFileFailures?.generation !== generation) entry.crossFileFailures = { generation, rules: new Set() };
      if (entry.crossFileFailures.rules.has(rule.name)) return;
      entry.crossFileFailures.rules.add(rule.name);
      this.report(failure);
    };
    let found: Diagnostic[];
    try {
      found = this.index.crossFileDiagnostics(entry.uri, languageId, onRuleError);
    } catch (error) {
      // Building the model itself threw.
      onRuleError({ name: '(the workspace model)' }, error);
      found = [];
    }
    const noticed = analysis?.parsed.failure ?? analysis?.failure;
    return failed && !noticed ? [...found, checkFailed(failed)] : found;
  }

  /** A file past the size limit: its syntax errors, after one info that says why there is nothing else. */
  private syntaxOnly(entry: Entry, analysis: Analysis, size: number): Diagnostic[] {
    const limit = this.currentSettings.diagnostics?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const info: Diagnostic = {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      code: CheckerCode.fileTooLarge,
      source: 'workspace',
      message:
        `This file is ${sizes(size, limit)} ` +
        `(setting xenConfig.diagnostics.maxFileSize, CLI --max-file-size): only syntax errors are reported, and it takes no part in cross-file checks.`,
    };
    // The syntax errors without the tree: the editing features parse the file when first asked.
    const { parsed } = analysis;
    if (parsed.doc || parsed.failure) return [info, ...(parsed.doc?.syntaxErrors ?? [])];
    const result = this.attempt(entry, parsed.languageId, 'parse', () => this.serviceOf(parsed.languageId)!.syntaxErrors(parsed.text, this.isolatedContext(entry, parsed)));
    if ('value' in result) return [info, ...result.value];
    parsed.failure = result.failure;
    return [info];
  }

  /** The file's ignore comments, checked against the known codes; none when there is no parse or the service threw. */
  private ignoreComments(entry: Entry, analysis: Analysis): FileIgnores {
    const { languageId, text } = analysis.parsed;
    // Most files have none: one native search instead of the language's walk over its comments (DRBD: 4 % of a check).
    if (!text.includes(IGNORE_KEYWORD)) return NO_IGNORES;
    const doc = this.docOf(entry, analysis.parsed);
    if (!doc) return NO_IGNORES;
    const result = this.attempt(entry, languageId, 'ignoreComments', () => this.serviceOf(languageId)!.ignoreComments(doc));
    return 'failure' in result ? NO_IGNORES : readIgnores(result.value, CODE_CATALOG);
  }

  /** Parse and facts see the file alone: an empty workspace view. */
  private isolatedContext(entry: Entry, parsed: Parsed): ServiceContext {
    return { ...this.fileContext(entry, this.recordingReader(entry, parsed)), workspace: EMPTY_WORKSPACE };
  }

  /** Own diagnostics: the context has no workspace, so they depend on this file (and folder listings) alone. */
  private validate(entry: Entry, analysis: Analysis): Diagnostic[] {
    const { languageId } = analysis.parsed;
    const doc = this.docOf(entry, analysis.parsed);
    if (!doc) return [];
    const service = this.serviceOf(languageId)!;
    const result = this.attempt(entry, languageId, 'validate', () => service.validate(doc, this.fileContext(entry, this.recordingReader(entry, analysis.parsed))));
    if ('value' in result) return result.value;
    analysis.failure ??= result.failure;
    return [];
  }
}

/**
 * The one info at line 1 of a file the checker failed on: without it a file
 * whose parser threw would look clean. The same text in the editor and the CLI.
 */
function checkFailed(failure: RunnerFailure): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: CheckerCode.checkFailed,
    source: 'workspace',
    message:
      `The checker failed on this file (${failedStep(failure)} threw ${errorText(failure.error)}), so its problems may not all be shown. ` +
      `The failure is logged (the language server's output; the CLI's error line): please report it.`,
  };
}

/** The text's size in UTF-8 bytes when it is more than `limit` (0: no limit), else undefined. Cheap for text far from the limit. */
function sizeOverLimit(text: string, limit: number): number | undefined {
  // A UTF-16 unit is 1 to 3 UTF-8 bytes: most texts are decided by their length alone.
  if (limit <= 0 || text.length * 3 <= limit) return undefined;
  const size = Buffer.byteLength(text, 'utf8');
  return size > limit ? size : undefined;
}

/** `20 MB, more than the limit of 4 MB`; in bytes where rounding would show the two equal. */
function sizes(size: number, limit: number): string {
  const [a, b] = formatBytes(size) === formatBytes(limit) ? [`${size} bytes`, `${limit} bytes`] : [formatBytes(size), formatBytes(limit)];
  return `${a}, more than the limit of ${b}`;
}

/** `4 MB`, `20.5 MB`, `700 KB`, `512 bytes`. */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [1024 * 1024 * 1024, 'GB'],
    [1024 * 1024, 'MB'],
    [1024, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

function sameSource(parsed: Parsed, source: Source): boolean {
  return parsed.text === source.text && parsed.languageId === source.languageId;
}
