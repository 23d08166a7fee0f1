/**
 * The child process of bench/hostile.ts, so that a case that never ends can
 * be killed and the peak memory of one parse is that process's own.
 *
 *   node hostileChild.js time LANGUAGE BYTES FIRST   runs the hostile cases of LANGUAGE from index FIRST,
 *                                                   each at about BYTES, one JSON line per case
 *   node hostileChild.js memory LANGUAGE PATH FILE   parses and validates FILE once (as if at PATH) and
 *                                                   prints its time and the peak resident memory (VmHWM)
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { serviceFor } from '../server/src/languages/registry';
import type { LanguageId } from '../server/src/languages/types';
import { testContext } from '../test/helpers/fixtures';
import { exerciseAll, HOSTILE_CASES } from '../test/property/hostileInputs';

/** The `n` at which a case's text is about `bytes` long (cases grow about linearly in n). */
export function sizeFor(make: (n: number) => string, bytes: number): number {
  const probe = make(64).length;
  return Math.max(1, Math.round((64 * bytes) / Math.max(1, probe)));
}

function memoryKb(field: string): number {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) : 0;
}

function time(language: LanguageId, bytes: number, first: number): void {
  const cases = HOSTILE_CASES.filter((c) => c.language === language);
  for (let index = first; index < cases.length; index++) {
    const text = cases[index].make(sizeFor(cases[index].make, bytes));
    const start = performance.now();
    exerciseAll(language, text);
    const ms = performance.now() - start;
    process.stdout.write(`${JSON.stringify({ index, name: cases[index].name, bytes: text.length, ms })}\n`);
  }
}

function memory(language: LanguageId, path: string, file: string): void {
  const service = serviceFor(language)!;
  const ctx = testContext(path);
  const text = readFileSync(file, 'utf8');
  const baseKb = memoryKb('VmRSS');
  const start = performance.now();
  const doc = service.parse(text, ctx);
  const parseMs = performance.now() - start;
  const diagnostics = service.validate(doc, ctx).length;
  const ms = performance.now() - start;
  process.stdout.write(`${JSON.stringify({ bytes: Buffer.byteLength(text), baseKb, peakKb: memoryKb('VmHWM'), parseMs, ms, syntaxErrors: doc.syntaxErrors.length, diagnostics })}\n`);
}

if (require.main === module) {
  const [mode, language, a, b] = process.argv.slice(2);
  if (mode === 'time') time(language as LanguageId, Number(a), Number(b ?? 0));
  else if (mode === 'memory') memory(language as LanguageId, a, b);
  else {
    console.error('usage: hostileChild.js time LANGUAGE BYTES [FIRST] | memory LANGUAGE PATH FILE');
    process.exitCode = 2;
  }
}
