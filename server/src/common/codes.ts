/**
 * The severity policy, as data. Every language's codes.ts declares each of its
 * codes once with the severity (or severities) it is reported at and why, so
 * the docs' tables, SARIF's rule list and the user's severity overrides read
 * the same facts, and a test holds the docs and the emitted diagnostics to them.
 *
 *   error    the real tool of that format refuses the file, or the daemon will not start with it
 *   warning  it runs, but it will hurt
 *   info     deprecation, modernisation, a fact worth knowing
 *   hint     style
 */
export type Level = 'error' | 'warning' | 'info' | 'hint';

export interface CodeInfo {
  /** The stable code (`xl/unknown-key`); never renamed. */
  readonly code: string;
  /** The severity it is reported at; several where it depends on the target (e.g. the DRBD dialect). */
  readonly severity: Level | readonly Level[];
  /** One sentence: why that severity (what the real tool does with such a file). */
  readonly why: string;
}

/**
 * Declares a language's codes: `Code.camelName` is the code string to report
 * with, and `codes` the table of every code with its severity and why.
 */
export function defineCodes<T extends Record<string, CodeInfo>>(table: T): { Code: { readonly [K in keyof T]: T[K]['code'] }; codes: readonly CodeInfo[] } {
  const Code = Object.fromEntries(Object.entries(table).map(([name, info]) => [name, info.code])) as { [K in keyof T]: T[K]['code'] };
  return { Code, codes: Object.values(table) };
}

/** The levels a code may be reported at. */
export function levelsOf(info: CodeInfo): readonly Level[] {
  return typeof info.severity === 'string' ? [info.severity] : info.severity;
}
