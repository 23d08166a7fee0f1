// Paths shared by the offline runner's entry points, and the throw-away workspace the suite edits.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/e2e/runner/workspace.mjs). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The compiled suite entry point (the `run()` contract of @vscode/test-electron). */
export const suiteEntry = join(repoRoot, 'out', 'test', 'e2e', 'index.js');

/**
 * A temp copy of examples/: the suite writes broken variants and applies quick fixes there, and the
 * demo's edits land there, so the repository's examples are never touched. `dispose()` removes it.
 */
export function copyExamplesWorkspace(prefix = 'xcc-e2e-workspace-') {
  const parent = mkdtempSync(join(tmpdir(), prefix));
  const folder = join(parent, 'examples');
  cpSync(join(repoRoot, 'examples'), folder, { recursive: true });
  return { folder, dispose: () => rmSync(parent, { recursive: true, force: true }) };
}

/** True when the module at `moduleUrl` is the script node was started with. */
export function isMain(moduleUrl) {
  return Boolean(process.argv[1]) && resolve(process.argv[1]) === fileURLToPath(moduleUrl);
}

/** The suite's own settings (mocha grep) to pass to the extension host, when set. */
export function forwardedSuiteEnv() {
  const env = {};
  for (const name of ['XCC_E2E_GREP']) {
    if (process.env[name]) env[name] = process.env[name];
  }
  return env;
}
