/**
 * Quoting for POSIX sh. OpenSSH joins the remote argv with spaces and hands the
 * result to the remote user's shell, so every remote argument goes through here.
 */

/** Characters that never need quoting in sh (kept readable in the Output channel). */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * One sh word that expands to exactly `arg`. Everything else is wrapped in single
 * quotes, inside which sh interprets nothing; a single quote itself is written
 * as `'\''` (close, escaped quote, reopen).
 */
export function quoteForSh(arg: string): string {
  if (SAFE_WORD.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The command line that makes the remote shell run exactly `argv`. */
export function shellCommandLine(argv: readonly string[]): string {
  return argv.map(quoteForSh).join(' ');
}
