/**
 * What the client takes from the extension's own package.json: the languages it registers
 * (`contributes.languages`, which test/unit/common/manifest.test.ts holds equal to the server's
 * language definitions). No vscode import, so the tests can call these.
 */

/** A `contributes.languages` entry, as far as the client reads it. */
export interface ManifestLanguage {
  id: string;
  filenames?: string[];
  filenamePatterns?: string[];
  extensions?: string[];
}

/** The languages of a parsed package.json. */
export function manifestLanguages(packageJSON: { contributes?: { languages?: ManifestLanguage[] } }): ManifestLanguage[] {
  return packageJSON.contributes?.languages ?? [];
}

/** One glob per name, extension and pattern, anywhere in the workspace: the files the server indexes. */
export function watchedGlobs(languages: readonly ManifestLanguage[]): string[] {
  const globs = languages.flatMap((language) => [
    ...(language.filenames ?? []),
    ...(language.extensions ?? []).map((extension) => `*${extension}`),
    ...(language.filenamePatterns ?? []),
  ]);
  // A pattern without a folder matches the base name, as VS Code reads filenamePatterns.
  return [...new Set(globs.map((glob) => (glob.startsWith('**/') ? glob : `**/${glob}`)))];
}
