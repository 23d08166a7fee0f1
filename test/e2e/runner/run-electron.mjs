// The desktop e2e runner: @vscode/test-electron downloads VS Code (pinned to the release code-server
// 4.100.3 is built from, so both runners test the same VS Code) and runs the same suite in it.
// Needs network access to update.code.visualstudio.com and, on Linux without a display, xvfb-run.
import { runTests } from '@vscode/test-electron';
import { copyExamplesWorkspace, forwardedSuiteEnv, isMain, repoRoot, suiteEntry } from './workspace.mjs';

export const VSCODE_VERSION = '1.100.3';

export async function runSuiteInElectron() {
  const workspace = copyExamplesWorkspace();
  try {
    return await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: suiteEntry,
      launchArgs: [workspace.folder, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { ...forwardedSuiteEnv(), XCC_E2E_RUNNER: 'electron' },
    });
  } finally {
    workspace.dispose();
  }
}

if (isMain(import.meta.url)) {
  runSuiteInElectron().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`e2e (VS Code desktop): ${error.stack || error.message}`);
      process.exit(1);
    },
  );
}
