// Installs dist/xen-cluster-config.vsix into a private code-server with `--install-extension`, as a
// user would, and checks that the installed copy activates on an example and its server answers
// (test/e2e/vsix-probe). Usage: npm run package && node test/e2e/runner/check-vsix.mjs
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MissingTools } from '../../../scripts/ensure-tools.mjs';
import { runTestsInCodeServer } from './run-suite.mjs';
import { repoRoot } from './workspace.mjs';

const vsix = join(repoRoot, 'dist', 'xen-cluster-config.vsix');
if (!existsSync(vsix)) {
  console.error(`${vsix} is missing: run npm run package first`);
  process.exit(1);
}
console.error(`vsix: ${vsix} (${(statSync(vsix).size / 1024).toFixed(0)} KB)`);
const probe = join(repoRoot, 'test', 'e2e', 'vsix-probe');
try {
  process.exit(await runTestsInCodeServer({ extensionPath: probe, testsPath: join(probe, 'index.js'), installVsix: vsix }));
} catch (error) {
  console.error(`vsix: ${error instanceof MissingTools ? error.message : error.stack || error.message}`);
  process.exit(1);
}
