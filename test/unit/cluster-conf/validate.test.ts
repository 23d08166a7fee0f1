import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import { SCHEMA_CODES } from '../../../server/src/languages/cluster-conf/codes';
import { fixtureFiles, readFixture, REPO_ROOT } from '../../helpers/fixtures';
import { problem, summary } from '../../helpers/languageTester';
import { EXPECTED } from './expected';
import { broken, EXAMPLE, tester } from './helpers';

describe('cluster-conf validation of clean files', () => {
  // 003-ipmi.conf is a two-node cluster without two_node="1" or a quorum disk: the one warning it earns.
  const warnings: Record<string, string[]> = { '003-ipmi.conf': ['2:6-18 warning cluster-conf/two-node-quorum-loss'] };
  for (const path of [join(REPO_ROOT, 'examples/etc/cluster/cluster.conf'), ...fixtureFiles('cluster-conf', 'seeds')]) {
    it(`${basename(path)} has no errors or warnings${warnings[basename(path)] ? ' but losing quorum with one node' : ''}`, () => {
      const found = tester.diagnostics(readFileSync(path, 'utf8')).filter((d) => d.severity !== 4);
      assert.deepEqual(found.map(summary), warnings[basename(path)] ?? []);
    });
  }

  it('only hints at the clear-text passwords of the seed example (and warns of its quorum)', () => {
    const found = tester.diagnostics(readFixture('cluster-conf', 'seeds', '003-ipmi.conf'));
    assert.deepEqual(found.map(summary), ['2:6-18 warning cluster-conf/two-node-quorum-loss', '19:98-104 hint cluster-conf/clear-password', '20:98-104 hint cluster-conf/clear-password']);
    assert.equal(found[1].message, 'The fence password is written in clear in cluster.conf, which is copied to every node and readable in backups; prefer passwd_script="/path/to/script" that prints it.');
  });
});

describe('cluster-conf validation of broken variants of the example', () => {
  const files = fixtureFiles('cluster-conf', 'broken');
  it('covers every broken fixture', () => {
    assert.deepEqual(files.map((f) => basename(f, '.conf')).sort(), Object.keys(EXPECTED).sort());
  });
  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(`${name}: ${expected.diagnostics.join(', ')}`, () => {
      const found = tester.diagnostics(broken(name));
      assert.deepEqual(found.map(summary), expected.diagnostics);
      if (expected.problem) assert.ok(found.map(problem).includes(expected.problem), found.map(problem).join('\n'));
      for (const d of found) assert.equal(d.range.start.line, d.range.end.line, `${String(d.code)} spans one line`);
    });
  }
});

describe('cluster-conf fencing by agent', () => {
  const node = (name: string, id: number) =>
    `  <clusternode name="${name}" nodeid="${id}">\n    <fence><method name="scsi"><device name="scsi"/></method></fence>\n    <unfence><device name="scsi" action="on"/></unfence>\n  </clusternode>\n`;
  const scsi = `<cluster name="c" config_version="1">\n<cman two_node="1" expected_votes="1"/>\n<clusternodes>\n${node('a', 1)}${node('b', 2)}</clusternodes>\n<fencedevices><fencedevice name="scsi" agent="fence_scsi" devices="/dev/sdc"/></fencedevices>\n</cluster>\n`;

  it('lets fence_scsi go without a port: fenced tells it the victim', () => {
    assert.deepEqual(tester.check(scsi), []);
  });

  it('accepts a PDU when each node names its outlet, and wants the outlet otherwise', () => {
    let outlet = 0;
    const pdu = scsi
      .replace('agent="fence_scsi" devices="/dev/sdc"', 'agent="fence_apc" ipaddr="pdu" login="apc" passwd_script="/bin/pw"')
      .replace(/<unfence>.*<\/unfence>\n/g, '')
      .replace(/<device name="scsi"\/>/g, () => `<device name="scsi" port="${++outlet}"/>`);
    assert.deepEqual(tester.check(pdu), []);
    assert.deepEqual(tester.check(pdu.replace(' port="2"', '')), ['8:33-39 warning cluster-conf/missing-port']);
  });

  it("warns about a parameter the device's agent does not take", () => {
    const apc = EXAMPLE.replace('agent="fence_ipmilan" ipaddr="10.20.1.2"', 'agent="fence_apc" ipaddr="10.20.1.2"').replace('<device name="fence_an02" action="reboot"/>', '<device name="fence_an02" port="2"/>');
    const [found] = tester.diagnostics(apc);
    assert.equal(problem(found), "23:137-144 warning cluster-conf/not-an-agent-parameter fence_apc has no parameter 'lanplus'; the agent ignores it or refuses to run");
  });

  it('blames, among attributes no agent of the schema takes together, the one the agent does not know', () => {
    const found = tester.diagnostics(EXAMPLE.replace('lanplus="1"/>\n    </fencedevices>', 'lanplus="1" secure="1"/>\n    </fencedevices>'));
    assert.deepEqual(found.map(summary), ['23:153-159 error cluster-conf/attribute-combination', '23:153-159 warning cluster-conf/not-an-agent-parameter']);
    assert.equal(found[0].message, "'secure' does not fit together with 'ipaddr', 'login', 'passwd_script', 'lanplus' on <fencedevice>: no fence agent parameter set of the RHCS 3 schema has them all.");
  });
});

describe('cluster-conf verdicts on the real-world corpus', () => {
  const verdicts = JSON.parse(readFixture('facts', 'cluster-conf-corpus-verdicts.json')) as Record<string, boolean>;
  for (const [file, valid] of Object.entries(verdicts)) {
    it(`${file}: xmllint says ${valid ? 'valid' : 'invalid'}`, () => {
      const rejected = tester.diagnostics(readFixture('cluster-conf', 'corpus', file)).filter((d) => SCHEMA_CODES.has(String(d.code)) && d.severity! <= 2);
      assert.equal(rejected.length === 0, valid, rejected.map(problem).join('\n'));
    });
  }
});
