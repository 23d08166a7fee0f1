/**
 * Every generated table is what `npm run gen` writes from data/upstream today: the generators run
 * into a temporary folder (--out) and each file they write must equal the committed one.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT } from '../../helpers/fixtures';

/** Every file below `dir`, as paths relative to it. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesBelow(path).map((file) => join(entry, file)) : [entry];
  });
}

describe('generated tables', () => {
  const out = mkdtempSync(join(tmpdir(), 'xcc-gen-'));
  after(() => rmSync(out, { recursive: true, force: true }));
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'gen.mjs'), '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
  const generated = run.status === 0 ? filesBelow(out).sort() : [];

  it('are written by npm run gen from the repository alone', () => {
    assert.equal(run.status, 0, `npm run gen failed:\n${run.stderr}`);
    assert.deepEqual(generated, [
      'server/src/languages/cluster-conf/schema/cluster-node.rng',
      'server/src/languages/cluster-conf/schema/cluster-rng.json',
      'server/src/languages/cluster-conf/schema/fence-agents.json',
      'server/src/languages/drbd/schema/options.generated.ts',
      'server/src/languages/xl-config/schema/facts.generated.ts',
    ]);
  });

  it('are each the same as the committed file', () => {
    const stale = generated.filter((file) => {
      const committed = join(REPO_ROOT, file);
      return !existsSync(committed) || readFileSync(committed, 'utf8') !== readFileSync(join(out, file), 'utf8');
    });
    assert.deepEqual(stale, [], `${stale.join(', ')} differ from what the generators write from data/upstream: run npm run gen`);
  });

  it('leave no *.generated.* file that no generator writes', () => {
    const all = filesBelow(join(REPO_ROOT, 'server', 'src')).map((file) => relative(REPO_ROOT, join(REPO_ROOT, 'server', 'src', file)));
    const orphans = all.filter((file) => /\.generated\.\w+$/.test(file) && !generated.includes(file));
    assert.deepEqual(orphans, [], `no generator writes ${orphans.join(', ')}: delete it or add its generator to scripts/gen.mjs`);
  });
});
