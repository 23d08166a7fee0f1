/** "Convert to …" in a real VS Code: the diff opens beside the original, and the original stays as it is on disk. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openNewWorkspaceFile, openWorkspaceFile } from './helpers';

const XM_CONFIG = [
  '# xm-era HVM guest',
  'kernel = "/usr/lib/xen/boot/hvmloader"',
  "builder = 'hvm'",
  'memory = 512',
  'name = "legacy"',
  "vif = [ 'type=ioemu, mac=00:16:3e:00:00:42, bridge=xenbr0' ]",
  "disk = [ 'phy:/dev/vg0/legacy,hda,w' ]",
  '',
].join('\n');

async function conversions(uri: vscode.Uri): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.Source.value);
  return actions.filter((action): action is vscode.CodeAction => 'kind' in action && !!action.kind && vscode.CodeActionKind.Source.append('migrate').contains(action.kind));
}

/** Runs the action as choosing it in the Source Action menu does, and returns the diff tab it opened. */
async function runConversion(action: vscode.CodeAction): Promise<vscode.TabInputTextDiff> {
  assert.equal(action.edit, undefined, 'a conversion edits nothing by itself');
  await vscode.commands.executeCommand(action.command!.command, ...(action.command!.arguments ?? []));
  const diffs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).map((tab) => tab.input).filter((input): input is vscode.TabInputTextDiff => input instanceof vscode.TabInputTextDiff);
  assert.equal(diffs.length, 1, 'one diff editor');
  return diffs[0];
}

describe('Convert to … (migrations)', () => {
  afterEach(closeAllEditors);

  it('"Convert to xl…" opens the xl config, unsaved, as a diff beside the xm original', async () => {
    const { uri, document } = await openNewWorkspaceFile('etc/xen/legacy.cfg', XM_CONFIG);
    const [action, ...others] = await conversions(uri);
    assert.equal(others.length, 0);
    assert.equal(action.title, 'Convert to xl…');
    const diff = await runConversion(action);
    assert.equal(diff.original.toString(), uri.toString());
    assert.equal(diff.modified.scheme, 'untitled');
    const converted = await vscode.workspace.openTextDocument(diff.modified);
    assert.equal(converted.languageId, 'xl-config');
    assert.equal(
      converted.getText(),
      ['# xm-era HVM guest', "type = 'hvm'", 'memory = 512', 'name = "legacy"', "vif = [ 'mac=00:16:3e:00:00:42, bridge=xenbr0' ]", "disk = [ 'phy:/dev/vg0/legacy,hda,w' ]", ''].join('\n'),
    );
    assert.equal(document.isDirty, false, 'the original is not edited');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), XM_CONFIG, 'the original on disk is unchanged');
  });

  it('"Convert to xl.conf…" on the example xend-config.sxp', async () => {
    const { uri } = await openWorkspaceFile('etc/xen/xend-config.sxp');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const [action] = await conversions(uri);
    assert.match(action.title, /^Convert to xl\.conf…/);
    const diff = await runConversion(action);
    const converted = await vscode.workspace.openTextDocument(diff.modified);
    assert.match(converted.getText(), /^# \/etc\/xen\/xl\.conf: global settings of xl/);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), before);
  });
});
