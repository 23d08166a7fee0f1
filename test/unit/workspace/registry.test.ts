/**
 * The registry loads a language's code on first use (languages/registry.ts), and runs for each file
 * only its own language's cross-file rules. Both hold here: nothing loads until asked for, and no
 * language's rules say anything about another language's files.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { crossFileRulesOf, LANGUAGE_IDS, languageForPath, serviceFor } from '../../../server/src/languages/registry';
import type { LanguageId } from '../../../server/src/languages/types';
import { crossFileDiagnostics } from '../../../server/src/workspace/crossFile';
import { WorkspaceIndex } from '../../../server/src/workspace/index';
import { fixtureFiles, REPO_ROOT, testContext } from '../../helpers/fixtures';

const REGISTRY = join(REPO_ROOT, 'out', 'server', 'src', 'languages', 'registry.js');

/** The language folders whose index.ts a fresh process has loaded after `script` ran. */
function loadedAfter(script: string): string[] {
  const program = `const r = require(${JSON.stringify(REGISTRY)}); ${script};
    const loaded = Object.keys(require.cache).filter((p) => /languages[\\\\/][a-z-]+[\\\\/]index\\.js$/.test(p)).map((p) => p.split(/[\\\\/]/).at(-2));
    process.stdout.write(JSON.stringify(loaded.sort()));`;
  const result = spawnSync(process.execPath, ['-e', program], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as string[];
}

describe('languages load on first use', () => {
  it('loads none for the file patterns, ids and codes, and one for its service', () => {
    assert.deepEqual(loadedAfter("r.languageForPath('/etc/iftab'); r.LANGUAGES.map((l) => l.codes.length + l.grammarScope)"), []);
    assert.deepEqual(loadedAfter("r.serviceFor('iftab')"), ['iftab']);
    assert.deepEqual(loadedAfter("r.crossFileRulesOf('drbd')"), ['drbd']);
    // xl-config offers "Generate iftab for this guest": loading it loads iftab too.
    assert.deepEqual(loadedAfter("r.serviceFor('xl-config')"), ['iftab', 'xl-config']);
  });
});

describe("a file's cross-file rules are its own language's", () => {
  /** Every fixture and example a language claims or keeps, with its facts, in one workspace. */
  const files: { uri: string; languageId: LanguageId; text: string }[] = [];
  for (const languageId of LANGUAGE_IDS) {
    for (const path of fixtureFiles(languageId).filter((p) => !/\.(md|json)$/.test(p))) files.push({ uri: `file:///ws/${languageId}/${relative(join(REPO_ROOT, 'test', 'fixtures', languageId), path)}`, languageId, text: readFileSync(path, 'latin1') });
  }
  for (const path of fixtureFiles('..', '..', 'examples')) {
    const languageId = languageForPath(path);
    if (languageId) files.push({ uri: `file:///ws/examples/${relative(join(REPO_ROOT, 'examples'), path)}`, languageId, text: readFileSync(path, 'utf8') });
  }
  const index = new WorkspaceIndex('/ws');
  for (const file of files) {
    const service = serviceFor(file.languageId)!;
    const ctx = testContext(file.uri.slice('file://'.length));
    try {
      index.update(file.uri, service.facts(service.parse(file.text, ctx), ctx), false);
    } catch {
      // A fixture our parser rejects has no facts; it is no subject here.
    }
  }

  it('every other language\'s rules find nothing in each file (so running them for it would add nothing)', () => {
    let subjects = 0;
    for (const file of files) {
      const facts = index.factsOf(file.uri);
      if (!facts) continue;
      subjects++;
      for (const other of LANGUAGE_IDS.filter((id) => id !== file.languageId)) {
        assert.deepEqual(crossFileDiagnostics(file.uri, facts, index.model(), crossFileRulesOf(other), { root: '/ws' }), [], `${other}'s rules on ${file.uri}`);
      }
    }
    assert.ok(subjects >= 100, `only ${subjects} files with facts`);
  });

  it('while the own rules do find something in this workspace (the check above is not vacuous)', () => {
    const found = files.filter((file) => index.factsOf(file.uri) && crossFileDiagnostics(file.uri, index.factsOf(file.uri)!, index.model(), crossFileRulesOf(file.languageId), { root: '/ws' }).length > 0);
    assert.ok(new Set(found.map((f) => f.languageId)).size >= 3, `cross-file findings only in ${[...new Set(found.map((f) => f.languageId))].join(', ')}`);
  });
});
