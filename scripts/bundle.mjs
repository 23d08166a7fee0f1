// Bundles the three entry points into dist/ with esbuild (type checking is tsc's job), and the server
// once more into the npm package packages/language-server/ (no source map: the package ships the code only).
import { build } from 'esbuild';
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

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, sourcemap: false, entryPoints: ['server/src/server.ts'], outfile: 'packages/language-server/dist/server.js' }),
]);
