/**
 * `xen-dom0://HOST/etc/xen/NAME.cfg`: domain configs read and written over SSH.
 *
 * VS Code hands a FileSystemProvider bytes (Uint8Array) both ways and does the
 * decoding itself, with the document's encoding; this provider never decodes.
 * The bytes read are what `cat` printed, untouched; their checksums are the
 * conflict check of the next save; the bytes VS Code gives back are sent as
 * they are, verified on the host, and installed atomically (remoteFile.ts).
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
  size: number;
  mtime: number;
}

export class RemoteConfigFs implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** What each open file looked like when read or last saved (the conflict check). */
  private readonly known = new Map<string, Known>();
  /** Files already reported as symbolic links (said once per file, not at every save). */
  private readonly links = new Set<string>();

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
    if (!this.known.has(uri.toString())) await this.readFile(uri);
    const known = this.known.get(uri.toString()) as Known;
    return { type: vscode.FileType.File, ctime: 0, mtime: known.mtime, size: known.size };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const host = this.host(uri);
    const result = await this.session().readFile(host, uri.path);
    if (!result.ok) {
      if (result.notFound) throw vscode.FileSystemError.FileNotFound(uri);
      throw vscode.FileSystemError.Unavailable(`${result.error.message}. ${result.error.hint}`);
    }
    this.known.set(uri.toString(), { digests: result.digests, size: result.bytes.byteLength, mtime: Date.now() });
    return result.bytes;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const host = this.host(uri);
    // Never read through this provider (Save As onto the host): it must not exist yet.
    const expected = this.known.get(uri.toString())?.digests;
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Saving ${uri.path} on ${host.label}`, cancellable: true },
      (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return this.session().writeFile(host, uri.path, content, expected, controller.signal);
      },
    );
    if (!result.ok) throw vscode.FileSystemError.Unavailable(saveFailureMessage(uri.path, host, result));
    this.known.set(uri.toString(), { digests: digestsOf(content), size: content.byteLength, mtime: Date.now() });
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
