// `npm run gen`: regenerates every generated table from data/upstream. Arguments go to each
// generator (--in DIR, --out DIR: see scripts/gen/options.mjs).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One generator per language that has generated tables (scripts/gen/<language>.mjs). */
const GENERATORS = ['xl-config', 'drbd', 'cluster-conf'];

const here = dirname(fileURLToPath(import.meta.url));
for (const name of GENERATORS) {
  const result = spawnSync(process.execPath, [join(here, 'gen', `${name}.mjs`), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
