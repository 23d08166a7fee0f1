import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { LanguageService, ParsedDocument, ServiceContext } from '../../server/src/languages/types';
import { applyEdits, editsOf } from './lspClient';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** `line:col-endCol severity code`, 1-based like the CLI: compact expectations for many diagnostics at once. */
export function summarize(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${SEVERITY[d.severity ?? 1]} ${String(d.code)}`);
}

/** A diagnostic as the protocol carries it: 0-based range, numeric severity, code and source. */
export function protocolView(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.source}`;
}

/** The range of columns `from`..`to` (1-based, end exclusive) on 1-based line `n`. */
export function lineRange(n: number, from: number, to: number): Range {
  return { start: { line: n - 1, character: from - 1 }, end: { line: n - 1, character: to - 1 } };
}

/** Runs `service`'s code actions at `range` and applies the one titled `title`, as an editor would. */
export function applyCodeAction<Doc extends ParsedDocument>(service: LanguageService<Doc>, text: string, range: Range, title: string, ctx: ServiceContext): { actions: CodeAction[]; result: string } {
  const actions = service.codeActions(service.parse(text, ctx), range, [], ctx);
  const action = actions.find((a) => a.title === title);
  if (!action) throw new Error(`no action '${title}' among ${JSON.stringify(actions.map((a) => a.title))}`);
  return { actions, result: applyEdits(text, editsOf(action, ctx.uri)) };
}
