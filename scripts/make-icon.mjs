// Renders media/icon.svg to the 128x128 media/icon.png the manifest names, with the e2e runner's
// headless Chromium (installed on demand, see test/e2e/runner/install.mjs).
// Usage: node scripts/make-icon.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/runner/browser.mjs';
import { ensureRunnerInstalled } from '../test/e2e/runner/install.mjs';
import { repoRoot } from '../test/e2e/runner/workspace.mjs';

const svg = readFileSync(join(repoRoot, 'media', 'icon.svg'), 'utf8');
const browser = await launchChromium({ installDir: ensureRunnerInstalled(), viewport: { width: 128, height: 128 } });
try {
  const page = await browser.context.newPage();
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(repoRoot, 'media', 'icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.log('wrote media/icon.png');
