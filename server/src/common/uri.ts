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
  return decodeLeniently(match ? match[1] : uri);
}

/**
 * decodeURIComponent that never throws: a client may send `untitled:50%` or
 * `…/bad%zz.cfg`, where it throws a URIError. Each run of %XX escapes that
 * decodes is decoded; the others stay as written.
 */
export function decodeLeniently(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
}
