/**
 * Every quick fix leaves a file that passes its own check and the real tool.
 * For every language and every fixture file (test/fixtures/<id>/**, plus a
 * few files of our own in the shapes users write), each diagnostic's quick
 * fixes (and the rewrites offered there, such as "Rewrite disk spec") are
 * asked for as an editor asks (the diagnostic's range, the diagnostic
 * itself), applied one at a time, and the result is checked:
 * - the diagnostic a quick fix claims to fix is gone from its place, and a
 *   rewrite keeps none of the errors in the text it rewrites;
 * - no error appears that was not there before;
 * - where the language's oracle is installed, the real tool does not refuse a
 *   file it accepted before the fix;
 * - its title is plain text in the one style of every title (what it writes
 *   in straight quotes, 'lanplus'): an editor shows a backtick literally.
 * The titles of the actions offered with no diagnostic (refactorings on the
 * whole file) are held to the same style.
 * A failure names the file, the line, the code and the fix's title.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { describe, it } from 'node:test';
import { CodeAction, Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { LANGUAGE_IDS, serviceFor } from '../../server/src/languages/registry';
import type { LanguageId, Settings } from '../../server/src/languages/types';
import { FIXTURES, fixtureFiles, testContext } from '../helpers/fixtures';
import { applyEdits, editsOf } from '../helpers/lspClient';
import { oracleFor, oracleVerdict } from '../helpers/oracles';

type Edit = { range: Range; newText: string };

/** Where each language's files live; the corpus files' saved names end with their real base name. */
function pathFor(id: LanguageId, file: string): string {
  const base = basename(file).split('__').pop()!;
  switch (id) {
    case 'xl-config':
      return `/etc/xen/${base}`;
    case 'xend-sxp':
      return '/etc/xen/xend-config.sxp';
    case 'iftab':
      return '/etc/iftab';
    case 'drbd':
      return base.endsWith('.res') || base === 'global_common.conf' ? `/etc/drbd.d/${base}` : `/etc/${base}`;
    case 'cluster-conf':
      return '/etc/cluster/cluster.conf';
  }
}

/** The settings a host running such files has: xend-config.sxp is read by xend, so its host runs xm. */
const SETTINGS: Partial<Record<LanguageId, Partial<Settings>>> = {
  'xend-sxp': { xen: { version: '4.1', toolstack: 'xm' } },
};

/** Files of our own, in the shapes users write, that the fixtures do not cover. */
const OWN_FILES: Partial<Record<LanguageId, Record<string, string>>> = {
  'cluster-conf': {
    // Two nodes, one fence device, already used by the first node: no spare device to offer the second.
    'no-spare-fence-device.conf': [
      '<?xml version="1.0"?>',
      '<cluster name="lab" config_version="3">',
      '  <cman two_node="1" expected_votes="1"/>',
      '  <clusternodes>',
      '    <clusternode name="node1" nodeid="1">',
      '      <fence><method name="pdu"><device name="apc" port="1"/></method></fence>',
      '    </clusternode>',
      '    <clusternode name="node2" nodeid="2"/>',
      '  </clusternodes>',
      '  <fencedevices>',
      '    <fencedevice name="apc" agent="fence_apc" ipaddr="192.0.2.20" login="apc" passwd="secret"/>',
      '  </fencedevices>',
      '</cluster>',
      '',
    ].join('\n'),
  },
  'xl-config': {
    'shared-disk.cfg': ["name = 'guest'", 'memory = 512', "kernel = '/boot/vmlinuz-xen'", "disk = [ 'phy:/dev/vg0/shared,xvdb,w!', 'file:/srv/guest.img,xvda,w' ]", "vif = [ 'mac=00:16:3e:00:00:01,bridge=xenbr0' ]", ''].join('\n'),
  },
};

interface Failure {
  file: string;
  line: number;
  code: string;
  title: string;
  problem: string;
}

const isKind = (action: CodeAction, kind: string) => action.kind === kind || !!action.kind?.startsWith(`${kind}.`);
/** What an editor offers on a problem: its quick fixes, and the rewrites of the text that holds it ("Rewrite disk spec"). */
const offeredOnAProblem = (action: CodeAction) => isKind(action, 'quickfix') || isKind(action, 'refactor.rewrite');

const inside = (inner: Range, outer: Range) =>
  (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
  (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));

/** The line `line` moves to once `edits` are applied (edits that end on an earlier line shift it). */
function mappedLine(line: number, edits: Edit[]): number {
  let delta = 0;
  for (const edit of edits) {
    if (edit.range.end.line < line) delta += (edit.newText.match(/\n/g) ?? []).length - (edit.range.end.line - edit.range.start.line);
  }
  return line + delta;
}

function errorCounts(diagnostics: Diagnostic[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === DiagnosticSeverity.Error) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  return counts;
}

function checkFile(id: LanguageId, file: string, text: string): { failures: Failure[]; fixes: number } {
  const service = serviceFor(id)!;
  const oracle = oracleFor(id);
  const path = pathFor(id, file);
  const ctx = { ...testContext(path), ...(SETTINGS[id] ? { settings: { ...testContext(path).settings, ...SETTINGS[id] } } : {}) };
  const diagnose = (source: string) => service.validate(service.parse(source, ctx), ctx);
  const doc = service.parse(text, ctx);
  const before = service.validate(doc, ctx);
  const errorsBefore = errorCounts(before);
  // xl.conf is not a domain config; the xl oracle judges domain configs only.
  const judged = oracle && !(id === 'xl-config' && basename(path) === 'xl.conf');
  const verdictBefore = judged ? oracleVerdict(oracle, text, basename(path)) : undefined;
  const failures: Failure[] = [];
  const seen = new Set<string>();
  let fixes = 0;
  const wholeFile = { start: { line: 0, character: 0 }, end: doc.lines.positionAt(text.length) };
  for (const action of service.codeActions(doc, wholeFile, [], ctx)) {
    if (action.title.includes('`')) failures.push({ file, line: 1, code: '-', title: action.title, problem: 'the title has a backtick, which the editor shows as is' });
  }
  for (const diagnostic of before) {
    for (const action of service.codeActions(doc, diagnostic.range, [diagnostic], ctx)) {
      if (action.title.includes('`')) failures.push({ file, line: diagnostic.range.start.line + 1, code: String(diagnostic.code), title: action.title, problem: 'the title has a backtick, which the editor shows as is' });
      if (!offeredOnAProblem(action)) continue;
      const edits = editsOf(action, ctx.uri);
      const key = `${action.title}\0${JSON.stringify(edits)}`;
      if (edits.length === 0 || seen.has(key)) continue;
      seen.add(key);
      fixes++;
      const fail = (problem: string) => failures.push({ file, line: diagnostic.range.start.line + 1, code: String(diagnostic.code), title: action.title, problem });
      const fixed = applyEdits(text, edits);
      const after = diagnose(fixed);
      // A quick fix claims its diagnostics; a rewrite of the text that holds an error must not keep it.
      const claims = isKind(action, 'quickfix')
        ? action.diagnostics?.length
          ? action.diagnostics
          : [diagnostic]
        : before.filter((d) => d.severity === DiagnosticSeverity.Error && edits.some((e) => inside(d.range, e.range)));
      for (const claimed of claims) {
        const line = claimed.range.start.line;
        // The same problem (code and message) on the line the fixed one maps to: a fix that deletes lines
        // brings the next lines' own, different, diagnostics up to that line number.
        const same = (d: Diagnostic) => d.code === claimed.code && d.message === claimed.message;
        const here = (list: Diagnostic[], at: number) => list.filter((d) => same(d) && d.range.start.line === at).length;
        if (here(after, mappedLine(line, edits)) >= here(before, line)) fail(`${String(claimed.code)} is still reported on line ${mappedLine(line, edits) + 1}: ${after.find((d) => same(d) && d.range.start.line === mappedLine(line, edits))?.message ?? ''}`);
      }
      const errorsAfter = errorCounts(after);
      for (const [code, count] of errorsAfter) {
        if (count <= (errorsBefore.get(code) ?? 0)) continue;
        const added = after.filter((d) => String(d.code) === code && d.severity === DiagnosticSeverity.Error).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
        fail(`new error ${code} (${errorsBefore.get(code) ?? 0} before, ${count} after): ${added.join(' | ')}`);
      }
      if (judged && verdictBefore?.valid) {
        const verdictAfter = oracleVerdict(oracle!, fixed, basename(path));
        if (!verdictAfter.valid) fail(`the real tool accepted the file and refuses it after the fix: ${verdictAfter.messages.join(' | ')}`);
      }
    }
  }
  return { failures, fixes };
}

function describeFailures(failures: Failure[]): string {
  return failures.map((f) => `${f.file}:${f.line} ${f.code} "${f.title}": ${f.problem}`).join('\n');
}

describe('quick fixes leave a file that passes its own check and the real tool', () => {
  for (const id of LANGUAGE_IDS) {
    describe(id, () => {
      const oracle = oracleFor(id);
      it(oracle ? `has the real tool at ${oracle}` : 'has no real tool to ask', (t) => {
        if (!oracle) t.skip(id === 'xend-sxp' ? 'xend has no oracle: the fixes are held to our own check only' : `the ${id} oracle is not installed (shared/oracles/setup.sh, or point XEN_CONFIG_ORACLES at its folder): the fixes are held to our own check only`);
      });
      const files: { name: string; text: string }[] = [
        ...fixtureFiles(id)
          .filter((path) => !/\.(tsv|md|json)$/.test(path))
          .map((path) => ({ name: relative(FIXTURES, path), text: readFileSync(path, 'utf8') })),
        ...Object.entries(OWN_FILES[id] ?? {}).map(([name, text]) => ({ name: `(own) ${id}/${name}`, text })),
      ];
      for (const { name, text } of files) {
        it(name, (t) => {
          const { failures, fixes } = checkFile(id, name, text);
          t.diagnostic(`${fixes} quick fixes applied`);
          assert.equal(failures.length, 0, `${failures.length} quick fixes fail:\n${describeFailures(failures)}`);
        });
      }
    });
  }
});
