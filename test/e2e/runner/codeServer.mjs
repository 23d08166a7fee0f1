// Starts a private code-server (VS Code 1.100 in the browser) on 127.0.0.1 and builds the URLs that
// open a folder with this extension loaded from source, optionally running the e2e suite.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const START_TIMEOUT_MS = 60_000;

/** User settings for a quiet, deterministic workbench (no tours, no update or telemetry traffic). */
const USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.colorTheme': 'Default Dark Modern',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'chat.disableAIFeatures': true,
  'window.restoreWindows': 'none',
};

/**
 * Starts code-server in its own process group with every state directory (HOME, XDG_*, user data,
 * extensions) in a fresh temp dir. Resolves once it listens; `stop()` kills the whole group (its
 * file watchers and extension hosts are grandchildren that would otherwise linger).
 */
export async function startCodeServer({ installDir, port = 0, userSettings = {}, extraEnv = {}, installVsix, log = () => {} }) {
  const home = mkdtempSync(join(tmpdir(), 'xcc-code-server-'));
  const dirs = {
    home,
    userData: join(home, 'user-data'),
    extensions: join(home, 'extensions'),
    config: join(home, 'config.yaml'),
  };
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...userSettings }, null, 2));
  writeFileSync(dirs.config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);

  const bin = join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const profile = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  if (installVsix) installExtension(bin, profile, installVsix, home);
  const args = [
    bin,
    '--config', dirs.config,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    ...profile,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--disable-proxy',
    '--ignore-last-opened',
  ];
  const child = spawn(process.execPath, args, {
    detached: true, // own process group, so stop() reaches every descendant
    stdio: ['ignore', 'pipe', 'pipe'],
    // The extension host is a child of code-server, so extraEnv reaches the suite (XCC_E2E_*).
    env: { ...isolatedEnv(home), ...extraEnv },
  });

  const stopGroup = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    rmSync(home, { recursive: true, force: true });
  };
  const boundPort = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`code-server did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const fail = (error) => {
      clearTimeout(timer);
      reject(new Error(`${error.message}\n--- code-server output ---\n${output}`));
    };
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      log(text.trimEnd());
      const match = /HTTP server listening on https?:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', fail);
    child.on('exit', (code, signal) => fail(new Error(`code-server exited early (code ${code}, signal ${signal})`)));
  }).catch((error) => {
    stopGroup();
    throw error;
  });

  const origin = `http://127.0.0.1:${boundPort}`;
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  let stopped = false;
  return {
    origin,
    dirs,
    /** Resolves with code-server's exit code or signal when it stops. */
    exited,
    /** The workbench URL for `folder`, loading the extension at `extensionPath` from source. */
    workbenchUrl({ folder, extensionPath, testsPath }) {
      const payload = [['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${boundPort}${extensionPath}`]];
      if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://127.0.0.1:${boundPort}${testsPath}`]);
      return `${origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      stopGroup();
    },
  };
}

/** The environment for a child that must not read or write the user's real profile. */
export function isolatedEnv(home) {
  return {
    PATH: process.env.PATH,
    LANG: process.env.LANG || 'C.UTF-8',
    TMPDIR: process.env.TMPDIR || tmpdir(),
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    XDG_STATE_HOME: join(home, '.local', 'state'),
    XDG_RUNTIME_DIR: home,
    VSCODE_CLI_DISABLE_TELEMETRY: '1',
    // No extension gallery: nothing is installed from the network, and no lookups leave the machine.
    EXTENSIONS_GALLERY: '{}',
  };
}

/** `code-server --install-extension FILE.vsix` into the private profile, as a user would install it. */
function installExtension(bin, profile, vsixPath, home) {
  const result = spawnSync(process.execPath, [bin, ...profile, '--install-extension', vsixPath], {
    env: isolatedEnv(home),
    encoding: 'utf8',
  });
  if (result.status !== 0 || !/successfully installed/i.test(result.stdout)) {
    throw new Error(`code-server --install-extension ${vsixPath} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
}
