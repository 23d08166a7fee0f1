/**
 * Parity with libxlutil, the parser xl itself uses, through the xl oracle
 * (../shared/oracles/xl-oracle: Debian's libxlutil 4.17 and `xl -N create`).
 * On every xl-config fixture and on generated mutations of them we compare:
 *  - accept/reject of the config syntax, and the line of the first error;
 *  - accept/reject of every disk spec (libxlu's disk parser).
 * Skips, saying why, where the oracle is not installed.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { stringItems } from '../../../server/src/languages/xl-config/ast';
import { parseDiskSpec } from '../../../server/src/languages/xl-config/devices/diskSpec';
import { parse } from '../../../server/src/languages/xl-config/parse';
import { fixtureFiles, REPO_ROOT } from '../../helpers/fixtures';
import { everyAction, fixtureConfigs, xl } from './helpers';
import { inPool, ORACLE_XEN_VERSION, OracleOutput, runOracle, XL_ORACLE as ORACLE } from './oracle';

const MUTATIONS_PER_FIXTURE = 4;

interface Verdict {
  accepted: boolean;
  /** 1-based line of the first syntax error, counted in '\n' as flex does. */
  firstErrorLine?: number;
  /** Accept/reject of each disk spec, in order (only when the file parsed). */
  disks: boolean[];
}

function oracleVerdict(output: OracleOutput): Verdict {
  const errors = output.libxlu?.errors ?? [];
  const disks = (output.libxlu?.disk ?? []).map((d) => d.ok);
  if (errors.length === 0 && !output.libxlu?.parse_errno) return { accepted: true, disks };
  const first = errors[0];
  if (!first) return { accepted: false, disks };
  // libxlu reports an unexpected line break (or `# comment` + line break) one line too early.
  const early = /near (<newline>|`#.*'): syntax error/.test(first.message) ? 1 : 0;
  return { accepted: false, firstErrorLine: first.line + early, disks };
}

function ourVerdict(text: string): Verdict {
  const doc = parse(text, '/etc/xen/parity.cfg');
  if (doc.syntaxErrors.length > 0) {
    const first = Math.min(...doc.syntaxErrors.map((d) => doc.lines.offsetAt(d.range.start)));
    return { accepted: false, firstErrorLine: text.slice(0, first).split('\n').length, disks: [] };
  }
  const disk = doc.settings.filter((s) => s.key.name === 'disk').pop();
  return { accepted: true, disks: stringItems(disk?.value).map((item) => parseDiskSpec(text, item).errors.length === 0) };
}

/** Deterministic edits a user makes: delete, insert a syntax character, duplicate a slice. */
function mutations(text: string, seed: number): string[] {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const inserts = ['=', '"', "'", '[', ']', ',', ';', '#', '(', ':', '+=', '\n', ' ', 'x', '1', '-', 'A', '\\'];
  const result: string[] = [];
  for (let i = 0; i < MUTATIONS_PER_FIXTURE; i++) {
    const at = Math.floor(random() * text.length);
    const to = Math.min(text.length, at + 1 + Math.floor(random() * 8));
    const kind = i % 3;
    if (kind === 0) result.push(text.slice(0, at) + text.slice(to));
    else if (kind === 1) result.push(text.slice(0, at) + inserts[Math.floor(random() * inserts.length)] + text.slice(at));
    else result.push(text.slice(0, to) + text.slice(at, to) + text.slice(to));
  }
  return result;
}

describe('xl-config parity with libxlutil (xl oracle)', () => {
  it('accepts and rejects what xl does, with the same first error line, on fixtures and mutations', async (t) => {
    if (!ORACLE) {
      t.skip('xl oracle not found at ../shared/oracles/xl-oracle (install it with shared/oracles/setup.sh; see docs/xl-config.md)');
      return;
    }
    const probe = await runOracle(join(REPO_ROOT, 'examples', 'etc', 'xen', 'vm01-web.cfg'));
    if (probe.valid === null) {
      t.skip(`xl oracle unavailable: ${probe.unavailable}`);
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'xl-parity-'));
    try {
      const cases: { name: string; text: string }[] = [];
      fixtureFiles('xl-config').forEach((path, index) => {
        const text = readFileSync(path, 'utf8');
        const name = relative(REPO_ROOT, path);
        cases.push({ name, text });
        mutations(text, index + 1).forEach((mutated, m) => cases.push({ name: `${name} (mutation ${m + 1})`, text: mutated }));
      });
      const disagreements: string[] = [];
      await inPool(cases, 8, async (c, index) => {
        const path = join(dir, `case-${index}.cfg`);
        writeFileSync(path, c.text);
        const expected = oracleVerdict(await runOracle(path));
        const actual = ourVerdict(c.text);
        const same = expected.accepted === actual.accepted && expected.firstErrorLine === actual.firstErrorLine && (!expected.accepted || expected.disks.join() === actual.disks.join());
        if (!same) disagreements.push(`${c.name}: xl ${JSON.stringify(expected)}, ours ${JSON.stringify(actual)}`);
      });
      t.diagnostic(`agreement with libxlutil: ${cases.length - disagreements.length} of ${cases.length} files`);
      assert.deepEqual(disagreements, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every quick fix and refactoring of every domain config fixture leaves a file xl accepts exactly when we find no error', async (t) => {
    if (!ORACLE) return t.skip('xl oracle not found (set XEN_CONFIG_ORACLES or install ../shared/oracles)');
    const options = (path: string) => ({ path, settings: { xen: { version: ORACLE_XEN_VERSION } } });
    const cases = fixtureConfigs()
      .filter((f) => !f.name.endsWith('xl.conf'))
      .flatMap(({ name, path, text }) => everyAction(text, options(path)).map((a) => ({ name: `${name}: "${a.title}"`, path, text: a.result })));
    const dir = mkdtempSync(join(tmpdir(), 'xl-fixes-'));
    try {
      const disagreements = (
        await inPool(cases, 8, async (c, index) => {
          const file = join(dir, `fix-${index}.cfg`);
          writeFileSync(file, c.text);
          const accepted = (await runOracle(file)).valid;
          const clean = !xl.diagnostics(c.text, options(c.path)).some((d) => d.severity === 1);
          return accepted === clean ? undefined : `${c.name}: xl ${accepted ? 'accepts' : 'refuses'} the result, we find ${clean ? 'no error' : 'errors'}`;
        })
      ).filter((d) => d !== undefined);
      t.diagnostic(`${cases.length - disagreements.length} of ${cases.length} fixed files agree with xl`);
      assert.deepEqual(disagreements, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
