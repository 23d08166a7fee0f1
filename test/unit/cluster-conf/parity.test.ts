/**
 * Parity with the real validator: `xmllint --relaxng cluster.rng` must accept
 * and reject the same files as our schema checks, on every fixture and on
 * mutations of the clean ones. The schema is the one a node validates with:
 * ccs_update_schema's cluster.rng, which adds every installed fence agent's
 * parameters to <fencedevice> and <device> (schema/cluster-node.rng, written by
 * scripts/gen-cluster-conf-schema.mjs from data/upstream/cluster.rng and the
 * agents' metadata). Skips where xmllint is not installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { SCHEMA_CODES } from '../../../server/src/languages/cluster-conf/codes';
import { fixtureFiles, REPO_ROOT, UPSTREAM } from '../../helpers/fixtures';
import { applyEdits, editsOf } from '../../helpers/lspClient';
import { tester } from './helpers';
import { mutations } from './mutations';

/** The RHCS 3 schema as ccs_update_schema assembles it on a node with the fence agents of data/upstream/facts. */
const RNG = join(REPO_ROOT, 'server/src/languages/cluster-conf/schema/cluster-node.rng');
const XMLLINT_AVAILABLE = spawnSync('xmllint', ['--version']).status === 0;

/** The static schema of 2011 (what data/upstream/cluster.rng is): no fence agent parameters beyond its own groups. */
const STATIC_RNG = join(UPSTREAM, 'cluster.rng');

/** Verdicts of one xmllint run over many files: true when the file validates. */
function xmllintVerdicts(files: string[], rng = RNG): Map<string, boolean> {
  const run = spawnSync('xmllint', ['--noout', '--relaxng', rng, ...files], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 64 * 1024 * 1024 });
  const valid = new Set(run.stderr.split('\n').filter((l) => l.endsWith(' validates')).map((l) => l.slice(0, -' validates'.length)));
  return new Map(files.map((f) => [f, valid.has(f)]));
}

/** xmllint's verdict on each text (written to a temporary folder for one run): true when it validates. */
function xmllintAccepts(texts: string[]): boolean[] {
  const dir = mkdtempSync(join(tmpdir(), 'cluster-conf-parity-'));
  try {
    const files = texts.map((text, i) => {
      const file = join(dir, `${i}.conf`);
      writeFileSync(file, text);
      return file;
    });
    const verdicts = xmllintVerdicts(files);
    return files.map((f) => verdicts.get(f) === true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when our checks accept the file the way xmllint would (no schema-level error or warning). */
function weAccept(text: string): boolean {
  return !tester.diagnostics(text).some((d) => SCHEMA_CODES.has(String(d.code)) && (d.severity === 1 || d.severity === 2));
}

describe('cluster-conf parity with xmllint --relaxng cluster.rng', () => {
  it('accepts and rejects the same fixtures and mutations', (t) => {
    if (!XMLLINT_AVAILABLE) {
      t.skip('needs xmllint (Debian libxml2-utils)');
      return;
    }
    const clean = [join(REPO_ROOT, 'examples/etc/cluster/cluster.conf'), ...fixtureFiles('cluster-conf', 'seeds'), ...fixtureFiles('cluster-conf', 'corpus'), ...fixtureFiles('cluster-conf', 'accepted')];
    const cases = [
      ...fixtureFiles('cluster-conf').map((path) => ({ name: basename(path), text: readFileSync(path, 'utf8') })),
      ...clean.flatMap((path) => mutations(readFileSync(path, "utf8"), 40, basename(path).length).map((text, i) => ({ name: `${basename(path)}#${i}`, text }))),
    ];
    const verdicts = xmllintAccepts(cases.map((c) => c.text));
    const disagreements = cases.filter((c, i) => weAccept(c.text) !== verdicts[i]).map((c) => `${c.name}: xmllint ${verdicts[cases.indexOf(c)] ? 'accepts' : 'rejects'}\n${c.text}`);
    const rejected = verdicts.filter((v) => !v).length;
    t.diagnostic(`agreement with xmllint: ${cases.length - disagreements.length} of ${cases.length} files (xmllint rejects ${rejected})`);
    assert.deepEqual(disagreements, []);
  });

  it("accepts the fence agents' own parameters, as the node's schema does and the 2011 one does not", (t) => {
    if (!XMLLINT_AVAILABLE) {
      t.skip('needs xmllint (Debian libxml2-utils)');
      return;
    }
    const file = join(REPO_ROOT, 'test/fixtures/cluster-conf/accepted/agent-parameters.conf');
    assert.equal(xmllintVerdicts([file]).get(file), true);
    assert.equal(xmllintVerdicts([file], STATIC_RNG).get(file), false);
    assert.ok(weAccept(readFileSync(file, 'utf8')));
  });

  it('leaves files xmllint accepts, without errors of ours, after every quick fix of the accepted fixtures', (t) => {
    if (!XMLLINT_AVAILABLE) {
      t.skip('needs xmllint (Debian libxml2-utils)');
      return;
    }
    const fixed: { name: string; text: string }[] = [];
    for (const path of fixtureFiles('cluster-conf', 'accepted')) {
      const text = readFileSync(path, 'utf8');
      for (const d of tester.diagnostics(text)) {
        for (const action of tester.actions(text, d.range)) fixed.push({ name: `${basename(path)}: ${action.title}`, text: applyEdits(text, editsOf(action, tester.context().uri)) });
      }
    }
    assert.ok(fixed.length >= 4, `only ${fixed.length} fixes`);
    const verdicts = xmllintAccepts(fixed.map((f) => f.text));
    assert.deepEqual(fixed.filter((_, i) => !verdicts[i]).map((f) => f.name), []);
    assert.deepEqual(fixed.filter((f) => tester.diagnostics(f.text).some((d) => d.severity === 1)).map((f) => f.name), []);
  });
});
