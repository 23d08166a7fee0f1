/**
 * The client half of "Convert to …": the server's code action carries the converted files; this
 * command opens each as a new, unsaved document named after it, the first as a diff beside the
 * original. Nothing is written: the user saves the result where they want, and the original is never
 * touched.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { MIGRATE_COMMAND, MigrateCommandArguments } from '../../shared/src/protocol';

/** The palette's way in: the editor's own Source Action menu, narrowed to the server's conversions. */
export const CONVERT_FILE_COMMAND = 'xenConfig.migrate.convertFile';

export function registerMigrateCommand(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Xen & Cluster Config: conversions');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(MIGRATE_COMMAND, (args: MigrateCommandArguments) => openConversion(args, output)),
    vscode.commands.registerCommand(CONVERT_FILE_COMMAND, () => vscode.commands.executeCommand('editor.action.sourceAction', { kind: 'source.migrate', apply: 'never' })),
  );
}

/**
 * An untitled document called after the output, with no folder: Save then asks where. (An untitled
 * document with a path saves there at once, and `vm01.cfg` converted is `vm01.cfg` again: one Ctrl+S
 * would overwrite the original.)
 */
function untitledUriFor(name: string): vscode.Uri {
  return vscode.Uri.from({ scheme: 'untitled', path: name });
}

async function openConversion(args: MigrateCommandArguments, output: vscode.OutputChannel): Promise<vscode.TextDocument[]> {
  const source = vscode.Uri.parse(args.sourceUri);
  const documents: vscode.TextDocument[] = [];
  for (const [index, converted] of args.outputs.entries()) {
    let document = await vscode.workspace.openTextDocument(untitledUriFor(converted.name));
    // Run twice, the same untitled document is reused: its text becomes the new result.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), converted.text);
    await vscode.workspace.applyEdit(edit);
    if (converted.language && document.languageId !== converted.language) document = await vscode.languages.setTextDocumentLanguage(document, converted.language);
    documents.push(document);
    const title = `${path.basename(source.path)} ↔ ${converted.name} (converted to ${args.target}, unsaved)`;
    if (index === 0) await vscode.commands.executeCommand('vscode.diff', source, document.uri, title, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    else await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false, preserveFocus: true });
  }
  output.clear();
  output.appendLine(`${source.toString(true)} converted to ${args.target}: ${args.outputs.map((o) => o.name).join(', ') || 'no file'}`);
  for (const note of args.notes) output.appendLine(`${path.basename(source.path)}:${note.line}: ${note.kind}: ${note.message}`);
  const manual = args.notes.filter((note) => note.kind === 'manual').length;
  if (args.outputs.length === 0) void vscode.window.showWarningMessage(`Nothing could be converted to ${args.target}: see the output "Xen & Cluster Config: conversions".`);
  else if (manual > 0) {
    void vscode.window.showWarningMessage(`Converted to ${args.target}, unsaved: ${manual} item${manual === 1 ? '' : 's'} need${manual === 1 ? 's' : ''} you.`, 'Show').then((choice) => choice && output.show(true));
  } else void vscode.window.showInformationMessage(`Converted to ${args.target}, unsaved: save it where it belongs.`);
  return documents;
}
