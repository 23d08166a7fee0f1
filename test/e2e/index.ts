/**
 * Entry point of the end-to-end suite, loaded by VS Code's extension host (the `run()` contract of
 * @vscode/test-electron, also honoured by code-server's workbench): runs every suite/*.e2e.js file
 * with mocha and rejects when a test fails, which makes the runner exit 1.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

const FIRST = 'extension.e2e.js';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    // Generous per-test bound: the first test also waits for the language server to start.
    timeout: 30_000,
    grep: process.env.XCC_E2E_GREP || undefined,
  });
  const suiteDir = path.join(__dirname, 'suite');
  // The extension-wide checks first: they see the window before any language file was opened.
  const files = readdirSync(suiteDir)
    .filter((file) => file.endsWith('.e2e.js'))
    .sort((a, b) => Number(b === FIRST) - Number(a === FIRST) || a.localeCompare(b));
  for (const file of files) mocha.addFile(path.join(suiteDir, file));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}
