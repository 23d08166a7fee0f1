import type { LanguageManifest } from '../types';
import { codes } from './codes';

/**
 * What the registry knows of xl-config before the language's code is loaded: the files it claims, its
 * grammar and its codes (languages/registry.ts loads index.ts on first use).
 */
export const xlConfigManifest: LanguageManifest = {
  id: 'xl-config',
  // xl.conf only under a xen/ folder: other programs have files of that name (nginx's, for one).
  patterns: { filenames: [], filenamePatterns: ['**/xen/**/*.cfg', '**/xen/auto/*', '**/xen/xl.conf', 'xmexample*', 'xlexample*'], extensions: ['.xl'] },
  grammarScope: 'source.xl-config',
  codes,
};
