import type { Diagnostic } from 'vscode-languageserver-types';
import { Finding, inDocumentOrder, memoizeFindings, Reporter } from '../../common/report';
import type { FileContext } from '../types';
import { clusterModel } from './model';
import { ClusterDoc, SOURCE } from './parse';
import { validateFencing } from './validateFencing';
import { validateMembership } from './validateMembership';
import { validateSchema } from './validateSchema';

/**
 * Every finding of a cluster.conf, in document order: well-formedness, the
 * schema, then fencing and quorum safety. File-local: it reads this document
 * and nothing else (the checks against other files are in crossFile.ts).
 */
export const findings = memoizeFindings((doc: ClusterDoc, _ctx: FileContext): Finding[] => {
  const report = new Reporter(doc.lines, SOURCE);
  for (const error of doc.syntaxErrors) report.add(error);
  const model = clusterModel(doc);
  validateSchema(doc, report);
  validateFencing(doc, model, report);
  validateMembership(doc, model, report);
  return inDocumentOrder(report.findings);
});

export function validate(doc: ClusterDoc, ctx: FileContext): Diagnostic[] {
  return findings(doc, ctx).map((f) => f.diagnostic);
}
