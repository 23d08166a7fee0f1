// `npm run test:e2e` (after the build): runs the end-to-end suite with the runner this machine allows.
//  - code-server + Chromium (offline; here and in CI) when a Chromium is installed;
//  - otherwise VS Code desktop downloaded by @vscode/test-electron.
// XCC_E2E_RUNNER=code-server|electron forces one. If the chosen runner cannot run, this exits 1
// and says why: an e2e run that did not happen is a failure, never a pass.
import { findChromium } from './browser.mjs';

const forced = process.env.XCC_E2E_RUNNER;
if (forced && forced !== 'code-server' && forced !== 'electron') {
  console.error(`e2e: XCC_E2E_RUNNER must be "code-server" or "electron", not "${forced}"`);
  process.exit(2);
}
const runner = forced || (findChromium() ? 'code-server' : 'electron');

try {
  let code;
  if (runner === 'code-server') {
    const { runSuiteInCodeServer } = await import('./run-suite.mjs');
    code = await runSuiteInCodeServer();
  } else {
    if (!forced) console.error('e2e: no Chromium found (apt-get install chromium for the offline runner); trying VS Code desktop via @vscode/test-electron');
    const { runSuiteInElectron } = await import('./run-electron.mjs');
    code = await runSuiteInElectron();
  }
  process.exit(code);
} catch (error) {
  console.error(`\ne2e: FAILED TO RUN the end-to-end suite with the ${runner} runner:\n${error.stack || error.message}\n`);
  console.error(
    'Either install the offline runner\'s tools (as root: bash scripts/install-test-tools.sh, which installs chromium, ripgrep, libkrb5-dev) ' +
      'or run where VS Code can be downloaded (XCC_E2E_RUNNER=electron, with a display or xvfb-run). See docs/testing-e2e.md.',
  );
  process.exit(1);
}
