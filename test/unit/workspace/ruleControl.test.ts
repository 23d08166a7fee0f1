/**
 * Rule control in the runner, where the editor and the CLI both get a file's
 * diagnostics: ignore comments of every language silence own and cross-file
 * diagnostics alike, one that silences nothing gets a hint, and the user's
 * severities change or drop a code afterwards.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import { DEFAULT_SETTINGS, type LanguageId, type SeverityOverrides, type Settings } from '../../../server/src/languages/types';
import { settingsFromClient } from '../../../server/src/lsp/settings';
import { RunnerFailure, WorkspaceRunner } from '../../../server/src/workspace/runner';
import { servicesThrowingOn } from '../../../server/src/workspace/testHook';
import { IGNORE_KEYWORD } from '../../../server/src/common/ignoreComments';
import { serviceFor } from '../../../server/src/languages/registry';
import { REPO_ROOT, testContext } from '../../helpers/fixtures';
import { inOrder, problem, summary } from '../../helpers/languageTester';

const ROOT = '/repo';

function runnerWith(files: Record<string, [LanguageId, string]>, severity?: SeverityOverrides): WorkspaceRunner {
  const settings: Settings = { ...DEFAULT_SETTINGS, diagnostics: { maxFileSize: 0, ...(severity ? { severity } : {}) } };
  const runner = new WorkspaceRunner({ root: ROOT, settings });
  for (const [path, [languageId, text]] of Object.entries(files)) runner.setDisk(`file://${ROOT}/${path}`, languageId, text);
  return runner;
}

/** What the file shows, in document order. */
const shown = (runner: WorkspaceRunner, path: string) => inOrder(runner.diagnose(`file://${ROOT}/${path}`) ?? []).map(summary);

/** One file of each language with one diagnostic of its own on its second line, and how that language writes a comment. */
const LANGUAGES: { languageId: LanguageId; path: string; text: (ignore: string) => string; code: string; comment: (body: string) => string }[] = [
  { languageId: 'xl-config', path: 'etc/xen/vm1.cfg', code: 'xl/unknown-key', comment: (b) => `# ${b}`, text: (ignore) => `name = "vm1"\n${ignore}foo = 1\nkernel = "/k"\n` },
  { languageId: 'xend-sxp', path: 'etc/xen/xend-config.sxp', code: 'xend/unknown-option', comment: (b) => `# ${b}`, text: (ignore) => `(logfile /var/log/xen/xend.log)\n${ignore}(bogus-option 1)\n` },
  { languageId: 'iftab', path: 'etc/iftab', code: 'iftab/invalid-mac', comment: (b) => `# ${b}`, text: (ignore) => `lan0 mac 00:16:3e:00:00:01\n${ignore}lan1 mac 00:16:3e:00:00:0g\n` },
  {
    languageId: 'drbd',
    path: 'etc/drbd.d/r0.res',
    code: 'drbd/unknown-option',
    comment: (b) => `# ${b}`,
    text: (ignore) => `resource r0 {\n${ignore}  bogus-keyword yes;\n  on a { device /dev/drbd0; disk /dev/sda1; address 10.0.0.1:7789; meta-disk internal; }\n  on b { device /dev/drbd0; disk /dev/sda1; address 10.0.0.2:7789; meta-disk internal; }\n}\n`,
  },
  {
    languageId: 'cluster-conf',
    path: 'etc/cluster/cluster.conf',
    code: 'cluster-conf/unknown-attribute',
    comment: (b) => `<!-- ${b} -->`,
    text: (ignore) => `<cluster name="c" config_version="1">\n${ignore}<clusternodes><clusternode name="n1" nodeid="1" bogus="x"/></clusternodes>\n</cluster>\n`,
  },
];

describe('rule control in the runner', () => {
  for (const language of LANGUAGES) {
    it(`${language.languageId}: ${language.comment('xcc-ignore CODE')} silences CODE on the next line, and only there`, () => {
      const plain = shown(runnerWith({ [language.path]: [language.languageId, language.text('')] }), language.path);
      const reported = plain.find((s) => s.endsWith(` ${language.code}`));
      assert.ok(reported?.startsWith('2:'), `the sample reports ${language.code} on line 2: ${plain.join(', ')}`);
      const ignored = shown(runnerWith({ [language.path]: [language.languageId, language.text(`${language.comment(`xcc-ignore ${language.code}`)}\n`)] }), language.path);
      // Everything else is still there, one line lower.
      const lower = (s: string) => s.replace(/^(\d+):(\d+)-(\d+:)?/, (_, line: string, col: string, end?: string) => `${Number(line) + 1}:${col}-${end ? `${Number(end.slice(0, -1)) + 1}:` : ''}`);
      assert.deepEqual(ignored, plain.filter((s) => s !== reported).map((s) => (s.startsWith('1:') ? s : lower(s))));
    });

    it(`${language.languageId}: ${language.comment('xcc-ignore-file CODE')} silences CODE anywhere in the file`, () => {
      const text = language.text('') + `${language.comment(`xcc-ignore-file ${language.code}`)}\n`;
      const diagnostics = shown(runnerWith({ [language.path]: [language.languageId, text] }), language.path);
      assert.ok(!diagnostics.some((s) => s.endsWith(` ${language.code}`)), diagnostics.join(', '));
      assert.ok(!diagnostics.some((s) => s.includes('workspace/unused-ignore')), diagnostics.join(', '));
    });
  }

  it('silences cross-file diagnostics too: a DRBD host that is no cluster node, file-wide and on one line', () => {
    const cluster: [LanguageId, string] = ['cluster-conf', '<cluster name="c" config_version="1"><clusternodes><clusternode name="n1" nodeid="1"/></clusternodes></cluster>\n'];
    const drbd = LANGUAGES.find((l) => l.languageId === 'drbd')!;
    const before = shown(runnerWith({ 'etc/cluster/cluster.conf': cluster, [drbd.path]: ['drbd', drbd.text('')] }), drbd.path);
    assert.deepEqual(before.filter((s) => s.includes('workspace/drbd-host-not-cluster-node')), ['3:6-7 warning workspace/drbd-host-not-cluster-node', '4:6-7 warning workspace/drbd-host-not-cluster-node']);
    const fileWide = drbd.text('') + '# xcc-ignore-file workspace/drbd-host-not-cluster-node -- the lab names its hosts a and b\n';
    assert.deepEqual(shown(runnerWith({ 'etc/cluster/cluster.conf': cluster, [drbd.path]: ['drbd', fileWide] }), drbd.path), ['2:3-16 error drbd/unknown-option']);
    const oneLine = drbd.text('').replace('  on b {', '  # xcc-ignore workspace/drbd-host-not-cluster-node\n  on b {');
    assert.deepEqual(shown(runnerWith({ 'etc/cluster/cluster.conf': cluster, [drbd.path]: ['drbd', oneLine] }), drbd.path), ['2:3-16 error drbd/unknown-option', '3:6-7 warning workspace/drbd-host-not-cluster-node']);
  });

  it('an ignore comment after code silences its own line; stacked comments all silence the line below them', () => {
    const text = 'name = "vm1"\nkernel = "/k"\nfoo = 1  # xcc-ignore xl/unknown-key\n# xcc-ignore xl/unknown-key\n# xcc-ignore xl/deprecated-key\nbar = 2\nbaz = 3\n';
    assert.deepEqual(shown(runnerWith({ 'etc/xen/vm1.cfg': ['xl-config', text] }), 'etc/xen/vm1.cfg'), ['5:14-31 hint workspace/unused-ignore', '7:1-4 warning xl/unknown-key']);
  });

  it('gives a hint, faded as unnecessary, for each code that silences nothing; a did-you-mean for a code that is none of ours', () => {
    const text = 'name = "vm1"\nkernel = "/k"\n# xcc-ignore xl/unknown-key, xl/unknwn-key\nmemory = 512\n# xcc-ignore-file workspace/duplicate-mac\n#xcc-ignore\n';
    const diagnostics: Diagnostic[] = inOrder(runnerWith({ 'etc/xen/vm1.cfg': ['xl-config', text] }).diagnose(`file://${ROOT}/etc/xen/vm1.cfg`)!);
    assert.deepEqual(diagnostics.map(problem), [
      "3:14-28 hint workspace/unused-ignore 'xl/unknown-key' is not reported on line 4, so this xcc-ignore silences nothing: remove it",
      "3:30-43 hint workspace/unknown-ignore-code 'xl/unknwn-key' is no code of this extension, so this xcc-ignore silences nothing; did you mean 'xl/unknown-key'?",
      "5:19-42 hint workspace/unused-ignore 'workspace/duplicate-mac' is not reported in this file, so this xcc-ignore-file silences nothing: remove it",
      "6:2-12 hint workspace/unknown-ignore-code this xcc-ignore names no code, so it silences nothing: write the codes to silence after it, such as 'xcc-ignore xl/unknown-key'",
    ]);
    assert.deepEqual(diagnostics.map((d) => d.tags ?? []), [[DiagnosticTag.Unnecessary], [], [DiagnosticTag.Unnecessary], []]);
  });

  it('a code named twice for one line silences once; the second is left over', () => {
    const text = 'name = "vm1"\nkernel = "/k"\n# xcc-ignore xl/unknown-key,xl/unknown-key\nfoo = 1\n';
    assert.deepEqual(shown(runnerWith({ 'etc/xen/vm1.cfg': ['xl-config', text] }), 'etc/xen/vm1.cfg'), ['3:29-43 hint workspace/unused-ignore']);
  });

  it('applies the user severities after the comments: a level changes, off drops, the hints of unused comments too', () => {
    const text = 'name = "vm1"\nkernel = "/k"\nfoo = 1\n# xcc-ignore xl/unknown-key\nbar = 2\n# xcc-ignore xl/deprecated-key\nmemory = 512\n';
    const files: Record<string, [LanguageId, string]> = { 'etc/xen/vm1.cfg': ['xl-config', text] };
    assert.deepEqual(shown(runnerWith(files), 'etc/xen/vm1.cfg'), ['3:1-4 warning xl/unknown-key', '6:14-31 hint workspace/unused-ignore']);
    assert.deepEqual(shown(runnerWith(files, { 'xl/unknown-key': 'error', 'workspace/unused-ignore': 'warning' }), 'etc/xen/vm1.cfg'), ['3:1-4 error xl/unknown-key', '6:14-31 warning workspace/unused-ignore']);
    assert.deepEqual(shown(runnerWith(files, { 'xl/unknown-key': 'off', 'workspace/unused-ignore': 'off' }), 'etc/xen/vm1.cfg'), []);
    // Line 4's comment still counts as used when the code is off: whether it is needed depends on the file, not on the settings.
    assert.deepEqual(shown(runnerWith(files, { 'xl/unknown-key': 'off' }), 'etc/xen/vm1.cfg'), ['6:14-31 hint workspace/unused-ignore']);
  });

  it('a severity for a code of another file changes that code wherever it is reported (cross-file ones too)', () => {
    const vm = (name: string) => `name = "${name}"\nkernel = "/k"\nvif = [ "mac=00:16:3e:00:00:01" ]\n`;
    const files: Record<string, [LanguageId, string]> = { 'etc/xen/a.cfg': ['xl-config', vm('a')], 'etc/xen/b.cfg': ['xl-config', vm('b')] };
    assert.deepEqual(shown(runnerWith(files), 'etc/xen/a.cfg'), ['3:14-31 warning workspace/duplicate-mac']);
    assert.deepEqual(shown(runnerWith(files, { 'workspace/duplicate-mac': 'info' }), 'etc/xen/a.cfg'), ['3:14-31 info workspace/duplicate-mac']);
  });

  it('a settings change with new severities re-publishes the same text with the new levels', () => {
    const runner = runnerWith({ 'etc/xen/vm1.cfg': ['xl-config', 'name = "vm1"\nkernel = "/k"\nfoo = 1\n'] });
    assert.deepEqual(shown(runner, 'etc/xen/vm1.cfg'), ['3:1-4 warning xl/unknown-key']);
    assert.equal(runner.setSettings({ ...DEFAULT_SETTINGS, diagnostics: { maxFileSize: 0, severity: { 'xl/unknown-key': 'hint' } } }), true);
    assert.deepEqual(shown(runner, 'etc/xen/vm1.cfg'), ['3:1-4 hint xl/unknown-key']);
  });

  it(`the runner's shortcut holds: a file without '${IGNORE_KEYWORD}' as written has no ignore comment in any language`, () => {
    // The runner skips a language's comment walk when the text lacks the keyword; these near misses are all no directive.
    const nearMisses = ['XCC-IGNORE xl/unknown-key', 'Xcc-Ignore-File xl/unknown-key', 'xcc ignore xl/unknown-key', 'xcc-ignor xl/unknown-key', 'xcc_ignore-file x'];
    for (const language of LANGUAGES) {
      const service = serviceFor(language.languageId)!;
      for (const body of nearMisses) {
        const text = language.text(`${language.comment(body)}\n`);
        assert.equal(text.includes(IGNORE_KEYWORD), false);
        assert.deepEqual(service.ignoreComments(service.parse(text, testContext(`/repo/${language.path}`))), [], `${language.languageId}: ${body}`);
      }
      // And the same file with the keyword as written has one (the shortcut is not hiding a real comment).
      const real = language.text(`${language.comment(`xcc-ignore ${language.code}`)}\n`);
      assert.equal(service.ignoreComments(service.parse(real, testContext(`/repo/${language.path}`))).length, 1, language.languageId);
    }
  });

  it('a throwing ignoreComments is reported once, and the file shows its diagnostics unsilenced', () => {
    const failures: RunnerFailure[] = [];
    const runner = new WorkspaceRunner({ root: ROOT, settings: DEFAULT_SETTINGS, services: servicesThrowingOn('BOOM'), onFailure: (f) => failures.push(f) });
    const uri = `file://${ROOT}/etc/xen/vm1.cfg`;
    runner.setDisk(uri, 'xl-config', 'name = "vm1"\nkernel = "/k"\n# xcc-ignore xl/unknown-key BOOM:ignoreComments\nfoo = 1\n');
    assert.deepEqual(inOrder(runner.diagnose(uri)!).map(summary), ['4:1-4 warning xl/unknown-key']);
    runner.diagnose(uri);
    assert.deepEqual(failures.map((f) => `${f.languageId} ${f.stage}`), ['xl-config ignoreComments']);
  });
});

describe('xenConfig.diagnostics.severity from the client', () => {
  it('keeps the entries with a level, and leaves out the others', () => {
    const read = (severity: unknown) => settingsFromClient({ diagnostics: { severity } }).diagnostics?.severity;
    assert.deepEqual(read({ 'xl/unknown-key': 'error', 'iftab/unreliable-name': 'off', 'xl/deprecated-key': 'loud', 'drbd/x': 3 }), { 'xl/unknown-key': 'error', 'iftab/unreliable-name': 'off' });
    for (const none of [undefined, null, 'error', ['xl/unknown-key'], {}, { 'xl/unknown-key': 'fatal' }]) assert.equal(read(none), undefined, JSON.stringify(none));
    assert.equal(settingsFromClient({ diagnostics: { maxFileSize: 10, severity: { 'xl/unknown-key': 'hint' } } }).diagnostics?.maxFileSize, 10);
  });

  it('an entry named __proto__ or constructor is data, never the object prototype', () => {
    const severity = settingsFromClient(JSON.parse('{"diagnostics":{"severity":{"__proto__":"off","constructor":"error"}}}')).diagnostics?.severity;
    assert.deepEqual(Object.keys(severity ?? {}).sort(), ['__proto__', 'constructor']);
    const runner = runnerWith({ 'etc/xen/vm1.cfg': ['xl-config', 'name = "vm1"\nkernel = "/k"\nfoo = 1\n'] }, severity);
    assert.deepEqual(shown(runner, 'etc/xen/vm1.cfg'), ['3:1-4 warning xl/unknown-key']);
  });

  it("package.json's schema offers the levels the server reads", () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    const schema = manifest.contributes.configuration.properties['xenConfig.diagnostics.severity'];
    const levels: string[] = schema.additionalProperties.enum;
    assert.deepEqual(levels, ['error', 'warning', 'info', 'hint', 'off']);
    const everyLevel = Object.fromEntries(levels.map((level) => [`x/${level}`, level]));
    assert.deepEqual(settingsFromClient({ diagnostics: { severity: everyLevel } }).diagnostics?.severity, everyLevel);
  });
});

