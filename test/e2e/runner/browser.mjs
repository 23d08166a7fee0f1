// Launches the system's Chromium headless through playwright-core (no browser download).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/** Starts Chromium with a private profile; `close()` also removes the profile. */
export async function launchChromium({ installDir, viewport = { width: 1280, height: 800 } }) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium found (apt-get install chromium, or set XCC_E2E_CHROMIUM)');
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
