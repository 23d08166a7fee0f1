/**
 * `xen-dom0://HOST/etc/xen/NAME.cfg`: domain configs read and written over SSH.
 *
 * VS Code hands a FileSystemProvider bytes (Uint8Array) both ways and does the
 * decoding itself, with the document's encoding; this provider never decodes.
 * The bytes read are what `cat` printed, untouched; their checksums are the
 * conflict check of the next save; the bytes VS Code gives back are sent as
 * they are, verified on the host, and installed atomically (remoteFile.ts).
 *
 * `stat` asks the host each time (size and modification time, no content):
 * the editor compares them before every save, so a cached answer made the
 * first save after a Revert fail as "newer". The content is read once, by
 * `readFile`.
 */
import * as vscode from 'vscode';
import { HostSpec } from '../../../shared/src/dom0/hosts';
import { Digests, digestsOf } from '../../../shared/src/dom0/remoteFile';
import { Dom0Session, saveFailureMessage, saveSuccessMessage } from '../../../shared/src/dom0/session';

export const SCHEME = 'xen-dom0';

export function remoteUri(host: HostSpec, path: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, authority: host.spec, path });
}

interface Known {
  digests: Digests;
}

/** How many errors a refused-upload question lists. */
const ERRORS_SHOWN = 3;

export class RemoteConfigFs implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** What each open file looked like when read or last saved (the conflict check). */
  private readonly known = new Map<string, Known>();
  /** Files already reported as symbolic links (said once per file, not at every save). */
  private readonly links = new Set<string>();
  /** Why each document is being saved (onWillSaveTextDocument): an automatic save is never sent with errors. */
  private readonly saveReasons = new Map<string, vscode.TextDocumentSaveReason>();
  /** Bytes just read by readForOpen, for the editor's read that follows (used once). */
  private readonly primed = new Map<string, Uint8Array>();

  constructor(
    private readonly session: () => Dom0Session,
    private readonly hostOf: (spec: string) => HostSpec | undefined,
    private readonly trusted: () => boolean,
  ) {}

  private host(uri: vscode.Uri): HostSpec {
    if (!this.trusted()) throw vscode.FileSystemError.NoPermissions('Remote dom0 files are disabled in an untrusted workspace (Manage Workspace Trust to enable).');
    const host = this.hostOf(uri.authority);
    if (!host) throw vscode.FileSystemError.Unavailable(`${uri.authority} is not a host of the dom0 explorer any more (setting xenConfig.dom0.hosts).`);
    return host;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const host = this.host(uri);
    const result = await this.session().statFile(host, uri.path);
    if (!result.ok) {
      if (result.notFound) throw vscode.FileSystemError.FileNotFound(uri);
      throw vscode.FileSystemError.Unavailable(`${result.error.message}. ${result.error.hint}`);
    }
    return { type: vscode.FileType.File, ctime: 0, mtime: result.mtimeMs, size: result.size };
  }

  /** Called from onWillSaveTextDocument: the next write of `uri` is for this reason. */
  noteSaveReason(uri: vscode.Uri, reason: vscode.TextDocumentSaveReason): void {
    this.saveReasons.set(uri.toString(), reason);
  }

  /**
   * Our checks' errors mean the host's xl refuses the file. A manual save asks
   * first; an automatic one (files.autoSave) is not sent: a half-typed line
   * must not land on the host, and the editor stays dirty until a save by hand.
   */
  private async uploadAllowed(uri: vscode.Uri, host: HostSpec): Promise<void> {
    const reason = this.saveReasons.get(uri.toString());
    this.saveReasons.delete(uri.toString());
    const errors = vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
    if (errors.length === 0) return;
    const listed = errors.slice(0, ERRORS_SHOWN).map((d) => `line ${d.range.start.line + 1}: ${d.message}`).join('; ');
    const more = errors.length > ERRORS_SHOWN ? ` (and ${errors.length - ERRORS_SHOWN} more)` : '';
    if (reason !== undefined && reason !== vscode.TextDocumentSaveReason.Manual) {
      throw vscode.FileSystemError.NoPermissions(`Not sent to ${host.label} by the automatic save: xl would refuse ${uri.path} (${listed}${more}). Fix it, or save by hand to be asked.`);
    }
    const upload = 'Upload Anyway';
    const choice = await vscode.window.showWarningMessage(`xl on ${host.label} would refuse ${uri.path}: ${listed}${more}. Upload it anyway?`, { modal: true, detail: 'The current file on the host is kept as a timestamped backup next to it.' }, upload);
    if (choice !== upload) throw vscode.FileSystemError.NoPermissions(`Not saved: ${uri.path} has errors xl on ${host.label} would refuse; ${host.label} still has its previous version.`);
  }

  /**
   * Reads the file to choose its encoding before it is opened; the editor's own
   * read, which follows at once, gets these bytes instead of a second `cat`.
   */
  async readForOpen(uri: vscode.Uri): Promise<Uint8Array> {
    const bytes = await this.readFile(uri);
    this.primed.set(uri.toString(), bytes);
    return bytes;
  }

  /** Drops bytes readForOpen kept that the editor did not take (the open failed). */
  forgetPrimed(uri: vscode.Uri): void {
    this.primed.delete(uri.toString());
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const primed = this.primed.get(uri.toString());
    if (primed) {
      this.primed.delete(uri.toString());
      return primed;
    }
    const host = this.host(uri);
    const result = await this.session().readFile(host, uri.path);
    if (!result.ok) {
      if (result.notFound) throw vscode.FileSystemError.FileNotFound(uri);
      throw vscode.FileSystemError.Unavailable(`${result.error.message}. ${result.error.hint}`);
    }
    this.known.set(uri.toString(), { digests: result.digests });
    return result.bytes;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const host = this.host(uri);
    // Never read through this provider (Save As onto the host): it must not exist yet.
    const expected = this.known.get(uri.toString())?.digests;
    await this.uploadAllowed(uri, host);
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Saving ${uri.path} on ${host.label}`, cancellable: true },
      (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return this.session().writeFile(host, uri.path, content, expected, controller.signal);
      },
    );
    if (!result.ok) throw vscode.FileSystemError.Unavailable(saveFailureMessage(uri.path, host, result));
    this.known.set(uri.toString(), { digests: digestsOf(content) });
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
    const message = saveSuccessMessage(uri.path, host, result, this.links.has(uri.toString()));
    if (result.savedTo !== uri.path) this.links.add(uri.toString());
    if (message) void vscode.window.showInformationMessage(message);
  }

  readDirectory(): never {
    throw vscode.FileSystemError.NoPermissions('The dom0 explorer opens single config files only.');
  }
  createDirectory(): never {
    throw vscode.FileSystemError.NoPermissions('The dom0 explorer opens single config files only.');
  }
  delete(): never {
    throw vscode.FileSystemError.NoPermissions('Deleting files on a dom0 is not supported.');
  }
  rename(): never {
    throw vscode.FileSystemError.NoPermissions('Renaming files on a dom0 is not supported.');
  }
}
