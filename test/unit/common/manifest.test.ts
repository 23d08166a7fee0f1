/** The manifest and the CLI pick files by the same patterns (each language's definition). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { LANGUAGES, languageForPath } from '../../../server/src/languages/registry';
import { REPO_ROOT } from '../../helpers/fixtures';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));

describe('package.json languages', () => {
  for (const { id, patterns } of LANGUAGES) {
    it(`registers ${id} with the same file patterns as the CLI`, () => {
      const language = manifest.contributes.languages.find((l: { id: string }) => l.id === id);
      assert.ok(language, `${id} is not registered`);
      assert.deepEqual(language.filenames ?? [], patterns.filenames);
      assert.deepEqual(language.filenamePatterns ?? [], patterns.filenamePatterns);
      assert.deepEqual(language.extensions ?? [], patterns.extensions);
    });
  }

  it('picks each language from where its files really live', () => {
    const cases: [string, string | undefined][] = [
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
    for (const [path, expected] of cases) assert.equal(languageForPath(path), expected, path);
  });
});
