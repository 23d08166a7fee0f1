import { existsSync, readdirSync, statSync } from 'node:fs';
import type { FileReader } from '../languages/types';

/** The real file system, handed to services by the server and the CLI for files that live on disk. */
export const DISK_FILES: FileReader = {
  listFiles(dir) {
    try {
      return readdirSync(dir).filter((name) => statSync(`${dir}/${name}`, { throwIfNoEntry: false })?.isFile());
    } catch {
      return [];
    }
  },
  exists: (path) => existsSync(path),
};
