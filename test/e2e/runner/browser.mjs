// Launches the system's Chromium headless through playwright-core (no browser download).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDebianPackages, MissingTools } from '../../../scripts/ensure-tools.mjs';
import { isolatedEnv } from './codeServer.mjs';

const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Path of a usable Chromium: $XCC_E2E_CHROMIUM, else the Debian/Ubuntu locations; undefined if none. */
export function findChromium() {
  if (process.env.XCC_E2E_CHROMIUM) return process.env.XCC_E2E_CHROMIUM;
  return CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
}

/**
 * The Chromium to drive: $XCC_E2E_CHROMIUM, else the system's, else Debian's chromium installed now
 * (as root with apt-get). Throws MissingTools saying what to install when there is none.
 */
export function ensureChromium() {
  ensured ??= chromiumOrInstall();
  return ensured;
}
let ensured;

function chromiumOrInstall() {
  const configured = process.env.XCC_E2E_CHROMIUM;
  if (configured) {
    if (!existsSync(configured)) throw new MissingTools(`XCC_E2E_CHROMIUM=${configured} does not exist`);
    return configured;
  }
  const problem = ensureDebianPackages('e2e', [{ name: 'chromium', present: () => Boolean(findChromium()) }]);
  if (problem) throw new MissingTools(`the offline runner drives a headless Chromium: ${problem}`);
  return findChromium();
}

/** Starts Chromium with a private profile; `close()` also removes the profile. */
export async function launchChromium({ installDir, viewport = { width: 1280, height: 800 } }) {
  const executablePath = ensureChromium();
  const require = createRequire(join(installDir, 'package.json'));
  const { chromium } = require('playwright-core');
  const home = mkdtempSync(join(tmpdir(), 'xcc-chromium-'));
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    env: isolatedEnv(home),
  });
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  return {
    context,
    async close() {
      await browser.close().catch(() => {});
      rmSync(home, { recursive: true, force: true });
    },
  };
}
