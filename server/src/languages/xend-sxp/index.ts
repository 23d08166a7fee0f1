import { fixesAt } from '../../common/report';
import { LanguageDefinition, LanguageService, transitionalWorkspace } from '../types';
import { crossFileRules } from './crossFile';
import { completeXend } from './complete';
import { hoverXend } from './hover';
import { parseXend, XendDocument } from './parse';
import { xendFolding, xendSymbols } from './symbols';
import { xendFindings } from './validate';

export { parseSexp } from '../../../../shared/src/sexp';
export type { SexpAtom, SexpError, SexpList, SexpNode, SexpTree } from '../../../../shared/src/sexp';

export const xendSxpService: LanguageService<XendDocument> = {
  id: 'xend-sxp',
  parse: (text) => parseXend(text),
  validate: (doc, ctx) => xendFindings(doc, { ...ctx, workspace: transitionalWorkspace(ctx) }).map((f) => f.diagnostic),
  complete: (doc, position) => completeXend(doc, position),
  hover: (doc, position) => hoverXend(doc, position),
  codeActions: (doc, range, _diagnostics, ctx) => fixesAt(xendFindings(doc, ctx), range, ctx),
  symbols: (doc) => xendSymbols(doc),
  folding: (doc) => xendFolding(doc),
  // xend-config.sxp describes the host, not anything other files refer to.
  facts: () => ({}),
};

/** xend's /etc/xen/xend-config.sxp (Xen 3.x and 4.0 to 4.4). */
export const xendSxpLanguage: LanguageDefinition<XendDocument> = {
  id: 'xend-sxp',
  patterns: {filenames:  ['xend-config.sxp'], filenamePatterns:  ['xend-config*.sxp'], extensions:  ['.sxp']},
  grammarScope: 'source.xend-sxp',
  service: xendSxpService,
  crossFileRules,
};
