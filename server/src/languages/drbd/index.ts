import { clampPositions } from '../../common/clamp';
import type { LanguageDefinition, LanguageService } from '../types';
import { codeActions } from './actions';
import { complete } from './complete';
import { crossFileRules } from './crossFile';
import { drbdManifest } from './manifest';
import { facts } from './facts';
import { format } from './format';
import { hover } from './hover';
import { ignoreComments } from './ignore';
import { definition } from './navigation';
import { DrbdDocument, parse, syntaxErrors } from './parse';
import { folding, symbols } from './symbols';
import { validate } from './validate';

export type { DrbdDocument } from './parse';

export const drbdService: LanguageService<DrbdDocument> = clampPositions({ id: 'drbd', parse, syntaxErrors, validate, complete, hover, codeActions, symbols, folding, format, facts, ignoreComments, definition });

/** DRBD 8.3, 8.4 and 9 configuration: drbd.conf, drbd.d/*.res, global_common.conf. */
export const drbdLanguage: LanguageDefinition<DrbdDocument> = { ...drbdManifest, service: drbdService, crossFileRules };
