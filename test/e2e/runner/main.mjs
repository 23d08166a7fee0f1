// `npm run test:e2e` (after the build): runs the end-to-end suite with the runner this machine allows.
//  - code-server + Chromium (offline; here and in CI) on Linux, or wherever a Chromium is installed:
//    Debian's chromium (and what installing code-server needs) is installed when missing, as root;
//  - otherwise VS Code desktop downloaded by @vscode/test-electron.
// XCC_E2E_RUNNER=code-server|electron forces one. If the chosen runner cannot run, this exits 1
// and says why: an e2e run that did not happen is a failure, never a pass.
import { MissingTools } from '../../../scripts/ensure-tools.mjs';
import { findChromium } from './browser.mjs';

const forced = process.env.XCC_E2E_RUNNER;
if (forced && forced !== 'code-server' && forced !== 'electron') {
  console.error(`e2e: XCC_E2E_RUNNER must be "code-server" or "electron", not "${forced}"`);
  process.exit(2);
}
const runner = forced || (process.platform === 'linux' || findChromium() ? 'code-server' : 'electron');

try {
  let code;
  if (runner === 'code-server') {
    const { runSuiteInCodeServer } = await import('./run-suite.mjs');
    code = await runSuiteInCodeServer();
  } else {
    if (!forced) console.error('e2e: no Chromium found (install one for the offline runner); trying VS Code desktop via @vscode/test-electron');
    const { runSuiteInElectron } = await import('./run-electron.mjs');
    code = await runSuiteInElectron();
  }
  process.exit(code);
} catch (error) {
  if (error instanceof MissingTools) {
    console.error(`e2e: cannot run the end-to-end suite: ${error.message}. (Or XCC_E2E_RUNNER=electron: VS Code desktop, which needs a display.)`);
    process.exit(1);
  }
  console.error(`\ne2e: FAILED TO RUN the end-to-end suite with the ${runner} runner:\n${error.stack || error.message}\n`);
  console.error(
    'Either install the offline runner\'s tools (Debian, as root: apt-get install chromium ripgrep libkrb5-dev g++ make python3; the runner does it itself when it runs as root) ' +
      'or run where VS Code can be downloaded (XCC_E2E_RUNNER=electron, with a display or xvfb-run). See docs/testing-e2e.md.',
  );
  process.exit(1);
}
