/** Where `include "pattern";` points: the files a pattern names, through the injected FileReader. */
import { posix } from 'node:path';
import { segmentMatcher } from '../../common/glob';
import type { FileReader } from '../types';

/**
 * Where a pattern may point: relative patterns from the including file's
 * folder (as drbdadm resolves them); absolute `/etc/…` ones also inside the
 * workspace's copy of /etc when the file itself lives under an `etc` folder.
 */
export function includeCandidates(pattern: string, filePath: string): string[] {
  const folder = posix.dirname(filePath.replace(/\\/g, '/'));
  if (!pattern.startsWith('/')) return [posix.join(folder, pattern)];
  const etc = filePath.replace(/\\/g, '/').lastIndexOf('/etc/');
  return etc >= 0 && pattern.startsWith('/etc/') ? [pattern, filePath.slice(0, etc) + pattern] : [pattern];
}

/** The files a pattern names (wildcards in the last path segment). */
export function resolveInclude(pattern: string, filePath: string, files: FileReader): string[] {
  const found: string[] = [];
  for (const candidate of includeCandidates(pattern, filePath)) {
    const dir = posix.dirname(candidate);
    const base = posix.basename(candidate);
    if (/[*?[]/.test(base)) {
      const matcher = segmentMatcher(base);
      found.push(...files.listFiles(dir).filter((name) => matcher.test(name)).map((name) => posix.join(dir, name)));
    } else if (files.exists(candidate)) {
      found.push(candidate);
    }
  }
  return found;
}
