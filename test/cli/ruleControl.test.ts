/**
 * Rule control from the command line, as CI uses it: ignore comments,
 * `--severity CODE=LEVEL`, `--fail-on`, a summary in English, and SARIF whose
 * rules say what each code is, why, and where it is documented.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { countBySeverity } from '../../server/src/cli/check';
import { REPOSITORY_URL } from '../../server/src/cli/formats';
import { REPO_ROOT } from '../helpers/fixtures';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

/** A warning on line 3 (an unknown key) and one silenced on line 5; an iftab with a hint, its cross-file hint silenced. */
const FILES: Record<string, string> = {
  'etc/xen/vm1.cfg': 'name = "vm1"\nkernel = "/k"\nfoo = 1\n# xcc-ignore xl/unknown-key -- read by our tooling\nbar = 2\n',
  'etc/iftab': '# xcc-ignore-file workspace/iftab-mac-unknown\neth0 mac 00:16:3e:00:00:01\n',
};

describe('cli.js check: rule control', () => {
  let root: string;
  const check = (...args: string[]) => {
    const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: root, encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'xcc-rules-'));
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), text);
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  it('honours the ignore comments, own and cross-file: only the unsilenced key and the iftab hint are reported; a warning alone exits 0', () => {
    const result = check('.');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      "etc/iftab:2:1: hint: ifrename warns that 'eth0' cannot be mapped reliably: at boot another card may already hold this kernel-assigned name (unless ifrename runs with -t); a name such as 'lan0' avoids the race [iftab/unreliable-name]\n" +
        'etc/xen/vm1.cfg:3:1: warning: unknown setting `foo`: xl silently ignores it [xl/unknown-key]\n',
    );
    assert.equal(result.stderr, 'checked 2 files: 0 errors, 1 warning, 0 notes, 1 hint\n');
  });

  it('--fail-on warning exits 1 on that warning; --severity makes it an error, or drops it', () => {
    assert.equal(check('--fail-on', 'warning', '.').status, 1);
    assert.equal(check('--fail-on', 'error', '.').status, 0);
    const raised = check('--severity', 'xl/unknown-key=error', '.');
    assert.equal(raised.status, 1);
    assert.match(raised.stdout, /^etc\/xen\/vm1\.cfg:3:1: error: unknown setting `foo`/m);
    assert.equal(raised.stderr, 'checked 2 files: 1 error, 0 warnings, 0 notes, 1 hint\n');
    const dropped = check('--severity', 'xl/unknown-key=off', '--severity', 'iftab/unreliable-name=info', '--fail-on', 'warning', '.');
    assert.equal(dropped.status, 0);
    assert.doesNotMatch(dropped.stdout, /xl\/unknown-key/);
    assert.equal(dropped.stderr, 'checked 2 files: 0 errors, 0 warnings, 1 note, 0 hints\n');
  });

  it('the JSON output carries the changed severities too', () => {
    const result = check('--format', 'json', '--severity', 'iftab/unreliable-name=warning', '.');
    const files = JSON.parse(result.stdout) as { file: string; diagnostics: { severity: string; code: string }[] }[];
    assert.deepEqual(files.map((f) => [f.file, f.diagnostics.map((d) => `${d.severity} ${d.code}`)]), [
      ['etc/iftab', ['warning iftab/unreliable-name']],
      ['etc/xen/vm1.cfg', ['warning xl/unknown-key']],
    ]);
  });

  it('refuses a malformed --severity or --fail-on with exit 2, naming what is wrong (a did-you-mean for a code)', () => {
    const cases: [string[], string][] = [
      [['--severity', 'xl/unknown-key', '.'], "error: --severity wants CODE=LEVEL, such as xl/unknown-key=warning, not 'xl/unknown-key'"],
      [['--severity', 'xl/unknwn-key=off', '.'], "error: --severity: 'xl/unknwn-key' is no code of this checker; did you mean 'xl/unknown-key'?"],
      [['--severity', 'xl/unknown-key=fatal', '.'], "error: --severity xl/unknown-key: the level is error, warning, info, hint, off, not 'fatal'"],
      [['--fail-on', 'info', '.'], "error: --fail-on is error or warning, not 'info'"],
      [['.', '--severity'], 'error: --severity needs a value'],
    ];
    for (const [args, message] of cases) {
      const result = check(...args);
      assert.equal(result.status, 2, args.join(' '));
      assert.equal(result.stderr.split('\n')[0], message);
      assert.equal(result.stdout, '');
    }
  });

  it('writes SARIF 2.1.0 whose rules describe each code and link to its docs, and whose results point at them', () => {
    const result = check('--format', 'sarif', '--severity', 'iftab/unreliable-name=info', '.');
    const sarif = JSON.parse(result.stdout);
    assertSarifShape(sarif);
    const [run] = sarif.runs;
    assert.deepEqual(
      run.results.map((r: SarifResult) => `${r.ruleId} ${r.level}`),
      ['iftab/unreliable-name note', 'xl/unknown-key warning'],
    );
    const rule = run.tool.driver.rules.find((r: SarifRule) => r.id === 'xl/unknown-key');
    assert.deepEqual(rule, {
      id: 'xl/unknown-key',
      shortDescription: { text: 'Unknown key' },
      fullDescription: { text: rule.fullDescription.text },
      help: { text: rule.help.text },
      helpUri: `${REPOSITORY_URL}/blob/main/docs/xl-config.md#codes`,
      defaultConfiguration: { level: 'warning' },
    });
    const docsRow = readFileSync(join(REPO_ROOT, 'docs', 'xl-config.md'), 'utf8').split('\n').find((line) => line.startsWith('| `xl/unknown-key` |'))!;
    assert.ok(docsRow.includes(rule.fullDescription.text), `the full description is the table's why: ${rule.fullDescription.text}`);
    assert.match(rule.help.text, /^.+ Reported as warning\. To silence it on one line, put 'xcc-ignore xl\/unknown-key' in a comment on the line before; to change its severity, pass --severity xl\/unknown-key=LEVEL\.$/);
  });

  it('maps every severity to its SARIF level: error, warning, and note for info and hint', () => {
    const levels = (level: string) => {
      const sarif = JSON.parse(check('--format', 'sarif', '--severity', `iftab/unreliable-name=${level}`, '.').stdout);
      assertSarifShape(sarif);
      return sarif.runs[0].results.filter((r: SarifResult) => r.ruleId === 'iftab/unreliable-name').map((r: SarifResult) => r.level);
    };
    assert.deepEqual(['error', 'warning', 'info', 'hint'].map(levels), [['error'], ['warning'], ['note'], ['note']]);
  });
});

describe('the summary speaks English', () => {
  const of = (...severities: DiagnosticSeverity[]) => countBySeverity([{ diagnostics: severities.map((severity) => ({ severity })) }]);
  it('every count in the singular and the plural', () => {
    const { Error: E, Warning: W, Information: I, Hint: H } = DiagnosticSeverity;
    assert.equal(of(), '0 errors, 0 warnings, 0 notes, 0 hints');
    assert.equal(of(E, W, I, H), '1 error, 1 warning, 1 note, 1 hint');
    assert.equal(of(E, E, W, W, I, I, H, H), '2 errors, 2 warnings, 2 notes, 2 hints');
  });
});

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription?: { text: string };
  help?: { text: string };
  helpUri?: string;
  defaultConfiguration?: { level: string };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }[];
}

const SARIF_LEVELS = ['none', 'note', 'warning', 'error'];

/**
 * What SARIF 2.1.0 requires of the parts we write (a log's `version` and
 * `runs`, a run's `tool.driver.name`, a result's `message.text`, a rule's
 * `id`; levels from the enumeration), what code scanning needs (a location
 * with a 1-based region), and that each result's `ruleIndex` is the index of
 * its `ruleId` among the rules. The help links lead to a docs page of this
 * repository that names the code.
 */
function assertSarifShape(sarif: { version: string; $schema: string; runs: { tool: { driver: { name: string; version: string; informationUri: string; rules: SarifRule[] } }; results: SarifResult[] }[] }): void {
  assert.equal(sarif.version, '2.1.0');
  assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(sarif.runs.length, 1);
  const [run] = sarif.runs;
  const { driver } = run.tool;
  assert.equal(typeof driver.name, 'string');
  assert.equal(driver.informationUri, REPOSITORY_URL);
  const ids = driver.rules.map((r) => r.id);
  assert.deepEqual(ids, [...new Set(ids)], 'each rule once');
  for (const rule of driver.rules) {
    for (const field of ['shortDescription', 'fullDescription', 'help'] as const) assert.ok((rule[field]?.text.length ?? 0) > 0, `${rule.id} has a ${field}`);
    assert.ok(SARIF_LEVELS.includes(rule.defaultConfiguration?.level ?? ''), `${rule.id} default level`);
    const [page, anchor] = rule.helpUri!.slice(`${REPOSITORY_URL}/blob/main/`.length).split('#');
    assert.ok(rule.helpUri!.startsWith(`${REPOSITORY_URL}/blob/main/docs/`) && existsSync(join(REPO_ROOT, page)), `${rule.id}: ${rule.helpUri}`);
    assert.ok(anchor && readFileSync(join(REPO_ROOT, page), 'utf8').includes(`| \`${rule.id}\` |`), `${page} lists ${rule.id}`);
  }
  for (const result of run.results) {
    assert.equal(typeof result.message.text, 'string');
    assert.ok(SARIF_LEVELS.includes(result.level), result.level);
    assert.equal(driver.rules[result.ruleIndex]?.id, result.ruleId, 'ruleIndex points at the rule of ruleId');
    const { region, artifactLocation } = result.locations[0].physicalLocation;
    assert.ok(artifactLocation.uri.length > 0);
    assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine, JSON.stringify(region));
  }
}

describe('the repository named in SARIF is the one in package.json', () => {
  it('REPOSITORY_URL is package.json repository.url without .git', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { repository: { url: string } };
    assert.equal(REPOSITORY_URL, manifest.repository.url.replace(/\.git$/, ''));
  });
});
