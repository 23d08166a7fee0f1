/**
 * Shared steps of the end-to-end suite: they drive the real VS Code API the way a user's actions
 * would (open a file, wait for the Problems list, ask for completions, apply a quick fix, insert a
 * snippet) and return plain values the tests compare exactly. Every wait is bounded and event-driven.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'xen-cluster-config.xen-cluster-config';

/** The five languages, in the order package.json contributes them. */
export const LANGUAGE_IDS = ['xl-config', 'xend-sxp', 'iftab', 'drbd', 'cluster-conf'];

/** Bound for any single wait on VS Code or the language server. */
const WAIT_MS = 15_000;

export function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `extension ${EXTENSION_ID} is not loaded`);
  return found;
}

/** The `contributes` section of the extension's package.json, as VS Code read it. */
export function contributes(): Contributes {
  return (extension().packageJSON as { contributes: Contributes }).contributes;
}

export interface Contributes {
  languages: { id: string; configuration?: string }[];
  grammars: { language: string; scopeName: string; path: string }[];
  /** Absent: the language server offers the snippets, where they fit. */
  snippets?: unknown;
  configurationDefaults?: Record<string, Record<string, unknown>>;
  views?: Record<string, { id: string; name: string }[]>;
  viewsContainers?: Record<string, { id: string; title: string }[]>;
  commands?: { command: string; title: string }[];
}

/** The URI of a file of the workspace (a throw-away copy of examples/). */
export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e run has no workspace folder open');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Reads a file of the extension itself (a grammar, a language configuration), or undefined if it is missing. */
export async function readExtensionFile(relativePath: string): Promise<string | undefined> {
  const uri = vscode.Uri.joinPath(extension().extensionUri, ...relativePath.replace(/^\.\//, '').split('/'));
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * Opens a workspace file in an editor and resolves once the server has checked it. VS Code keeps a
 * document open for a while after its editor closes; the server checked such a document when it
 * was first opened (and after every change), so its current diagnostics are the server's.
 */
export async function openWorkspaceFile(relativePath: string): Promise<OpenedFile> {
  const uri = workspaceUri(relativePath);
  const alreadyOpen = vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
  const firstPublish = alreadyOpen ? undefined : nextDiagnostics(uri);
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  const diagnostics = firstPublish ? await firstPublish : vscode.languages.getDiagnostics(uri);
  return { uri, document, editor, diagnostics };
}

/** Writes `text` to a new workspace file (the copy, never examples/) and opens it like a user would. */
export async function openNewWorkspaceFile(relativePath: string, text: string): Promise<OpenedFile> {
  await vscode.workspace.fs.writeFile(workspaceUri(relativePath), new TextEncoder().encode(text));
  return openWorkspaceFile(relativePath);
}

export interface OpenedFile {
  uri: vscode.Uri;
  document: vscode.TextDocument;
  editor: vscode.TextEditor;
  /** What the language server first published for the file (the Problems list entries). */
  diagnostics: vscode.Diagnostic[];
}

/**
 * Resolves with the diagnostics of `uri` the next time they change — the language server publishes
 * after every open, edit and settings change, even when the list stays empty. Subscribe before the
 * action that triggers the publish.
 */
export function nextDiagnostics(uri: vscode.Uri, what = 'diagnostics'): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, () => true, what);
}

/**
 * Resolves with the diagnostics of `uri` once a published list satisfies `accept`; rejects after
 * WAIT_MS with the last list seen, so a failure shows what the Problems list held instead.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    const timer = setTimeout(() => {
      subscription.dispose();
      const last = vscode.languages.getDiagnostics(uri).map(describeDiagnostic);
      reject(new Error(`no ${what} for ${uri.path} within ${WAIT_MS / 1000} s; the Problems list holds: ${JSON.stringify(last)}`));
    }, WAIT_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === key)) return;
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(diagnostics);
    });
  });
}

/**
 * Resolves once the Problems list of `uri` reads exactly `expected` (each entry as
 * describeDiagnostic writes it, in order); on timeout the error shows what it held instead.
 * Subscribe before the edit or settings change that should produce it.
 */
export function problemsBecome(uri: vscode.Uri, expected: string[]): Promise<vscode.Diagnostic[]> {
  const wanted = JSON.stringify(expected);
  return waitForDiagnostics(uri, (list) => JSON.stringify(list.map(describeDiagnostic)) === wanted, `the Problems list ${wanted}`);
}

/**
 * The round trip a user makes: type a mistake into a workspace file (`search` becomes `mistake`),
 * see the Problems list read `listed`, apply the quick fix `fix` of `listed[fixIndex]`, and get the
 * original text back with the Problems list as it was before the mistake.
 */
export async function typeMistakeAndFix(
  relativePath: string,
  { search, mistake, listed, fix, fixIndex = 0 }: { search: string; mistake: string; listed: string[]; fix: string | RegExp; fixIndex?: number },
): Promise<void> {
  const { uri, document, diagnostics: before } = await openWorkspaceFile(relativePath);
  const original = document.getText();
  const shown = problemsBecome(uri, listed);
  await replaceText(document, search, mistake);
  const diagnostic = (await shown)[fixIndex];
  const fixed = problemsBecome(uri, before.map(describeDiagnostic));
  assert.equal(await applyQuickFix(uri, diagnostic.range, fix), original, `the quick fix "${fix}" should restore ${relativePath}`);
  await fixed;
}

/** Replaces the first `search` in the document with `replacement`, as typing would (unsaved). */
export async function replaceText(document: vscode.TextDocument, search: string, replacement: string): Promise<void> {
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `"${search}" is not in ${document.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + search.length)), replacement);
  assert.ok(await vscode.workspace.applyEdit(edit), `VS Code refused to edit ${document.uri.path}`);
}

/** The position just after the first `search` in the document (plus `delta` characters). */
export function positionAfter(document: vscode.TextDocument, search: string, delta = 0): vscode.Position {
  const offset = document.getText().indexOf(search);
  assert.ok(offset >= 0, `"${search}" is not in ${document.uri.path}`);
  return document.positionAt(offset + search.length + delta);
}

/** A diagnostic as the Problems list shows it: `line:col severity code message` (1-based). */
export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  const { line, character } = diagnostic.range.start;
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return `${line + 1}:${character + 1} ${vscode.DiagnosticSeverity[diagnostic.severity].toLowerCase()} ${code ?? '-'} ${diagnostic.message}`;
}

/** Labels of the completion list at `position` (every provider: the server's items and snippets). */
export async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** The hover text at `position`, every contribution's markdown joined with blank lines. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n\n');
}

/** Titles of the quick fixes offered for `range` (what the light bulb menu lists). */
export async function quickFixTitles(uri: vscode.Uri, range: vscode.Range): Promise<string[]> {
  return (await quickFixes(uri, range)).map((action) => action.title);
}

/**
 * Applies the quick fix titled `title` for `range` through workspace.applyEdit (and its command, if
 * it has one), exactly what choosing it in the light bulb menu does; resolves with the new text.
 */
export async function applyQuickFix(uri: vscode.Uri, range: vscode.Range, title: string | RegExp): Promise<string> {
  const actions = await quickFixes(uri, range);
  const action = actions.find((candidate) => (typeof title === 'string' ? candidate.title === title : title.test(candidate.title)));
  assert.ok(action, `no quick fix "${title}" at ${range.start.line + 1}:${range.start.character + 1}; offered: ${JSON.stringify(actions.map((a) => a.title))}`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `VS Code refused the edit of "${title}"`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  const document = await vscode.workspace.openTextDocument(uri);
  return document.getText();
}

async function quickFixes(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
  );
  return actions.filter((action): action is vscode.CodeAction => 'edit' in action || 'kind' in action);
}

/**
 * The server's snippet items at the start of a new untitled document of `languageId`, each
 * inserted (as accepting it in the suggest list does) into a fresh one; resolves with the label,
 * the snippet text the item carries and the text it produced. The editor indents with
 * SNIPPET_TAB_SIZE spaces.
 */
export async function insertOfferedSnippets(languageId: string): Promise<{ label: string; body: string; inserted: string }[]> {
  const probe = await vscode.workspace.openTextDocument({ language: languageId, content: '' });
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', probe.uri, new vscode.Position(0, 0));
  const snippets = list.items.filter((item) => item.kind === vscode.CompletionItemKind.Snippet && item.insertText instanceof vscode.SnippetString);
  const results: { label: string; body: string; inserted: string }[] = [];
  for (const item of snippets) {
    const document = await vscode.workspace.openTextDocument({ language: languageId, content: '' });
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    editor.options = { insertSpaces: true, tabSize: SNIPPET_TAB_SIZE };
    const body = (item.insertText as vscode.SnippetString).value;
    const changed = nextTextChange(document);
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(body)), `VS Code refused the snippet ${String(item.label)}`);
    await changed;
    results.push({ label: typeof item.label === 'string' ? item.label : item.label.label, body, inserted: document.getText() });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  return results;
}

export const SNIPPET_TAB_SIZE = 4;

/** Resolves at the next change of `document`'s text, or rejects after WAIT_MS. */
export function nextTextChange(document: vscode.TextDocument): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`${document.uri.toString()} did not change within ${WAIT_MS / 1000} s`));
    }, WAIT_MS);
    const subscription = vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document !== document || event.contentChanges.length === 0) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/** Changes a user setting for the duration of a test; the returned function restores it. */
export async function withSetting(section: string, key: string, value: unknown): Promise<() => Thenable<void>> {
  const configuration = vscode.workspace.getConfiguration(section);
  const previous = configuration.inspect(key)?.globalValue;
  await configuration.update(key, value, vscode.ConfigurationTarget.Global);
  return () => vscode.workspace.getConfiguration(section).update(key, previous, vscode.ConfigurationTarget.Global);
}

/**
 * Closes every editor, reverting unsaved changes first (closing a dirty editor would open a
 * "Save changes?" dialog nobody answers), so each test starts from the same window.
 */
export async function closeAllEditors(): Promise<void> {
  // Reverting an edited file makes the server check it again: wait for that, so the next test
  // does not read the diagnostics of the edited text. (A file edited back to its saved text is
  // dirty too, but reverting it changes nothing and publishes nothing.)
  const recheckedAfterRevert: Promise<vscode.Diagnostic[]>[] = [];
  for (const document of vscode.workspace.textDocuments) {
    if (!document.isDirty || document.isUntitled || !LANGUAGE_IDS.includes(document.languageId)) continue;
    const saved = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
    if (saved !== document.getText()) recheckedAfterRevert.push(nextDiagnostics(document.uri, "diagnostics after reverting the test's edits"));
  }
  const openTabs = vscode.window.tabGroups.all.reduce((count, group) => count + group.tabs.length, 0);
  for (let i = 0; i < openTabs && vscode.window.activeTextEditor; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await Promise.all(recheckedAfterRevert);
}

