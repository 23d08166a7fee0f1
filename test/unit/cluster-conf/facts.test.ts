import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterConfService as service } from '../../../server/src/languages/cluster-conf';
import { EXAMPLE, tester } from './helpers';

describe('cluster-conf facts', () => {
  it('reports the cluster facts with their ranges', () => {
    const cluster = service.facts(tester.parse(EXAMPLE), tester.context()).cluster!;
    assert.equal(cluster.clusterName?.value, 'an-cluster01');
    assert.deepEqual(cluster.nodes.map((n) => n.value), ['an-node01.alteeve.com', 'an-node02.alteeve.com']);
    assert.deepEqual(cluster.fenceDevices.map((n) => n.value), ['fence_an01', 'fence_an02']);
    assert.deepEqual(cluster.fenceDeviceRefs.map((n) => n.value), ['fence_an01', 'fence_an02']);
    assert.deepEqual(cluster.vms.map((v) => `${v.value} ${v.migratable}`), ['vm01-web true', 'vm02-db true']);
    assert.deepEqual(cluster.vms[0].range, { start: { line: 37, character: 18 }, end: { line: 37, character: 26 } });
  });
});
