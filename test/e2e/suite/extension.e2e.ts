/** The extension as a whole: activation, settings reaching the server, the explorer's registration. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, contributes, extension, LANGUAGE_IDS, nextDiagnostics, openWorkspaceFile, withSetting } from './helpers';

describe('the extension', () => {
  afterEach(closeAllEditors);

  it('activates when a file of one of its languages is opened', async () => {
    await openWorkspaceFile('etc/xen/vm01-web.cfg');
    assert.equal(extension().isActive, true);
  });

  it('contributes exactly the five languages, each with a grammar, no static snippets, word-based suggestions off', () => {
    const { languages, grammars, snippets, configurationDefaults } = contributes();
    assert.deepEqual(languages.map((l) => l.id), LANGUAGE_IDS);
    assert.deepEqual(grammars.map((g) => g.language), LANGUAGE_IDS);
    assert.equal(snippets, undefined, 'the server offers the snippets where they fit');
    assert.deepEqual(LANGUAGE_IDS.map((id) => configurationDefaults?.[`[${id}]`]?.['editor.wordBasedSuggestions']), LANGUAGE_IDS.map(() => 'off'));
  });

  it('offers its settings with their documented defaults', () => {
    const settings = vscode.workspace.getConfiguration('xenConfig');
    assert.equal(settings.get('xen.version'), '4.19');
    assert.equal(settings.get('xen.toolstack'), 'xl');
    assert.equal(settings.get('drbd.dialect'), 'auto');
  });

  it('re-checks open files when the toolstack setting changes', async () => {
    const { uri } = await openWorkspaceFile('etc/xen/vm01-web.cfg');
    const republished = nextDiagnostics(uri, 'diagnostics after the toolstack changed to xm');
    const restore = await withSetting('xenConfig', 'xen.toolstack', 'xm');
    try {
      await republished;
    } finally {
      await restore();
    }
  });

  it('registers every view and command it contributes (the dom0 explorer)', async () => {
    const views = Object.values(contributes().views ?? {}).flat();
    assert.ok(views.length > 0, 'no view contributed');
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const view of views) {
      // VS Code registers "<view id>.focus" for every view it knows.
      assert.ok(commands.has(`${view.id}.focus`), `view ${view.id} is not registered`);
      await vscode.commands.executeCommand(`${view.id}.focus`);
    }
    const missing = (contributes().commands ?? []).map((c) => c.command).filter((id) => !commands.has(id));
    assert.deepEqual(missing, [], 'contributed commands the extension does not register');
  });

  it("runs the empty explorer's welcome buttons: the workspace's cluster nodes, the settings", async () => {
    const dom0 = () => vscode.workspace.getConfiguration('xenConfig.dom0');
    assert.equal(dom0().inspect('includeClusterNodes')?.workspaceValue, undefined);
    await vscode.commands.executeCommand('xenConfig.dom0.useClusterNodes');
    try {
      // For this workspace (whose cluster.conf it is), not for every window of the user.
      assert.equal(dom0().inspect('includeClusterNodes')?.workspaceValue, true);
      assert.equal(dom0().inspect('includeClusterNodes')?.globalValue, undefined);
    } finally {
      await dom0().update('includeClusterNodes', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await vscode.commands.executeCommand('xenConfig.dom0.openSettings');
    assert.equal(vscode.window.tabGroups.activeTabGroup.activeTab?.label, 'Settings');
  });
});
