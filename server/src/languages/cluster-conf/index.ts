import { clampPositions } from '../../common/clamp';
import type { LanguageDefinition, LanguageService } from '../types';
import { codeActions } from './actions';
import { complete } from './complete';
import { crossFileRules } from './crossFile';
import { clusterConfManifest } from './manifest';
import { facts } from './facts';
import { format } from './format';
import { hover } from './hover';
import { ignoreComments } from './ignore';
import { definition, references, rename } from './navigation';
import { ClusterDoc, parse, syntaxErrors } from './parse';
import { folding, symbols } from './symbols';
import { validate } from './validate';

export type { ClusterDoc } from './parse';

/** Red Hat cluster 3 `/etc/cluster/cluster.conf` (cman, fenced, rgmanager). */
export const clusterConfService: LanguageService<ClusterDoc> = clampPositions({ id: 'cluster-conf', parse, syntaxErrors, validate, complete, hover, codeActions, symbols, folding, format, facts, ignoreComments, definition, references, rename });

/** Red Hat cluster 3 /etc/cluster/cluster.conf (cman, fenced, rgmanager). */
export const clusterConfLanguage: LanguageDefinition<ClusterDoc> = { ...clusterConfManifest, service: clusterConfService, crossFileRules };
