import { FileContext, LanguageDefinition, LanguageService, transitionalWorkspace } from '../types';
import { crossFileRules } from './crossFile';
import { drbdCodeActions } from './actions';
import { drbdComplete } from './complete';
import { definition } from './definition';
import { detectDialect } from './dialect';
import { drbdFacts } from './facts';
import { drbdHover } from './hover';
import { validateIncludes } from './includes';
import { DrbdDocument, parse } from './parse';
import { validateResources } from './resources';
import { drbdFolding, drbdSymbols } from './symbols';
import { Reporter } from './report';
import { validateStructure } from './validate';

export type { DrbdDocument } from './parse';

/** Every diagnostic of a DRBD file; includes are looked up through `ctx.files`. */
export function validateDrbd(doc: DrbdDocument, ctx: FileContext) {
  const out = new Reporter(doc);
  const choice = detectDialect(doc, ctx.settings);
  validateStructure(doc, choice, out);
  validateResources(doc, choice.dialect, transitionalWorkspace(ctx), ctx.uri, out);
  validateIncludes(doc, ctx.path, ctx.files, out);
  return [...doc.syntaxErrors, ...out.diagnostics];
}

export const drbdService: LanguageService<DrbdDocument> = {
  id: 'drbd',
  parse: (text) => parse(text),
  validate: (doc, ctx) => validateDrbd(doc, ctx),
  complete: drbdComplete,
  hover: drbdHover,
  codeActions: (doc, _range, diagnostics, ctx) => drbdCodeActions(doc, diagnostics, ctx),
  symbols: (doc) => drbdSymbols(doc),
  folding: (doc) => drbdFolding(doc),
  facts: (doc, ctx) => drbdFacts(doc, detectDialect(doc, ctx.settings).dialect),
  definition: (doc, position, ctx) => definition(doc, position, ctx),
};

/** DRBD 8.3, 8.4 and 9 configuration: drbd.conf, drbd.d/*.res, global_common.conf. */
export const drbdLanguage: LanguageDefinition<DrbdDocument> = {
  id: 'drbd',
  patterns: {filenames:  ['drbd.conf', 'global_common.conf'], filenamePatterns:  ['**/drbd.d/*.conf', '**/drbd.d/*.res'], extensions:  ['.res']},
  grammarScope: 'source.drbd',
  service: drbdService,
  crossFileRules,
};
