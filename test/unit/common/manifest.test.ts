/**
 * package.json's `contributes` agrees with the language definitions (server/src/languages/registry.ts
 * LANGUAGES): the languages and their file patterns (which the client's document selector and file
 * watcher are built from at run time), the grammars and the editor defaults per language. The CLI
 * picks files by the same patterns.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { manifestLanguages, watchedGlobs } from '../../../client/src/manifest';
import { matchesGlob } from '../../../server/src/common/glob';
import { LANGUAGES, languageForPath } from '../../../server/src/languages/registry';
import { REPO_ROOT } from '../../helpers/fixtures';
import { GRAMMAR_SCOPES, grammarPath } from '../../helpers/tokenize';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const contributed = manifest.contributes as {
  languages: { id: string; filenames?: string[]; filenamePatterns?: string[]; extensions?: string[]; configuration?: string }[];
  grammars: { language: string; scopeName: string; path: string }[];
  snippets?: unknown;
  configurationDefaults: Record<string, Record<string, unknown>>;
};
const ids = LANGUAGES.map((language) => language.id);

/** Where the files of each language really live, and files that are none of ours. */
const PATHS: [string, string | undefined][] = [
  ['/etc/xen/web1.cfg', 'xl-config'],
  ['/etc/xen/auto/web1', 'xl-config'],
  ['/etc/xen/xl.conf', 'xl-config'],
  ['/srv/repo/xen/xl.conf', 'xl-config'],
  ['/etc/nginx/xl.conf', undefined],
  ['/home/me/xl.conf', undefined],
  ['/etc/xen/xend-config.sxp', 'xend-sxp'],
  ['/etc/iftab', 'iftab'],
  ['/etc/drbd.conf', 'drbd'],
  ['/etc/drbd.d/global_common.conf', 'drbd'],
  ['/etc/drbd.d/r0.res', 'drbd'],
  ['/srv/repo/r0.res', 'drbd'],
  ['/etc/cluster/cluster.conf', 'cluster-conf'],
  ['/home/me/app/settings.cfg', undefined],
  ['/etc/ssh/sshd_config', undefined],
  ['/etc/resolv.conf', undefined],
];

describe('package.json languages', () => {
  it('registers exactly the defined languages, in the same order', () => {
    assert.deepEqual(contributed.languages.map((l) => l.id), ids);
  });

  for (const { id, patterns } of LANGUAGES) {
    it(`registers ${id} with the same file patterns as the CLI`, () => {
      const language = contributed.languages.find((l) => l.id === id);
      assert.ok(language, `${id} is not registered`);
      assert.deepEqual(language.filenames ?? [], patterns.filenames);
      assert.deepEqual(language.filenamePatterns ?? [], patterns.filenamePatterns);
      assert.deepEqual(language.extensions ?? [], patterns.extensions);
      assert.ok(language.configuration && existsSync(join(REPO_ROOT, language.configuration)), `${id}: no language configuration file ${language.configuration}`);
    });
  }

  it('picks each language from where its files really live', () => {
    for (const [path, expected] of PATHS) assert.equal(languageForPath(path), expected, path);
  });

  it('gives the client a document selector of every language and a watcher of exactly their files', () => {
    const languages = manifestLanguages(manifest);
    assert.deepEqual(languages.map((l) => l.id), ids);
    const globs = watchedGlobs(languages);
    for (const [path, expected] of PATHS) {
      assert.equal(globs.some((glob) => matchesGlob(path, glob)), expected !== undefined, `${path}: watched is not the same as indexed (${globs.join(', ')})`);
    }
  });
});

describe('package.json grammars', () => {
  it('registers one grammar per language', () => {
    assert.deepEqual(contributed.grammars.map((g) => g.language), ids);
  });

  for (const { id, grammarScope } of LANGUAGES) {
    it(`registers ${id}'s grammar under the definition's scope, in a file that declares it`, () => {
      const entry = contributed.grammars.find((g) => g.language === id);
      assert.ok(entry, `${id}: no grammar registered`);
      assert.equal(entry.scopeName, grammarScope, `${id}: package.json's scopeName is not the definition's grammarScope`);
      const file = join(REPO_ROOT, entry.path);
      assert.ok(existsSync(file), `${id}: ${entry.path} does not exist`);
      assert.equal(file, grammarPath(id), `${id}: package.json points elsewhere than the grammar tests read`);
      assert.equal(JSON.parse(readFileSync(file, 'utf8')).scopeName, grammarScope, `${id}: the grammar declares another scopeName`);
      assert.equal(GRAMMAR_SCOPES[id], grammarScope, `${id}: the grammar tests load a different scope`);
    });
  }
});

describe('package.json editor defaults', () => {
  it('turns VS Code\'s word-based suggestions off for every language (the server\'s items are the whole list)', () => {
    const perLanguage = Object.fromEntries(ids.map((id) => [`[${id}]`, contributed.configurationDefaults[`[${id}]`]?.['editor.wordBasedSuggestions']]));
    assert.deepEqual(perLanguage, Object.fromEntries(ids.map((id) => [`[${id}]`, 'off'])));
  });

  it('contributes no static snippets: the server offers them where they fit', () => {
    assert.equal(contributed.snippets, undefined);
  });
});
