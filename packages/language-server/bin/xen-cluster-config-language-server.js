#!/usr/bin/env node
// Starts the language server on the transport the LSP client names: --stdio (what editors use),
// --node-ipc, --socket=PORT or --pipe=NAME. dist/server.js is the bundled server with everything it
// needs inside, so the package has no dependencies.
'use strict';
const args = process.argv.slice(2);
const USAGE = `usage: xen-cluster-config-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME | --version
The language server for Xen domain configs (xl/xm), xend-config.sxp, iftab, DRBD and cluster.conf.
Your editor's LSP client starts it; the package README has the Neovim, Helix and Emacs configuration.`;

if (args.includes('--version')) {
  console.log(require('../package.json').version);
} else if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
} else if (!args.some((arg) => /^--(stdio|node-ipc|socket|pipe)(=|$)/.test(arg))) {
  console.error(`${USAGE}\n\nNo transport given: add --stdio.`);
  process.exitCode = 2;
} else {
  require('../dist/server.js');
}
