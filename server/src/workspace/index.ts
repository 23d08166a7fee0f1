import type { FileFacts } from './facts';
import type { WorkspaceView } from './view';

/**
 * The one place cross-file facts live: every file's facts by URI. Open
 * documents update it as they change; files on disk are added by the
 * workspace scanner. Open documents win over disk.
 */
export class WorkspaceIndex implements WorkspaceView {
  private readonly files = new Map<string, { facts: FileFacts; open: boolean }>();

  /** Records the facts of `uri`; a disk update never overwrites an open document's facts. */
  update(uri: string, facts: FileFacts, fromOpenDocument: boolean): void {
    const existing = this.files.get(uri);
    if (!fromOpenDocument && existing?.open) return;
    this.files.set(uri, { facts, open: fromOpenDocument });
  }

  /** Forgets `uri` (deleted from disk), or marks it closed so disk may update it again. */
  remove(uri: string): void {
    this.files.delete(uri);
  }

  markClosed(uri: string): void {
    const existing = this.files.get(uri);
    if (existing) existing.open = false;
  }

  *otherFiles(excludeUri: string): Iterable<{ uri: string; facts: FileFacts }> {
    for (const [uri, entry] of this.files) {
      if (uri !== excludeUri) yield { uri, facts: entry.facts };
    }
  }

  get size(): number {
    return this.files.size;
  }
}
