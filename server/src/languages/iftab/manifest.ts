import type { LanguageManifest } from '../types';
import { codes } from './codes';

/**
 * What the registry knows of iftab before the language's code is loaded: the files it claims, its
 * grammar and its codes (languages/registry.ts loads index.ts on first use).
 */
export const iftabManifest: LanguageManifest = {
  id: 'iftab',
  patterns: {filenames:  ['iftab'], filenamePatterns:  ['*.iftab'], extensions:  []},
  grammarScope: 'source.iftab',
  codes,
};
