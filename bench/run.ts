/**
 * `npm run bench`: prints performance figures per language on generated large
 * inputs. It measures and prints; it asserts nothing.
 *
 *   - parse+validate throughput (in process, MB/s) and time per file
 *   - keystroke-to-diagnostics latency through LSP over stdio (p50/p95 of 200 edits,
 *     debounce included) on a ~1,000-line and the large file
 *   - completion and hover latency (p50/p99 of 200 requests) on the large file
 *   - server start-up to first diagnostics, and the server's peak memory
 *   - whole-process `cli.js check` next to the native tool on the same file, with the ratio (bench/native.ts)
 *   - hostile inputs: per language the slowest generated hostile case, and the
 *     peak memory of checking a 20 MB file, syntax only (past the size limit) and in full (bench/hostile.ts)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { serviceFor } from '../server/src/languages/registry';
import { LANGUAGE_IDS } from '../server/src/languages/registry';
import { LanguageId } from '../server/src/languages/types';
import { LspTestClient } from '../test/helpers/lspClient';
import { SAMPLE_PATHS, testContext } from '../test/helpers/fixtures';
import { benchDom0 } from './dom0';
import { printGoals, recordAtLeast, recordAtMost } from './goals';
import { benchHostile } from './hostile';
import { benchNative } from './native';
import { benchWorkspace } from './workspace';

interface GeneratedFile {
  path: string;
  text: string;
}
type Generator = (sizeHint: number) => GeneratedFile;

/** The size each language's large input is generated at (see bench/generators/). */
const LARGE_SIZE: Record<LanguageId, number> = {
  'xl-config': 10_000,
  'xend-sxp': 5_000,
  iftab: 5_000,
  drbd: 500,
  'cluster-conf': 64,
};
/** Issue 16's in-process parse+validate goal per language, MB/s. */
const THROUGHPUT_GOAL: Record<LanguageId, number> = {
  'xl-config': 40,
  'xend-sxp': 20,
  iftab: 20,
  drbd: 25,
  'cluster-conf': 15,
};
const SMALL_SIZE: Record<LanguageId, number> = {
  'xl-config': 1_000,
  'xend-sxp': 1_000,
  iftab: 1_000,
  drbd: 50,
  'cluster-conf': 8,
};

function loadGenerator(languageId: LanguageId): Generator | undefined {
  const compiled = join(__dirname, 'generators', `${languageId}.js`);
  if (!existsSync(compiled)) return undefined;
  return (require(compiled) as { generate: Generator }).generate;
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (n: number) => `${n.toFixed(2)} ms`;
const lineCount = (text: string) => text.split('\n').length;

/**
 * A full garbage collection. Each language's throughput is measured from a collected heap, so that it
 * does not pay for collecting the previous language's garbage: iftab measured right after xl-config
 * ran at 16 MB/s, after a collection at 26 MB/s (CPU time, 3 runs each, collector threads included).
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function measureThroughput(languageId: LanguageId, file: GeneratedFile) {
  const service = serviceFor(languageId)!;
  collectGarbage();
  const ctx = testContext(file.path);
  const bytes = Buffer.byteLength(file.text);
  let runs = 0;
  let diagnostics = 0;
  const start = performance.now();
  while (runs < 3 || performance.now() - start < 1000) {
    const doc = service.parse(file.text, ctx);
    diagnostics = service.validate(doc, ctx).length;
    runs++;
  }
  const perRun = (performance.now() - start) / runs;
  return { perRun, mbPerSecond: bytes / 1e6 / (perRun / 1000), diagnostics, bytes };
}

/** An edit that keeps the file's meaning: a space typed at the end of a line, then removed. */
function keystroke(text: string, index: number) {
  const lines = text.split('\n');
  const line = Math.floor(lines.length / 2) + (index % 7);
  const column = lines[line]?.length ?? 0;
  const insert = index % 2 === 0;
  return {
    range: { start: { line, character: insert ? column : column - 1 }, end: { line, character: column } },
    text: insert ? ' ' : '',
  };
}

async function measureKeystrokes(client: LspTestClient, uri: string, languageId: LanguageId, file: GeneratedFile, edits = 200) {
  await client.open(uri, languageId, file.text);
  let text = file.text;
  const samples: number[] = [];
  for (let i = 0; i < edits; i++) {
    const edit = keystroke(text, i);
    const start = performance.now();
    await client.change(uri, [{ range: edit.range, text: edit.text }]);
    samples.push(performance.now() - start);
    const lines = text.split('\n');
    const l = edit.range.start.line;
    lines[l] = lines[l].slice(0, edit.range.start.character) + edit.text + lines[l].slice(edit.range.end.character);
    text = lines.join('\n');
  }
  await client.close(uri);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

async function measureRequests(client: LspTestClient, uri: string, languageId: LanguageId, file: GeneratedFile, requests = 200) {
  await client.open(uri, languageId, file.text);
  const lines = file.text.split('\n');
  const completion: number[] = [];
  const hover: number[] = [];
  for (let i = 0; i < requests; i++) {
    const line = Math.floor((i * 7919) % lines.length);
    const position = { line, character: Math.min(3, lines[line].length) };
    let start = performance.now();
    await client.completion(uri, position);
    completion.push(performance.now() - start);
    start = performance.now();
    await client.hover(uri, position);
    hover.push(performance.now() - start);
  }
  await client.close(uri);
  return { completion: { p50: percentile(completion, 50), p99: percentile(completion, 99) }, hover: { p50: percentile(hover, 50), p99: percentile(hover, 99) } };
}

/** A memory figure of a process from /proc (VmHWM: peak resident set; VmRSS: resident now), in MB. */
function memoryMb(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status);
    return match ? Number(match[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

const peakMemoryMb = (pid: number) => memoryMb(pid, 'VmHWM');

async function measureStartup(): Promise<number> {
  const start = performance.now();
  const client = await LspTestClient.start();
  await client.open('file:///etc/xen/startup.cfg', 'xl-config', 'name = "startup"\nmemory = 512\n');
  const elapsed = performance.now() - start;
  await client.stop();
  return elapsed;
}

async function main(): Promise<void> {
  console.log(`xen-cluster-config benchmark — node ${process.version}, ${new Date().toISOString()}`);
  const startups: number[] = [];
  for (let i = 0; i < 5; i++) startups.push(await measureStartup());
  console.log(`\nserver start-up to first diagnostics: p50 ${ms(percentile(startups, 50))}, max ${ms(Math.max(...startups))} (5 starts)`);
  recordAtMost('server start-up to first diagnostics, p50', percentile(startups, 50), 'ms', 150);

  const client = await LspTestClient.start();
  for (const languageId of LANGUAGE_IDS) {
    const generate = loadGenerator(languageId);
    if (!generate) {
      console.log(`\n${languageId}: no generator in bench/generators/ — skipped`);
      continue;
    }
    const large = generate(LARGE_SIZE[languageId]);
    const small = generate(SMALL_SIZE[languageId]);
    const throughput = measureThroughput(languageId, large);
    console.log(`\n${languageId}: large input ${large.path}: ${lineCount(large.text)} lines, ${(throughput.bytes / 1e6).toFixed(2)} MB, ${throughput.diagnostics} diagnostics`);
    console.log(`  parse+validate: ${ms(throughput.perRun)} per run, ${throughput.mbPerSecond.toFixed(1)} MB/s`);
    recordAtLeast(`${languageId} parse+validate`, throughput.mbPerSecond, 'MB/s', THROUGHPUT_GOAL[languageId]);
    const base = `file://${SAMPLE_PATHS[languageId].replace(/[^/]+$/, '')}bench`;
    const smallName = small.path.slice(small.path.lastIndexOf('/') + 1);
    const largeName = large.path.slice(large.path.lastIndexOf('/') + 1);
    const smallKeys = await measureKeystrokes(client, `${base}-small/${smallName}`, languageId, small);
    console.log(`  keystroke→diagnostics (${lineCount(small.text)} lines): p50 ${ms(smallKeys.p50)}, p95 ${ms(smallKeys.p95)}`);
    recordAtMost(`${languageId} keystroke p95, ${lineCount(small.text)} lines`, smallKeys.p95, 'ms', 50);
    const largeKeys = await measureKeystrokes(client, `${base}-large/${largeName}`, languageId, large);
    console.log(`  keystroke→diagnostics (${lineCount(large.text)} lines): p50 ${ms(largeKeys.p50)}, p95 ${ms(largeKeys.p95)}`);
    recordAtMost(`${languageId} keystroke p95, ${lineCount(large.text)} lines`, largeKeys.p95, 'ms', 100);
    const requests = await measureRequests(client, `${base}-req/${largeName}`, languageId, large);
    console.log(`  completion (${lineCount(large.text)} lines): p50 ${ms(requests.completion.p50)}, p99 ${ms(requests.completion.p99)}`);
    console.log(`  hover (${lineCount(large.text)} lines): p50 ${ms(requests.hover.p50)}, p99 ${ms(requests.hover.p99)}`);
    recordAtMost(`${languageId} completion p99`, requests.completion.p99, 'ms', 10);
    recordAtMost(`${languageId} hover p99`, requests.hover.p99, 'ms', 10);
  }
  const peak = client.pid === undefined ? undefined : peakMemoryMb(client.pid);
  const now = client.pid === undefined ? undefined : memoryMb(client.pid, 'VmRSS');
  const mb = (n: number | undefined) => (n === undefined ? 'unknown' : `${n.toFixed(1)} MB`);
  console.log(`\nserver memory after all languages (all large files closed again): peak ${mb(peak)} (VmHWM), resident now ${mb(now)} (VmRSS)`);
  if (peak !== undefined) recordAtMost('server peak memory after the five languages', peak, 'MB', 150);
  await client.stop();

  benchNative();

  await benchWorkspace(2000, peakMemoryMb);

  const dom0 = await benchDom0();
  if ('skipped' in dom0) console.log(`\ndom0 refresh: skipped (${dom0.skipped})`);
  else console.log(`\ndom0 refresh of ${dom0.hosts} hosts × ${dom0.domainsPerHost} domains (real sshd on loopback, xl stand-in): first ${dom0.coldMs.toFixed(0)} ms, then ${dom0.warmMs.toFixed(0)} ms (median of ${dom0.rounds}), ${dom0.callsPerHostPerRefresh} SSH call per host per refresh`);

  await benchHostile();
  printGoals();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
