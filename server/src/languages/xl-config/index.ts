import { clampPositions } from '../../common/clamp';
import type { LanguageDefinition, LanguageService } from '../types';
import { codeActions } from './actions';
import { complete } from './complete';
import { crossFileRules } from './crossFile';
import { facts } from './facts';
import { hover } from './hover';
import { parse, XlDocument } from './parse';
import { folding, symbols } from './symbols';
import { validate } from './validate';

export type { XlDocument } from './parse';

/** Xen domain configs (xl.cfg(5), xm-era files) and /etc/xen/xl.conf. */
export const xlConfigService: LanguageService<XlDocument> = clampPositions({
  id: 'xl-config',
  parse: (text, ctx) => parse(text, ctx.path),
  validate,
  complete,
  hover,
  codeActions,
  symbols,
  folding,
  facts,
});

/** Xen domain configs (xl.cfg(5), xm-era files) and /etc/xen/xl.conf. */
export const xlConfigLanguage: LanguageDefinition<XlDocument> = {
  id: 'xl-config',
  patterns: { filenames: ['xl.conf'], filenamePatterns: ['**/xen/**/*.cfg', '**/xen/auto/*', 'xmexample*', 'xlexample*'], extensions: ['.xl'] },
  grammarScope: 'source.xl-config',
  service: xlConfigService,
  crossFileRules,
};
