/** The server over stdio: capabilities, lifecycle. Language behaviour lives in each language's lsp test. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { LspTestClient } from '../helpers/lspClient';

describe('language server over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('advertises incremental sync, completion, hover, code actions, symbols and folding', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(caps.textDocumentSync, 2);
    assert.ok(caps.completionProvider);
    assert.equal(caps.hoverProvider, true);
    assert.ok(caps.codeActionProvider);
    assert.equal(caps.documentSymbolProvider, true);
    assert.equal(caps.foldingRangeProvider, true);
  });

  it('ignores documents of other languages without failing', async () => {
    await client.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'file:///tmp/readme.md', languageId: 'markdown', version: 1, text: '# hi' },
    });
    assert.deepEqual(await client.completion('file:///tmp/readme.md', { line: 0, character: 1 }), []);
    assert.equal(await client.hover('file:///tmp/readme.md', { line: 0, character: 1 }), null);
  });
});
