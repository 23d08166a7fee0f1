import type { LanguageManifest } from '../types';
import { codes } from './codes';

/**
 * What the registry knows of cluster-conf before the language's code is loaded: the files it claims, its
 * grammar and its codes (languages/registry.ts loads index.ts on first use).
 */
export const clusterConfManifest: LanguageManifest = {
  id: 'cluster-conf',
  patterns: { filenames: ['cluster.conf'], filenamePatterns: [], extensions: [] },
  grammarScope: 'text.xml.cluster-conf',
  codes,
};
