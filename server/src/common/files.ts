import type { FileReader } from '../languages/types';

/** No file system: untitled buffers, remote files, and tests that do not care. */
export const NO_FILES: FileReader = {
  listFiles: () => [],
  exists: () => false,
};
