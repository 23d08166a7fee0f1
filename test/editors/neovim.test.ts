/**
 * The language server as an npm package, in an editor that is not VS Code: the package is packed
 * (`npm pack`), installed from the tarball into a temp prefix with npm offline, and Debian's Neovim
 * (`npm run test:editors` installs it) opens a broken domain config with the installed bin as its
 * LSP server. What Neovim received is what a Neovim user sees.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/fixtures';

const PACKAGE_DIR = join(REPO_ROOT, 'packages', 'language-server');
const PACKAGE_NAME = 'xen-cluster-config-language-server';
const INIT_LUA = join(REPO_ROOT, 'test', 'editors', 'neovim-init.lua');
/** Neovim gives up (and says so) after this; the process is killed a little later should it hang. */
const NVIM_TIMEOUT_MS = 30_000;

const BROKEN_CONFIG = 'name = "web1"\nmemory = 1024\nvcpus = two\n';

/** Runs a command to its end, failing the test with its output when it exits non-zero. */
function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...options });
  assert.equal(result.status, 0, `${command} ${args.join(' ')} exited ${result.status ?? result.signal}:\n${result.stdout}${result.stderr}${result.error ?? ''}`);
  return result.stdout;
}

interface NeovimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  severity: number;
  code: string;
  source: string;
  message: string;
}

describe('the language server package in Neovim', () => {
  let temp: string;
  let bin: string;
  /** Nothing of the repository on the way: npm's cache and Node's module path point into the temp dir. */
  let env: NodeJS.ProcessEnv;

  before(() => {
    assert.ok(existsSync(join(PACKAGE_DIR, 'dist', 'server.js')), 'packages/language-server/dist/server.js is missing: run the build (npm run build)');
    temp = mkdtempSync(join(tmpdir(), 'xcc-editors-'));
    env = { ...process.env, npm_config_cache: join(temp, 'npm-cache'), npm_config_update_notifier: 'false', NODE_PATH: '' };
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', temp], { cwd: PACKAGE_DIR, env })) as { filename: string }[];
    const prefix = join(temp, 'prefix');
    run('npm', ['install', '--global', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(temp, packed[0].filename)], { env });
    bin = join(prefix, 'bin', PACKAGE_NAME);
  });
  after(() => rmSync(temp, { recursive: true, force: true }));

  it('installs from the tarball alone: a bin and no dependencies', () => {
    const installed = join(temp, 'prefix', 'lib', 'node_modules', PACKAGE_NAME);
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    assert.equal(manifest.dependencies, undefined);
    assert.equal(existsSync(join(installed, 'node_modules')), false);
    assert.deepEqual(readdirSync(installed).sort(), ['LICENSE', 'README.md', 'bin', 'dist', 'package.json']);
    assert.equal(manifest.version, JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version, 'the package has the extension\'s version');
    assert.equal(run(bin, ['--version'], { cwd: temp, env }).trim(), manifest.version);
  });

  it('says how to start it when no transport is given', () => {
    const result = spawnSync(bin, [], { cwd: temp, env, encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^usage: xen-cluster-config-language-server --stdio/);
    assert.match(result.stderr, /No transport given: add --stdio\.$/m);
  });

  it('gives Neovim the diagnostic of a broken domain config: line, code, message', () => {
    const workspace = join(temp, 'workspace');
    mkdirSync(join(workspace, 'etc', 'xen'), { recursive: true });
    writeFileSync(join(workspace, 'etc', 'xen', 'web1.cfg'), BROKEN_CONFIG);
    const out = join(temp, 'diagnostics.json');
    const result = spawnSync('nvim', ['--headless', '-n', '-i', 'NONE', '-u', INIT_LUA, 'etc/xen/web1.cfg'], {
      cwd: workspace,
      encoding: 'utf8',
      timeout: NVIM_TIMEOUT_MS + 15_000,
      env: {
        ...env,
        XCC_SERVER_BIN: bin,
        XCC_NVIM_OUT: out,
        XCC_NVIM_TIMEOUT_MS: String(NVIM_TIMEOUT_MS),
        // Neovim's own state (its log, shada, swap) goes to the temp dir, never the user's.
        XDG_CONFIG_HOME: join(temp, 'xdg', 'config'),
        XDG_DATA_HOME: join(temp, 'xdg', 'data'),
        XDG_STATE_HOME: join(temp, 'xdg', 'state'),
        XDG_CACHE_HOME: join(temp, 'xdg', 'cache'),
      },
    });
    assert.ok(existsSync(out), `Neovim wrote no result (exit ${result.status ?? result.signal}):\n${result.stdout}${result.stderr}${result.error ?? ''}`);
    const received = JSON.parse(readFileSync(out, 'utf8')) as { timeout?: boolean; filetype?: string; diagnostics: NeovimDiagnostic[] };
    assert.equal(received.timeout, undefined, `no diagnostics within ${NVIM_TIMEOUT_MS / 1000} s`);
    assert.equal(received.filetype, 'xl-config');
    assert.deepEqual(
      received.diagnostics.map((d) => ({ line: d.lnum + 1, col: d.col + 1, endCol: d.end_col + 1, severity: d.severity, code: d.code, source: d.source, message: d.message })),
      [{ line: 3, col: 9, endCol: 12, severity: 1, code: 'xl/syntax', source: 'xl-config', message: '`two` is not a value: quote it ("two") or write a number' }],
    );
  });
});
