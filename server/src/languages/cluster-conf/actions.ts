/** Quick fixes at a range: those of the file's own findings there (cross-file codes bring none). */
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { fixesAt, withoutNewErrors } from '../../common/report';
import type { ServiceContext } from '../types';
import { ClusterDoc, parse } from './parse';
import { findings, validate } from './validate';

export function codeActions(doc: ClusterDoc, range: Range, _diagnostics: Diagnostic[], ctx: ServiceContext): CodeAction[] {
  // A fix is offered only when the file it leaves has no error it did not have (e.g. a did-you-mean
  // element that is not allowed where the misspelt one stands).
  return withoutNewErrors(fixesAt(findings(doc, ctx), range, ctx), doc.text, ctx.uri, (text) => validate(parse(text), ctx));
}
