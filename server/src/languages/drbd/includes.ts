/** `include "pattern";` — each pattern must name at least one file. */
import { posix } from 'node:path';
import { Severity } from '../../common/diagnostics';
import { globToRegExp } from '../../common/glob';
import type { FileReader } from '../types';
import type { DrbdDocument, OptionNode } from './parse';
import type { Reporter } from './report';


function includesOf(doc: DrbdDocument): OptionNode[] {
  return doc.root.children.filter((c): c is OptionNode => c.kind === 'option' && c.keyword.value === 'include');
}

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
      const matcher = globToRegExp(base);
      found.push(...files.listFiles(dir).filter((name) => matcher.test(name)).map((name) => posix.join(dir, name)));
    } else if (files.exists(candidate)) {
      found.push(candidate);
    }
  }
  return found;
}

export function validateIncludes(doc: DrbdDocument, filePath: string, files: FileReader, out: Reporter): void {
  for (const include of includesOf(doc)) {
    const pattern = include.args[0];
    if (!pattern) {
      out.report(include.keyword, Severity.Error, 'drbd/invalid-value', "'include' needs a file name or pattern, e.g. include \"drbd.d/*.res\";");
      continue;
    }
    if (/[*?[]/.test(posix.dirname(pattern.value))) continue; // wildcards in folders: not resolved here
    if (resolveInclude(pattern.value, filePath, files).length > 0) continue;
    if (/[*?[]/.test(pattern.value)) {
      out.report(pattern, Severity.Warning, 'drbd/include-no-match', `No file matches '${pattern.value}' (looked in ${includeCandidates(pattern.value, filePath).map((c) => posix.dirname(c)).join(' and ')}); drbdadm will silently read nothing here.`);
    } else {
      out.report(pattern, Severity.Error, 'drbd/include-not-found', `Included file '${pattern.value}' does not exist (looked for ${includeCandidates(pattern.value, filePath).join(' and ')}); drbdadm stops with "Failed to open include file".`);
    }
  }
}
