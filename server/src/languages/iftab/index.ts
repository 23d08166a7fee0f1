import { clampPositions } from '../../common/clamp';
import type { LanguageDefinition, LanguageService } from '../types';
import { codeActions } from './actions';
import { complete } from './complete';
import { crossFileRules } from './crossFile';
import { iftabManifest } from './manifest';
import { facts } from './facts';
import { format } from './format';
import { hover } from './hover';
import { ignoreComments } from './ignore';
import { IftabDocument, parse, syntaxErrors } from './parse';
import { folding, symbols } from './symbols';
import { validate } from './validate';

/** "Generate iftab for this guest", offered on a domain config by the xl-config service. */
export { generateIftab, generateIftabAction } from './generate';
export type { IftabDocument } from './parse';

export const iftabService: LanguageService<IftabDocument> = clampPositions({ id: 'iftab', parse, syntaxErrors, validate, complete, hover, codeActions, symbols, folding, format, facts, ignoreComments });

/** ifrename's /etc/iftab. */
export const iftabLanguage: LanguageDefinition<IftabDocument> = { ...iftabManifest, service: iftabService, crossFileRules };
