// `npm start`: the "try it now" demo. Builds the extension, serves VS Code in the browser
// (code-server, on 127.0.0.1 only) with the extension loaded from the fresh build and a temp copy of
// examples/ open, prints the URL, and runs until Ctrl-C. Each step says what it is doing. The copy
// is kept when the demo stops, so nothing edited there is lost; examples/ itself is never written.
// PORT=<n> picks the port (default: a free one).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCodeServer } from './codeServer.mjs';
import { ensureRunnerInstalled } from './install.mjs';
import { copyExamplesWorkspace, repoRoot } from './workspace.mjs';

const say = (line) => console.log(`npm start: ${line}`);
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

let started = Date.now();
say('building the extension (npm run build: import check, tsc -b, esbuild bundles; about 15 s)…');
const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: repoRoot, stdio: 'inherit' });
if (build.status !== 0) {
  console.error(`npm start: the build failed (exit ${build.status ?? build.signal}); its errors are above.`);
  process.exit(1);
}
say(`built in ${seconds(started)}.`);

const port = Number(process.env.PORT ?? 0);
const installDir = ensureRunnerInstalled();
const workspace = copyExamplesWorkspace('xcc-demo-');
say(`examples/ copied to ${workspace.folder}: the demo opens and edits that copy.`);

started = Date.now();
say('starting code-server (VS Code in the browser) on 127.0.0.1…');
const server = await startCodeServer({ installDir, port });
const stop = () => {
  server.stop();
  console.log(`\nStopped. The demo's copy of examples/, with any edits made there, is kept in ${workspace.folder}.`);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.exited.then((status) => {
  console.error(`code-server stopped (${status})`);
  process.exit(1);
});

const { version } = JSON.parse(readFileSync(join(installDir, 'node_modules', 'code-server', 'package.json'), 'utf8'));
const url = server.workbenchUrl({ folder: workspace.folder, extensionPath: repoRoot });
const serverPort = new URL(server.origin).port;
say(`code-server ${version} is up after ${seconds(started)}.`);
console.log(`
Xen & Cluster Config is running in VS Code (code-server ${version}) on a copy of examples/.
Open this URL in a browser on this machine (from elsewhere: ssh -L ${serverPort}:127.0.0.1:${serverPort} this-host):

  ${url}

Edits you make there change the copy in ${workspace.folder}, never examples/.
Press Ctrl-C to stop.`);
