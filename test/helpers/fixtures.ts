import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NO_FILES } from '../../server/src/common/files';
import { DEFAULT_SETTINGS, FileReader, LanguageId, ServiceContext, Settings } from '../../server/src/languages/types';
import { EMPTY_WORKSPACE, WorkspaceView } from '../../server/src/workspace/view';

/** The repository root (tests run from out/test/…). */
export const REPO_ROOT = resolve(__dirname, '../../..');
export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures');

/** The upstream inputs of the generated tables (data/upstream: facts/*.json, cluster.rng). */
export const UPSTREAM = join(REPO_ROOT, 'data', 'upstream');

/** One upstream facts file, parsed. */
export function upstreamFacts<T = any>(name: string): T {
  return JSON.parse(readFileSync(join(UPSTREAM, 'facts', name), 'utf8')) as T;
}

export function fixturePath(...parts: string[]): string {
  return join(FIXTURES, ...parts);
}

export function readFixture(...parts: string[]): string {
  return readFileSync(fixturePath(...parts), 'utf8');
}

/** All files below a fixture folder (recursively), sorted. */
export function fixtureFiles(...parts: string[]): string[] {
  const root = fixturePath(...parts);
  const found: string[] = [];
  const visit = (dir: string) => {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path);
      else found.push(path);
    }
  };
  visit(root);
  return found;
}

/** A service context for unit tests. */
export function testContext(path = '/etc/xen/test.cfg', overrides: { settings?: Partial<Settings>; workspace?: WorkspaceView; files?: FileReader } = {}): ServiceContext {
  return {
    uri: `file://${path}`,
    path,
    settings: { ...DEFAULT_SETTINGS, ...overrides.settings },
    workspace: overrides.workspace ?? EMPTY_WORKSPACE,
    files: overrides.files ?? NO_FILES,
  };
}

/** A typical file path for each language (so services that look at file names behave as in real use). */
export const SAMPLE_PATHS: Record<LanguageId, string> = {
  'xl-config': '/etc/xen/sample.cfg',
  'xend-sxp': '/etc/xen/xend-config.sxp',
  iftab: '/etc/iftab',
  drbd: '/etc/drbd.d/r0.res',
  'cluster-conf': '/etc/cluster/cluster.conf',
};
