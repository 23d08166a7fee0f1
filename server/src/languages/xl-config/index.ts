import type { LanguageService } from '../types';
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
