import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageId, Settings } from '../languages/types';
import { uriOfPath } from '../common/uri';
import { WorkspaceRunner } from '../workspace/runner';

export interface SourceFile {
  path: string;
  languageId: LanguageId;
  text: string;
}

export interface CheckResult {
  file: string;
  languageId: LanguageId;
  text: string;
  diagnostics: Diagnostic[];
}

/**
 * Checks files with the language server's own runner (workspace/runner.ts):
 * every file is read into it as a closed file on disk, so cross-file checks see
 * the whole set, then each is diagnosed exactly as the editor shows it.
 */
export function checkFiles(files: SourceFile[], settings: Settings, root?: string): CheckResult[] {
  const runner = new WorkspaceRunner({ root, settings });
  const uris = files.map((file) => {
    const uri = uriOfPath(file.path);
    runner.setDisk(uri, file.languageId, file.text);
    return uri;
  });
  return files.map((file, i) => ({
    file: file.path,
    languageId: file.languageId,
    text: file.text,
    diagnostics: runner.diagnose(uris[i]) ?? [],
  }));
}
