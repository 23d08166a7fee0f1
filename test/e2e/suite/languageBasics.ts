/**
 * The checks every language gets: its example files open with the right language id and come back
 * from the language server clean, its grammar and language configuration are installed, and every
 * snippet it contributes inserts exactly its body. Each language's file calls this, then adds its
 * own diagnostics / completion / hover / quick-fix checks.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, contributes, describeDiagnostic, insertSnippetByName, openWorkspaceFile, readExtensionFile, SNIPPET_TAB_SIZE } from './helpers';
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

  it(`inserts each of its snippets by name, exactly as written`, async () => {
    const contribution = contributes().snippets.find((s) => s.language === languageId);
    assert.ok(contribution, `no snippets contributed for ${languageId}`);
    const text = await readExtensionFile(contribution.path);
    assert.ok(text, `${contribution.path} is missing from the extension`);
    const snippets = JSON.parse(text) as Record<string, { prefix: string | string[]; body: string | string[] }>;
    const names = Object.keys(snippets);
    assert.ok(names.length > 0, `${contribution.path} holds no snippet`);
    for (const name of names) {
      const inserted = await insertSnippetByName(languageId, name);
      const expected = expectedSnippetText(snippets[name].body, SNIPPET_TAB_SIZE);
      assert.match(inserted, expected, `snippet "${name}" of ${languageId} inserted:\n${inserted}\nexpected to match ${expected}`);
    }
  });
}
