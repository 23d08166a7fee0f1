import { readFile } from 'node:fs/promises';
import type { Diagnostic } from 'vscode-languageserver-types';
import { pathOfUri, uriOfPath } from '../common/uri';
import { languageForPath, serviceFor } from '../languages/registry';
import type { ServiceContext, Settings } from '../languages/types';
import type { WorkspaceIndex } from '../workspace/index';
import { DISK_FILES } from '../workspace/disk';
import { walkFolder } from '../workspace/walk';

/**
 * The workspace's files that are not open in the editor: found by the same
 * patterns as the extension, parsed once for their facts and their own
 * diagnostics, and re-read when the file system says they changed.
 */
export class WorkspaceFiles {
  /** Own (single-file) diagnostics of every indexed file that is not open. */
  private readonly ownDiagnostics = new Map<string, Diagnostic[]>();

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly settings: () => Settings,
    private readonly isOpen: (uri: string) => boolean,
  ) {}

  /** Lists the files below the folders (fast: names only). */
  list(folders: string[]): string[] {
    return folders.flatMap((folder) => walkFolder(folder).map((f) => uriOfPath(f.path)));
  }

  /** Reads and indexes one file from disk; returns false when it is not one of ours or unreadable. */
  async load(uri: string): Promise<boolean> {
    if (this.isOpen(uri)) return true;
    const path = pathOfUri(uri);
    const languageId = languageForPath(path);
    const service = languageId && serviceFor(languageId);
    if (!service) return false;
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      this.forget(uri);
      return false;
    }
    const ctx: ServiceContext = { uri, path, settings: this.settings(), workspace: this.index, files: DISK_FILES };
    const doc = service.parse(text, ctx);
    this.index.update(uri, service.facts(doc, ctx), false);
    this.ownDiagnostics.set(uri, service.validate(doc, ctx));
    return true;
  }

  forget(uri: string): void {
    this.ownDiagnostics.delete(uri);
    this.index.remove(uri);
  }

  /** Opened in the editor: the document's own diagnostics take over. */
  opened(uri: string): void {
    this.ownDiagnostics.delete(uri);
  }

  ownDiagnosticsOf(uri: string): Diagnostic[] | undefined {
    return this.ownDiagnostics.get(uri);
  }

  closedFiles(): string[] {
    return [...this.ownDiagnostics.keys()];
  }
}
