import { languageForPath } from '../languages/registry';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageId } from '../languages/types';

export interface FileToCheck {
  path: string;
  languageId: LanguageId;
}

const SKIPPED_FOLDERS = new Set(['.git', 'node_modules', '.hg', '.svn']);

/** Every file below `folder` whose path matches one of the languages' patterns, sorted. */
export function walkFolder(folder: string): FileToCheck[] {
  const found: FileToCheck[] = [];
  const visit = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name)) visit(path);
      } else if (entry.isFile() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isFile())) {
        const languageId = languageForPath(path);
        if (languageId) found.push({ path, languageId });
      }
    }
  };
  visit(folder);
  return found;
}
