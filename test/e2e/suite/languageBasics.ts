/**
 * The checks every language gets: its example files open with the right language id and come back
 * from the language server clean, its grammar and language configuration are installed, VS Code's
 * word-based suggestions stay out of its completion lists, and every snippet the server offers in a
 * new file inserts exactly its body. Each language's file calls this, then adds its
 * own diagnostics / completion / hover / quick-fix checks.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, completionLabels, contributes, describeDiagnostic, insertOfferedSnippets, openWorkspaceFile, readExtensionFile, SNIPPET_TAB_SIZE } from './helpers';
import { expectedSnippetText } from './snippetText';

export interface LanguageUnderTest {
  languageId: string;
  /** TextMate scope name the grammar file declares. */
  scopeName: string;
  /** Files of examples/ (paths relative to it) that must open as this language and be clean. */
  examples: string[];
}

export function checkLanguageBasics({ languageId, scopeName, examples }: LanguageUnderTest): void {
  afterEach(closeAllEditors);

  it(`is a language VS Code knows`, async () => {
    assert.ok((await vscode.languages.getLanguages()).includes(languageId), `${languageId} is not among VS Code's languages`);
  });

  for (const example of examples) {
    it(`opens examples/${example} as ${languageId}, and the server reports no error or warning in it`, async () => {
      const opened = await openWorkspaceFile(example);
      assert.equal(opened.document.languageId, languageId);
      const problems = opened.diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).map(describeDiagnostic);
      assert.deepEqual(problems, [], `examples/${example} should be clean`);
    });
  }

  it(`has a TextMate grammar with scope ${scopeName} and a language configuration`, async () => {
    const grammar = contributes().grammars.find((g) => g.language === languageId);
    assert.ok(grammar, `no grammar contributed for ${languageId}`);
    assert.equal(grammar.scopeName, scopeName);
    const grammarText = await readExtensionFile(grammar.path);
    assert.ok(grammarText, `${grammar.path} is missing from the extension`);
    assert.equal((JSON.parse(grammarText) as { scopeName?: string }).scopeName, scopeName, `${grammar.path} declares another scopeName`);

    const configurationPath = contributes().languages.find((l) => l.id === languageId)?.configuration;
    assert.ok(configurationPath, `no language configuration contributed for ${languageId}`);
    const configuration = await readExtensionFile(configurationPath);
    assert.ok(configuration, `${configurationPath} is missing from the extension`);
  });

  it(`offers its snippets from the server in a new file, and each inserts exactly its body`, async () => {
    const offered = await insertOfferedSnippets(languageId);
    assert.ok(offered.length > 0, `the server offered no snippet for ${languageId}`);
    for (const { label, body, inserted } of offered) {
      const expected = expectedSnippetText(body, SNIPPET_TAB_SIZE);
      assert.match(inserted, expected, `snippet "${label}" of ${languageId} inserted:\n${inserted}\nexpected to match ${expected}`);
    }
  });

  it(`keeps VS Code's word-based suggestions out of the completion list`, async () => {
    assert.equal(vscode.workspace.getConfiguration('editor', { languageId }).get('wordBasedSuggestions'), 'off');
    // Inside a comment of a real file the server offers nothing, so any item would be a word of the file.
    const opened = await openWorkspaceFile(examples[0]);
    const text = opened.document.getText();
    const comment = text.search(languageId === 'cluster-conf' ? /<!--/ : /^#/m);
    assert.ok(comment >= 0, `examples/${examples[0]} has no comment to complete in`);
    const position = opened.document.positionAt(comment + 6);
    assert.deepEqual(await completionLabels(opened.document.uri, position), [], `completion at the end of a comment of examples/${examples[0]}`);
  });
}
