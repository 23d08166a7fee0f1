import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, Range, TextEdit } from 'vscode-languageserver-types';

/** Builds a diagnostic with the project's conventions: a stable code and a source. */
export function diagnostic(
  range: Range,
  severity: DiagnosticSeverity,
  code: string,
  message: string,
  source: string,
): Diagnostic {
  return { range, severity, code, message, source };
}

export const Severity = DiagnosticSeverity;

/** A quick fix that applies `edits` to one document. */
export function quickFix(
  title: string,
  uri: string,
  edits: TextEdit[],
  fixes: Diagnostic[] = [],
  isPreferred = false,
): CodeAction {
  const action: CodeAction = {
    title,
    kind: CodeActionKind.QuickFix,
    edit: { changes: { [uri]: edits } },
  };
  if (fixes.length > 0) action.diagnostics = fixes;
  if (isPreferred) action.isPreferred = true;
  return action;
}

/** True when two ranges overlap or touch (used to pick the diagnostics at a cursor). */
export function rangesTouch(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}
