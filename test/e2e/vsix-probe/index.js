// Tests run by check-vsix.mjs in the extension host of a code-server into which the .vsix was
// installed: the installed copy (not the sources) activates on an example file and its language
// server answers, and the package holds only what runs.
const assert = require('node:assert/strict');
const { readdirSync } = require('node:fs');
const vscode = require('vscode');

const EXTENSION_ID = 'xen-cluster-config.xen-cluster-config';
// package.nls.json holds the manifest's %key% titles and descriptions, which VS Code reads at run time.
const SHIPPED_TOP_LEVEL = ['LICENSE.txt', 'dist', 'language-configuration', 'media', 'package.json', 'package.nls.json', 'syntaxes'];
// vsce stores README.md and CHANGELOG.md lower-cased.
const OPTIONAL_TOP_LEVEL = ['changelog.md', 'readme.md', '.vsixmanifest'];
const WAIT_MS = 20_000;

exports.run = async function run() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed`);
  assert.match(extension.extensionPath, /\/extensions\/xen-cluster-config\.xen-cluster-config-[\d.]+$/, 'not the installed copy');
  const unexpected = readdirSync(extension.extensionPath).filter((entry) => !SHIPPED_TOP_LEVEL.includes(entry) && !OPTIONAL_TOP_LEVEL.includes(entry.toLowerCase()));
  assert.deepEqual(unexpected, [], 'the .vsix holds files that do not run');

  const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'etc', 'xen', 'vm01-web.cfg');
  const published = diagnosticsPublished(uri);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  assert.equal(document.languageId, 'xl-config');
  await published;
  assert.equal(extension.isActive, true);
  console.log(`vsix: ${EXTENSION_ID} ${extension.packageJSON.version} installed at ${extension.extensionPath} is active; its language server checked ${uri.path}`);
};

function diagnosticsPublished(uri) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the installed extension's server published nothing for ${uri.path} within ${WAIT_MS / 1000} s`)), WAIT_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}
