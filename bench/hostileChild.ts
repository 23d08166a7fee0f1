/**
 * The child process of bench/hostile.ts, so that a case that never ends can
 * be killed and the peak memory of one parse is that process's own.
 *
 *   node hostileChild.js time LANGUAGE BYTES FIRST   runs the hostile cases of LANGUAGE from index FIRST,
 *                                                   each at about BYTES, one JSON line per case
 *   node hostileChild.js memory LANGUAGE PATH FILE MODE
 *       checks FILE once (as if open at PATH) and prints its time, the resident memory before the
 *       file was read (node and the modules: the baseline) and the peak (VmHWM). MODE `syntax`: as
 *       the server and the CLI do past xenConfig.diagnostics.maxFileSize (the runner, default
 *       settings: the syntax errors, read without keeping a tree; an editing feature would parse
 *       the file when first asked); `full`:
 *       every check of the file (the limit set to 0).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_SETTINGS, type LanguageId } from '../server/src/languages/types';
import { WorkspaceRunner } from '../server/src/workspace/runner';
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

function memory(language: LanguageId, path: string, file: string, mode: string): void {
  const settings = { ...DEFAULT_SETTINGS, diagnostics: { maxFileSize: mode === 'full' ? 0 : DEFAULT_MAX_FILE_SIZE } };
  const runner = new WorkspaceRunner({ root: '/', settings });
  const uri = `file://${path}`;
  // Every module the check needs is loaded before the baseline is taken.
  runner.setOpen(uri, language, 'x');
  runner.diagnose(uri);
  const baseKb = memoryKb('VmRSS');
  const text = readFileSync(file, 'utf8');
  const start = performance.now();
  runner.setOpen(uri, language, text);
  const diagnostics = runner.diagnose(uri)!.length;
  const ms = performance.now() - start;
  process.stdout.write(`${JSON.stringify({ bytes: Buffer.byteLength(text), baseKb, peakKb: memoryKb('VmHWM'), ms, diagnostics })}\n`);
}

if (require.main === module) {
  const [mode, language, a, b] = process.argv.slice(2);
  if (mode === 'time') time(language as LanguageId, Number(a), Number(b ?? 0));
  else if (mode === 'memory') memory(language as LanguageId, a, b, process.argv[6] ?? 'syntax');
  else {
    console.error('usage: hostileChild.js time LANGUAGE BYTES [FIRST] | memory LANGUAGE PATH FILE syntax|full');
    process.exitCode = 2;
  }
}
