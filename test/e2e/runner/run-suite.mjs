// The offline e2e runner: the compiled suite (out/test/e2e/index.js) runs inside the Node extension
// host of a real VS Code (code-server 4.100.3 = VS Code 1.100), whose workbench is loaded in headless
// Chromium. The workbench reports the suite's result through window.codeAutomationExit(code) and the
// extension host's console through window.codeAutomationLog(type, args), both exposed here.
// Usage: node test/e2e/runner/run-suite.mjs   (compile first; `npm run test:e2e` does both)
// Env: XCC_E2E_GREP=<mocha grep>, XCC_E2E_VERBOSE=1 (code-server and browser logs).
import { existsSync } from 'node:fs';
import { format } from 'node:util';
import { ensureChromium, launchChromium } from './browser.mjs';
import { startCodeServer } from './codeServer.mjs';
import { ensureRunnerInstalled } from './install.mjs';
import { copyExamplesWorkspace, forwardedSuiteEnv, isMain, repoRoot, suiteEntry } from './workspace.mjs';

const SUITE_TIMEOUT_MS = 240_000;
const verbose = process.env.XCC_E2E_VERBOSE === '1';

/** Runs the e2e suite against the extension loaded from source; resolves with the exit code. */
export function runSuiteInCodeServer() {
  if (!existsSync(suiteEntry)) throw new Error(`${suiteEntry} is missing: compile first (npm run build)`);
  return runTestsInCodeServer({ extensionPath: repoRoot, testsPath: suiteEntry });
}

/**
 * Opens a copy of examples/ in code-server with the extension at `extensionPath` loaded for
 * development and runs the tests at `testsPath` in its extension host. `installVsix` is installed
 * into the private profile first. Resolves with the tests' exit code (0 pass).
 */
export async function runTestsInCodeServer({ extensionPath, testsPath, installVsix }) {
  ensureChromium(); // before the minute-long runner install, so a missing browser is said at once
  const installDir = ensureRunnerInstalled();
  const workspace = copyExamplesWorkspace();
  const started = Date.now();
  let server;
  let browser;
  try {
    server = await startCodeServer({
      installDir,
      installVsix,
      extraEnv: { ...forwardedSuiteEnv(), XCC_E2E_RUNNER: 'code-server' },
      log: verbose ? (line) => console.error(`[code-server] ${line}`) : undefined,
    });
    browser = await launchChromium({ installDir });
    const page = await browser.context.newPage();
    const exitCode = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code))));
    await page.exposeFunction('codeAutomationLog', (type, args) => printExtensionHostLog(type, args));
    if (verbose) page.on('console', (message) => console.error(`[browser] ${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => console.error(`[browser] page error: ${error.message}`));

    const url = server.workbenchUrl({ folder: workspace.folder, extensionPath, testsPath });
    console.error(`e2e: VS Code (code-server) at ${server.origin}, workspace ${workspace.folder}`);
    await page.goto(url);
    const code = await withTimeout(exitCode, SUITE_TIMEOUT_MS, 'the tests did not report a result');
    console.error(`e2e: tests finished with exit code ${code} in ${((Date.now() - started) / 1000).toFixed(1)} s (code-server + Chromium)`);
    return code;
  } finally {
    await browser?.close();
    server?.stop();
    workspace.dispose();
  }
}

/** Prints what the extension host logged (mocha's reporter among it) on this process's stdout. */
function printExtensionHostLog(type, args) {
  // The arguments of a console call in the extension host: mocha's reporter uses printf formats.
  const text = format(...(Array.isArray(args) ? args : [args]));
  if (type === 'error' || type === 'warn') process.stderr.write(`${text}\n`);
  else process.stdout.write(`${text}\n`);
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

if (isMain(import.meta.url)) {
  runSuiteInCodeServer().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`e2e: ${error.stack || error.message}`);
      process.exit(1);
    },
  );
}
