import { existsSync, readdirSync, statSync } from 'node:fs';
import type { FileLister } from './includes';

/** The real file system, for include checks of files that live on disk. */
export const DISK: FileLister = {
  listFiles(dir) {
    try {
      return readdirSync(dir).filter((name) => statSync(`${dir}/${name}`, { throwIfNoEntry: false })?.isFile());
    } catch {
      return [];
    }
  },
  exists: (path) => existsSync(path),
};
