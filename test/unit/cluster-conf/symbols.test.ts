import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterConfService as service } from '../../../server/src/languages/cluster-conf';
import { outline } from '../../helpers/languageTester';
import { EXAMPLE, tester } from './helpers';

describe('cluster-conf outline and folding', () => {
  const ctx = tester.context();
  const doc = tester.parse(EXAMPLE);

  it('lists nodes with their nodeid, fence devices with their agent, vms with their failover domain', () => {
    const [cluster] = service.symbols(doc, ctx);
    assert.equal(cluster.name, 'an-cluster01');
    assert.equal(cluster.detail, 'cluster (config_version 1)');
    const names = (parent: string) => cluster.children!.find((s) => s.name === parent)!.children!.map((s) => `${s.name} (${s.detail})`);
    assert.deepEqual(names('clusternodes'), ['an-node01.alteeve.com (clusternode (nodeid 1))', 'an-node02.alteeve.com (clusternode (nodeid 2))']);
    assert.deepEqual(names('fencedevices'), ['fence_an01 (fencedevice (fence_ipmilan))', 'fence_an02 (fencedevice (fence_ipmilan))']);
    assert.deepEqual(names('rm').slice(1), ['vm01-web (vm (domain primary_n01))', 'vm02-db (vm (domain primary_n02))']);
  });

  it('shows elements without a name by their element name and attributes, services with their resources', () => {
    const text = [
      '<cluster name="lab" config_version="7">',
      '  <cman two_node="1" expected_votes="1"/>',
      '  <clusternodes>',
      '    <clusternode name="n1" nodeid="1" votes="1"/>',
      '  </clusternodes>',
      '  <rm>',
      '    <resources><ip address="10.0.0.50" monitor_link="1"/></resources>',
      '    <service name="web" domain="d1" autostart="1"><ip ref="10.0.0.50"/></service>',
      '  </rm>',
      '</cluster>',
      '',
    ].join('\n');
    assert.deepEqual(outline(service.symbols(tester.parse(text), ctx)), [
      'lab (cluster (config_version 7)) 1:1-10:11 @1:16-1:19',
      '  cman (two_node="1" expected_votes="1") 2:3-2:42 @2:4-2:8',
      '  clusternodes 3:3-5:18 @3:4-3:16',
      '    n1 (clusternode (nodeid 1, votes 1)) 4:5-4:50 @4:24-4:26',
      '  rm 6:3-9:8 @6:4-6:6',
      '    resources 7:5-7:70 @7:6-7:15',
      '      ip (address="10.0.0.50" monitor_link="1") 7:16-7:58 @7:17-7:19',
      '    web (service (domain d1)) 8:5-8:82 @8:20-8:23',
      '      10.0.0.50 (ip) 8:51-8:72 @8:60-8:69',
    ]);
  });

  it('folds multi-line elements', () => {
    assert.deepEqual(service.folding(doc, ctx)[0], { startLine: 2, endLine: 39 });
  });
});
