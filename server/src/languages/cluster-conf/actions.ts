/** Quick fixes at a range: those of the file's own findings there (cross-file codes bring none). */
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { fixesAt } from '../../common/report';
import type { ServiceContext } from '../types';
import type { ClusterDoc } from './parse';
import { findings } from './validate';

export function codeActions(doc: ClusterDoc, range: Range, _diagnostics: Diagnostic[], ctx: ServiceContext): CodeAction[] {
  return fixesAt(findings(doc, ctx), range, ctx);
}
