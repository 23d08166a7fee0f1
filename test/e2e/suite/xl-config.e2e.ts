/** xl-config (Xen domain configs, /etc/xen/xl.conf) in a real VS Code. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyQuickFix,
  closeAllEditors,
  completionLabels,
  hoverText,
  openWorkspaceFile,
  positionAfter,
  problemsBecome,
  replaceText,
  withSetting,
} from './helpers';
import { checkLanguageBasics } from './languageBasics';

const DOMAIN = 'etc/xen/vm02-db.cfg';
const MEMROY = "7:1 warning xl/unknown-key unknown setting `memroy`: xl silently ignores it; did you mean 'memory'?";
const RESTART_IS_XM_ONLY = '16:1 warning xl/xm-only-key `restart` is an xm setting that xl ignores; use `on_reboot` and `on_crash` instead';

/** Edits the example the way a hand-edit goes wrong: a misspelt key (line 7), an xm-only key (line 16). */
async function misspellAndAddXmKey(document: vscode.TextDocument): Promise<void> {
  await replaceText(document, 'memory = 4096', 'memroy = 4096');
  await replaceText(document, 'on_reboot = "restart"', 'restart = "always"');
}

describe('xl-config', () => {
  checkLanguageBasics({
    languageId: 'xl-config',
    scopeName: 'source.xl-config',
    examples: ['etc/xen/vm01-web.cfg', DOMAIN, 'etc/xen/xl.conf'],
  });

  afterEach(closeAllEditors);

  it('lists a misspelt key and an xm-only key in the Problems list, and the quick fix corrects the key', async () => {
    const { uri, document } = await openWorkspaceFile(DOMAIN);
    const listed = problemsBecome(uri, [MEMROY, RESTART_IS_XM_ONLY]);
    await misspellAndAddXmKey(document);
    const [typo] = await listed;
    assert.equal(typo.source, 'xl-config');

    const fixed = problemsBecome(uri, [RESTART_IS_XM_ONLY]);
    const text = await applyQuickFix(uri, typo.range, "Change to 'memory'");
    assert.equal(text.split('\n')[6], 'memory = 4096');
    await fixed;
  });

  it('follows the toolstack setting: under xm, `restart` is fine and `type` is unknown', async () => {
    const { uri, document } = await openWorkspaceFile(DOMAIN);
    const underXl = problemsBecome(uri, [MEMROY, RESTART_IS_XM_ONLY]);
    await misspellAndAddXmKey(document);
    await underXl;
    const underXm = problemsBecome(uri, [
      '4:1 warning xl/xm-only-key `type` is an xl setting that xm does not know; it has no effect with the xm toolstack',
      "7:1 warning xl/unknown-key unknown setting `memroy`: xm silently ignores it; did you mean 'memory'?",
    ]);
    const restore = await withSetting('xenConfig', 'xen.toolstack', 'xm');
    try {
      await underXm;
    } finally {
      const underXlAgain = problemsBecome(uri, [MEMROY, RESTART_IS_XM_ONLY]);
      await restore();
      await underXlAgain;
    }
  });

  it('an xcc-ignore comment silences its line in the Problems list, and xenConfig.diagnostics.severity changes a code', async () => {
    const { uri, document } = await openWorkspaceFile(DOMAIN);
    const listed = problemsBecome(uri, [MEMROY, RESTART_IS_XM_ONLY]);
    await misspellAndAddXmKey(document);
    await listed;
    const restartBelow = RESTART_IS_XM_ONLY.replace(/^16:1 warning/, '17:1 warning');
    const silenced = problemsBecome(uri, [restartBelow]);
    await replaceText(document, 'memroy = 4096', '# xcc-ignore xl/unknown-key -- checked by hand\nmemroy = 4096');
    await silenced;
    const asError = problemsBecome(uri, [restartBelow.replace('17:1 warning', '17:1 error')]);
    const restore = await withSetting('xenConfig', 'diagnostics.severity', { 'xl/xm-only-key': 'error' });
    try {
      await asError;
    } finally {
      const asBefore = problemsBecome(uri, [restartBelow]);
      await restore();
      await asBefore;
    }
  });

  it('completes key names on an empty line and explains a key on hover', async () => {
    const { document } = await openWorkspaceFile(DOMAIN);
    const labels = await completionLabels(document.uri, new vscode.Position(5, 0));
    for (const key of ['memory', 'vcpus', 'vif', 'disk', 'on_crash']) assert.ok(labels.includes(key), `no completion for ${key} in ${JSON.stringify(labels)}`);
    assert.match(await hoverText(document.uri, positionAfter(document, 'vcp')), /Number of virtual CPUs online at boot/);
  });
});
