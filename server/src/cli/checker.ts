import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageId, Settings } from '../languages/types';
import { uriOfPath } from '../common/uri';
import { RunnerFailure, ServiceLookup, WorkspaceRunner } from '../workspace/runner';

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
  /** What threw while checking it (a language service's bug): the diagnostics are then incomplete. */
  failures?: RunnerFailure[];
}

export interface CheckFilesOptions {
  /** The language services (default: the registry; the CLI passes the test hook's, see workspace/testHook.ts). */
  services?: ServiceLookup;
}

/**
 * Checks files with the language server's own runner (workspace/runner.ts):
 * every file is read into it as a closed file on disk, so cross-file checks see
 * the whole set, then each is diagnosed exactly as the editor shows it.
 */
export function checkFiles(files: SourceFile[], settings: Settings, root?: string, options: CheckFilesOptions = {}): CheckResult[] {
  const failures = new Map<string, RunnerFailure[]>();
  const onFailure = (failure: RunnerFailure) => failures.set(failure.uri, [...(failures.get(failure.uri) ?? []), failure]);
  const runner = new WorkspaceRunner({ root, settings, services: options.services, onFailure });
  const uris = files.map((file) => {
    const uri = uriOfPath(file.path);
    runner.setDisk(uri, file.languageId, file.text);
    return uri;
  });
  return files.map((file, i) => {
    const diagnostics = runner.diagnose(uris[i]) ?? [];
    const failed = failures.get(uris[i]);
    return { file: file.path, languageId: file.languageId, text: file.text, diagnostics, ...(failed ? { failures: failed } : {}) };
  });
}
