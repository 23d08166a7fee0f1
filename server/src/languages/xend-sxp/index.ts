import { fixesAt } from '../../common/findings';
import type { LanguageService } from '../types';
import { completeXend } from './complete';
import { hoverXend } from './hover';
import { parseXend, XendDocument } from './parse';
import { xendFolding, xendSymbols } from './symbols';
import { xendFindings } from './validate';

export { parseSexp } from './sexp';
export type { SexpAtom, SexpError, SexpList, SexpNode, SexpTree } from './sexp';

export const xendSxpService: LanguageService<XendDocument> = {
  id: 'xend-sxp',
  parse: (text) => parseXend(text),
  validate: (doc, ctx) => xendFindings(doc, ctx).map((f) => f.diagnostic),
  complete: (doc, position) => completeXend(doc, position),
  hover: (doc, position) => hoverXend(doc, position),
  codeActions: (doc, range, _diagnostics, ctx) => fixesAt(xendFindings(doc, ctx), range, ctx.uri),
  symbols: (doc) => xendSymbols(doc),
  folding: (doc) => xendFolding(doc),
  // xend-config.sxp describes the host, not anything other files refer to.
  facts: () => ({}),
};
