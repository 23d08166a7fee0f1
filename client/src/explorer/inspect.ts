/**
 * "Inspect": a domain's `xl list -l` JSON in a read-only editor. The text is
 * fetched by the explorer, then served by this content provider (documents of a
 * content provider cannot be edited, so nothing can be saved back by mistake).
 */
import * as vscode from 'vscode';

export const INSPECT_SCHEME = 'xen-dom0-inspect';

export class InspectDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Shows `text` as `HOST/NAME.json` (or `.sxp`), replacing what an earlier Inspect of the domain showed. */
  async show(hostSpec: string, domainName: string, text: string, json: boolean): Promise<void> {
    const uri = vscode.Uri.from({ scheme: INSPECT_SCHEME, authority: hostSpec, path: `/${encodeURIComponent(domainName)}.${json ? 'json' : 'sxp'}` });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(json ? await vscode.languages.setTextDocumentLanguage(document, 'json') : document, { preview: true });
  }
}
