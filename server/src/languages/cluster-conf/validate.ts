import type { Diagnostic } from 'vscode-languageserver-types';
import { clusterModel } from './model';
import type { ClusterDoc } from './parse';
import { validateFencing } from './validateFencing';
import { validateMembership } from './validateMembership';
import { validateSchema } from './validateSchema';

/** Every diagnostic of a cluster.conf: well-formedness, the schema, then fencing and quorum safety. */
export function validate(doc: ClusterDoc): Diagnostic[] {
  const model = clusterModel(doc);
  return [...doc.syntaxErrors, ...validateSchema(doc), ...validateFencing(doc, model), ...validateMembership(doc, model)];
}
