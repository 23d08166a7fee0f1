import type { LanguageService, ServiceContext } from '../types';
import { drbdCodeActions } from './actions';
import { drbdComplete } from './complete';
import { definition } from './definition';
import { detectDialect } from './dialect';
import { drbdFacts } from './facts';
import { DISK } from './fileSystem';
import { drbdHover } from './hover';
import { FileLister, validateIncludes } from './includes';
import { DrbdDocument, parse } from './parse';
import { validateResources } from './resources';
import { drbdFolding, drbdSymbols } from './symbols';
import { Reporter } from './report';
import { validateStructure } from './validate';

export { DISK } from './fileSystem';
export type { FileLister } from './includes';
export type { DrbdDocument } from './parse';

/** Every diagnostic of a DRBD file; `files` is where includes are looked up (the disk unless a test says otherwise). */
export function validateDrbd(doc: DrbdDocument, ctx: ServiceContext, files: FileLister | undefined = ctx.uri.startsWith('file:') ? DISK : undefined) {
  const out = new Reporter(doc);
  const choice = detectDialect(doc, ctx.settings);
  validateStructure(doc, choice, out);
  validateResources(doc, choice.dialect, ctx.workspace, ctx.uri, out);
  if (files) validateIncludes(doc, ctx.path, files, out);
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
  definition: (doc, position, ctx) => definition(doc, position, ctx, DISK),
};
