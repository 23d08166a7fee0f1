/**
 * dist/cli.js starts its bundle from the V8 code cache the build writes (server/src/cliEntry.ts):
 * the cache must be one this Node accepts, and a CLI without it, or with a cache V8 refuses, must
 * print exactly what it prints with it.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Script } from 'node:vm';
import { REPO_ROOT } from '../helpers/fixtures';

const DIST = join(REPO_ROOT, 'dist');
const EXAMPLES = join(REPO_ROOT, 'examples');

function check(dist: string) {
  const result = spawnSync(process.execPath, [join(dist, 'cli.js'), 'check', '--format', 'json', EXAMPLES], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of dist/'s CLI in a temporary folder, with `cache` as its code cache (none when undefined). */
function cliCopy(cache: Buffer | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'xcc-cli-'));
  copyFileSync(join(DIST, 'cli.js'), join(dir, 'cli.js'));
  copyFileSync(join(DIST, 'cli-main.js'), join(dir, 'cli-main.js'));
  if (cache) writeFileSync(join(dir, 'cli-main.js.cache'), cache);
  return dir;
}

describe('cli.js code cache', () => {
  it('is accepted by this Node for the bundle it was made from', () => {
    const bundle = join(DIST, 'cli-main.js');
    const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'latin1')}\n})`;
    const script = new Script(source, { filename: bundle, cachedData: readFileSync(`${bundle}.cache`) });
    assert.equal(script.cachedDataRejected, false);
  });

  it('reads a bundle that is pure ASCII, so that latin1 reads it as written', () => {
    const bytes = readFileSync(join(DIST, 'cli-main.js'));
    assert.equal(bytes.findIndex((byte) => byte > 0x7f), -1);
  });

  it('changes nothing a user sees: no cache, or a cache V8 refuses, prints the same', () => {
    const withCache = check(DIST);
    assert.equal(withCache.status, 0);
    assert.match(withCache.stdout, /"diagnostics"/);
    for (const cache of [undefined, Buffer.alloc(4096, 0x5a)]) {
      const dir = cliCopy(cache);
      try {
        assert.deepEqual(check(dir), withCache);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
