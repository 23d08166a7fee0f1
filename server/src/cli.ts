/**
 * Command-line entry: `node dist/cli.js check|migrate|effective|domains …` (see cli/ and shared/src/dom0/cli.ts).
 * dist/cli.js is cliEntry.ts, which starts this file's bundle (dist/cli-main.js) from V8's code cache.
 *
 * Each command's modules are imported (`import('….js')`: the extension is what node16 module resolution
 * wants in an import() expression) when the command runs, not at start-up: a `check` then never
 * loads the SSH transport, node:crypto, node:child_process or the migrations (bench/native.ts measures
 * the whole process, and a pre-commit hook pays for every millisecond).
 */
import { UsageError } from './cli/arguments';
import type { CheckResult } from './cli/checker';
import { errorText } from './common/errorText';

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

interface Command {
  /** What --help prints. */
  help: string;
  /** What follows a usage error. */
  usage: string;
  run(args: string[]): CommandResult | Promise<CommandResult>;
}

/** Each command, loaded when it is asked for. */
const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => {
    const [{ CHECK_USAGE, runCheck }, { HOST_CHECK_USAGE, splitHostArguments }, { servicesFromEnvironment }] = await Promise.all([
      import('./cli/check.js'),
      import('./cli/hostArguments.js'),
      import('./workspace/testHook.js'),
    ]);
    return {
      help: `${CHECK_USAGE}\n\n${HOST_CHECK_USAGE}`,
      usage: CHECK_USAGE,
      run: async (args) => {
        const { host, rest } = splitHostArguments(args);
        const addHostVerdicts = host.hosts.length > 0 ? (await import('./cli/hostCheck.js')).addHostVerdicts : undefined;
        // The language services: the registry's, unless the test hook XCC_TEST_THROW_ON is set (workspace/testHook.ts).
        return runCheck(rest, VERSION, { services: servicesFromEnvironment() }, addHostVerdicts && ((results: CheckResult[]) => addHostVerdicts(results, host)));
      },
    };
  },
  effective: async () => {
    const { EFFECTIVE_USAGE, runEffective } = await import('./cli/effective.js');
    return { help: EFFECTIVE_USAGE, usage: EFFECTIVE_USAGE, run: runEffective };
  },
  migrate: async () => {
    const { MIGRATE_USAGE, runMigrate } = await import('./cli/migrate.js');
    return { help: MIGRATE_USAGE, usage: MIGRATE_USAGE, run: runMigrate };
  },
  // `domains` prints its own help (shared/src/dom0/cli.ts).
  domains: async () => ({ help: '', usage: '', run: (await import('../../shared/src/dom0/cli.js')).runDomains }),
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const load = command === undefined ? undefined : Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (load) {
    const known = await load();
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

void main(process.argv.slice(2)).catch(internalError).then((status) => {
  process.exitCode = status;
});
