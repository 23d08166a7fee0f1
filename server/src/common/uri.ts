import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file system path of a file:// URI, or the path part of any other URI (untitled:, a remote scheme). */
export function pathOfUri(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      // fall through to the generic form
    }
  }
  const match = /^[a-zA-Z][\w+.-]*:(?:\/\/[^/]*)?(.*)$/.exec(uri);
  return decodeURIComponent(match ? match[1] : uri);
}

export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
}
