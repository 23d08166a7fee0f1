/** Command-line entry: `node dist/cli.js check …` (see cli/check.ts). */
import { runDomains } from '../../shared/src/dom0/cli';
import { CHECK_USAGE, runCheck, UsageError } from './cli/check';
import { EFFECTIVE_USAGE, runEffective } from './cli/effective';
import { addHostVerdicts, HOST_CHECK_USAGE, splitHostArguments } from './cli/hostCheck';
import { MIGRATE_USAGE, runMigrate } from './cli/migrate';
import { errorText } from './workspace/runner';
import { servicesFromEnvironment } from './workspace/testHook';

const VERSION = '0.1.0';

const USAGE = `usage: cli.js <command> [options]

commands:
  check PATH...     check config files and folders (cli.js check --help)
  migrate FILE...   convert old configs to their modern form (cli.js migrate --help)
  domains HOST...   list the Xen domains of dom0 hosts over SSH (cli.js domains --help)
  effective FILE    a domain config as xl builds it on a host (cli.js effective --help)
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
      process.stdout.write(`${CHECK_USAGE}\n\n${HOST_CHECK_USAGE}\n`);
      return 0;
    }
    return printed(CHECK_USAGE, async () => {
      const { host, rest: checkArgs } = splitHostArguments(rest);
      // The language services: the registry's, unless the test hook XCC_TEST_THROW_ON is set (workspace/testHook.ts).
      return runCheck(checkArgs, VERSION, { services: servicesFromEnvironment() }, host.hosts.length > 0 ? (results) => addHostVerdicts(results, host) : undefined);
    });
  }
  if (command === 'effective') {
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(EFFECTIVE_USAGE + '\n');
      return 0;
    }
    return printed(EFFECTIVE_USAGE, () => runEffective(rest));
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

/** Prints what a command returns; a usage error is its message, the usage, and exit 2. */
async function printed(usage: string, run: () => Promise<{ status: number; stdout: string; stderr: string }>): Promise<number> {
  try {
    const result = await run();
    process.stdout.write(result.stdout);
    process.stderr.write(result.stderr);
    return result.status;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`error: ${error.message}\n\n${usage}\n`);
      return 2;
    }
    throw error;
  }
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
