import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The file system path of a file:// URI, or the path part of any other URI
 * (untitled:, a remote scheme). Never throws: a client may send a URI that is
 * not validly percent-encoded (`file:///etc/xen/bad%zz.cfg`, `untitled:50%`),
 * and what cannot be decoded is taken literally.
 */
export function pathOfUri(uri: string): string {
  if (uri.startsWith('file:')) {
    try {
      return fileURLToPath(uri);
    } catch {
      // not a valid file URL (an undecodable escape, a host): the generic form below
    }
  }
  const match = /^[a-zA-Z][\w+.-]*:(?:\/\/[^/]*)?(.*)$/s.exec(uri);
  return decodePercent(match ? match[1] : uri);
}

export function uriOfPath(path: string): string {
  return pathToFileURL(path).href;
}

/**
 * `decodeURIComponent` that never throws: each run of `%XX` escapes is decoded
 * where it forms valid UTF-8, and an escape that does not (`%zz`, a lone `%`,
 * a stray continuation byte) stays as written.
 */
export function decodePercent(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return decodeRun(run);
    }
  });
}

/** Decodes a run of escapes that is not valid UTF-8 as a whole: the longest valid sequence at each point, else the escape literally. */
function decodeRun(run: string): string {
  const escapes = run.match(/%[0-9a-fA-F]{2}/g)!;
  let out = '';
  for (let i = 0; i < escapes.length; ) {
    let taken = 0;
    for (let length = Math.min(4, escapes.length - i); length > 0 && taken === 0; length--) {
      try {
        out += decodeURIComponent(escapes.slice(i, i + length).join(''));
        taken = length;
      } catch {
        // a shorter sequence may be valid
      }
    }
    if (taken === 0) {
      out += escapes[i];
      taken = 1;
    }
    i += taken;
  }
  return out;
}
