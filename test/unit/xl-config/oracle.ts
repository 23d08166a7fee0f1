/**
 * The xl oracle (shared/oracles/xl-oracle: Debian's libxlutil 4.17 and the
 * unmodified `xl -N create`), found through $XEN_CONFIG_ORACLES or next to the
 * repository (`../shared/oracles`, or `../../shared/oracles` from a worktree).
 */
import { execFile } from 'node:child_process';
import { oracleFor } from '../../helpers/oracles';

export const XL_ORACLE = oracleFor('xl-config');

/** The Xen release of the oracle's xl: compare with it, not with the default target. */
export const ORACLE_XEN_VERSION = '4.17';

export interface OracleOutput {
  valid: boolean | null;
  unavailable?: string;
  libxlu?: { valid?: boolean; errors?: { line: number; message: string }[]; parse_errno?: number; disk?: { ok: boolean }[] };
  xl?: { exit: number; messages: string[] };
}

export function runOracle(path: string): Promise<OracleOutput> {
  return new Promise((resolve) => {
    execFile(XL_ORACLE!, [path], { timeout: 60_000 }, (_error, stdout) => {
      try {
        resolve(JSON.parse(stdout) as OracleOutput);
      } catch {
        resolve({ valid: null, unavailable: `unreadable oracle output: ${stdout.slice(0, 200)}` });
      }
    });
  });
}

/** Runs `run` on every item, `pool` at a time (the oracle forks two processes per file). */
export async function inPool<T, R>(items: readonly T[], pool: number, run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += pool) {
    results.push(...(await Promise.all(items.slice(start, start + pool).map((item, k) => run(item, start + k)))));
  }
  return results;
}
