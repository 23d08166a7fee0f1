// Runs every compiled test file (out/test/**/*.test.js) with node's test runner.
// Usage: node scripts/run-tests.mjs [folder under test/ ...], e.g. `unit lsp`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const roots = process.argv.length > 2 ? process.argv.slice(2) : ['unit', 'grammar', 'property', 'lsp', 'cli', 'ssh'];
const files = [];
const visit = (dir) => {
  if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) visit(path);
    else if (entry.endsWith('.test.js')) files.push(path);
  }
};
for (const root of roots) visit(join('out', 'test', root));
if (files.length === 0) {
  console.error(`no test files found under out/test/{${roots.join(',')}}: run the build first`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
