import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { xendSxpService } from '../../../server/src/languages/xend-sxp';
import type { ServiceContext } from '../../../server/src/languages/types';
import type { FileFacts } from '../../../server/src/workspace/facts';
import { applyEdits, editsOf } from '../../helpers/lspClient';
import { testContext } from '../../helpers/fixtures';

export const PATH = '/etc/xen/xend-config.sxp';

/** A context for a host that still runs xend (so the "xend removed" note stays out of the way). */
export function xendContext(options: { version?: string; toolstack?: 'xl' | 'xm'; others?: FileFacts[] } = {}): ServiceContext {
  const others = (options.others ?? []).map((facts, i) => ({ uri: `file:///ws/other${i}`, facts }));
  return testContext(PATH, {
    settings: { xen: { version: options.version ?? '4.1', toolstack: options.toolstack ?? 'xm' } },
    workspace: { otherFiles: () => others },
  });
}

/** Diagnostics as `line:col-endCol severity code` (1-based line and column, like the CLI). */
export function summarize(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${['', 'error', 'warning', 'info', 'hint'][d.severity ?? 1]} ${String(d.code)}`);
}

export function validate(text: string, ctx = xendContext()): Diagnostic[] {
  return xendSxpService.validate(xendSxpService.parse(text, ctx), ctx);
}

/** The code actions at `range` and the text after applying the one titled `title`. */
export function fix(text: string, range: Range, title: string, ctx = xendContext()): { actions: CodeAction[]; result: string } {
  const doc = xendSxpService.parse(text, ctx);
  const actions = xendSxpService.codeActions(doc, range, [], ctx);
  const action = actions.find((a) => a.title === title);
  if (!action) throw new Error(`no action '${title}' among ${JSON.stringify(actions.map((a) => a.title))}`);
  return { actions, result: applyEdits(text, editsOf(action, ctx.uri)) };
}

export function line(n: number, from: number, to: number): Range {
  return { start: { line: n - 1, character: from - 1 }, end: { line: n - 1, character: to - 1 } };
}
