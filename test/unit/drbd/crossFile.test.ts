/**
 * The DRBD cross-file rules, run as the server and the CLI run them: the
 * facts of every file in a WorkspaceIndex, then `crossFileDiagnostics` for
 * the file under test (through `published`, which adds its own diagnostics).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drbdLanguage } from '../../../server/src/languages/drbd/index';
import { crossFileRulesOf } from '../../../server/src/languages/registry';
import { crossFileDiagnostics } from '../../../server/src/workspace/crossFile';
import { WorkspaceIndex } from '../../../server/src/workspace/index';
import { readFixture } from '../../helpers/fixtures';
import { problem, summary } from '../../helpers/languageTester';
import { checkPublished, drbd, HOSTS, published, resource } from './helpers';

const { service } = drbdLanguage;

/** The facts of `text` as the file at `path`. */
function factsOf(text: string, path: string) {
  const ctx = drbd.context({ path });
  return service.facts(service.parse(text, ctx), ctx);
}

describe('drbd facts', () => {
  const text = readFixture('drbd', 'clean-84.res');
  const ctx = drbd.context();
  const doc = service.parse(text, ctx);

  it('records resources with hosts, addresses, minors, devices and disks', () => {
    const facts = service.facts(doc, ctx).drbdResources!;
    assert.equal(facts.length, 1);
    assert.deepEqual(facts[0].hosts.map((h) => h.value), ['alpha.example.com', 'bravo.example.com']);
    assert.deepEqual(facts[0].addresses.map((a) => `${a.host} ${a.value}`), ['alpha.example.com 10.1.1.31:7790', 'bravo.example.com 10.1.1.32:7790']);
    assert.equal(facts[0].dualPrimary, false);
    const seed = service.facts(service.parse(readFixture('drbd', 'seed-003-r0.res'), ctx), ctx).drbdResources![0];
    assert.equal(seed.dualPrimary, true);
    assert.deepEqual(seed.minors.map((m) => `${m.host} ${m.value}`), ['an-node01.alteeve.com 0', 'an-node02.alteeve.com 0']);
    assert.deepEqual(seed.devices.map((d) => d.value), ['/dev/drbd0', '/dev/drbd0']);
    assert.deepEqual(seed.disks.map((d) => d.value), ['/dev/md3', '/dev/md3']);
  });

  it('records where a resource turns dual-primary on and how its own file fences it', () => {
    const seed = factsOf(readFixture('drbd', 'seed-003-r0.res'), '/etc/drbd.d/r0.res').drbdResources![0];
    assert.deepEqual(seed.dualPrimaryFencing, { range: { start: { line: 12, character: 16 }, end: { line: 12, character: 35 } }, fencing: false, fencePeer: false, fencingSection: 'disk' });
    const fenced = factsOf(`common {\n  disk { fencing resource-and-stonith; }\n}\n${resource('  net { allow-two-primaries; }')}`, '/etc/drbd.d/r0.res').drbdResources![0];
    assert.deepEqual([fenced.dualPrimaryFencing?.fencing, fenced.dualPrimaryFencing?.fencePeer], [true, false], "the file's common section counts");
    const inherited = factsOf(`common {\n  net { allow-two-primaries; }\n}\n${resource('')}`, '/etc/drbd.d/r0.res').drbdResources![0];
    assert.equal(inherited.dualPrimaryFencing, undefined, 'dual-primary from common is warned about at common');
    assert.equal(inherited.dualPrimary, true);
  });
});

describe('drbd dual-primary without fencing (cross-file rule)', () => {
  it('gives the seed 003 dual-primary r0.res exactly one warning: no fencing', () => {
    const diagnostics = published(readFixture('drbd', 'seed-003-r0.res'));
    assert.deepEqual(diagnostics.map(summary), ['13:17-36 warning drbd/dual-primary-without-fencing']);
    assert.match(String(diagnostics[0].message), /^Resource 'r0' is dual-primary without fencing: if the replication link fails, both nodes stay primary and keep writing, the data splits brain and one side's writes are lost\. Add 'fencing resource-and-stonith;' in the 'disk' section and a 'fence-peer' handler/);
    assert.equal(diagnostics[0].source, 'drbd');
    assert.deepEqual(drbd.check(readFixture('drbd', 'seed-003-r0.res')), [], "it is not the file's own: another file's common may fence the resource");
  });

  it('accepts a dual-primary resource with fencing and a fence-peer handler', () => {
    const text = resource('  net { allow-two-primaries; }\n  disk { fencing resource-and-stonith; }\n  handlers { fence-peer "/usr/lib/drbd/rhcs_fence"; }');
    assert.deepEqual(checkPublished(text), []);
    const noHandler = published(resource('  net { allow-two-primaries; }\n  disk { fencing resource-and-stonith; }'));
    assert.deepEqual(noHandler.map(summary), ['4:9-28 warning drbd/dual-primary-without-fencing']);
    assert.match(String(noHandler[0].message), /Add a 'fence-peer' handler/);
  });

  it('names the fencing section of the DRBD 9 dialect', () => {
    const [warning] = published(resource('  net { allow-two-primaries; }'), { settings: { drbd: { dialect: '9' } } }).filter((d) => d.code === 'drbd/dual-primary-without-fencing');
    assert.match(String(warning.message), /Add 'fencing resource-and-stonith;' in the 'net' section and a 'fence-peer' handler/);
  });

  it('accepts a dual-primary resource whose fencing comes from the common section of another file', () => {
    const common = 'common {\n  disk { fencing resource-and-stonith; }\n  handlers { fence-peer "/usr/lib/drbd/rhcs_fence"; }\n}\n';
    const commonFacts = factsOf(common, '/etc/drbd.d/global_common.conf');
    assert.deepEqual(commonFacts.drbdCommon, { fencing: 'resource-and-stonith', fencePeer: true });
    const others = [{ uri: 'file:///etc/drbd.d/global_common.conf', facts: commonFacts }];
    assert.deepEqual(checkPublished(resource('  net { allow-two-primaries; }'), { others }), []);
    assert.deepEqual(checkPublished(resource('  net { allow-two-primaries; }')), ['4:9-28 warning drbd/dual-primary-without-fencing'], 'without the common file the warning stays');
  });

  it('runs on facts alone: the same answer from crossFileDiagnostics over an index of both files', () => {
    const res = resource('  net { allow-two-primaries; }');
    const index = new WorkspaceIndex();
    const resFacts = factsOf(res, '/etc/drbd.d/r0.res');
    index.update('file:///etc/drbd.d/r0.res', resFacts, false);
    assert.deepEqual(crossFileDiagnostics('file:///etc/drbd.d/r0.res', resFacts, index.model(), crossFileRulesOf('drbd')).map(summary), ['4:9-28 warning drbd/dual-primary-without-fencing']);
    index.update('file:///etc/drbd.d/global_common.conf', factsOf('common {\n  disk { fencing resource-and-stonith; }\n}\n', '/etc/drbd.d/global_common.conf'), false);
    const [partly] = crossFileDiagnostics('file:///etc/drbd.d/r0.res', resFacts, index.model(), crossFileRulesOf('drbd'));
    assert.match(String(partly.message), /\. Add a 'fence-peer' handler \(e\.g\./, 'the other file gives the policy; the handler is still missing');
  });
});

describe('drbd collisions across files (cross-file rule)', () => {
  it('flags addresses another workspace file already uses, as a warning', () => {
    const others = [
      {
        uri: 'file:///etc/drbd.d/r9.res',
        facts: { drbdResources: [{ name: { value: 'r9', range: { start: { line: 0, character: 9 }, end: { line: 0, character: 11 } } }, hosts: [], addresses: [{ value: '10.0.0.2:7789', host: 'b', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }], minors: [], devices: [], disks: [], dualPrimary: false }] },
      },
    ];
    const diagnostics = published(resource(''), { others });
    assert.deepEqual(diagnostics.map(summary), ['3:53-66 warning drbd/duplicate-address']);
    assert.equal(diagnostics[0].message, "Address 10.0.0.2:7789 is also used by resource 'r9' in r9.res; when both are loaded drbdadm refuses the second.");
    assert.deepEqual(diagnostics[0].relatedInformation?.map((r) => r.location.uri), ['file:///etc/drbd.d/r9.res']);
  });

  it('warns in each of two files that share a minor, a device and a port, and in neither when one goes', () => {
    const a = 'resource a {\n  on x { device /dev/drbd0 minor 0; disk /dev/sda1; address 10.0.0.1:7789; meta-disk internal; }\n  on y { device /dev/drbd0 minor 0; disk /dev/sda1; address 10.0.0.2:7789; meta-disk internal; }\n}\n';
    const b = a.replace('resource a', 'resource b').replaceAll('/dev/sda1', '/dev/sdb1');
    const aFacts = { uri: 'file:///etc/drbd.d/a.res', facts: factsOf(a, '/etc/drbd.d/a.res') };
    const inB = published(b, { path: '/etc/drbd.d/b.res', others: [aFacts] });
    assert.deepEqual(inB.map(summary), [
      '2:17-27 warning drbd/duplicate-device',
      '2:34-35 warning drbd/duplicate-minor',
      '2:61-74 warning drbd/duplicate-address',
      '3:17-27 warning drbd/duplicate-device',
      '3:34-35 warning drbd/duplicate-minor',
      '3:61-74 warning drbd/duplicate-address',
    ]);
    assert.equal(inB[1].message, "Minor 0 on 'x' is also used by resource 'a' in a.res; when both are loaded drbdadm refuses the second.");
    assert.equal(inB[0].message, "Device /dev/drbd0 on 'x' is also used by resource 'a' in a.res; when both are loaded drbdadm refuses the second.");
    const bFacts = { uri: 'file:///etc/drbd.d/b.res', facts: factsOf(b, '/etc/drbd.d/b.res') };
    assert.equal(published(a, { path: '/etc/drbd.d/a.res', others: [bFacts] }).length, 6);
    assert.deepEqual(checkPublished(b, { path: '/etc/drbd.d/b.res' }), []);
  });

  it('compares only the first use of a key in the file: a second one is the file\'s own error', () => {
    const two = `resource r0 {\n  on a { device /dev/drbd0; disk /dev/sda1; address 10.0.0.1:7789; meta-disk internal; }\n  on b { device /dev/drbd0; disk /dev/sda1; address 10.0.0.2:7789; meta-disk internal; }\n}\nresource r1 {\n  on a { device /dev/drbd1; disk /dev/sda2; address 10.0.0.1:7789; meta-disk internal; }\n  on b { device /dev/drbd1; disk /dev/sda2; address 10.0.0.2:7790; meta-disk internal; }\n}\n`;
    const other = { uri: 'file:///etc/drbd.d/r9.res', facts: factsOf(two.replace('resource r0', 'resource r9').replace(/resource r1[^]*$/, ''), '/etc/drbd.d/r9.res') };
    assert.deepEqual(checkPublished(two, { others: [other] }).filter((s) => s.includes('address')), ['2:53-66 warning drbd/duplicate-address', '3:53-66 warning drbd/duplicate-address', '6:53-66 error drbd/duplicate-address']);
  });
});

describe('drbd resource names across the files of one configuration (cross-file rule)', () => {
  const r0 = (minor: number) => `resource r0 {\n  on a { device /dev/drbd${minor}; disk /dev/sda${minor + 1}; address 10.0.0.1:${7789 + minor}; meta-disk internal; }\n  on b { device /dev/drbd${minor}; disk /dev/sda${minor + 1}; address 10.0.0.2:${7789 + minor}; meta-disk internal; }\n}\n`;
  const file = (path: string, text: string) => ({ uri: `file://${path}`, facts: factsOf(text, path) });

  it('refuses a resource another file of the same drbd.d folder defines too, pointing at it', () => {
    // drbdadm reading drbd.conf (include "drbd.d/*.res"): "b.res:1: conflicting use of resource section 'r0' ... a.res:1: resource section 'r0' first used here."
    const others = [file('/etc/drbd.d/a.res', r0(0))];
    const diagnostics = published(r0(1), { path: '/etc/drbd.d/b.res', others });
    assert.deepEqual(diagnostics.map(problem), [
      `1:10-12 error drbd/duplicate-resource Resource 'r0' is also defined in a.res (line 1), which drbdadm reads with this file; it refuses the second definition ("conflicting use of resource section"): rename or remove one.`,
    ]);
    assert.deepEqual(diagnostics[0].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.message]), [['file:///etc/drbd.d/a.res', 0, "resource 'r0'"]]);
  });

  it('follows the includes of drbd.conf, and leaves copies kept for other nodes alone', () => {
    const conf = file('/srv/etc/drbd.conf', 'include "drbd.d/*.res";\n');
    const inConf = file('/srv/etc/drbd.d/a.res', r0(0));
    assert.deepEqual(checkPublished(r0(1), { path: '/srv/etc/drbd.d/b.res', others: [conf, inConf] }), ['1:10-12 error drbd/duplicate-resource']);
    // The same resource in the copy of another node's /etc: drbdadm never reads the two together.
    const otherNode = file('/srv/node2/etc/drbd.d/r0.res', r0(2));
    assert.deepEqual(checkPublished(r0(0), { path: '/srv/node1/etc/drbd.d/r0.res', others: [otherNode] }), []);
    // A file drbd.conf does not include is not read with the ones it does.
    const aside = file('/srv/etc/drbd.d/old/r0.res', r0(1));
    assert.deepEqual(checkPublished(r0(0), { path: '/srv/etc/drbd.d/a.res', others: [conf, aside] }), []);
  });
});

describe('drbd 8.3 protocol (cross-file rule)', () => {
  const res = `resource r0 {\n  syncer { rate 10M; }\n${HOSTS}\n}\n`;

  it('refuses a DRBD 8.3 resource without a protocol, unless a common section of its configuration gives one', () => {
    // drbdadm-83: "r0.res:1: in resource r0: protocol definition missing."
    assert.deepEqual(published(res).map(problem), [
      `1:10-12 error drbd/missing-protocol Resource 'r0' has no 'protocol': drbdadm 8.3 needs one, in the resource or in a 'common' section, and refuses the file ("protocol definition missing"); add e.g. 'protocol C;'.`,
    ]);
    const common = { uri: 'file:///etc/drbd.d/global_common.conf', facts: factsOf('common {\n  protocol C;\n  syncer { rate 10M; }\n}\n', '/etc/drbd.d/global_common.conf') };
    assert.deepEqual(checkPublished(res, { others: [common] }), []);
    assert.deepEqual(checkPublished(`resource r0 {\n  protocol C;\n  syncer { rate 10M; }\n${HOSTS}\n}\n`), []);
  });
});
