/** Command-line entry: `node dist/cli.js check|migrate|effective|domains …` (see cli/ and shared/src/dom0/cli.ts). */
import { runDomains } from '../../shared/src/dom0/cli';
import { UsageError } from './cli/arguments';
import { CHECK_USAGE, runCheck } from './cli/check';
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

interface CommandResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** The commands that print a result: `help` is what --help prints, `usage` what follows a usage error. */
const COMMANDS: Record<string, { help: string; usage: string; run(args: string[]): CommandResult | Promise<CommandResult> }> = {
  check: {
    help: `${CHECK_USAGE}\n\n${HOST_CHECK_USAGE}`,
    usage: CHECK_USAGE,
    run: (args) => {
      const { host, rest } = splitHostArguments(args);
      // The language services: the registry's, unless the test hook XCC_TEST_THROW_ON is set (workspace/testHook.ts).
      return runCheck(rest, VERSION, { services: servicesFromEnvironment() }, host.hosts.length > 0 ? (results) => addHostVerdicts(results, host) : undefined);
    },
  },
  effective: { help: EFFECTIVE_USAGE, usage: EFFECTIVE_USAGE, run: runEffective },
  migrate: { help: MIGRATE_USAGE, usage: MIGRATE_USAGE, run: runMigrate },
  domains: { help: '', usage: '', run: runDomains },
};

function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const known = command === undefined ? undefined : Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (known) {
    // `domains` prints its own help (shared/src/dom0/cli.ts).
    if (known.help && (rest.includes('--help') || rest.includes('-h'))) {
      process.stdout.write(`${known.help}\n`);
      return 0;
    }
    return printed(known.usage, () => known.run(rest));
  }
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(USAGE + '\n');
    return command === undefined ? 2 : 0;
  }
  process.stderr.write(`error: unknown command '${command}'\n\n${USAGE}\n`);
  return 2;
}

/** Prints what a command returns; a usage error is its message, the usage, and exit 2. */
async function printed(usage: string, run: () => CommandResult | Promise<CommandResult>): Promise<number> {
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
