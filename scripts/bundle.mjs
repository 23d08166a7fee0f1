// Bundles the three entry points into dist/ with esbuild (type checking is tsc's job), and the server
// once more into the npm package packages/language-server/ (no source map: the package ships the code only).
// The CLI is two files: dist/cli-main.js (the bundle of cli.ts) and dist/cli.js (cliEntry.ts), which
// starts it from V8's code cache; the cache is written last, by a warm-up run over examples/.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/**
 * A JSON import (the cluster.conf schema and fence agents, 400 KB) becomes `JSON.parse('…')` rather than
 * an object literal: V8 reads JSON several times faster than it compiles the same literal, and every
 * `cli.js check` pays for it at start-up (bench/native.ts).
 */
const jsonAsParse = {
  name: 'json-as-parse',
  setup(build) {
    build.onLoad({ filter: /\.json$/ }, async (args) => {
      const minified = JSON.stringify(JSON.parse(await readFile(args.path, 'utf8')));
      return { contents: `module.exports = JSON.parse(${JSON.stringify(minified)});`, loader: 'js' };
    });
  },
};

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning', plugins: [jsonAsParse] };

const CODE_CACHE = 'dist/cli-main.js.cache';
// A cache must never outlive its bundle: V8 checks a cache's source only by length.
rmSync(CODE_CACHE, { force: true });

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli-main.js' }),
  build({ ...common, sourcemap: false, entryPoints: ['server/src/cliEntry.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, sourcemap: false, entryPoints: ['server/src/server.ts'], outfile: 'packages/language-server/dist/server.js' }),
]);

// cliEntry.ts reads the bundle as latin1, several times faster than decoding UTF-8 (3.6 ms → 0.5 ms for
// 1.3 MB here), which reads an ASCII file the same. esbuild escapes non-ASCII in strings, but keeps it in
// comments: escape those characters too (`\uXXXX` means the same character in a string, a regular
// expression or a name, and is only text in a comment).
const cliBundle = 'dist/cli-main.js';
writeFileSync(cliBundle, readFileSync(cliBundle, 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

// The warm-up: every language's checks run once, so the cache holds the functions a check compiles.
const warmUp = spawnSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', 'examples'], {
  env: { ...process.env, XCC_CODE_CACHE_OUT: `${CODE_CACHE}.tmp` },
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (warmUp.status !== 0 || !statSync(`${CODE_CACHE}.tmp`, { throwIfNoEntry: false })) {
  console.error(`bundle: the code cache's warm-up run failed (exit ${warmUp.status}); dist/cli.js will compile its bundle on every run`);
  process.exitCode = 1;
} else renameSync(`${CODE_CACHE}.tmp`, CODE_CACHE);
