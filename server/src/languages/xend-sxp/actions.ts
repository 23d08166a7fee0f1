import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { fixesAt } from '../../common/report';
import type { ServiceContext } from '../types';
import type { XendDocument } from './parse';
import { findings } from './validate';

/** The quick fixes of the file's own findings at `range` (xend-config.sxp has no cross-file diagnostics to fix). */
export function codeActions(doc: XendDocument, range: Range, _diagnostics: Diagnostic[], ctx: ServiceContext): CodeAction[] {
  return fixesAt(findings(doc, ctx), range, ctx);
}
