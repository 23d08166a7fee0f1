#!/usr/bin/env node
/**
 * node scripts/migrate-report.mjs [--oracle XL_ORACLE] FILE_OR_DIR...
 *
 * (after `npx tsc -b && node scripts/bundle.mjs`) Runs `dist/cli.js migrate --to xl` on every domain config given (folders: every file in them) and,
 * with the xl oracle (default /work/shared/oracles/xl-oracle, the real `xl -N create`), checks each
 * result: xl accepts it, and where xl also accepts the original, both give the same name, memory,
 * vCPUs, disks (target, vdev, mode), vifs (MAC, bridge) and boot settings. Prints one line per file
 * and the counts: converted, needing a person (and why), refused by xl for reasons that are not xm's.
 * Exit 1 when a result the converter called complete is refused by xl or means something else.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

// The comparison the oracle test uses too (built by `npx tsc -b`).
const { comparableDomain } = createRequire(import.meta.url)('../out/test/helpers/xlDomain.js');

const args = process.argv.slice(2);
let oracle = '/work/shared/oracles/xl-oracle';
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--oracle') oracle = args[++i];
  else inputs.push(args[i]);
}
if (inputs.length === 0) {
  console.error('usage: node scripts/migrate-report.mjs [--oracle XL_ORACLE] FILE_OR_DIR...');
  process.exit(2);
}
const haveOracle = existsSync(oracle);
const cli = resolve('dist/cli.js');
const files = inputs.flatMap((input) => (statSync(input).isDirectory() ? readdirSync(input).filter((name) => !/\.(md|json|tsv)$/.test(name)).map((name) => join(input, name)) : [input]));
const scratch = mkdtempSync(join(tmpdir(), 'migrate-report-'));

function runOracle(path) {
  const run = spawnSync(oracle, [path], { encoding: 'utf8' });
  try {
    return JSON.parse(run.stdout);
  } catch {
    return { valid: false, unavailable: run.stderr };
  }
}

function refusal(verdict) {
  return [...(verdict.libxlu?.report ?? []), ...(verdict.xl?.messages ?? [])].filter((m) => !m.startsWith('WARNING')).slice(0, 1).join(' ') || 'refused';
}

const counts = { converted: 0, person: 0, otherReasons: 0, failed: 0 };
const reasons = new Map();
files.forEach((file, index) => {
  const run = spawnSync(process.execPath, [cli, 'migrate', '--to', 'xl', file], { encoding: 'utf8' });
  const manual = run.stderr.split('\n').filter((line) => line.includes(': manual: '));
  const out = join(scratch, `${index}.cfg`);
  writeFileSync(out, run.stdout);
  let line = `${file}: exit ${run.status}`;
  if (!haveOracle) {
    if (run.status === 0) counts.converted++;
    else counts.person++;
    console.log(`${line} (no oracle: not checked)`);
    return;
  }
  const before = runOracle(file);
  const after = runOracle(out);
  if (run.status === 1) {
    counts.person++;
    // Each reason once per file: the counts are of files.
    for (const why of new Set(manual.map((m) => m.replace(/^.*?: manual: /, '').replace(/`[^`]*`/g, '…').slice(0, 90)))) reasons.set(why, (reasons.get(why) ?? 0) + 1);
    line += `, needs a person (${manual.length} item${manual.length === 1 ? '' : 's'}); xl ${after.valid ? 'accepts' : 'refuses'} the draft`;
  } else if (!after.valid) {
    const same = !before.valid && refusal(before) && refusal(before).replace(/^[^:]*:\d+: /, '') === refusal(after).replace(/^[^:]*:\d+: /, '');
    if (!before.valid && !refusal(after).includes('parsing error')) {
      counts.otherReasons++;
      line += `, xl refuses original and result for a reason that is not xm's: ${refusal(after)}${same ? '' : ' (differs from the original\'s)'}`;
    } else {
      counts.failed++;
      line += `, FAILED: xl refuses the result: ${refusal(after)}`;
    }
  } else if (before.valid) {
    const original = comparableDomain(before.xl.domain_config);
    const result = comparableDomain(after.xl.domain_config);
    const a = JSON.stringify(original);
    const b = JSON.stringify(result);
    // xl drops xm's ip/dhcp/nfs variables without a word; the conversion puts them back on the command line.
    const restoredCmdline = run.stderr.includes('moved into `extra`') && JSON.stringify({ ...original, boot: { ...original.boot, cmdline: result.boot.cmdline } }) === b;
    if (a === b || restoredCmdline) {
      counts.converted++;
      line += restoredCmdline ? `, converted; the kernel command line regains what xm put there and xl ignored: "${result.boot.cmdline}"` : ', converted, same JSON as the original';
    } else {
      counts.failed++;
      line += `, FAILED: JSON differs\n  before ${a}\n  after  ${b}`;
    }
  } else {
    counts.converted++;
    line += `, converted (xl refused the original: ${refusal(before).slice(0, 80)})`;
  }
  console.log(line);
});
console.log(`\n${files.length} files: ${counts.converted} converted, ${counts.person} need a person, ${counts.otherReasons} refused by xl for reasons that are not xm's, ${counts.failed} failed`);
for (const [why, n] of [...reasons].sort((a, b) => b[1] - a[1])) console.log(`  ${n} file${n === 1 ? '' : 's'}: ${why}`);
process.exit(counts.failed > 0 ? 1 : 0);
