import type { LanguageManifest } from '../types';
import { codes } from './codes';

/**
 * What the registry knows of xend-sxp before the language's code is loaded: the files it claims, its
 * grammar and its codes (languages/registry.ts loads index.ts on first use).
 */
export const xendSxpManifest: LanguageManifest = {
  id: 'xend-sxp',
  patterns: {filenames:  ['xend-config.sxp'], filenamePatterns:  ['xend-config*.sxp'], extensions:  ['.sxp']},
  grammarScope: 'source.xend-sxp',
  codes,
};
