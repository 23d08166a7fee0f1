/**
 * Every parser and editing feature takes time linear in its input, on the
 * generated hostile inputs of hostileInputs.ts (long tokens, deep nesting,
 * repeated delimiters, mismatched closers, the shapes that once were
 * quadratic or worse). For each case the input size n is grown until one run
 * takes at least MIN_MS, then the time for 2n must stay within MAX_RATIO of
 * the time for n: a ratio measured here, never an absolute limit, so the test
 * holds on a slow or busy machine. Times are CPU time of this process (other
 * processes on shared cores do not count); a ratio above SUSPICIOUS_RATIO is
 * measured again (the least of several runs, each after a full garbage
 * collection) before it counts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LANGUAGE_IDS } from '../../server/src/languages/registry';
import { exerciseAll, HOSTILE_CASES, HostileCase } from './hostileInputs';

const MIN_MS = 20;
/** Past this the case is called linear enough even when it is not yet at MIN_MS (a case too cheap to measure). */
const MAX_BYTES = 2_000_000;
const MAX_RATIO = 3;
/** Below this, one measurement of each size is enough; above it they are measured again, several times. */
const SUSPICIOUS_RATIO = Number(process.env.GROWTH_SUSPICIOUS ?? 2.6);
const REPEATS = 3;

/** A full garbage collection before a measured run, so that the garbage of the previous run is not billed to it. */
const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

function cpuMs(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The least CPU time of `REPEATS` runs of each text, interleaved, each after a full collection (noise only ever adds time). */
function leastTimes(language: HostileCase['language'], texts: string[], repeats = REPEATS): number[] {
  const best = texts.map(() => Infinity);
  for (let round = 0; round < repeats; round++) {
    texts.forEach((text, i) => {
      collectGarbage();
      best[i] = Math.min(best[i], cpuMs(() => exerciseAll(language, text)));
    });
  }
  return best;
}

/** An n at which one run takes at least MIN_MS (grown by the measured rate), with its text and time. */
function calibrate(c: HostileCase): { n: number; ms: number; text: string } {
  let n = Math.max(1, Math.round((16 * 1024) / Math.max(1, c.make(64).length) * 64));
  for (;;) {
    const text = c.make(n);
    const ms = cpuMs(() => exerciseAll(c.language, text));
    if (ms >= MIN_MS || text.length * 2 > MAX_BYTES) return { n, ms, text };
    n *= Math.min(16, Math.max(2, Math.ceil((1.5 * MIN_MS) / Math.max(ms, 0.5))));
  }
}

/**
 * t(2n) / t(n) at the calibrated n. A ratio above MAX_RATIO may be one step of
 * the garbage collector's heap growth (it doubles its limits at fixed sizes);
 * a super-linear algorithm keeps its ratio at the next doubling too, so the
 * case fails only when t(4n) / t(2n) is also above MAX_RATIO.
 */
function checkGrowth(c: HostileCase): void {
  const small = calibrate(c);
  const twice = c.make(small.n * 2);
  let [timeSmall, timeTwice] = [small.ms, cpuMs(() => exerciseAll(c.language, twice))];
  if (process.env.GROWTH_DEBUG) console.log(`${c.language} ${c.name}: ${small.text.length} ${timeSmall.toFixed(1)} ms, ×${(timeTwice / timeSmall).toFixed(2)}`);
  if (timeTwice / timeSmall <= SUSPICIOUS_RATIO) return;
  [timeSmall, timeTwice] = leastTimes(c.language, [small.text, twice]);
  const ratio = timeTwice / timeSmall;
  if (ratio <= MAX_RATIO) return;
  const fourTimes = c.make(small.n * 4);
  const [timeFour] = leastTimes(c.language, [fourTimes], 3);
  const next = timeFour / timeTwice;
  assert.ok(
    next <= MAX_RATIO,
    `${c.language} "${c.name}": ${small.text.length} characters took ${timeSmall.toFixed(1)} ms, ${twice.length} took ${timeTwice.toFixed(1)} ms (×${ratio.toFixed(2)}), ${fourTimes.length} took ${timeFour.toFixed(1)} ms (×${next.toFixed(2)}): more than ×${MAX_RATIO} for twice the input, twice (linear is ×2)`,
  );
}

for (const language of LANGUAGE_IDS) {
  describe(`${language}: time grows linearly on hostile inputs`, () => {
    for (const c of HOSTILE_CASES.filter((h) => h.language === language)) {
      it(c.name, () => checkGrowth(c));
    }
  });
}
