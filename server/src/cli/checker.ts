import type { Diagnostic } from 'vscode-languageserver-types';
import { serviceFor } from '../languages/registry';
import type { LanguageId, ParsedDocument, ServiceContext, Settings } from '../languages/types';
import { uriOfPath } from '../common/uri';
import { DISK_FILES } from '../workspace/disk';
import { diagnose, WorkspaceIndex } from '../workspace/index';

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
 * Checks files the way the language server does: all files are parsed and
 * indexed first, so cross-file checks see the whole set, then each is validated.
 */
export function checkFiles(files: SourceFile[], settings: Settings, root?: string): CheckResult[] {
  const workspace = new WorkspaceIndex(root);
  const parsed = files.map((file) => {
    const service = serviceFor(file.languageId)!;
    const uri = uriOfPath(file.path);
    const ctx: ServiceContext = { uri, path: file.path, settings, workspace, files: DISK_FILES };
    const doc: ParsedDocument = service.parse(file.text, ctx);
    workspace.update(uri, service.facts(doc, ctx), true);
    return { file, service, doc, ctx };
  });
  return parsed.map(({ file, service, doc, ctx }) => ({
    file: file.path,
    languageId: file.languageId,
    text: file.text,
    diagnostics: diagnose(service, doc, ctx, workspace),
  }));
}
