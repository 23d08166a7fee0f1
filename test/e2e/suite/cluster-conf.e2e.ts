/** cluster-conf (Red Hat cluster 3 /etc/cluster/cluster.conf) in a real VS Code. */
import * as assert from 'node:assert/strict';
import { closeAllEditors, completionLabels, hoverText, openWorkspaceFile, positionAfter, replaceText, typeMistakeAndFix } from './helpers';
import { checkLanguageBasics } from './languageBasics';

const CLUSTER_CONF = 'etc/cluster/cluster.conf';

describe('cluster-conf', () => {
  checkLanguageBasics({ languageId: 'cluster-conf', scopeName: 'text.xml.cluster-conf', examples: [CLUSTER_CONF] });

  afterEach(closeAllEditors);

  it('reports a misspelt attribute, and its quick fix corrects it', () =>
    typeMistakeAndFix(CLUSTER_CONF, {
      search: '<cman two_node=',
      mistake: '<cman two_nod=',
      // Without two_node cman also counts on both votes, so the quorum warning comes with the error.
      listed: [
        '4:6 warning cluster-conf/two-node-quorum-loss Two nodes, without two_node="1" in <cman> and without a quorum disk: quorum needs both nodes\' votes, so when one node dies the other loses quorum and stops every service (rgmanager, GFS2, DLM) until it comes back. Add <cman two_node="1" expected_votes="1"/>, or a <quorumd>.',
        "4:11 error cluster-conf/unknown-attribute <cman> has no attribute 'two_nod'; did you mean 'two_node'?",
      ],
      fix: /two_node/,
      fixIndex: 1,
    }));

  it('completes the attributes an element allows and explains them on hover', async () => {
    const { document } = await openWorkspaceFile(CLUSTER_CONF);
    await replaceText(document, 'expected_votes="1"/>', 'expected_votes="1" />');
    const labels = await completionLabels(document.uri, positionAfter(document, 'expected_votes="1" '));
    assert.ok(labels.includes('cluster_id'), JSON.stringify(labels));
    assert.match(await hoverText(document.uri, positionAfter(document, '<cman two_')), /two_node/);
  });
});
