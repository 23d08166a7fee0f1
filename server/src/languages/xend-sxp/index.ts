import { clampPositions } from '../../common/clamp';
import type { LanguageDefinition, LanguageService } from '../types';
import { codeActions } from './actions';
import { complete } from './complete';
import { crossFileRules } from './crossFile';
import { xendSxpManifest } from './manifest';
import { facts } from './facts';
import { format } from './format';
import { hover } from './hover';
import { ignoreComments } from './ignore';
import { parse, syntaxErrors, XendDocument } from './parse';
import { folding, symbols } from './symbols';
import { validate } from './validate';

export type { XendDocument } from './parse';

export const xendSxpService: LanguageService<XendDocument> = clampPositions({ id: 'xend-sxp', parse, syntaxErrors, validate, complete, hover, codeActions, symbols, folding, format, facts, ignoreComments });

/** xend's /etc/xen/xend-config.sxp (Xen 3.x and 4.0 to 4.4). */
export const xendSxpLanguage: LanguageDefinition<XendDocument> = { ...xendSxpManifest, service: xendSxpService, crossFileRules };
