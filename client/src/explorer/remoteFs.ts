/**
 * `xen-dom0://HOST/etc/xen/NAME.cfg`: domain configs read and written over SSH.
 * Saving is atomic on the host (temporary file + rename, previous version kept
 * as NAME.cfg.bak) and refused when the file changed there since it was read.
 */
import * as vscode from 'vscode';
import { HostSpec } from '../../../shared/src/dom0/hosts';
import { Dom0Session, md5 } from '../../../shared/src/dom0/session';

export const SCHEME = 'xen-dom0';

export function remoteUri(host: HostSpec, path: string): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, authority: host.spec, path });
}

interface Known {
  md5: string;
  size: number;
  mtime: number;
}

export class RemoteConfigFs implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  /** What each open file looked like when read or last saved (the conflict check). */
  private readonly known = new Map<string, Known>();

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
    const bytes = new TextEncoder().encode(result.content);
    this.known.set(uri.toString(), { md5: result.md5, size: bytes.byteLength, mtime: Date.now() });
    return bytes;
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const host = this.host(uri);
    const text = new TextDecoder().decode(content);
    const expected = this.known.get(uri.toString())?.md5 ?? '-';
    const result = await this.session().writeFile(host, uri.path, text, expected);
    if (!result.ok) {
      if (result.changedOnHost) {
        throw vscode.FileSystemError.Unavailable(
          `Not saved: ${uri.path} changed on ${host.label} since it was opened. Copy your changes, run "File: Revert File" to load the host's version, and apply them again.`,
        );
      }
      throw vscode.FileSystemError.Unavailable(`Not saved: ${result.error.message}. ${result.error.hint}`);
    }
    this.known.set(uri.toString(), { md5: md5(text), size: content.byteLength, mtime: Date.now() });
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
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
