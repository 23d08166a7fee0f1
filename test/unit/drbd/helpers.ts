import type { Diagnostic } from 'vscode-languageserver-types';
import { applyEdits } from '../../helpers/lspClient';
import { testContext } from '../../helpers/fixtures';
import { drbdService, validateDrbd } from '../../../server/src/languages/drbd/index';
import type { FileReader, Settings } from '../../../server/src/languages/types';
import type { WorkspaceView } from '../../../server/src/workspace/view';

export const PATH = '/etc/drbd.d/r0.res';

export function ctxFor(dialect: Settings['drbd']['dialect'] = 'auto', workspace?: WorkspaceView, path = PATH, files?: FileReader) {
  return testContext(path, { settings: { drbd: { dialect } }, workspace, files });
}

/** Diagnostics as "line:col-endcol severity code" strings (1-based lines and columns). */
export function summary(d: Diagnostic): string {
  const sev = ['', 'error', 'warning', 'info', 'hint'][d.severity ?? 1];
  return `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${sev} ${String(d.code)}`;
}

export function check(text: string, dialect: Settings['drbd']['dialect'] = 'auto', files?: FileReader, workspace?: WorkspaceView): Diagnostic[] {
  const ctx = ctxFor(dialect, workspace, PATH, files);
  return validateDrbd(drbdService.parse(text, ctx), ctx);
}

/** Applies the code action titled `title` offered for the diagnostic with `code`, and returns the new text. */
export function fix(text: string, code: string, title: string, dialect: Settings['drbd']['dialect'] = 'auto'): string {
  const ctx = ctxFor(dialect);
  const doc = drbdService.parse(text, ctx);
  const diagnostics = validateDrbd(doc, ctx).filter((d) => d.code === code);
  if (diagnostics.length === 0) throw new Error(`no ${code} diagnostic`);
  const actions = drbdService.codeActions(doc, diagnostics[0].range, [diagnostics[0]], ctx);
  const action = actions.find((a) => a.title === title);
  if (!action) throw new Error(`no action '${title}'; got ${actions.map((a) => a.title).join(' | ')}`);
  return applyEdits(text, action.edit!.changes![ctx.uri]);
}

/** Two hosts with everything they need, for resources under test. */
export const HOSTS = `  on a { device /dev/drbd0; disk /dev/sda1; address 10.0.0.1:7789; meta-disk internal; }
  on b { device /dev/drbd0; disk /dev/sda1; address 10.0.0.2:7789; meta-disk internal; }`;
