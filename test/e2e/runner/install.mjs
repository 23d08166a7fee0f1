// Installs the offline runner's dependencies (code-server, playwright-core) on demand into a cache
// directory keyed by the lock file's hash, so the 300 MB never lands in the extension's node_modules
// and a second run (or a CI cache hit) costs nothing.
// Usage as a script: node test/e2e/runner/install.mjs  (prints the directory holding node_modules/).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDebianPackages, MissingTools, onPath } from '../../../scripts/ensure-tools.mjs';

const runnerDir = dirname(fileURLToPath(import.meta.url));
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const RIPGREP_PATHS = ['/usr/bin/rg', '/bin/rg'];

/**
 * What `npm ci` of code-server needs from the system: ripgrep stands in for the binary
 * @vscode/ripgrep would download; libkrb5-dev and a C++ toolchain build its native modules
 * (kerberos, argon2).
 */
const BUILD_TOOLS = [
  { name: 'ripgrep', present: () => RIPGREP_PATHS.some((path) => existsSync(path)) },
  { name: 'libkrb5-dev', present: () => existsSync('/usr/include/krb5.h') },
  { name: 'g++', present: () => Boolean(onPath('g++')) },
  { name: 'make', present: () => Boolean(onPath('make')) },
  { name: 'python3', present: () => Boolean(onPath('python3')) },
];

/** The cache root: $XCC_E2E_CACHE, else $XDG_CACHE_HOME or ~/.cache, + xen-cluster-config-e2e. */
export function cacheRoot() {
  if (process.env.XCC_E2E_CACHE) return process.env.XCC_E2E_CACHE;
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'xen-cluster-config-e2e');
}

/** Returns the directory whose node_modules/ holds code-server and playwright-core, installing if needed. */
export function ensureRunnerInstalled({ log = (line) => console.error(line) } = {}) {
  const lock = readFileSync(join(runnerDir, 'package-lock.json'));
  const hash = createHash('sha256').update(lock).digest('hex').slice(0, 12);
  const target = join(cacheRoot(), hash);
  const doneMarker = join(target, '.installed');
  if (existsSync(doneMarker)) return target;

  if (process.platform === 'linux') {
    const problem = ensureDebianPackages('e2e', BUILD_TOOLS, { log });
    if (problem) throw new MissingTools(`installing code-server for the offline runner needs ripgrep, libkrb5-dev and a C++ toolchain: ${problem}`);
  }
  log(`e2e runner: installing code-server and playwright-core into ${target} (once, about a minute)`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  copyFileSync(join(runnerDir, 'package.json'), join(target, 'package.json'));
  copyFileSync(join(runnerDir, 'package-lock.json'), join(target, 'package-lock.json'));

  const tmp = join(target, '.tmp');
  mkdirSync(tmp, { recursive: true });
  prefillRipgrepCache(tmp, log);
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: target,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      TMPDIR: tmp,
      // code-server's postinstall installs VS Code's own modules; as root npm would otherwise drop
      // privileges and fail to write them.
      npm_config_unsafe_perm: 'true',
      npm_config_yes: 'true',
      npm_config_loglevel: process.env.npm_config_loglevel || 'error',
    },
  });
  if (result.status !== 0) {
    throw new Error(
      `e2e runner: "npm ci" in ${target} failed (exit ${result.status}). ` +
        'It needs the npm registry (and ripgrep, libkrb5-dev, g++, make, python3, which it installs from Debian as root).',
    );
  }
  rmSync(tmp, { recursive: true, force: true });
  writeFileSync(doneMarker, `${new Date().toISOString()}\n`);
  return target;
}

/**
 * @vscode/ripgrep's postinstall downloads an `rg` binary from GitHub, which is not reachable from
 * every machine; it first looks in $TMPDIR/<cache>/<archive>, so hand it Debian's /usr/bin/rg.
 */
function prefillRipgrepCache(tmp, log) {
  const rg = RIPGREP_PATHS.find((candidate) => existsSync(candidate));
  if (!rg) {
    log('e2e runner: no system ripgrep (apt-get install ripgrep); @vscode/ripgrep will try to download one');
    return;
  }
  const cacheDir = join(tmp, RIPGREP_CACHE);
  mkdirSync(cacheDir, { recursive: true });
  const tar = spawnSync('tar', ['-C', dirname(rg), '-czf', join(cacheDir, RIPGREP_ARCHIVE), 'rg'], { stdio: 'inherit' });
  if (tar.status !== 0) throw new Error(`e2e runner: could not pack ${rg} for the @vscode/ripgrep cache`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(ensureRunnerInstalled());
}
