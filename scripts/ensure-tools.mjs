// The system tools the tests use beyond node_modules, installed from Debian where they are missing
// (as root with apt-get), so `npm ci && npm test` passes on a fresh Debian machine.
//
// As a script (`npm run test:server` runs it before the tests):
//   - openssh-server and openssh-client for test/ssh (a real sshd on 127.0.0.1); without them,
//     and unable to install, those tests skip with a message;
//   - pacemaker-cli-utils (crm_verify, crm_simulate) for the migrate tests that judge converted
//     cluster.conf files with the real Pacemaker; without it, those tests skip with a message;
//   - ../shared/oracles/setup.sh, when this workplace has it: the real parsers the optional parity
//     tests compare with (they skip without it). Run quietly, with a one-line note.
// As `node scripts/ensure-tools.mjs editors` (`npm run test:editors` runs it): Debian's neovim, which
// test/editors drives against the packed language server; exits 1 when it is missing and cannot be
// installed (that test is not skipped: the run fails and says what to install).
// As a module: ensureDebianPackages(), which the e2e runner uses for chromium and its build tools.
//
// For trying the install logic without changing the machine:
//   XCC_TOOLS_PRETEND_MISSING=pkg,pkg  treat these packages as missing
//   XCC_TOOLS_DRY_RUN=1                print the apt-get commands instead of running them
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pretendMissing = new Set((process.env.XCC_TOOLS_PRETEND_MISSING ?? '').split(',').filter(Boolean));
const dryRun = process.env.XCC_TOOLS_DRY_RUN === '1';

/** The path of `command` on $PATH, or undefined. */
export function onPath(command) {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, command))
    .find((path) => existsSync(path));
}

/** A tool the tests need is missing and could not be installed; the message says what to install. */
export class MissingTools extends Error {}

/** Why this process cannot install Debian packages, or undefined when it can. */
function cannotInstall() {
  if (process.platform !== 'linux' || !onPath('apt-get')) return 'no apt-get here';
  if (process.getuid?.() !== 0) return 'not root';
  return undefined;
}

/** Runs apt-get quietly; its output is shown (`log`) only when it fails and `showFailure` is set. */
function aptGet(args, log, showFailure = true) {
  const argv = ['-qq', '-o', 'DPkg::Lock::Timeout=300', ...args];
  if (dryRun) {
    log(`  (dry run) apt-get ${argv.join(' ')}`);
    return true;
  }
  const result = spawnSync('apt-get', argv, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0 && showFailure) log(`${result.stdout ?? ''}${result.stderr ?? ''}`.trim());
  return result.status === 0;
}

/**
 * Makes sure the Debian packages of `needs` are present: `[{ name, present: () => boolean }]`.
 * Installs the missing ones when it can ("<who>: installing chromium from Debian…") and returns
 * undefined when all are there afterwards; otherwise returns one sentence saying what to install.
 */
export function ensureDebianPackages(who, needs, { log = (line) => console.error(line) } = {}) {
  const missing = (pretend) => needs.filter((need) => (pretend && pretendMissing.has(need.name)) || !need.present()).map((need) => need.name);
  const before = missing(true);
  if (before.length === 0) return undefined;
  const list = before.join(' ');
  const why = cannotInstall();
  if (why) return `${list} ${before.length === 1 ? 'is' : 'are'} missing and cannot be installed here (${why}): install ${before.length === 1 ? 'it' : 'them'} (Debian, as root: apt-get install ${list})`;
  log(`${who}: installing ${before.join(', ')} from Debian…`);
  // A fresh machine has no package lists yet; an install that fails for stale lists is retried after an update.
  const install = (showFailure) => aptGet(['install', '-y', '--no-install-recommends', ...before], log, showFailure);
  const installed = install(false) || (aptGet(['update'], log) && install(true));
  if (dryRun) return `${list}: dry run, nothing installed`;
  const after = missing(false);
  if (!installed || after.length > 0) return `apt-get could not install ${after.join(' ') || list}: install ${after.length === 1 ? 'it' : 'them'} by hand`;
  return undefined;
}

/** The packages test/ssh needs (test/ssh/helpers/sshd.ts looks for the same files). */
const SSH_TOOLS = [
  { name: 'openssh-server', present: () => existsSync('/usr/sbin/sshd') },
  { name: 'openssh-client', present: () => Boolean(onPath('ssh') && onPath('ssh-keygen')) },
];

/** The packages test/cli/migrateOracles.test.ts judges Pacemaker conversions with (the same files it looks for). */
const PACEMAKER_TOOLS = [{ name: 'pacemaker-cli-utils', present: () => Boolean(onPath('crm_verify') && onPath('crm_simulate')) }];

/** ../shared/oracles/setup.sh, only in this workplace: installs and builds the parity tests' real parsers. */
function setUpOracles(log) {
  const setup = join(repo, '..', 'shared', 'oracles', 'setup.sh');
  if (!existsSync(setup)) return;
  const why = cannotInstall();
  if (why) return log(`tests: parity oracles not set up (${why}); the parity tests will skip`);
  if (dryRun) return log(`tests: (dry run) bash ${setup}`);
  const result = spawnSync('bash', [setup], { encoding: 'utf8' });
  log(result.status === 0 ? 'tests: parity oracles ready (../shared/oracles)' : `tests: ../shared/oracles/setup.sh failed (exit ${result.status}); the parity tests will skip`);
}

/** What test/editors runs: Neovim, headless. */
const EDITOR_TOOLS = [{ name: 'neovim', present: () => Boolean(onPath('nvim')) }];

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const log = (line) => console.error(line);
  if (process.argv[2] === 'editors') {
    const problem = ensureDebianPackages('editor tests', EDITOR_TOOLS, { log });
    if (problem) {
      log(`editor tests: ${problem}`);
      process.exit(1);
    }
  } else {
    const problem = ensureDebianPackages('ssh tests', SSH_TOOLS, { log });
    if (problem) log(`ssh tests: ${problem}; they will skip`);
    const pacemaker = ensureDebianPackages('migrate tests', PACEMAKER_TOOLS, { log });
    if (pacemaker) log(`migrate tests: ${pacemaker}; the Pacemaker checks will skip`);
    setUpOracles(log);
  }
}
