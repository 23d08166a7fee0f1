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
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { NO_FILES } from '../common/files';
import { pathOfUri } from '../common/uri';
import { serviceFor } from '../languages/registry';
import type { FileContext, FileReader, LanguageService, ParsedDocument, ServiceContext, Settings } from '../languages/types';
import { DISK_FILES } from './disk';
import type { FileFacts } from './facts';
import { WorkspaceIndex } from './index';
import { EMPTY_WORKSPACE } from './view';

export interface RunnerOptions {
  /** Workspace root: other files are named relative to it in cross-file messages. */
  root?: string;
  settings: Settings;
  /** The file system for file: URIs (default: the real disk); other schemes get none. */
  diskFiles?: FileReader;
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
}

/** What the runner derived from a file's current source under the current settings. */
interface Analysis {
  parsed: Parsed;
  settingsKey: string;
  /** Undefined for documents that are not files (untitled buffers, remote configs): they are not part of the workspace. */
  facts: FileFacts | undefined;
  /** The file's own diagnostics, computed on first demand. */
  own?: Diagnostic[];
}

interface Entry {
  uri: string;
  path: string;
  /** Text in the editor, when open. */
  open?: Source;
  /** Text on disk, when the file is known there. */
  disk?: Source;
  analysis?: Analysis;
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
  private readonly diskFiles: FileReader;

  constructor(options: RunnerOptions) {
    this.index = new WorkspaceIndex(options.root);
    this.currentSettings = options.settings;
    this.settingsKey = JSON.stringify(options.settings);
    this.diskFiles = options.diskFiles ?? DISK_FILES;
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
    if (!serviceFor(languageId)) return false;
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
    if (!serviceFor(languageId)) return false;
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

  /** Every file the runner knows, open documents first. */
  uris(): string[] {
    const open: string[] = [];
    const closed: string[] = [];
    for (const entry of this.entries.values()) (entry.open ? open : closed).push(entry.uri);
    return [...open, ...closed];
  }

  /** The file's own diagnostics (syntax and file-local checks), or undefined when the runner does not know it. */
  ownDiagnostics(uri: string): Diagnostic[] | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    this.refreshStale();
    const analysis = this.analyze(entry);
    if (!analysis.own) {
      analysis.own = this.validate(entry, analysis);
      if (!entry.open) analysis.parsed.doc = undefined;
    }
    return analysis.own;
  }

  /** What the file shows: its own diagnostics, then the cross-file ones. Undefined when the runner does not know the file. */
  diagnose(uri: string): Diagnostic[] | undefined {
    const own = this.ownDiagnostics(uri);
    if (!own) return undefined;
    // Every file's facts are current (ownDiagnostics refreshed them); a document that is no file has none.
    return [...own, ...this.index.crossFileDiagnostics(uri)];
  }

  /** The service, the current parse and a context with the workspace view, for completion, hover, actions and navigation. */
  served(uri: string): Served | undefined {
    const entry = this.entries.get(uri);
    if (!entry) return undefined;
    this.refreshStale();
    const analysis = this.analyze(entry);
    return {
      service: serviceFor(analysis.parsed.languageId)!,
      doc: this.docOf(entry, analysis.parsed),
      ctx: { ...this.fileContext(entry, this.readerFor(uri)), workspace: this.index },
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
    return { uri: entry.uri, path: entry.path, settings: this.currentSettings, files };
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
    const cached = entry.analysis;
    if (cached && cached.settingsKey === this.settingsKey && sameSource(cached.parsed, source)) return cached;
    const service = serviceFor(source.languageId)!;
    const parsed = cached && sameSource(cached.parsed, source) ? cached.parsed : { languageId: source.languageId, text: source.text, usedFiles: false };
    const isFile = entry.uri.startsWith('file:');
    const facts = isFile ? service.facts(this.docOf(entry, parsed), this.isolatedContext(entry, parsed)) : undefined;
    const analysis: Analysis = { parsed, settingsKey: this.settingsKey, facts };
    entry.analysis = analysis;
    // Only files take part in the workspace: an untitled buffer (a snippet being tried out) or a
    // config opened from a dom0 host must not collide with the repository's own files.
    if (facts) this.index.update(entry.uri, facts, entry.open !== undefined);
    return analysis;
  }

  /** The parse of `parsed`'s source, made again if it was let go. */
  private docOf(entry: Entry, parsed: Parsed): ParsedDocument {
    parsed.doc ??= serviceFor(parsed.languageId)!.parse(parsed.text, this.isolatedContext(entry, parsed));
    return parsed.doc;
  }

  /** Parse and facts see the file alone: an empty workspace view. */
  private isolatedContext(entry: Entry, parsed: Parsed): ServiceContext {
    return { ...this.fileContext(entry, this.recordingReader(entry, parsed)), workspace: EMPTY_WORKSPACE };
  }

  /** Own diagnostics: the context has no workspace, so they depend on this file (and folder listings) alone. */
  private validate(entry: Entry, analysis: Analysis): Diagnostic[] {
    const service = serviceFor(analysis.parsed.languageId)!;
    return service.validate(this.docOf(entry, analysis.parsed), this.fileContext(entry, this.recordingReader(entry, analysis.parsed)));
  }
}

function sameSource(parsed: Parsed, source: Source): boolean {
  return parsed.text === source.text && parsed.languageId === source.languageId;
}
