/**
 * The "hostile inputs" table of `npm run bench`: per language, the slowest of
 * the generated hostile cases (test/property/hostileInputs.ts) at one size,
 * and the peak memory of checking a 20 MB file open in the editor, as the
 * runner does past the size limit (syntax only, the default) and with every
 * check (no limit), each measured in a fresh child process
 * (bench/hostileChild.ts) that is killed when a case takes too long. Memory is
 * shown as the peak, node's own baseline before the file was read, and the
 * multiple of the file's size the check added above that baseline. It measures
 * and prints; it asserts nothing (the growth property test asserts linear time).
 *
 *   node out/bench/hostile.js [--only LANGUAGE…] [--no-memory]   also runs on its own
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LANGUAGE_IDS } from '../server/src/languages/registry';
import type { LanguageId } from '../server/src/languages/types';
import { HOSTILE_CASES } from '../test/property/hostileInputs';

/** Every case runs at about this size: the size of the issue's slow examples (10–100 KB). */
const CASE_BYTES = 100_000;
/** A case still running after this is reported as "> limit" and its child killed. */
const CASE_LIMIT_MS = 10_000;
const FILE_BYTES = 20_000_000;
const FILE_LIMIT_MS = 300_000;
const MEMORY_RUNS = 3;

const CHILD = join(__dirname, 'hostileChild.js');

interface CaseResult {
  name: string;
  bytes?: number;
  ms?: number;
  timedOut?: boolean;
  failed?: string;
}

/** Runs `node hostileChild.js ARGS`, handing each JSON line to `onLine`; resolves with why it ended (killed after `limitMs` of silence). */
function runChild(args: string[], limitMs: number, onLine: (value: any) => void): Promise<{ timedOut: boolean; code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let timedOut = false;
    let timer = setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), limitMs);
    let buffered = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (let newline = buffered.indexOf('\n'); newline >= 0; newline = buffered.indexOf('\n')) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        clearTimeout(timer);
        timer = setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), limitMs);
        onLine(JSON.parse(line));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ timedOut, code, stderr });
    });
  });
}

async function timeCases(language: LanguageId): Promise<CaseResult[]> {
  const cases = HOSTILE_CASES.filter((c) => c.language === language);
  const results: CaseResult[] = [];
  while (results.length < cases.length) {
    const first = results.length;
    const ended = await runChild(['time', language, String(CASE_BYTES), String(first)], CASE_LIMIT_MS, (r) => results.push(r));
    if (results.length < cases.length) {
      // The child died or was killed on the case after the last one it reported.
      const why = ended.timedOut ? undefined : (ended.stderr.split('\n').find((l) => /Error/.test(l)) ?? `exit ${ended.code}`);
      results.push({ name: cases[results.length].name, timedOut: ended.timedOut, failed: why });
    }
  }
  return results;
}

/** A 20 MB file: the bench's realistic generator scaled up, or one hostile case repeated. */
function twentyMegabytes(language: LanguageId, kind: 'realistic' | 'repetitive'): { path: string; text: string } {
  if (kind === 'realistic') {
    const generate = (require(join(__dirname, 'generators', `${language}.js`)) as { generate: (size: number) => { path: string; text: string } }).generate;
    const sample = generate(REALISTIC_SAMPLE[language]);
    return generate(Math.ceil((REALISTIC_SAMPLE[language] * FILE_BYTES) / sample.text.length));
  }
  const unit = REPETITIVE[language];
  return { path: SAMPLE_PATH[language], text: unit.repeat(Math.ceil(FILE_BYTES / unit.length)) };
}

const REALISTIC_SAMPLE: Record<LanguageId, number> = { 'xl-config': 2000, 'xend-sxp': 2000, iftab: 2000, drbd: 100, 'cluster-conf': 32 };
/** One line with a problem, 20 MB of it: what a generated or corrupted file looks like. */
const REPETITIVE: Record<LanguageId, string> = {
  'xl-config': 'memroy = 512\n',
  'xend-sxp': '(xend-http-server maybe)\n',
  iftab: 'eth0 mac 00:16:3e:00:00:01\n',
  drbd: 'resource r { device /dev/drbd0; disk /dev/sda1; meta-disk internal; on a { address 10.0.0.1:7789; } on b { address 10.0.0.2:7789; } }\n',
  'cluster-conf': '<a b="1"/>\n',
};
const SAMPLE_PATH: Record<LanguageId, string> = {
  'xl-config': '/etc/xen/big.cfg',
  'xend-sxp': '/etc/xen/xend-config.sxp',
  iftab: '/etc/iftab',
  drbd: '/etc/drbd.d/big.res',
  'cluster-conf': '/etc/cluster/cluster.conf',
};

type CheckMode = 'syntax' | 'full';

interface MemoryResult {
  bytes: number;
  peakKb?: number;
  baseKb?: number;
  ms?: number;
  diagnostics?: number;
  failed?: string;
}

async function measureMemory(language: LanguageId, kind: 'realistic' | 'repetitive', mode: CheckMode, dir: string): Promise<MemoryResult> {
  const file = twentyMegabytes(language, kind);
  const path = join(dir, `${language}-${kind}`);
  writeFileSync(path, kind === 'repetitive' && language === 'cluster-conf' ? `<cluster name="c" config_version="1">\n${file.text}</cluster>\n` : file.text);
  // The peak of one run depends on when the collector gets to run: the least of MEMORY_RUNS fresh processes.
  let best: MemoryResult | undefined;
  let failed: string | undefined;
  for (let run = 0; run < MEMORY_RUNS && !failed; run++) {
    let result: MemoryResult | undefined;
    const ended = await runChild(['memory', language, file.path, path, mode], FILE_LIMIT_MS, (r) => (result = r));
    if (result) best = !best || result.peakKb! < best.peakKb! ? result : best;
    else failed = ended.timedOut ? `> ${FILE_LIMIT_MS / 1000} s` : (ended.stderr.split('\n').find((l) => /heap out of memory|RangeError|Error/.test(l)) ?? `exit ${ended.code}`);
  }
  rmSync(path, { force: true });
  return best ?? { bytes: file.text.length, failed };
}

const pad = (text: string, width: number) => text.padEnd(width);
const msText = (r: CaseResult) => (r.timedOut ? `> ${CASE_LIMIT_MS / 1000} s` : r.failed ? `crash (${r.failed.trim().slice(0, 60)})` : `${r.ms!.toFixed(1)} ms`);

function memoryText(r: MemoryResult): string {
  if (r.failed) return r.failed.trim().slice(0, 70);
  const [peak, base, file] = [r.peakKb! / 1024, r.baseKb! / 1024, r.bytes / 1048576];
  return `${peak.toFixed(0)} MB peak, ${base.toFixed(0)} MB before the file: +${((peak - base) / file).toFixed(1)}× the file, ${(r.ms! / 1000).toFixed(1)} s, ${r.diagnostics} diagnostics`;
}

export async function benchHostile(only?: LanguageId[], withMemory = true): Promise<void> {
  const languages = only ?? LANGUAGE_IDS;
  console.log(`\nhostile inputs (test/property/hostileInputs.ts; each case at about ${CASE_BYTES / 1000} KB in a fresh process, every entry point; 20 MB files checked once, syntax only and in full):`);
  console.log(`  ${pad('language', 14)}${pad('cases', 7)}${pad('slowest case', 16)}which`);
  const memoryRows: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'xen-hostile-'));
  try {
    for (const language of languages) {
      const results = await timeCases(language);
      const worst = results.reduce((a, b) => (score(b) > score(a) ? b : a));
      console.log(`  ${pad(language, 14)}${pad(String(results.length), 7)}${pad(msText(worst), 16)}${worst.name}${worst.bytes ? ` (${(worst.bytes / 1000).toFixed(0)} KB)` : ''}`);
      for (const r of results) if (r !== worst && (r.timedOut || r.failed || (r.ms ?? 0) > 1000)) console.log(`  ${pad('', 21)}${pad(msText(r), 16)}${r.name}`);
      for (const kind of withMemory ? (['realistic', 'repetitive'] as const) : []) {
        for (const mode of ['syntax', 'full'] as const) {
          memoryRows.push(`  ${pad(language, 14)}${pad(kind, 12)}${pad(mode === 'syntax' ? 'syntax only' : 'every check', 13)}${memoryText(await measureMemory(language, kind, mode, dir))}`);
        }
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!withMemory) return;
  console.log(`\n  peak resident memory (VmHWM of a fresh node, the least of ${MEMORY_RUNS}) checking a ${FILE_BYTES / 1e6} MB file open in the editor:`);
  console.log(`  syntax only: past xenConfig.diagnostics.maxFileSize, what the server does by default; every check: the limit set to 0; +N×: (peak - baseline) / file size`);
  for (const row of memoryRows) console.log(row);
}

function score(r: CaseResult): number {
  return r.timedOut || r.failed ? Infinity : r.ms ?? 0;
}

if (require.main === module) {
  const at = process.argv.indexOf('--only');
  const only = at > 0 ? (process.argv.slice(at + 1).filter((a) => !a.startsWith('--')) as LanguageId[]) : undefined;
  benchHostile(only, !process.argv.includes('--no-memory')).catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
