import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { xendSxpService } from '../../../server/src/languages/xend-sxp';
import type { ServiceContext } from '../../../server/src/languages/types';
import type { FileFacts } from '../../../server/src/workspace/facts';
import { applyCodeAction } from '../../helpers/diagnosticText';
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

export function validate(text: string, ctx = xendContext()): Diagnostic[] {
  return xendSxpService.validate(xendSxpService.parse(text, ctx), ctx);
}

/** The code actions at `range` and the text after applying the one titled `title`. */
export function fix(text: string, range: Range, title: string, ctx = xendContext()): { actions: CodeAction[]; result: string } {
  return applyCodeAction(xendSxpService, text, range, title, ctx);
}

export { lineRange as line, summarize } from '../../helpers/diagnosticText';
