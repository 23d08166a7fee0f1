/**
 * The list of languages. Everything that enumerates languages derives from it:
 * the server's routing, the CLI's language detection and folder walk, the
 * cross-file rules, the bench and the test tables. package.json's
 * `contributes` is held equal to it by test/grammar/manifest.test.ts.
 */
import { matchesGlob } from '../common/glob';
import { clusterConfLanguage } from './cluster-conf';
import { drbdLanguage } from './drbd';
import { iftabLanguage } from './iftab';
import type { CrossFileRule, LanguageDefinition, LanguageId, LanguageService, ParsedDocument } from './types';
import { xendSxpLanguage } from './xend-sxp';
import { xlConfigLanguage } from './xl-config';

export const LANGUAGES: readonly LanguageDefinition[] = [
  xlConfigLanguage as unknown as LanguageDefinition,
  xendSxpLanguage as unknown as LanguageDefinition,
  iftabLanguage as unknown as LanguageDefinition,
  drbdLanguage as unknown as LanguageDefinition,
  clusterConfLanguage as unknown as LanguageDefinition,
];

export const LANGUAGE_IDS: readonly LanguageId[] = LANGUAGES.map((language) => language.id);

/** Every language's cross-file rules, run for every file by the workspace. */
export const CROSS_FILE_RULES: readonly CrossFileRule[] = LANGUAGES.flatMap((language) => language.crossFileRules);

export function definitionOf(languageId: string): LanguageDefinition | undefined {
  return LANGUAGES.find((language) => language.id === languageId);
}

export function serviceFor(languageId: string): LanguageService<ParsedDocument> | undefined {
  return definitionOf(languageId)?.service;
}

/**
 * The language of a file from its path, or undefined when it is none of ours.
 * Exact file names win over extensions and globs. Domain configs are only
 * claimed inside a `xen` folder (or by their example names), never every `*.cfg`.
 */
export function languageForPath(path: string): LanguageId | undefined {
  const normalized = path.replace(/\\/g, '/');
  const base = normalized.slice(normalized.lastIndexOf('/') + 1);
  const byName = LANGUAGES.find((language) => language.patterns.filenames.includes(base));
  if (byName) return byName.id;
  return LANGUAGES.find(
    ({ patterns }) =>
      patterns.extensions.some((ext) => base.endsWith(ext) && base.length > ext.length) ||
      patterns.filenamePatterns.some((pattern) => matchesGlob(normalized, pattern)),
  )?.id;
}
