import { matchesGlob } from '../common/glob';
import type { LanguageId } from './types';

/**
 * Where each kind of file lives. package.json's `contributes.languages` uses
 * exactly these (a test keeps them in step); the CLI uses them to pick files
 * when walking a folder. Domain configs are only claimed inside a `xen`
 * folder (or by their conventional example names), never every `*.cfg`.
 */
export const FILE_PATTERNS: Record<LanguageId, { filenames: string[]; filenamePatterns: string[]; extensions: string[] }> = {
  'xl-config': {
    filenames: ['xl.conf'],
    filenamePatterns: ['**/xen/**/*.cfg', '**/xen/auto/*', 'xmexample*', 'xlexample*'],
    extensions: ['.xl'],
  },
  'xend-sxp': {
    filenames: ['xend-config.sxp'],
    filenamePatterns: ['xend-config*.sxp'],
    extensions: ['.sxp'],
  },
  iftab: {
    filenames: ['iftab'],
    filenamePatterns: ['*.iftab'],
    extensions: [],
  },
  drbd: {
    filenames: ['drbd.conf', 'global_common.conf'],
    filenamePatterns: ['**/drbd.d/*.conf', '**/drbd.d/*.res'],
    extensions: ['.res'],
  },
  'cluster-conf': {
    filenames: ['cluster.conf'],
    filenamePatterns: [],
    extensions: [],
  },
};

/** The language of a file from its path, or undefined when it is none of ours. */
export function languageForPath(path: string): LanguageId | undefined {
  const normalized = path.replace(/\\/g, '/');
  const base = normalized.slice(normalized.lastIndexOf('/') + 1);
  for (const [id, patterns] of Object.entries(FILE_PATTERNS) as [LanguageId, (typeof FILE_PATTERNS)[LanguageId]][]) {
    if (patterns.filenames.includes(base)) return id;
  }
  for (const [id, patterns] of Object.entries(FILE_PATTERNS) as [LanguageId, (typeof FILE_PATTERNS)[LanguageId]][]) {
    if (patterns.extensions.some((ext) => base.endsWith(ext) && base.length > ext.length)) return id;
    if (patterns.filenamePatterns.some((pattern) => matchesGlob(normalized, pattern))) return id;
  }
  return undefined;
}
