/**
 * The "side by side with the native tools" table of `npm run bench`: each
 * language's generated large file checked by `node dist/cli.js check` as a whole
 * process, next to the real tool that reads that format run on the same file,
 * and next to `node -e 0` (Node's own start, which no change of ours removes).
 * The goal printed per row: ours within 2 × native + Node's start.
 *
 * The native tools are used only when installed; a missing one is named and our
 * figure printed alone. How each is called follows the oracles in
 * ../shared/oracles (optional: the libxlutil reader and the ifrename shim are
 * built there; nothing else of ../shared is needed):
 *   - cluster-conf: `xmllint --noout --relaxng data/upstream/cluster.rng FILE`
 *   - drbd: `drbdadm-84 -d -c FILE dump all` (drbd-utils), pretending to be the first node
 *   - xl-config: `xlu-dump FILE`, libxlutil's xlu_cfg_readfile (the oracles' build)
 *   - iftab: `ifrename -D -c FILE` with the oracles' parse-only shim, in a private network namespace
 *   - xend-sxp: none (xend and its Python parser left Xen in 4.5)
 * A second DRBD row has 500 resources in one file: drbdadm stops at about 400
 * ("hash table entry … failed"); we check them all.
 *
 * Whole-process time is the least wall time of RUNS runs (the machine may be
 * loaded: the least is the run that waited least) and the mean CPU time of the
 * runs (user + system of the child, from /proc/self/stat's children fields).
 *
 *   node out/bench/native.js    also runs on its own (needs `npm run build` for dist/cli.js)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LanguageId } from '../server/src/languages/types';
import { recordAtMost } from './goals';

const RUNS = 7;
const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const ORACLE_BUILD = process.env.ORACLE_BUILD ?? '/tmp/oracle-build';

interface Command {
  argv: string[];
  env?: Record<string, string>;
}

/** The native tool for a file, or why there is none here. */
type Native = { tool: string; command: Command } | { absent: string };

interface Case {
  language: LanguageId;
  size: number;
  /** Why this row is here, when it is not the plain large file. */
  note?: string;
  native(file: string): Native;
}

const firstExisting = (...paths: string[]) => paths.find((p) => existsSync(p));

function unshareWorks(): boolean {
  return spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
}

function drbdadm(file: string): Native {
  const binary = firstExisting('/lib/drbd/drbdadm-84', '/usr/lib/drbd/drbdadm-84');
  if (!binary) return { absent: 'drbdadm-84 (drbd-utils) not installed' };
  // drbdadm checks only the resources of "this" host: be the generated file's first node.
  const node = /\bon\s+([A-Za-z0-9_.-]+)\s*\{/.exec(readFileSync(file, 'latin1'))?.[1] ?? 'bench-node';
  return { tool: 'drbdadm-84 dump', command: { argv: [binary, '-d', '-c', file, 'dump', 'all'], env: { __DRBD_NODE__: node, LC_ALL: 'C' } } };
}

const CASES: Case[] = [
  {
    language: 'xl-config',
    size: 10_000,
    native(file) {
      const reader = join(ORACLE_BUILD, 'xlu-dump');
      if (!existsSync(reader)) return { absent: `libxlutil reader ${reader} not built (the oracles' setup.sh builds it)` };
      return { tool: 'libxlutil (xlu_cfg_readfile)', command: { argv: [reader, file] } };
    },
  },
  { language: 'xend-sxp', size: 5_000, native: () => ({ absent: 'no native parser (xend left Xen in 4.5)' }) },
  {
    language: 'iftab',
    size: 5_000,
    native(file) {
      const ifrename = firstExisting('/usr/sbin/ifrename', '/sbin/ifrename');
      const shim = join(ORACLE_BUILD, 'ifrename-parseonly-shim.so');
      if (!ifrename) return { absent: 'ifrename (wireless-tools) not installed' };
      // Without the oracles' shim ifrename would look at (and could rename) this machine's interfaces.
      if (!existsSync(shim)) return { absent: `parse-only shim ${shim} not built (the oracles' setup.sh builds it)` };
      const argv = [ifrename, '-D', '-c', file];
      return { tool: 'ifrename -D', command: { argv: unshareWorks() ? ['unshare', '-n', ...argv] : argv, env: { LD_PRELOAD: shim } } };
    },
  },
  { language: 'drbd', size: 300, native: drbdadm },
  { language: 'drbd', size: 500, note: 'drbdadm fails at about 400 resources in one file', native: drbdadm },
  {
    language: 'cluster-conf',
    size: 64,
    native(file) {
      if (spawnSync('xmllint', ['--version'], { stdio: 'ignore' }).error) return { absent: 'xmllint (libxml2-utils) not installed' };
      return { tool: 'xmllint --relaxng', command: { argv: ['xmllint', '--noout', '--relaxng', join(ROOT, 'data', 'upstream', 'cluster.rng'), file] } };
    },
  },
];

/** User + system time of this process's waited-for children so far, in ms (fields 16 and 17 of /proc/self/stat, in clock ticks). */
function childrenCpuMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /s, '').split(' ');
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

interface Timing {
  wallMs: number;
  cpuMs?: number;
  status: number | null;
  stderr: string;
  stdout: string;
}

function time(command: Command): Timing {
  let best = Infinity;
  let last: ReturnType<typeof spawnSync> | undefined;
  const cpuBefore = childrenCpuMs();
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    last = spawnSync(command.argv[0], command.argv.slice(1), { env: { ...process.env, ...command.env }, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, encoding: 'utf8' });
    best = Math.min(best, performance.now() - start);
  }
  const cpuAfter = childrenCpuMs();
  const cpuMs = cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / RUNS;
  return { wallMs: best, cpuMs, status: last!.status, stderr: String(last!.stderr), stdout: String(last!.stdout) };
}

const fmt = (t: Timing) => `${t.wallMs.toFixed(0)} ms${t.cpuMs === undefined ? '' : ` (cpu ${t.cpuMs.toFixed(0)})`}`;
const pad = (text: string, width: number) => text.padEnd(width);

/** Ours ÷ native, and whether ours is within 2 × native + Node's start: by wall time, and by cpu time (less skewed by a loaded machine). */
function verdict(ours: Timing, native: Timing, node: Timing): string {
  const judge = (o: number, n: number, start: number) => `${(o / n).toFixed(1)}× ${o <= 2 * n + start ? 'met' : 'not met'}`;
  const cpu = ours.cpuMs !== undefined && native.cpuMs !== undefined && node.cpuMs !== undefined ? `; cpu ${judge(ours.cpuMs, Math.max(native.cpuMs, 1), node.cpuMs)}` : '';
  return `wall ${judge(ours.wallMs, native.wallMs, node.wallMs)}${cpu}`;
}

/** What a tool said when it refused the file: its first line naming a problem. */
const refusal = (t: Timing) => t.stderr.split('\n').find((l) => /failed|error/i.test(l))?.trim().slice(0, 90) ?? `exit ${t.status}`;

export function benchNative(): void {
  if (!existsSync(CLI)) {
    console.log(`\nnative tools side by side: skipped (${CLI} missing: run npm run build)`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'xen-native-'));
  try {
    const node = time({ argv: [process.execPath, '-e', '0'] });
    console.log(`\nwhole process, cli.js check vs the native tool on the same generated file (least wall of ${RUNS} runs, mean cpu):`);
    console.log(`  node -e 0: ${fmt(node)}; goal per row: cli.js ≤ 2 × native + node -e 0`);
    console.log(`  ${pad('language', 14)}${pad('file', 30)}${pad('cli.js check', 22)}${pad('native', 48)}ours ÷ native, goal`);
    for (const c of CASES) {
      const generated = (require(join(__dirname, 'generators', `${c.language}.js`)) as { generate: (size: number) => { path: string; text: string } }).generate(c.size);
      const folder = join(dir, `${c.language}-${c.size}`);
      mkdirSync(folder);
      const file = join(folder, generated.path.slice(generated.path.lastIndexOf('/') + 1));
      writeFileSync(file, generated.text);
      const ours = time({ argv: [process.execPath, CLI, 'check', '--language', c.language, file] });
      const lines = generated.text.split('\n').length;
      const what = `${lines} lines${c.language === 'drbd' ? `, ${c.size} res` : ''}`;
      const oursText = ours.status === 2 ? `failed: ${refusal(ours)}` : fmt(ours);
      const native = c.native(file);
      if ('absent' in native) {
        console.log(`  ${pad(c.language, 14)}${pad(what, 30)}${pad(oursText, 22)}${native.absent}`);
        continue;
      }
      const theirs = time(native.command);
      if (theirs.status !== 0) {
        console.log(`  ${pad(c.language, 14)}${pad(what, 30)}${pad(oursText, 22)}${native.tool} refuses it: ${refusal(theirs)}${c.note ? ` (${c.note})` : ''}`);
        continue;
      }
      console.log(`  ${pad(c.language, 14)}${pad(what, 30)}${pad(oursText, 22)}${pad(`${native.tool}: ${fmt(theirs)}`, 48)}${verdict(ours, theirs, node)}`);
      recordAtMost(`${c.language} cli.js check (${what}), wall`, ours.wallMs, 'ms', 2 * theirs.wallMs + node.wallMs);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) benchNative();
