/**
 * The list of languages. Everything that enumerates languages derives from it:
 * the server's routing, the CLI's language detection and folder walk, the
 * cross-file rules, the bench and the test tables. package.json's
 * `contributes` is held equal to it by test/grammar/manifest.test.ts.
 */
import { matchesGlob } from '../common/glob';
import { clusterConfManifest } from './cluster-conf/manifest';
import { drbdManifest } from './drbd/manifest';
import { iftabManifest } from './iftab/manifest';
import type { CrossFileRule, LanguageDefinition, LanguageId, LanguageManifest, LanguageService, ParsedDocument } from './types';
import { xendSxpManifest } from './xend-sxp/manifest';
import { xlConfigManifest } from './xl-config/manifest';

/**
 * A language whose manifest is at hand at once and whose code (its index.ts: the service, the
 * schema tables, the cross-file rules) is loaded the first time something asks for it. A
 * `cli.js check` of one iftab file then never builds the cluster.conf fence agent tables or the
 * xl key tables: callgrind counted 689 M instructions for such a check with every language
 * loaded at start-up, 573 M with iftab alone, against 510 M for `node -e 0`.
 */
function loadedOnFirstUse(manifest: LanguageManifest, load: () => LanguageDefinition): LanguageDefinition {
  let definition: LanguageDefinition | undefined;
  const loaded = () => (definition ??= load());
  return {
    ...manifest,
    get service() {
      return loaded().service;
    },
    get crossFileRules() {
      return loaded().crossFileRules;
    },
  };
}

// `require` rather than `import`: an import is evaluated when this module is, which is what this avoids;
// esbuild bundles a required module as one that initialises on its first require.
export const LANGUAGES: readonly LanguageDefinition[] = [
  loadedOnFirstUse(xlConfigManifest, () => (require('./xl-config') as typeof import('./xl-config')).xlConfigLanguage as unknown as LanguageDefinition),
  loadedOnFirstUse(xendSxpManifest, () => (require('./xend-sxp') as typeof import('./xend-sxp')).xendSxpLanguage as unknown as LanguageDefinition),
  loadedOnFirstUse(iftabManifest, () => (require('./iftab') as typeof import('./iftab')).iftabLanguage as unknown as LanguageDefinition),
  loadedOnFirstUse(drbdManifest, () => (require('./drbd') as typeof import('./drbd')).drbdLanguage as unknown as LanguageDefinition),
  loadedOnFirstUse(clusterConfManifest, () => (require('./cluster-conf') as typeof import('./cluster-conf')).clusterConfLanguage as unknown as LanguageDefinition),
];

export const LANGUAGE_IDS: readonly LanguageId[] = LANGUAGES.map((language) => language.id);

/** The cross-file rules that run for a file of `languageId`: its own language's (each rule's facts are its language's). */
export function crossFileRulesOf(languageId: string): readonly CrossFileRule[] {
  return definitionOf(languageId)?.crossFileRules ?? [];
}

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
