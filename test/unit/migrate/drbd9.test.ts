/** DRBD 8.3/8.4 → 9 (migrate/drbd9.ts) on the shapes real files have: the text it writes and the notes it gives. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertToDrbd9 } from '../../../server/src/migrate/drbd9';
import type { MigrationContext } from '../../../server/src/migrate/types';
import type { FileFacts } from '../../../server/src/workspace/facts';
import { EMPTY_WORKSPACE, WorkspaceView } from '../../../server/src/workspace/view';
import { readFixture } from '../../helpers/fixtures';

const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A workspace with one cluster.conf whose nodes have these nodeids. */
function clusterWorkspace(nodes: Record<string, number>): WorkspaceView {
  const facts: FileFacts = {
    cluster: { nodes: Object.entries(nodes).map(([value, nodeid]) => ({ value, range: at, nodeid })), fenceDevices: [], fenceDeviceRefs: [], services: [], vms: [] },
  };
  return { otherFiles: () => [{ uri: 'file:///etc/cluster/cluster.conf', facts }] };
}

function convert(text: string, workspace: WorkspaceView = EMPTY_WORKSPACE, path = '/etc/drbd.d/r0.res') {
  const ctx: MigrationContext = { path, workspace };
  const result = convertToDrbd9(text, ctx);
  return { text: result.outputs[0]?.text, outputs: result.outputs, notes: result.notes.map((n) => `${n.line}: ${n.kind}: ${n.message}`) };
}

const TWO_HOSTS = (body: string) => `resource r0 {
${body}  on alpha {
    device /dev/drbd0;
    disk /dev/sdb1;
    address 10.0.0.1:7788;
    meta-disk internal;
  }
  on bravo {
    device /dev/drbd0;
    disk /dev/sdb1;
    address 10.0.0.2:7788;
    meta-disk internal;
  }
}
`;

describe('migrate drbd9: the 8.3 syncer section and protocol', () => {
  it('moves syncer options to disk and net under their DRBD 9 names, keeping their comments', () => {
    const { text, notes } = convert(readFixture('migrate', 'dual-primary-83.res'));
    assert.ok(text!.includes('common {\n  net {\n    protocol C;\n    verify-alg sha1;\n  }\n  disk {\n    resync-rate 40M; # resync bandwidth\n    al-extents 257;\n  }\n}\n'), text);
    assert.ok(!text!.includes('syncer'));
    assert.ok(notes.includes("6: note: 'syncer { rate }' is 'disk { resync-rate }' since DRBD 8.4: moved."));
    assert.ok(notes.includes("4: note: 'protocol' moved into the 'net' section (DRBD 8.4 and 9 read it there)."));
  });

  it('adds to a net section the resource already has instead of writing a second one', () => {
    const { text } = convert(TWO_HOSTS('  protocol C;\n  net {\n    cram-hmac-alg sha1;\n  }\n'));
    assert.ok(text!.includes('  net {\n    cram-hmac-alg sha1;\n    protocol C;\n  }\n'), text);
    assert.equal(text!.match(/net \{/g)?.length, 1);
  });

  it('writes 8.3 flags with their 8.4 values, the fencing policy in net, outdate-peer as fence-peer, and the advice to take the DRBD 9 helper', () => {
    const { text, notes } = convert(readFixture('migrate', 'dual-primary-83.res'));
    assert.ok(text!.includes('  net { allow-two-primaries; fencing resource-only; }\n'), text);
    assert.ok(text!.includes('  disk { disk-flushes no; md-flushes no;  }\n'), text);
    assert.ok(text!.includes('  handlers { fence-peer "/usr/lib/drbd/crm-fence-peer.sh"; }\n'), text);
    assert.ok(notes.includes("14: note: DRBD 9 reads 'fencing' in 'net', not 'disk': moved into 'net'."));
    assert.ok(notes.includes('15: manual: \'outdate-peer\' runs /usr/lib/drbd/crm-fence-peer.sh, the DRBD 8.4 helper: with DRBD 9 use "/usr/lib/drbd/crm-fence-peer.9.sh".'), notes.join('\n'));
  });

  it('removes what DRBD 9 no longer has, saying whether it did anything before', () => {
    const { text, notes } = convert(TWO_HOSTS('  syncer {\n    rate 10M;\n    delay-probe-volume 16k;\n  }\n  net {\n    unplug-watermark 128;\n  }\n'));
    assert.ok(!text!.includes('delay-probe-volume') && !text!.includes('unplug-watermark'), text);
    assert.ok(notes.some((n) => n.startsWith("4: note: 'delay-probe-volume 16k;' removed: 'delay-probe-volume' did nothing already")), notes.join('\n'));
    assert.ok(notes.includes("7: manual: 'unplug-watermark 128;' removed: DRBD 9 has no 'unplug-watermark' in 'net'."), notes.join('\n'));
  });
});

describe('migrate drbd9: hosts', () => {
  it("gives every host a node-id, from the workspace's cluster.conf nodeid where there is one", () => {
    const { text, notes } = convert(TWO_HOSTS(''), clusterWorkspace({ 'alpha.example.com': 1, 'bravo.example.com': 2 }));
    assert.ok(text!.includes('    meta-disk internal;\n    node-id 1;\n  }\n  on bravo {'), text);
    assert.ok(text!.includes('    node-id 2;\n  }\n}\n'), text);
    assert.ok(notes.includes("2: note: 'node-id 1;' added for 'alpha' (its cluster.conf nodeid)."), notes.join('\n'));
  });

  it('numbers hosts in order without a cluster.conf, and keeps a host’s id across the resources of the file', () => {
    const second = TWO_HOSTS('').replace('r0', 'r1').replace('on alpha', 'on charlie').replace('10.0.0.1', '10.0.0.3');
    const { text, notes } = convert(TWO_HOSTS('') + second);
    const ids = [...text!.matchAll(/node-id (\d+);/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['0', '1', '0', '1']);
    assert.ok(notes.includes("22: note: 'node-id 1;' added for 'bravo' (the id it has in another resource of this file)."), notes.join('\n'));
  });

  it('adds a connection-mesh to a resource of three hosts, and leaves one that has connections alone', () => {
    const three = TWO_HOSTS('').replace(/}\n$/, '  on charlie {\n    device /dev/drbd0;\n    disk /dev/sdb1;\n    address 10.0.0.3:7788;\n    meta-disk internal;\n  }\n}\n');
    const { text, notes } = convert(three);
    assert.ok(text!.includes('  connection-mesh {\n    hosts alpha bravo charlie;\n  }\n}\n'), text);
    assert.ok(notes.some((n) => n.includes("'connection-mesh { hosts alpha bravo charlie; }' added")));
    const meshed = convert(readFixture('drbd', 'clean-9.res')).text!;
    assert.equal(meshed, readFixture('drbd', 'clean-9.res'));
  });
});

describe('migrate drbd9: dual-primary, include, and what it cannot convert', () => {
  it('gives the fencing advice for a dual-primary resource without fencing, and a manual note for become-primary-on', () => {
    const { notes } = convert(readFixture('migrate', 'dual-primary-83.res'));
    assert.ok(notes.some((n) => n.startsWith("13: manual: Resource 'r0' is dual-primary without fencing") && n.includes('"/usr/lib/drbd/crm-fence-peer.9.sh"')), notes.join('\n'));
    assert.ok(notes.some((n) => n.startsWith("12: manual: 'become-primary-on' kept, but drbdadm 9 leaves it out of its dump")), notes.join('\n'));
  });

  it('keeps include statements and the common section where they are', () => {
    const input = 'include "drbd.d/global_common.conf";\ninclude "drbd.d/*.res";\n';
    const { text, notes } = convert(input, EMPTY_WORKSPACE, '/etc/drbd.conf');
    assert.equal(text, input);
    assert.deepEqual(notes, ["1: note: 'include \"drbd.d/global_common.conf\"' kept: convert the files it reads too.", "2: note: 'include \"drbd.d/*.res\"' kept: convert the files it reads too."]);
  });

  it('leaves a file with a syntax error unconverted, with a manual note on its line', () => {
    const { outputs, notes } = convert('resource r0 {\n  net { protocol C }\n');
    assert.deepEqual(outputs, []);
    assert.equal(notes.length, 1);
    assert.match(notes[0], /^2: manual: Not converted: fix this syntax error first/);
  });

  it('says when a file is DRBD 9 already, and changes nothing', () => {
    const input = readFixture('drbd', 'clean-9.res');
    const { text, notes } = convert(input);
    assert.equal(text, input);
    assert.deepEqual(notes, ['1: note: Already DRBD 9: nothing to change.']);
  });

  it('reads a cluster.conf given beside the DRBD files for its nodeids only', () => {
    const { outputs, notes } = convert('<cluster name="c" config_version="1"/>', EMPTY_WORKSPACE, '/etc/cluster/cluster.conf');
    assert.deepEqual(outputs, []);
    assert.deepEqual(notes, ['1: note: Read for its nodeids (the node-id of each DRBD host); not converted.']);
  });

  it('survives hostile input', () => {
    for (const text of ['', '{{{{', 'resource', '}'.repeat(1000), 'resource r { on a { on b { on c {'.repeat(200), 'syncer { rate 1; }', '\u0000\uffff']) convert(text);
  });
});
