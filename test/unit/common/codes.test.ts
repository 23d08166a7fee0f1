/**
 * The severity policy holds: every language declares each code once with its
 * severity and why (codes.ts), its docs page shows exactly that table, and no
 * diagnostic it reports on any fixture has a severity its table does not allow.
 * The same for the checker's own codes, which belong to no language
 * (common/checkerCodes.ts, docs/workspace.md).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CHECKER_CODES } from '../../../server/src/common/checkerCodes';
import { CodeInfo, levelsOf } from '../../../server/src/common/codes';
import { LANGUAGES } from '../../../server/src/languages/registry';
import { CODE_CATALOG } from '../../../server/src/workspace/codeCatalog';
import { codes as ruleControlCodes } from '../../../server/src/workspace/ruleControl';
import { fixtureFiles, REPO_ROOT } from '../../helpers/fixtures';

const TABLES: { name: string; page: string; codes: readonly CodeInfo[] }[] = [
  ...LANGUAGES.map((language) => ({ name: language.id, page: `${language.id}.md`, codes: language.codes })),
  { name: 'the checker (no language)', page: 'workspace.md', codes: CHECKER_CODES },
];
const ALL_CODES = new Map<string, CodeInfo>(TABLES.flatMap((table) => table.codes.map((info) => [info.code, info] as const)));

/** The rows of the one `| code | severity | why |` table under `## Codes` of a docs page. */
function docsTable(page: string): { code: string; severity: string; why: string }[] {
  const section = /^## Codes\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(page)?.[1] ?? '';
  const rows = section.split('\n').filter((line) => /^\|\s*`/.test(line));
  return rows.map((row) => {
    const [code, severity, why] = row.split(/(?<!\\)\|/).slice(1, 4).map((cell) => cell.trim());
    return { code: code.replace(/^`|`$/g, ''), severity, why: why.replace(/\\\|/g, '|') };
  });
}

/** The settings a file is checked under: the defaults, an old xm host, and each DRBD dialect. */
const SETTINGS: string[][] = [[], ['--xen-version', '4.4', '--toolstack', 'xm'], ['--drbd-dialect', '8.3'], ['--drbd-dialect', '8.4'], ['--drbd-dialect', '9']];

interface Reported {
  file: string;
  diagnostics: { line: number; severity: string; code: string }[];
}

function checkWithCli(language: string, files: string[], flags: string[]): Reported[] {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', '--language', language, ...flags, ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  assert.ok(result.status === 0 || result.status === 1, `cli.js check exited ${result.status}: ${result.stderr}`);
  return JSON.parse(result.stdout) as Reported[];
}

describe('the severity policy', () => {
  it('no language declares a code of the checker itself', () => {
    const checker = new Set(CHECKER_CODES.map((c) => c.code));
    assert.deepEqual(LANGUAGES.flatMap((language) => language.codes.filter((c) => checker.has(c.code)).map((c) => `${language.id}: ${c.code}`)), []);
  });

  it('the checker declares its own codes, each once, with a why; only infos (they say the file was checked less, not that it is wrong)', () => {
    const names = CHECKER_CODES.map((c) => c.code);
    assert.deepEqual(names.filter((code) => !code.startsWith('workspace/') && !code.startsWith('limits/')), []);
    assert.deepEqual(CHECKER_CODES.filter((c) => c.why.trim().length < 20).map((c) => c.code), []);
    assert.deepEqual(CHECKER_CODES.filter((c) => levelsOf(c).join() !== 'info').map((c) => c.code), []);
  });

  for (const table of TABLES) {
    it(`docs/${table.page} shows exactly the table of ${table.name}`, () => {
      const page = readFileSync(join(REPO_ROOT, 'docs', table.page), 'utf8');
      const expected = table.codes.map((c) => ({ code: c.code, severity: levelsOf(c).join(' / '), why: c.why }));
      assert.deepEqual(docsTable(page), expected);
    });
  }

  for (const language of LANGUAGES) {
    const { codes } = language;
    it(`${language.id} declares its codes, each once, named after the language or the workspace`, () => {
      assert.ok(codes.length > 0, `${language.id} has no codes table`);
      const names = codes.map((c) => c.code);
      assert.deepEqual(names.filter((code, i) => names.indexOf(code) !== i), [], 'declared twice');
      const prefix = language.id === 'xl-config' ? 'xl/' : language.id === 'xend-sxp' ? 'xend/' : `${language.id}/`;
      assert.deepEqual(names.filter((code) => !code.startsWith(prefix) && !code.startsWith('workspace/')), []);
      assert.deepEqual(codes.filter((c) => c.why.trim().length < 20).map((c) => c.code), [], 'a why of a few words says nothing');
    });

    it(`${language.id} reports every code on the fixtures at a severity its table allows`, () => {
      const files = [...fixtureFiles(language.id), ...fixtureFiles('grammar', language.id)].filter((f) => !f.endsWith('.json') && !f.endsWith('.md'));
      assert.ok(files.length > 0);
      const wrong: string[] = [];
      let seen = 0;
      for (const flags of SETTINGS) {
        for (const report of checkWithCli(language.id, files, flags)) {
          for (const d of report.diagnostics) {
            seen++;
            const info = ALL_CODES.get(d.code);
            if (!info) wrong.push(`${report.file}:${d.line} ${d.code}: not in any codes table`);
            else if (!levelsOf(info).includes(d.severity as never)) wrong.push(`${report.file}:${d.line} ${d.code} is ${d.severity}, the table says ${levelsOf(info).join('/')} ${flags.join(' ')}`);
          }
        }
      }
      assert.deepEqual(wrong, []);
      assert.ok(seen > 0, 'no diagnostic at all: the check ran on nothing');
    });
  }

  it('docs/severity.md shows the table of the rule-control codes', () => {
    const page = readFileSync(join(REPO_ROOT, 'docs', 'severity.md'), 'utf8');
    assert.deepEqual(docsTable(page), ruleControlCodes.map((c) => ({ code: c.code, severity: levelsOf(c).join(' / '), why: c.why })));
  });

  it('every code in the catalog points at a docs section that exists and names it (the help link of SARIF)', () => {
    const missing: string[] = [];
    for (const [code, { docs }] of CODE_CATALOG) {
      const [page, anchor] = docs.split('#');
      const text = readFileSync(join(REPO_ROOT, page), 'utf8');
      const sections = text.split(/^(?=## )/m);
      const section = sections.find((s) => githubAnchor(s.slice(3, s.indexOf('\n'))) === anchor);
      if (!section) missing.push(`${code}: ${page} has no section #${anchor}`);
      else if (!section.includes(`| \`${code}\` |`)) missing.push(`${code}: not in a table of ${docs}`);
    }
    assert.deepEqual(missing, []);
    assert.ok(CODE_CATALOG.size > LANGUAGES.length * 10);
  });
});

/** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens. */
function githubAnchor(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
}

