import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterConfService as service } from '../../../server/src/languages/cluster-conf';
import { EXAMPLE, tester } from './helpers';

describe('cluster-conf outline and folding', () => {
  const ctx = tester.context();
  const doc = tester.parse(EXAMPLE);

  it('lists nodes, fence devices and vms by name', () => {
    const [cluster] = service.symbols(doc, ctx);
    assert.equal(cluster.name, 'an-cluster01');
    const names = (parent: string) => cluster.children!.find((s) => s.name === parent)!.children!.map((s) => `${s.name} (${s.detail})`);
    assert.deepEqual(names('clusternodes'), ['an-node01.alteeve.com (clusternode)', 'an-node02.alteeve.com (clusternode)']);
    assert.deepEqual(names('fencedevices'), ['fence_an01 (fencedevice (fence_ipmilan))', 'fence_an02 (fencedevice (fence_ipmilan))']);
    assert.deepEqual(names('rm').slice(1), ['vm01-web (vm)', 'vm02-db (vm)']);
  });

  it('folds multi-line elements', () => {
    assert.deepEqual(service.folding(doc, ctx)[0], { startLine: 2, endLine: 39 });
  });
});
