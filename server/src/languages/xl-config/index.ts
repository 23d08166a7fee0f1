import type { LanguageDefinition, LanguageService } from '../types';
import { crossFileRules } from './crossFile';
import type { XlDocument } from './ast';
import { codeActionsXlConfig } from './actions';
import { completeXlConfig } from './complete';
import { domainFacts } from './facts';
import { hoverXlConfig } from './hover';
import { parseXlConfig } from './parse';
import { foldingXlConfig, symbolsXlConfig } from './symbols';
import { validateXlConfig } from './validate';

/** Xen domain configs (xl.cfg(5), xm-era files) and /etc/xen/xl.conf. */
export const xlConfigService: LanguageService<XlDocument> = {
  id: 'xl-config',
  parse: (text, ctx) => parseXlConfig(text, ctx.path),
  validate: validateXlConfig,
  complete: completeXlConfig,
  hover: hoverXlConfig,
  codeActions: codeActionsXlConfig,
  symbols: (doc) => symbolsXlConfig(doc),
  folding: (doc) => foldingXlConfig(doc),
  facts: (doc) => domainFacts(doc),
};

/** Xen domain configs (xl.cfg(5), xm-era files) and /etc/xen/xl.conf. */
export const xlConfigLanguage: LanguageDefinition<XlDocument> = {
  id: 'xl-config',
  patterns: {filenames:  ['xl.conf'], filenamePatterns:  ['**/xen/**/*.cfg', '**/xen/auto/*', 'xmexample*', 'xlexample*'], extensions:  ['.xl']},
  grammarScope: 'source.xl-config',
  service: xlConfigService,
  crossFileRules,
};
