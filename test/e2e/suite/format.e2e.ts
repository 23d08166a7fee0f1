/** Formatting in a real VS Code: "Format Document" and "Format Selection", as a user runs them. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, nextTextChange, openNewWorkspaceFile, workspaceUri } from './helpers';

const MISINDENTED = 'resource r9 {\nprotocol C;\n      net {\n  cram-hmac-alg sha1;\n}\n}\n';

/** The files the tests wrote: removed after each, so that the later suites see the example workspace alone. */
const written: string[] = [];

/** Opens `text` as a new workspace file with the editor's indentation `options`, runs `command` (on `selection`), and returns the text. */
async function formatIn(path: string, text: string, options: vscode.TextEditorOptions, command: string, selection?: vscode.Selection): Promise<string> {
  written.push(path);
  const { document, editor } = await openNewWorkspaceFile(path, text);
  editor.options = options;
  if (selection) editor.selection = selection;
  const changed = nextTextChange(document);
  await vscode.commands.executeCommand(command);
  await changed;
  return document.getText();
}

describe('formatting', () => {
  afterEach(async () => {
    await closeAllEditors();
    for (const path of written.splice(0)) await vscode.workspace.fs.delete(workspaceUri(path));
  });

  it('"Format Document" indents a DRBD resource with the editor\'s tab size', async () => {
    const formatted = await formatIn('etc/drbd.d/format-me.res', MISINDENTED, { tabSize: 2, insertSpaces: true }, 'editor.action.formatDocument');
    assert.equal(formatted, 'resource r9 {\n  protocol C;\n  net {\n    cram-hmac-alg sha1;\n  }\n}\n');
  });

  it('"Format Document" indents with tabs when the editor does', async () => {
    const formatted = await formatIn('etc/drbd.d/format-tabs.res', MISINDENTED, { tabSize: 4, insertSpaces: false }, 'editor.action.formatDocument');
    assert.equal(formatted, 'resource r9 {\n\tprotocol C;\n\tnet {\n\t\tcram-hmac-alg sha1;\n\t}\n}\n');
  });

  it('"Format Selection" lays out only the selected xl setting', async () => {
    const text = "name='web'\ndisk=['phy:/dev/vg0/web,xvda,w','phy:/dev/vg0/web-swap,xvdb,w']\n";
    const formatted = await formatIn('etc/xen/format-me.cfg', text, { tabSize: 4, insertSpaces: true }, 'editor.action.formatSelection', new vscode.Selection(1, 0, 1, 10));
    assert.equal(formatted, "name='web'\ndisk = [\n    'phy:/dev/vg0/web,xvda,w',\n    'phy:/dev/vg0/web-swap,xvdb,w'\n]\n");
  });
});
