/** xl-config (Xen domain configs, /etc/xen/xl.conf) in a real VS Code. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  applyQuickFix,
  closeAllEditors,
  completionLabels,
  describeDiagnostic,
  hoverText,
  openNewWorkspaceFile,
  waitForDiagnostics,
  withSetting,
} from './helpers';
import { checkLanguageBasics } from './languageBasics';
import { itAfterMerge } from './merged';

/**
 * A domain config with a misspelt key (line 4) and an xm-only key (line 5). Each test names its
 * domain differently: two open configs with one name are a (cross-file) error of their own.
 */
function guestWithMistakes(name: string): string {
  return [`name = "${name}"`, 'type = "pvh"', 'kernel = "/boot/vmlinuz-guest"', 'memroy = 1024', 'restart = "always"', ''].join('\n');
}

const RESTART_IS_XM_ONLY = '5:1 warning xl/xm-only-key `restart` is an xm setting that xl ignores; use `on_reboot` and `on_crash` instead';

describe('xl-config', () => {
  checkLanguageBasics({
    languageId: 'xl-config',
    scopeName: 'source.xl-config',
    examples: ['etc/xen/vm01-web.cfg', 'etc/xen/vm02-db.cfg', 'etc/xen/xl.conf'],
  });

  afterEach(closeAllEditors);

  itAfterMerge('xl-config service', 'lists a misspelt key and an xm-only key in the Problems list', async () => {
    const { diagnostics } = await openNewWorkspaceFile('etc/xen/vm11-problems.cfg', guestWithMistakes('vm11-problems'));
    assert.deepEqual(diagnostics.map(describeDiagnostic), [
      "4:1 warning xl/unknown-key unknown setting `memroy`: xl silently ignores it; did you mean 'memory'?",
      RESTART_IS_XM_ONLY,
    ]);
    assert.ok(diagnostics.every((d) => d.source === 'xl-config' && d.range.isSingleLine));
  });

  itAfterMerge('xl-config service', 'fixes the misspelt key with its quick fix, and the warning goes away', async () => {
    const original = guestWithMistakes('vm12-fix');
    const { uri } = await openNewWorkspaceFile('etc/xen/vm12-fix.cfg', original);
    const typo = new vscode.Range(3, 0, 3, 6);
    const rechecked = waitForDiagnostics(uri, (list) => !list.some((d) => d.code === 'xl/unknown-key'), 'diagnostics without xl/unknown-key');
    const text = await applyQuickFix(uri, typo, 'Change to `memory`');
    assert.equal(text, original.replace('memroy', 'memory'));
    assert.deepEqual((await rechecked).map(describeDiagnostic), [RESTART_IS_XM_ONLY]);
  });

  itAfterMerge('xl-config service', 'completes key names on an empty line', async () => {
    const { uri } = await openNewWorkspaceFile('etc/xen/vm03-complete.cfg', 'name = "vm03"\n\n');
    const labels = await completionLabels(uri, new vscode.Position(1, 0));
    for (const key of ['memory', 'vcpus', 'vif', 'disk', 'on_crash']) assert.ok(labels.includes(key), `no completion for ${key} in ${JSON.stringify(labels)}`);
  });

  itAfterMerge('xl-config service', 'explains a key on hover', async () => {
    const { uri } = await openNewWorkspaceFile('etc/xen/vm03-hover.cfg', 'name = "vm03"\nvcpus = 2\n');
    assert.match(await hoverText(uri, new vscode.Position(1, 2)), /Number of virtual CPUs online at boot/);
  });

  itAfterMerge('xl-config service', 'follows the toolstack setting: under xm, `restart` is fine and `type` is unknown', async () => {
    const { uri, diagnostics } = await openNewWorkspaceFile('etc/xen/vm13-toolstack.cfg', guestWithMistakes('vm13-toolstack'));
    const describeAll = (list: vscode.Diagnostic[]) => list.map(describeDiagnostic);
    assert.ok(describeAll(diagnostics).includes(RESTART_IS_XM_ONLY));
    const underXm = waitForDiagnostics(uri, (list) => !describeAll(list).includes(RESTART_IS_XM_ONLY), 'the diagnostics under xm');
    const restore = await withSetting('xenConfig', 'xen.toolstack', 'xm');
    try {
      assert.deepEqual(describeAll(await underXm), [
        '2:1 warning xl/xm-only-key `type` is an xl setting that xm does not know; it has no effect with the xm toolstack',
        "4:1 warning xl/unknown-key unknown setting `memroy`: xm silently ignores it; did you mean 'memory'?",
      ]);
    } finally {
      const underXlAgain = waitForDiagnostics(uri, (list) => describeAll(list).includes(RESTART_IS_XM_ONLY), 'the diagnostics under xl again');
      await restore();
      await underXlAgain;
    }
  });
});
