// `npm start`: the "try it now" demo. Serves VS Code in the browser (code-server, on 127.0.0.1 only)
// with this extension loaded from the fresh build and examples/ open, prints the URL, and runs
// until Ctrl-C. PORT=<n> picks the port (default: a free one).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCodeServer } from './codeServer.mjs';
import { ensureRunnerInstalled } from './install.mjs';
import { repoRoot } from './workspace.mjs';

const port = Number(process.env.PORT ?? 0);
const installDir = ensureRunnerInstalled();
const server = await startCodeServer({ installDir, port });
const stop = () => {
  server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.exited.then((status) => {
  console.error(`code-server stopped (${status})`);
  process.exit(1);
});

const { version } = JSON.parse(readFileSync(join(installDir, 'node_modules', 'code-server', 'package.json'), 'utf8'));
const url = server.workbenchUrl({ folder: join(repoRoot, 'examples'), extensionPath: repoRoot });
console.log(`
Xen & Cluster Config is running in VS Code (code-server ${version}) on examples/.
Open this URL in a browser on this machine (from elsewhere: ssh -L ${new URL(server.origin).port}:127.0.0.1:${new URL(server.origin).port} this-host):

  ${url}

Edits you make there change the files in examples/. Press Ctrl-C to stop.`);
