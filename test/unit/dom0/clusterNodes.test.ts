/** The cluster.conf nodes the dom0 explorer shows as hosts: the language server answers from the workspace's facts. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterConfLanguage } from '../../../server/src/languages/cluster-conf';
import { clusterNodes } from '../../../server/src/lsp/clusterNodes';
import { WorkspaceModel } from '../../../server/src/workspace/model';
import { testContext } from '../../helpers/fixtures';

/** The model of a workspace holding these cluster.conf files (path → text). */
function workspaceOf(files: Record<string, string>): WorkspaceModel {
  const { service } = clusterConfLanguage;
  return new WorkspaceModel(
    Object.entries(files).map(([path, text]) => {
      const ctx = testContext(path);
      return { uri: ctx.uri, facts: service.facts(service.parse(text, ctx), ctx) };
    }),
  );
}

const names = (text: string) => clusterNodes(workspaceOf({ '/srv/repo/cluster.conf': text })).map((node) => node.name);

describe('cluster.conf nodes as hosts', () => {
  it('reads the clusternode names', () => {
    const xml = `<?xml version="1.0"?>
<cluster name="an-cluster01" config_version="7">
  <clusternodes>
    <clusternode name="an-node01.alteeve.com" nodeid="1"><fence/></clusternode>
    <clusternode name="an-node02.alteeve.com" nodeid="2"/>
  </clusternodes>
</cluster>`;
    assert.deepEqual(names(xml), ['an-node01.alteeve.com', 'an-node02.alteeve.com']);
    assert.deepEqual(names('<cluster><clusternodes><clusternode name="solo"/></clusternodes></cluster>'), ['solo']);
    assert.deepEqual(names('<cluster><clusternodes>'), []);
    assert.deepEqual(names('not xml at all <<<'), []);
  });

  it('names each node once, with the first cluster.conf that declares it', () => {
    const model = workspaceOf({
      '/srv/a/cluster.conf': '<cluster><clusternodes><clusternode name="n1"/><clusternode name="n2"/></clusternodes></cluster>',
      '/srv/b/cluster.conf': '<cluster><clusternodes><clusternode name="n2"/><clusternode name="n3"/></clusternodes></cluster>',
    });
    assert.deepEqual(clusterNodes(model), [
      { name: 'n1', uri: 'file:///srv/a/cluster.conf' },
      { name: 'n2', uri: 'file:///srv/a/cluster.conf' },
      { name: 'n3', uri: 'file:///srv/b/cluster.conf' },
    ]);
  });
});
