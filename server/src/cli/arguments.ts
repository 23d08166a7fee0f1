/** What every `cli.js` command shares in reading its arguments. */

/** A mistake in the command line: its message, then the command's usage, and exit status 2. */
export class UsageError extends Error {}

/**
 * Each argument in turn, with `value()` to take the one after it (an option's value, which is then
 * not visited itself); a missing value is a usage error naming the option.
 */
export function* eachArgument(args: readonly string[]): Generator<{ arg: string; value(): string }> {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    yield {
      arg,
      value: () => {
        const next = args[++i];
        if (next === undefined) throw new UsageError(`${arg} needs a value`);
        return next;
      },
    };
  }
}
