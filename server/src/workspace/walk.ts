import { languageForPath } from '../languages/registry';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageId } from '../languages/types';
import { fsReason } from './disk';

export interface FileToCheck {
  path: string;
  languageId: LanguageId;
}

/** An entry the walk could not look into and skipped: a folder it may not list, a config-named link it cannot resolve. */
export interface WalkProblem {
  path: string;
  /** In a few words, without the path: `cannot list the folder: permission denied (EACCES)`. */
  reason: string;
}

/** What the walk needs of the file system (the real one by default; tests inject failures a root user cannot provoke). */
export interface WalkFileSystem {
  /**
   * The entries of a folder; throws when it cannot be listed. `lossy`: the
   * name on disk is not valid UTF-8, so `name` (with U+FFFD) names no file.
   */
  list(dir: string): { name: string; lossy?: boolean; isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean }[];
  /** What a symbolic link points to (followed); undefined when it points nowhere; throws on a loop or a denied look-up. */
  resolve(path: string): { isFile(): boolean } | undefined;
}

const REAL_FILE_SYSTEM: WalkFileSystem = {
  list: (dir) =>
    readdirSync(dir, { withFileTypes: true, encoding: 'buffer' }).map((entry) => {
      const name = entry.name.toString('utf8');
      return {
        name,
        lossy: !Buffer.from(name, 'utf8').equals(entry.name),
        isDirectory: () => entry.isDirectory(),
        isFile: () => entry.isFile(),
        isSymbolicLink: () => entry.isSymbolicLink(),
      };
    }),
  resolve: (path) => statSync(path, { throwIfNoEntry: false }),
};

export interface WalkOptions {
  /** Called once per skipped entry; the walk goes on with the others. */
  onProblem?: (problem: WalkProblem) => void;
  fileSystem?: WalkFileSystem;
}

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.hg', '.svn']);

/**
 * Every file below `folder` whose path matches one of the languages' patterns,
 * sorted. Links to files are followed, links to folders are not (no loops).
 * One bad entry never ends the walk: a folder that cannot be listed, a link
 * with a config file's name that cannot be resolved (a loop, a dangling link),
 * and a name that is not valid UTF-8 (paths here are strings: such a file
 * could not be opened by its name) are handed to `onProblem` and skipped. FIFOs, sockets and devices are
 * never configs and are passed over.
 */
export function walkFolder(folder: string, options: WalkOptions = {}): FileToCheck[] {
  const fs = options.fileSystem ?? REAL_FILE_SYSTEM;
  const report = options.onProblem ?? (() => undefined);
  const found: FileToCheck[] = [];
  // Depth first in name order, with an explicit stack: no recursion limit on deep trees.
  const stack: { dir: string; names: ReturnType<WalkFileSystem['list']>; next: number }[] = [];
  const enter = (dir: string) => {
    try {
      stack.push({ dir, names: fs.list(dir).sort((a, b) => a.name.localeCompare(b.name)), next: 0 });
    } catch (error) {
      report({ path: dir, reason: `cannot list the folder: ${fsReason(error)}` });
    }
  };
  enter(folder);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next >= top.names.length) {
      stack.pop();
      continue;
    }
    const entry = top.names[top.next++];
    const path = join(top.dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.lossy) report({ path, reason: 'the folder name is not valid UTF-8, so what it holds cannot be checked' });
      else if (!SKIPPED_FOLDERS.has(entry.name)) enter(path);
      continue;
    }
    const languageId = languageForPath(path);
    if (!languageId) continue;
    if (entry.lossy) {
      report({ path, reason: 'the file name is not valid UTF-8, so it cannot be checked' });
      continue;
    }
    if (entry.isFile()) found.push({ path, languageId });
    else if (entry.isSymbolicLink() && isLinkToFile(fs, path, report)) found.push({ path, languageId });
  }
  return found;
}

function isLinkToFile(fs: WalkFileSystem, path: string, report: (problem: WalkProblem) => void): boolean {
  try {
    const target = fs.resolve(path);
    if (!target) report({ path, reason: 'a symbolic link to nothing' });
    return target?.isFile() ?? false;
  } catch (error) {
    report({ path, reason: `cannot follow the symbolic link: ${fsReason(error)}` });
    return false;
  }
}
