/** cluster-conf (Red Hat cluster 3 /etc/cluster/cluster.conf) in a real VS Code. */
import * as assert from 'node:assert/strict';
import { applyQuickFix, closeAllEditors, completionLabels, hoverText, openWorkspaceFile, positionAfter, problemsBecome, replaceText } from './helpers';
import { checkLanguageBasics } from './languageBasics';
import { itAfterMerge } from './merged';

const CLUSTER_CONF = 'etc/cluster/cluster.conf';

describe('cluster-conf', () => {
  checkLanguageBasics({ languageId: 'cluster-conf', scopeName: 'text.xml.cluster-conf', examples: [CLUSTER_CONF] });

  afterEach(closeAllEditors);

  itAfterMerge('cluster-conf service', 'reports a misspelt attribute, and its quick fix corrects it', async () => {
    const { uri, document, diagnostics: before } = await openWorkspaceFile(CLUSTER_CONF);
    const original = document.getText();
    const typo = problemsBecome(uri, ["4:11 error cluster-conf/unknown-attribute <cman> has no attribute 'two_nod'; did you mean 'two_node'?"]);
    await replaceText(document, '<cman two_node=', '<cman two_nod=');
    const [diagnostic] = await typo;
    const fixed = problemsBecome(uri, before.map((d) => d.message));
    assert.equal(await applyQuickFix(uri, diagnostic.range, /two_node/), original);
    await fixed;
  });

  itAfterMerge('cluster-conf service', 'completes the attributes an element allows and explains them on hover', async () => {
    const { document } = await openWorkspaceFile(CLUSTER_CONF);
    await replaceText(document, 'expected_votes="1"/>', 'expected_votes="1" />');
    const labels = await completionLabels(document.uri, positionAfter(document, 'expected_votes="1" '));
    assert.ok(labels.includes('cluster_id'), JSON.stringify(labels));
    assert.match(await hoverText(document.uri, positionAfter(document, '<cman two_')), /two_node/);
  });
});
