/** Formatting in a real VS Code: "Format Document" and "Format Selection", as a user runs them. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, nextTextChange, openNewWorkspaceFile } from './helpers';

const MISINDENTED = 'resource r9 {\nprotocol C;\n      net {\n  cram-hmac-alg sha1;\n}\n}\n';

describe('formatting', () => {
  afterEach(closeAllEditors);

  it('"Format Document" indents a DRBD resource with the editor\'s tab size', async () => {
    const { document, editor } = await openNewWorkspaceFile('etc/drbd.d/format-me.res', MISINDENTED);
    editor.options = { tabSize: 2, insertSpaces: true };
    const changed = nextTextChange(document);
    await vscode.commands.executeCommand('editor.action.formatDocument');
    await changed;
    assert.equal(document.getText(), 'resource r9 {\n  protocol C;\n  net {\n    cram-hmac-alg sha1;\n  }\n}\n');
  });

  it('"Format Document" indents with tabs when the editor does', async () => {
    const { document, editor } = await openNewWorkspaceFile('etc/drbd.d/format-tabs.res', MISINDENTED);
    editor.options = { tabSize: 4, insertSpaces: false };
    const changed = nextTextChange(document);
    await vscode.commands.executeCommand('editor.action.formatDocument');
    await changed;
    assert.equal(document.getText(), 'resource r9 {\n\tprotocol C;\n\tnet {\n\t\tcram-hmac-alg sha1;\n\t}\n}\n');
  });

  it('"Format Selection" lays out only the selected xl setting', async () => {
    const text = "name='web'\ndisk=['phy:/dev/vg0/web,xvda,w','phy:/dev/vg0/web-swap,xvdb,w']\n";
    const { document, editor } = await openNewWorkspaceFile('etc/xen/format-me.cfg', text);
    editor.options = { tabSize: 4, insertSpaces: true };
    editor.selection = new vscode.Selection(1, 0, 1, 10);
    const changed = nextTextChange(document);
    await vscode.commands.executeCommand('editor.action.formatSelection');
    await changed;
    assert.equal(document.getText(), "name='web'\ndisk = [\n    'phy:/dev/vg0/web,xvda,w',\n    'phy:/dev/vg0/web-swap,xvdb,w'\n]\n");
  });
});
