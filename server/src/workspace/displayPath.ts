import { pathOfUri } from '../common/uri';

/**
 * How a file is named in a cross-file message: relative to the workspace
 * root when it lies below it, else its full path.
 */
export function displayPath(uri: string, root: string | undefined): string {
  const path = pathOfUri(uri);
  if (root) {
    const prefix = root.endsWith('/') ? root : `${root}/`;
    if (path.startsWith(prefix)) return path.slice(prefix.length);
  }
  return path;
}

/** `file:line` (1-based line) for messages. */
export function displayLocation(uri: string, line: number, root: string | undefined): string {
  return `${displayPath(uri, root)}:${line + 1}`;
}
