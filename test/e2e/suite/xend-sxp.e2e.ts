/** xend-sxp (/etc/xen/xend-config.sxp, the xm toolstack's daemon) in a real VS Code. */
import * as assert from 'node:assert/strict';
import { applyQuickFix, closeAllEditors, completionLabels, hoverText, openWorkspaceFile, positionAfter, problemsBecome, replaceText, withSetting } from './helpers';
import { checkLanguageBasics } from './languageBasics';

const XEND_CONFIG = 'etc/xen/xend-config.sxp';

describe('xend-sxp', () => {
  checkLanguageBasics({ languageId: 'xend-sxp', scopeName: 'source.xend-sxp', examples: [XEND_CONFIG] });

  afterEach(closeAllEditors);

  it("for a Xen 4.1 host running xend (settings), warns that relocation is open to anyone and fixes it with the cluster's nodes", async () => {
    const { uri, document } = await openWorkspaceFile(XEND_CONFIG);
    const original = document.getText();
    const restoreVersion = await withSetting('xenConfig', 'xen.version', '4.1');
    const restoreToolstack = await withSetting('xenConfig', 'xen.toolstack', 'xm');
    try {
      const open = problemsBecome(uri, [
        "19:30 warning xend/relocation-open relocation is on (xend-relocation-server) but xend-relocation-hosts-allow is empty: anyone who reaches port 8002 can push a domain onto this host or pull one off it; list the peer hosts, e.g. (xend-relocation-hosts-allow '^an-node02\\\\.example\\\\.com$')",
      ]);
      await replaceText(document, "(xend-relocation-hosts-allow '^localhost$ ^an-node01\\\\.alteeve\\\\.com$ ^an-node02\\\\.alteeve\\\\.com$')", "(xend-relocation-hosts-allow '')");
      const [diagnostic] = await open;
      // The fix knows the cluster's nodes from the workspace's cluster.conf: it restores the example.
      const fix = 'Allow relocation only from localhost and the cluster nodes (an-node01.alteeve.com, an-node02.alteeve.com)';
      assert.equal(await applyQuickFix(uri, diagnostic.range, fix), original);
    } finally {
      await restoreToolstack();
      await restoreVersion();
    }
  });

  it('completes option values after the name, and explains options on hover', async () => {
    const { document } = await openWorkspaceFile(XEND_CONFIG);
    await replaceText(document, '(xend-http-server no)', '(xend-http-server )');
    const values = await completionLabels(document.uri, positionAfter(document, '(xend-http-server '));
    assert.ok(values.includes('yes') && values.includes('no'), JSON.stringify(values));
    assert.match(await hoverText(document.uri, positionAfter(document, '(dom0-min')), /dom0-min-mem/);
  });
});
