import { fixesAt } from '../../common/report';
import { LanguageDefinition, LanguageService, transitionalWorkspace } from '../types';
import { crossFileRules } from './crossFile';
import { completeIftab } from './complete';
import { iftabFacts } from './facts';
import { hoverIftab } from './hover';
import { IftabDocument, parseIftab } from './parse';
import { iftabSymbols } from './symbols';
import { iftabFindings } from './validate';

export { generateIftab, generateIftabAction } from './generate';

export const iftabService: LanguageService<IftabDocument> = {
  id: 'iftab',
  parse: (text) => parseIftab(text),
  validate: (doc, ctx) => iftabFindings(doc, { ...ctx, workspace: transitionalWorkspace(ctx) }).map((f) => f.diagnostic),
  complete: (doc, position, ctx) => completeIftab(doc, position, ctx),
  hover: (doc, position, ctx) => hoverIftab(doc, position, ctx),
  codeActions: (doc, range, _diagnostics, ctx) => fixesAt(iftabFindings(doc, ctx), range, ctx),
  symbols: (doc) => iftabSymbols(doc),
  // One mapping per line: nothing to fold.
  folding: () => [],
  facts: (doc) => iftabFacts(doc),
};

/** ifrename's /etc/iftab. */
export const iftabLanguage: LanguageDefinition<IftabDocument> = {
  id: 'iftab',
  patterns: {filenames:  ['iftab'], filenamePatterns:  ['*.iftab'], extensions:  []},
  grammarScope: 'source.iftab',
  service: iftabService,
  crossFileRules,
};
