import { closeSync, constants, existsSync, fstatSync, openSync, readdirSync, readFileSync, Stats, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileReader } from '../languages/types';

/** The real file system, handed to services by the server and the CLI for files that live on disk. */
export const DISK_FILES: FileReader = {
  listFiles(dir) {
    try {
      return readdirSync(dir).filter((name) => {
        try {
          return statSync(`${dir}/${name}`, { throwIfNoEntry: false })?.isFile();
        } catch {
          // a symlink loop or an entry we may not look at: not a file we can name
          return false;
        }
      });
    } catch {
      return [];
    }
  },
  exists: (path) => existsSync(path),
};

/** A config file that could not be read: `reason` says why, in a few words (`permission denied`, `a FIFO, not a regular file`). */
export class UnreadableFile extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

/**
 * Opening without blocking: a FIFO opened for reading waits for a writer,
 * forever when there is none. With O_NONBLOCK the open returns at once and
 * the descriptor's type is checked before anything is read (no race between
 * a stat and the open).
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The text of a config file on disk, for the CLI and the server's index alike:
 * only a regular file is read (a FIFO, a device or a socket is refused), and a
 * UTF-8 byte order mark is dropped, as editors do for the files they open, so
 * that positions are the same open or closed. Throws `UnreadableFile`.
 */
export function readConfigFileSync(path: string): string {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (error) {
    throw new UnreadableFile(path, fsReason(error));
  }
  try {
    const kind = nonRegularKind(fstatSync(fd));
    if (kind) throw new UnreadableFile(path, `${kind}, not a regular file`);
    return stripBom(readFileSync(fd, 'utf8'));
  } catch (error) {
    throw error instanceof UnreadableFile ? error : new UnreadableFile(path, fsReason(error));
  } finally {
    closeSync(fd);
  }
}

/** `readConfigFileSync` without blocking the event loop (the server's scan). */
export async function readConfigFile(path: string): Promise<string> {
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    throw new UnreadableFile(path, fsReason(error));
  }
  try {
    const kind = nonRegularKind(await handle.stat());
    if (kind) throw new UnreadableFile(path, `${kind}, not a regular file`);
    return stripBom(await handle.readFile('utf8'));
  } catch (error) {
    throw error instanceof UnreadableFile ? error : new UnreadableFile(path, fsReason(error));
  } finally {
    await handle.close();
  }
}

/** Drops a leading UTF-8 byte order mark (one UTF-16 unit, U+FEFF), which xmllint, drbdadm and xl all accept. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** What a non-regular file is, in words, or undefined for a regular file. */
export function nonRegularKind(stats: Pick<Stats, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>): string | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'a folder';
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'a special file';
}

/** A file-system error in a few words, without the path (the caller names it): `permission denied (EACCES)`. */
export function fsReason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const words = /^[A-Z0-9]+: ([^,]+)/.exec(message ?? '')?.[1];
  if (code && words) return `${words} (${code})`;
  return message ?? String(error);
}
