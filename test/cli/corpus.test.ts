/**
 * Real configs against the real tools' verdicts, checked the way `cli.js
 * check` checks them (checkFiles, the CLI's default settings, each file on
 * its own as `cli.js check FILE` would): no error on a file the real tool
 * accepts, and an error on every file it refuses, on the tool's line (±1)
 * where its verdict names one, or inside the element xmllint names when it
 * says an element's content failed to validate.
 * - The project's own copies, test/fixtures/<id>/corpus/, with the verdicts
 *   in test/fixtures/facts/ (corpus-verdicts.json: xend-sxp, iftab, drbd,
 *   xl-config; cluster-conf-corpus-verdicts.json: cluster-conf, no lines).
 * - shared/reference/corpus with its verdicts.json, when it is there.
 * /work/tools/corpus.py is the same check as a script.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { checkFiles } from '../../server/src/cli/checker';
import { LANGUAGE_IDS } from '../../server/src/languages/registry';
import { DEFAULT_SETTINGS, LanguageId, Settings } from '../../server/src/languages/types';

/** The verdicts are drbd-utils 9.22's (the oracles' release): a keyword that came later is refused there. */
const VERDICT_SETTINGS: Settings = { ...structuredClone(DEFAULT_SETTINGS), drbd: { ...DEFAULT_SETTINGS.drbd, utilsVersion: '9.22' } };
import { fixtureFiles, readFixture } from '../helpers/fixtures';
import { sharedFolder } from '../helpers/oracles';

interface Verdict {
  valid: boolean;
  messages: string[];
}

interface CorpusFile {
  /** `<folder>/<saved name>`, as the verdicts name it. */
  key: string;
  path: string;
  languageId: LanguageId;
  verdict: Verdict;
}

/** Where a verdict's folder puts its files: xl.conf files are xl-config files read under their real name. */
const LANGUAGE_OF_FOLDER: Record<string, LanguageId> = { 'xl.conf': 'xl-config', 'xl-config': 'xl-config', 'xend-sxp': 'xend-sxp', iftab: 'iftab', drbd: 'drbd', 'cluster-conf': 'cluster-conf' };

/** The 1-based lines the tool's messages name ("line 12", "libxlu line 9", "[84] line 188", "at line 3"). */
function toolLines(verdict: Verdict): number[] {
  return [...new Set(verdict.messages.flatMap((m) => [...m.matchAll(/\bline (\d+)/g)].map((match) => Number(match[1]))))];
}

/**
 * The lines of the elements whose content xmllint says "failed to validate"
 * ("line 21: rm: Element cluster failed to validate content"): xmllint names
 * the enclosing element, and the line really wrong lies inside it.
 */
function enclosingSpans(verdict: Verdict, text: string): { from: number; to: number }[] {
  const lines = text.split('\n');
  const spans: { from: number; to: number }[] = [];
  for (const message of verdict.messages) {
    const named = /\bline (\d+): ([\w.:-]+): Element \S+ failed to validate content/.exec(message);
    if (!named) continue;
    const from = Number(named[1]);
    const name = named[2].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const rest = lines.slice(from - 1).join('\n');
    let depth = 0;
    let to = from;
    for (const tag of rest.matchAll(new RegExp(`<(/?)${name}\\b[^>]*?(/?)>`, 'g'))) {
      if (tag[1]) depth--;
      else if (!tag[2]) depth++;
      to = from + (rest.slice(0, tag.index).match(/\n/g) ?? []).length;
      if (depth <= 0) break;
    }
    spans.push({ from, to });
  }
  return spans;
}

/** What `cli.js check --format json FILE` reports for one file: its errors, 1-based lines. */
function errorsOf(file: CorpusFile): { line: number; text: string }[] {
  // xl.conf is recognised by its name under a xen folder; the rest keep their own path (DRBD's includes resolve beside it).
  const path = file.key.startsWith('xl.conf/') ? join(dirname(file.path), 'etc', 'xen', 'xl.conf') : file.path;
  const [result] = checkFiles([{ path, languageId: file.languageId, text: readFileSync(file.path, 'utf8') }], VERDICT_SETTINGS, dirname(file.path));
  return result.diagnostics
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => ({ line: d.range.start.line + 1, text: `${d.range.start.line + 1}:${d.range.start.character + 1} ${String(d.code)} ${d.message}` }));
}

function checkAgainstVerdict(file: CorpusFile): void {
  const errors = errorsOf(file);
  const listed = errors.map((e) => `\n  ${e.text}`).join('');
  if (file.verdict.valid) {
    assert.equal(errors.length, 0, `${file.key}: the real tool accepts this file, but we report ${errors.length} error(s):${listed}`);
    return;
  }
  const said = file.verdict.messages.slice(0, 3).join(' | ');
  assert.ok(errors.length > 0, `${file.key}: the real tool refuses this file (${said}), and we report no error`);
  const lines = toolLines(file.verdict);
  if (lines.length === 0) return;
  const spans = enclosingSpans(file.verdict, readFileSync(file.path, 'utf8'));
  const onTheToolsLine = (line: number) => lines.some((l) => Math.abs(line - l) <= 1) || spans.some((span) => line >= span.from && line <= span.to);
  assert.ok(
    errors.some((e) => onTheToolsLine(e.line)),
    `${file.key}: the real tool refuses it on line ${lines.join(', ')} (${said}); none of our errors is within a line of that${spans.length ? ' or inside the element it names' : ''}:${listed}`,
  );
}

function projectCorpus(): CorpusFile[] {
  const verdicts = JSON.parse(readFixture('facts', 'corpus-verdicts.json')) as Record<string, Verdict>;
  const cluster = JSON.parse(readFixture('facts', 'cluster-conf-corpus-verdicts.json')) as Record<string, boolean>;
  const files: CorpusFile[] = [];
  for (const id of LANGUAGE_IDS) {
    for (const path of fixtureFiles(id, 'corpus').filter((p) => !/\.(tsv|md|json)$/.test(p))) {
      const name = basename(path);
      const key = [`${id}/${name}`, `xl.conf/${name}`].find((k) => verdicts[k]) ?? `${id}/${name}`;
      const verdict = id === 'cluster-conf' ? (name in cluster ? { valid: cluster[name], messages: [] } : undefined) : verdicts[key];
      if (verdict) files.push({ key, path, languageId: id, verdict });
    }
  }
  return files;
}

function sharedCorpus(folder: string): CorpusFile[] {
  const verdicts = JSON.parse(readFileSync(join(folder, 'verdicts.json'), 'utf8')) as Record<string, Verdict>;
  return Object.entries(verdicts).map(([key, verdict]) => ({ key, path: join(folder, key), languageId: LANGUAGE_OF_FOLDER[key.split('/')[0]], verdict: { valid: verdict.valid, messages: verdict.messages ?? [] } }));
}

describe('corpus: no error where the real tool accepts, an error where it refuses', () => {
  describe("the project's copies (test/fixtures/<id>/corpus)", () => {
    const files = projectCorpus();
    it('has a verdict for the copies of every language', () => {
      for (const id of LANGUAGE_IDS) assert.ok(files.some((f) => f.languageId === id), `no corpus file with a verdict for ${id}`);
    });
    for (const file of files) it(`${file.verdict.valid ? 'accepted' : 'refused'}: ${file.key}`, () => checkAgainstVerdict(file));
  });

  describe('shared/reference/corpus', () => {
    const shared = sharedFolder();
    const folder = shared && join(shared, 'reference', 'corpus');
    if (!folder || !existsSync(join(folder, 'verdicts.json'))) {
      it('is not here', (t) => t.skip(`no shared/reference/corpus/verdicts.json beside the repository${shared ? ` (looked in ${shared})` : ''}: only the project's copies are checked`));
      return;
    }
    for (const file of sharedCorpus(folder)) it(`${file.verdict.valid ? 'accepted' : 'refused'}: ${file.key}`, () => checkAgainstVerdict(file));
  });
});
