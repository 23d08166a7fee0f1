/** Command-line entry: `node dist/cli.js check …` (see cli/check.ts). */
import { runDomains } from '../../shared/src/dom0/cli';
import { CHECK_USAGE, runCheck, UsageError } from './cli/check';
import { MIGRATE_USAGE, runMigrate } from './cli/migrate';
import { errorText } from './workspace/runner';
import { servicesFromEnvironment } from './workspace/testHook';

const VERSION = '0.1.0';

const USAGE = `usage: cli.js <command> [options]

commands:
  check PATH...     check config files and folders (cli.js check --help)
  migrate FILE...   convert old configs to their modern form (cli.js migrate --help)
  domains HOST...   list the Xen domains of dom0 hosts over SSH (cli.js domains --help)
  --version         print the version`;

function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'domains') {
    return runDomains(rest).then((result) => {
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      return result.status;
    });
  }
  if (command === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'check') {
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(CHECK_USAGE + '\n');
      return 0;
    }
    try {
      // The language services: the registry's, unless the test hook XCC_TEST_THROW_ON is set (workspace/testHook.ts).
      const result = runCheck(rest, VERSION, { services: servicesFromEnvironment() });
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      return result.status;
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`error: ${error.message}\n\n${CHECK_USAGE}\n`);
        return 2;
      }
      throw error;
    }
  }
  if (command === 'migrate') {
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(MIGRATE_USAGE + '\n');
      return 0;
    }
    try {
      const result = runMigrate(rest);
      process.stdout.write(result.stdout);
      process.stderr.write(result.stderr);
      return result.status;
    } catch (error) {
      if (error instanceof UsageError) {
        process.stderr.write(`error: ${error.message}\n\n${MIGRATE_USAGE}\n`);
        return 2;
      }
      throw error;
    }
  }
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  process.stderr.write(`error: unknown command '${command}'\n\n${USAGE}\n`);
  return 2;
}

/** A bug must not print a stack trace at a user: one line, and exit 2 (the input could not be checked). */
function internalError(error: unknown): number {
  process.stderr.write(`error: internal error: ${errorText(error)}\n`);
  return 2;
}

let started: Promise<number>;
try {
  started = Promise.resolve(main(process.argv.slice(2)));
} catch (error) {
  started = Promise.resolve(internalError(error));
}
void started.catch(internalError).then((status) => {
  process.exitCode = status;
});
