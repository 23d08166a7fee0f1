import { clampPositions } from '../../common/clamp';
import type { LanguageDefinition, LanguageService } from '../types';
import { codeActions } from './actions';
import { codes } from './codes';
import { complete } from './complete';
import { crossFileRules } from './crossFile';
import { facts } from './facts';
import { format } from './format';
import { hover } from './hover';
import { ignoreComments } from './ignore';
import { parse, syntaxErrors, XlDocument } from './parse';
import { folding, symbols } from './symbols';
import { validate } from './validate';

export type { XlDocument } from './parse';

/** Xen domain configs (xl.cfg(5), xm-era files) and /etc/xen/xl.conf. */
export const xlConfigService: LanguageService<XlDocument> = clampPositions({ id: 'xl-config', parse: (text, ctx) => parse(text, ctx.path), syntaxErrors: (text, ctx) => syntaxErrors(text, ctx.path), validate, complete, hover, codeActions, symbols, folding, format, facts, ignoreComments });

/** Xen domain configs (xl.cfg(5), xm-era files) and /etc/xen/xl.conf. */
export const xlConfigLanguage: LanguageDefinition<XlDocument> = {
  id: 'xl-config',
  // xl.conf only under a xen/ folder: other programs have files of that name (nginx's, for one).
  patterns: { filenames: [], filenamePatterns: ['**/xen/**/*.cfg', '**/xen/auto/*', '**/xen/xl.conf', 'xmexample*', 'xlexample*'], extensions: ['.xl'] },
  grammarScope: 'source.xl-config',
  service: xlConfigService,
  crossFileRules,
  codes,
};
