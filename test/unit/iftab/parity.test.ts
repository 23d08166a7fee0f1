/**
 * Parity with the real ifrename (Debian's wireless-tools, through the
 * project's iftab oracle): the lines ifrename drops are exactly the lines
 * we report an error on, for every fixture and for generated mutations of
 * their lines. Skips when the oracle is not installed. The oracle folder is
 * `../shared/oracles` next to the repository, or $XEN_CONFIG_ORACLES.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { fixtureFiles } from '../../helpers/fixtures';
import { oracleFor } from '../../helpers/oracles';
import { iftab } from './helpers';

const ORACLE = oracleFor('iftab') ?? 'iftab-oracle';

/**
 * Codes that are stricter than ifrename on purpose: the kernel refuses these
 * names at rename time (a 16-character name, '/' or ':'), ifrename only later.
 */
const STRICTER_THAN_IFRENAME = new Set(['iftab/name-too-long', 'iftab/name-invalid']);

interface OracleResult {
  valid: boolean | null;
  errors: { line: number | null; message: string }[];
}

function runOracle(path: string): OracleResult {
  try {
    return JSON.parse(execFileSync(ORACLE, [path], { encoding: 'utf8' })) as OracleResult;
  } catch (error) {
    // Exit status 1 means "invalid", and still prints the JSON verdict.
    const stdout = (error as { stdout?: string }).stdout;
    if (stdout) return JSON.parse(stdout) as OracleResult;
    throw error;
  }
}

/** 1-based lines ifrename drops, and those we reject (split into parity errors and deliberate strictness). */
function compare(text: string, path: string): { oracle: number[]; ours: number[]; stricter: number[] } {
  const oracle = [...new Set(runOracle(path).errors.flatMap((e) => (e.line === null ? [] : [e.line])))].sort((a, b) => a - b);
  const errors = iftab.diagnostics(text).filter((d) => d.severity === 1);
  const codesByLine = new Map<number, Set<string>>();
  for (const d of errors) {
    const line = d.range.start.line + 1;
    codesByLine.set(line, (codesByLine.get(line) ?? new Set()).add(String(d.code)));
  }
  const ours: number[] = [];
  const stricter: number[] = [];
  for (const [line, codes] of [...codesByLine].sort((a, b) => a[0] - b[0])) {
    const onlyStricter = [...codes].every((c) => STRICTER_THAN_IFRENAME.has(c));
    if (onlyStricter && !oracle.includes(line)) stricter.push(line);
    else ours.push(line);
  }
  return { oracle, ours, stricter };
}

/** Deterministic mutations of each mapping line: what typing and pasting do to an iftab. */
function mutations(lines: string[]): string[] {
  const out: string[] = [];
  let seed = 7;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const junk = [':', '*', '"', '{', '}', 'x', ' ', '0', 'G', '\t', '-', '.'];
  for (const line of lines) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    for (let k = 0; k < 12; k++) {
      const at = random(line.length + 1);
      const kind = random(4);
      if (kind === 0) out.push(line.slice(0, at) + line.slice(at + 1));
      else if (kind === 1) out.push(line.slice(0, at) + junk[random(junk.length)] + line.slice(at));
      else if (kind === 2) out.push(line.slice(0, at));
      else out.push(line.replace(/ (\S+) /, (_, word: string) => ` ${word.slice(0, 1 + random(word.length)).toUpperCase()} `));
    }
  }
  return out;
}

describe('parity with ifrename', () => {
  const available = existsSync(ORACLE);
  const files = fixtureFiles('iftab');

  it('drops exactly the lines we report errors on, in every fixture', (t) => {
    if (!available) return t.skip(`ifrename oracle not found at ${ORACLE}: install it (shared/oracles/setup.sh) or point XEN_CONFIG_ORACLES at its folder`);
    let agree = 0;
    for (const path of files) {
      const { oracle, ours, stricter } = compare(readFileSync(path, 'utf8'), path);
      assert.deepEqual(ours, oracle, basename(path));
      agree++;
      if (stricter.length > 0) t.diagnostic(`${basename(path)}: stricter than ifrename on lines ${stricter.join(', ')}`);
    }
    t.diagnostic(`fixtures: ${agree} of ${files.length} files agree with ifrename line for line`);
  });

  it('drops exactly the lines we report errors on, for mutated lines', (t) => {
    if (!available) return t.skip(`ifrename oracle not found at ${ORACLE}: install it (shared/oracles/setup.sh) or point XEN_CONFIG_ORACLES at its folder`);
    const folder = mkdtempSync(join(tmpdir(), 'iftab-parity-'));
    try {
      const lines = mutations(files.flatMap((path) => readFileSync(path, 'utf8').split('\n')));
      // Chunks keep ifrename's file-wide SYSFS limit (8 names) from coupling unrelated lines.
      let total = 0;
      let stricterTotal = 0;
      for (let chunk = 0; chunk * 40 < lines.length; chunk++) {
        const text = lines.slice(chunk * 40, chunk * 40 + 40).join('\n') + '\n';
        const path = join(folder, `mutations-${chunk}.iftab`);
        writeFileSync(path, text);
        const { oracle, ours, stricter } = compare(text, path);
        assert.deepEqual(ours, oracle, `chunk ${chunk}:\n${text}`);
        total += text.split('\n').length - 1;
        stricterTotal += stricter.length;
      }
      t.diagnostic(`mutations: ${total} lines, same verdict as ifrename on all; ${stricterTotal} lines rejected on purpose where ifrename accepts (names the kernel refuses)`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('drops exactly the lines we report errors on, with Windows line endings', (t) => {
    if (!available) return t.skip(`ifrename oracle not found at ${ORACLE}: install it (shared/oracles/setup.sh) or point XEN_CONFIG_ORACLES at its folder`);
    const folder = mkdtempSync(join(tmpdir(), 'iftab-parity-crlf-'));
    try {
      // Every line of every fixture with a CR before its LF, and again with a blank before the CR.
      const lines = files.flatMap((path) => readFileSync(path, 'utf8').split('\n')).filter((line) => line.trim() && !line.includes('\r'));
      const variants = [...lines.map((line) => `${line}\r`), ...lines.map((line) => `${line} \r`)];
      let total = 0;
      for (let chunk = 0; chunk * 40 < variants.length; chunk++) {
        const text = variants.slice(chunk * 40, chunk * 40 + 40).join('\n') + '\n';
        const path = join(folder, `crlf-${chunk}.iftab`);
        writeFileSync(path, text);
        const { oracle, ours } = compare(text, path);
        assert.deepEqual(ours, oracle, `chunk ${chunk}:\n${JSON.stringify(text)}`);
        total += variants.slice(chunk * 40, chunk * 40 + 40).length;
      }
      t.diagnostic(`CRLF: ${total} lines, same verdict as ifrename on all`);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
