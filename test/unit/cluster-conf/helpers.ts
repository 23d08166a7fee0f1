/** The cluster-conf tester and the files its tests start from. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clusterConfLanguage } from '../../../server/src/languages/cluster-conf';
import { readFixture, REPO_ROOT } from '../../helpers/fixtures';
import { languageTester } from '../../helpers/languageTester';

export const tester = languageTester(clusterConfLanguage, '/etc/cluster/cluster.conf');

/** The repository's clean two-node example, examples/etc/cluster/cluster.conf. */
export const EXAMPLE = readFileSync(join(REPO_ROOT, 'examples/etc/cluster/cluster.conf'), 'utf8');

/** A broken variant of the example, test/fixtures/cluster-conf/broken/<name>.conf. */
export function broken(name: string): string {
  return readFixture('cluster-conf', 'broken', `${name}.conf`);
}
