/**
 * Parts of the product that are not in this tree yet. Checks that need one of them are registered
 * with `itAfterMerge` and reported by mocha as *pending* with the reason in their title, never
 * skipped silently. Whoever merges a part removes it from this list, and its checks run from then
 * on; `XCC_E2E_REQUIRE_ALL=1` runs every check regardless (a missing part then fails loudly).
 */
export type Part =
  | 'explorer'
  | 'xl-config service'
  | 'xend-sxp service'
  | 'iftab service'
  | 'drbd service'
  | 'cluster-conf service';

export const NOT_MERGED_YET: ReadonlySet<Part> = new Set<Part>(['xl-config service']);

/** `it(title, body)`, or a pending test naming the missing part while `part` is not merged yet. */
export function itAfterMerge(part: Part, title: string, body: (this: Mocha.Context) => Promise<void>): void {
  if (NOT_MERGED_YET.has(part) && process.env.XCC_E2E_REQUIRE_ALL !== '1') {
    it.skip(`${title} [pending: ${part} not merged yet]`, body);
  } else {
    it(title, body);
  }
}
