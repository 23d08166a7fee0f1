import type { LanguageManifest } from '../types';
import { codes } from './codes';

/**
 * What the registry knows of drbd before the language's code is loaded: the files it claims, its
 * grammar and its codes (languages/registry.ts loads index.ts on first use).
 */
export const drbdManifest: LanguageManifest = {
  id: 'drbd',
  patterns: { filenames: ['drbd.conf', 'global_common.conf'], filenamePatterns: ['**/drbd.d/*.conf', '**/drbd.d/*.res'], extensions: ['.res'] },
  grammarScope: 'source.drbd',
  codes,
};
