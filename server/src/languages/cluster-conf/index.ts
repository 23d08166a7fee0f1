import type { LanguageDefinition, LanguageService } from '../types';
import { crossFileRules } from './crossFile';
import { codeActions } from './actions';
import { complete } from './complete';
import { facts } from './facts';
import { hover } from './hover';
import { ClusterDoc, parse } from './parse';
import { definition, references, rename } from './navigation';
import { folding, symbols } from './symbols';
import { validate } from './validate';


/** Red Hat cluster 3 `/etc/cluster/cluster.conf` (cman, fenced, rgmanager). */
export const clusterConfService: LanguageService<ClusterDoc> = {
  id: 'cluster-conf',
  parse: (text) => parse(text),
  validate: (doc) => validate(doc),
  complete: (doc, position) => complete(doc, position),
  hover: (doc, position) => hover(doc, position),
  codeActions: (doc, range, diagnostics, ctx) => codeActions(doc, range, diagnostics, ctx.uri),
  symbols: (doc) => symbols(doc),
  folding: (doc) => folding(doc),
  facts: (doc) => facts(doc),
  definition,
  references: (doc, position, ctx) => references(doc, position, ctx),
  rename,
};

/** Red Hat cluster 3 /etc/cluster/cluster.conf (cman, fenced, rgmanager). */
export const clusterConfLanguage: LanguageDefinition<ClusterDoc> = {
  id: 'cluster-conf',
  patterns: {filenames:  ['cluster.conf'], filenamePatterns:  [], extensions:  []},
  grammarScope: 'text.xml.cluster-conf',
  service: clusterConfService,
  crossFileRules,
};
