/** `include "pattern";` — each pattern must name at least one file. */
import { posix } from 'node:path';
import { Severity } from '../../common/diagnostics';
import type { FileReader } from '../types';
import { Code } from './codes';
import { includeCandidates, resolveInclude } from './includes';
import type { DrbdDocument, OptionNode } from './parse';
import type { TokenReporter } from './reporter';

function includesOf(doc: DrbdDocument): OptionNode[] {
  return doc.root.children.filter((c): c is OptionNode => c.kind === 'option' && c.keyword.value === 'include');
}

export function validateIncludes(doc: DrbdDocument, filePath: string, files: FileReader, out: TokenReporter): void {
  for (const include of includesOf(doc)) {
    const pattern = include.args[0];
    if (!pattern) {
      out.report(include.keyword, Severity.Error, Code.invalidValue, "'include' needs a file name or pattern, e.g. include \"drbd.d/*.res\";");
      continue;
    }
    if (/[*?[]/.test(posix.dirname(pattern.value))) continue; // wildcards in folders: not resolved here
    if (resolveInclude(pattern.value, filePath, files).length > 0) continue;
    if (/[*?[]/.test(pattern.value)) {
      out.report(pattern, Severity.Warning, Code.includeNoMatch, `No file matches '${pattern.value}' (looked in ${includeCandidates(pattern.value, filePath).map((c) => posix.dirname(c)).join(' and ')}); drbdadm will silently read nothing here.`);
    } else {
      out.report(pattern, Severity.Error, Code.includeNotFound, `Included file '${pattern.value}' does not exist (looked for ${includeCandidates(pattern.value, filePath).join(' and ')}); drbdadm stops with "Failed to open include file".`);
    }
  }
}
