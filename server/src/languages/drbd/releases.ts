/** drbd-utils releases: which one introduced a DRBD 9 keyword, and which one the hosts run (the drbd.utilsVersion setting). */
import { OPTION_FACTS, WORD_SINCE } from './schema/options.generated';

/** Compares dotted release numbers (`9.22` = `9.22.0` < `9.26.0`). */
export function compareReleases(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The newest drbd-utils release the tables know a keyword of: what the hosts are taken to run when the setting is empty. */
export const NEWEST_UTILS: string = [...Object.values(OPTION_FACTS['9']).flatMap((options) => Object.values(options).map((fact) => fact.since)), ...Object.values(WORD_SINCE)]
  .filter((since): since is string => since !== undefined)
  .reduce((newest, since) => (compareReleases(since, newest) > 0 ? since : newest), '9.0.0');

/** The release that introduced a keyword, when the hosts' drbd-utils (`utils`, default the newest) is older: its drbdadm refuses the keyword. */
export function tooNew(since: string | undefined, utils: string | undefined): string | undefined {
  return since !== undefined && compareReleases(since, utils ?? NEWEST_UTILS) > 0 ? since : undefined;
}
