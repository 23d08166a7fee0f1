import { clampPositions } from '../../common/clamp';
import type { LanguageDefinition, LanguageService } from '../types';
import { codeActions } from './actions';
import { complete } from './complete';
import { crossFileRules } from './crossFile';
import { xlConfigManifest } from './manifest';
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
export const xlConfigLanguage: LanguageDefinition<XlDocument> = { ...xlConfigManifest, service: xlConfigService, crossFileRules };
