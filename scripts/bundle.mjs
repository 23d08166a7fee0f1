// Bundles the three entry points into dist/ with esbuild (type checking is tsc's job), and the server
// once more into the npm package packages/language-server/ (no source map: the package ships the code only).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, sourcemap: false, entryPoints: ['server/src/server.ts'], outfile: 'packages/language-server/dist/server.js' }),
]);
