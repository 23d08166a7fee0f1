import { pathOfUri, uriOfPath } from '../common/uri';
import { languageForPath } from '../languages/registry';
import { readConfigFile } from '../workspace/disk';
import type { WorkspaceRunner } from '../workspace/runner';
import { walkFolder, WalkProblem } from '../workspace/walk';

/**
 * The workspace's files on disk, as the server sees them: found below the
 * workspace folders by the same patterns as the extension and the CLI, read
 * into the runner at start-up and again when the file system says they changed.
 * What they show is the runner's business (workspace/runner.ts).
 */
export class WorkspaceFiles {
  constructor(
    private readonly runner: () => WorkspaceRunner,
    private readonly folders: () => string[],
  ) {}

  /** The config files below the folders (fast: names only); an entry the walk cannot look into goes to `onProblem` and the rest is listed. */
  list(onProblem?: (problem: WalkProblem) => void): string[] {
    return this.folders().flatMap((folder) => walkFolder(folder, { onProblem }).map((f) => uriOfPath(f.path)));
  }

  /** Whether the file lies below a workspace folder: only those are part of the workspace when closed. */
  inWorkspace(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const path = pathOfUri(uri);
    return this.folders().some((folder) => path.startsWith(folder.endsWith('/') ? folder : `${folder}/`));
  }

  /**
   * Reads one file into the runner; a file that is not one of ours, or cannot
   * be read (deleted meanwhile, or not a regular file: a FIFO is never opened
   * for a blocking read), is forgotten. A byte order mark is dropped, as the
   * editor does for an open document. Returns whether it is known now.
   */
  async load(uri: string): Promise<boolean> {
    const path = pathOfUri(uri);
    const languageId = languageForPath(path);
    let text: string | undefined;
    if (languageId) {
      try {
        text = await readConfigFile(path);
      } catch {
        text = undefined;
      }
    }
    const runner = this.runner();
    if (languageId && text !== undefined) return runner.setDisk(uri, languageId, text);
    runner.removeDisk(uri);
    return runner.has(uri);
  }
}
