/** drbd (drbd.conf, drbd.d/*.res; DRBD 8.3, 8.4 and 9) in a real VS Code. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  completionLabels,
  hoverText,
  openWorkspaceFile,
  positionAfter,
  problemsBecome,
  replaceText,
  typeMistakeAndFix,
  withSetting,
} from './helpers';
import { checkLanguageBasics } from './languageBasics';

const RESOURCE = 'etc/drbd.d/r0.res';

describe('drbd', () => {
  checkLanguageBasics({ languageId: 'drbd', scopeName: 'source.drbd', examples: ['etc/drbd.d/global_common.conf', RESOURCE] });

  afterEach(closeAllEditors);

  it("reports a missing ';' on the right token, and the quick fix inserts it", () =>
    typeMistakeAndFix(RESOURCE, {
      search: 'protocol C;',
      mistake: 'protocol C',
      listed: ["8:18 error drbd/missing-semicolon Missing ';' after 'C' to end the 'protocol' option."],
      fix: /;/,
    }));

  it('outlines global_common.conf with the sections and options of global and common', async () => {
    const { uri } = await openWorkspaceFile('etc/drbd.d/global_common.conf');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const tree = (list: vscode.DocumentSymbol[], depth = 0): string[] => list.flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''}`, ...tree(s.children, depth + 1)]);
    assert.deepEqual(tree(symbols), [
      'global',
      '  usage-count (no)',
      'common',
      '  net',
      '    protocol (C)',
      '  startup',
      '    wfc-timeout (300)',
      '    degr-wfc-timeout (120)',
      '  disk',
      '    on-io-error (detach)',
    ]);
  });

  it('completes options in a section and explains them on hover', async () => {
    const { document } = await openWorkspaceFile(RESOURCE);
    await replaceText(document, 'allow-two-primaries;', 'allow-two-primaries;\n        ');
    const labels = await completionLabels(document.uri, positionAfter(document, 'allow-two-primaries;\n        '));
    assert.ok(labels.includes('max-buffers'), JSON.stringify(labels));
    assert.match(await hoverText(document.uri, positionAfter(document, 'resync-r')), /^\*\*resync-rate\*\*/);
  });

  it('follows the drbd.dialect setting: an 8.3 syncer section is a warning for 8.4 (a guessed dialect, which an info says), an error for DRBD 9', async () => {
    const { uri, document } = await openWorkspaceFile(RESOURCE);
    const moved = "'rate': the 'syncer' section is DRBD 8.3 syntax; since 8.4 it is 'resync-rate' in the 'disk' section.";
    const guess =
      "This file mixes DRBD 8.4/9 syntax ('protocol C', line 8) with DRBD 8.3 syntax ('syncer'); it is checked as DRBD 8.4, whose drbdadm reads all of it. Set xenConfig.drbd.dialect (CLI --drbd-dialect) if the hosts run another DRBD version.";
    const as84 = problemsBecome(uri, [`14:5 information drbd/dialect-guess ${guess}`, `15:9 warning drbd/moved-option ${moved}`]);
    await replaceText(document, '    disk {', '    syncer {\n        rate 10M;\n    }\n    disk {');
    await as84;
    // DRBD 9 also moved `fencing` from `disk` to `net`.
    const as9 = problemsBecome(uri, [
      `15:9 error drbd/moved-option ${moved}`,
      "18:9 error drbd/wrong-section 'fencing' cannot be written in a 'disk' section; it belongs in 'net' (DRBD 9).",
    ]);
    const restore = await withSetting('xenConfig', 'drbd.dialect', '9');
    try {
      await as9;
    } finally {
      await restore();
    }
  });
});
