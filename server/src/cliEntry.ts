/**
 * dist/cli.js: starts the command-line bundle (dist/cli-main.js, built from cli.ts) from V8's code
 * cache, dist/cli-main.js.cache, which scripts/bundle.mjs writes after a warm-up run over examples/.
 *
 * Why: V8 otherwise reads and compiles the 1.2 MB bundle on every run, about 20 ms of CPU that every
 * `cli.js check` in a pre-commit hook pays (docs/performance.md has the figures). The cache holds the
 * functions the warm-up compiled, so a check starts with them ready.
 *
 * V8 refuses a cache made by another V8 version or with other flags (`cachedDataRejected`); the
 * bundle is then compiled as usual, so a missing or refused cache costs time, never correctness.
 * bundle.mjs removes the cache before it rebuilds the bundle, so a cache never outlives its bundle.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** Set by scripts/bundle.mjs for the warm-up run: where to write the cache when the run ends. */
const CACHE_OUT_VARIABLE = 'XCC_CODE_CACHE_OUT';

const bundle = join(__dirname, 'cli-main.js');

function cachedCode(): Buffer | undefined {
  try {
    return readFileSync(`${bundle}.cache`);
  } catch {
    return undefined;
  }
}

// The same wrapper Node puts around a CommonJS module; the bundle only requires Node's own modules.
// latin1: the build escapes every non-ASCII character of the bundle, and an ASCII file reads the same, faster.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'latin1')}\n})`, {
  filename: bundle,
  cachedData: cachedCode(),
});
const cacheOut = process.env[CACHE_OUT_VARIABLE];
if (cacheOut) process.once('exit', () => writeFileSync(cacheOut, script.createCachedData()));
const module = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(bundle), module, bundle, __dirname);
