/** Formatting over the real protocol: what an editor's "Format Document" and "Format Selection" get back. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits, LspTestClient } from '../helpers/lspClient';

const RESOURCE = 'resource r0 {\nprotocol C;\n  on alpha {\n      device /dev/drbd0;\n  }\n}\n';

describe('formatting over LSP', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  const formatting = (uri: string, options: FormattingOptions) => client.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options });
  const rangeFormatting = (uri: string, range: Range, options: FormattingOptions) => client.request<TextEdit[] | null>('textDocument/rangeFormatting', { textDocument: { uri }, range, options });

  it('advertises document and range formatting', () => {
    const caps = client.initializeResult.capabilities;
    assert.equal(caps.documentFormattingProvider, true);
    assert.equal(caps.documentRangeFormattingProvider, true);
  });

  it('indents a DRBD resource with the tab size and the tabs or spaces the request asks for', async () => {
    const uri = 'file:///srv/config/etc/drbd.d/format.res';
    await client.open(uri, 'drbd', RESOURCE);
    const two = await formatting(uri, { tabSize: 2, insertSpaces: true });
    assert.equal(applyEdits(RESOURCE, two ?? []), 'resource r0 {\n  protocol C;\n  on alpha {\n    device /dev/drbd0;\n  }\n}\n');
    const four = await formatting(uri, { tabSize: 4, insertSpaces: true });
    assert.equal(applyEdits(RESOURCE, four ?? []), 'resource r0 {\n    protocol C;\n    on alpha {\n        device /dev/drbd0;\n    }\n}\n');
    const tabs = await formatting(uri, { tabSize: 4, insertSpaces: false });
    assert.equal(applyEdits(RESOURCE, tabs ?? []), 'resource r0 {\n\tprotocol C;\n\ton alpha {\n\t\tdevice /dev/drbd0;\n\t}\n}\n');
    // The edits are the changed stretches only: the first and the last two lines are right already.
    assert.deepEqual((four ?? []).map((e) => e.range.start.line), [1, 2, 3, 4]);
  });

  it('formats only the selected lines, of the text after an edit', async () => {
    const uri = 'file:///srv/config/etc/drbd.d/format.res';
    const edited = RESOURCE.replace('protocol C;', 'protocol C;\n         net { cram-hmac-alg sha1; }');
    await client.change(uri, [{ text: edited }]);
    const edits = await rangeFormatting(uri, { start: { line: 2, character: 3 }, end: { line: 2, character: 10 } }, { tabSize: 2, insertSpaces: true });
    assert.deepEqual(edits, [{ range: { start: { line: 2, character: 2 }, end: { line: 2, character: 9 } }, newText: '' }]);
    await client.close(uri);
  });

  it('lays out an xl device list one item per line, with the options of the request', async () => {
    const uri = 'file:///srv/config/etc/xen/format.cfg';
    const text = "name='web'\ndisk=['phy:/dev/vg0/web,xvda,w','phy:/dev/vg0/web-swap,xvdb,w']\n";
    await client.open(uri, 'xl-config', text);
    assert.equal(applyEdits(text, (await formatting(uri, { tabSize: 2, insertSpaces: true })) ?? []), "name = 'web'\ndisk = [\n  'phy:/dev/vg0/web,xvda,w',\n  'phy:/dev/vg0/web-swap,xvdb,w'\n]\n");
    assert.equal(applyEdits(text, (await formatting(uri, { tabSize: 8, insertSpaces: false })) ?? []), "name = 'web'\ndisk = [\n\t'phy:/dev/vg0/web,xvda,w',\n\t'phy:/dev/vg0/web-swap,xvdb,w'\n]\n");
    await client.close(uri);
  });

  it('puts cluster.conf elements one per line, and aligns iftab columns', async () => {
    const cluster = 'file:///srv/config/etc/cluster/cluster.conf';
    const xml = '<cluster name="c" config_version="1"><cman two_node="1" expected_votes="1"/></cluster>\n';
    await client.open(cluster, 'cluster-conf', xml);
    assert.equal(applyEdits(xml, (await formatting(cluster, { tabSize: 2, insertSpaces: true })) ?? []), '<cluster name="c" config_version="1">\n  <cman two_node="1" expected_votes="1"/>\n</cluster>\n');
    await client.close(cluster);
    const iftab = 'file:///srv/config/guest/etc/iftab';
    const table = 'eth0 mac 00:16:3e:00:01:01\nbackbone0 mac 00:16:3e:00:02:01\n';
    await client.open(iftab, 'iftab', table);
    assert.equal(applyEdits(table, (await formatting(iftab, { tabSize: 4, insertSpaces: true })) ?? []), 'eth0      mac 00:16:3e:00:01:01\nbackbone0 mac 00:16:3e:00:02:01\n');
    await client.close(iftab);
  });

  it('answers no edit for a file with syntax errors, and for a document of another language', async () => {
    const uri = 'file:///srv/config/etc/drbd.d/broken.res';
    await client.open(uri, 'drbd', 'resource r0 {\nprotocol C;\n');
    assert.deepEqual(await formatting(uri, { tabSize: 4, insertSpaces: true }), []);
    await client.close(uri);
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/notes.md', languageId: 'markdown', version: 1, text: '  # hi' } });
    assert.deepEqual(await formatting('file:///tmp/notes.md', { tabSize: 4, insertSpaces: true }), []);
  });
});

describe('a throwing formatter over LSP', () => {
  it('answers no edit, logs the throw once naming the handler and the file, and goes on serving', async () => {
    const client = await LspTestClient.start({ env: { XCC_TEST_THROW_ON: 'FORMAT-GUARD' } });
    try {
      const uri = 'file:///guard/etc/drbd.d/throws.res';
      await client.open(uri, 'drbd', `# FORMAT-GUARD:format\n${RESOURCE}`);
      const options = { tabSize: 4, insertSpaces: true };
      assert.deepEqual(await client.request('textDocument/formatting', { textDocument: { uri }, options }), []);
      assert.deepEqual(await client.request('textDocument/rangeFormatting', { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 3, character: 0 } }, options }), []);
      for (const handler of ['formatting', 'rangeFormatting']) {
        const lines = client.logs.filter((l) => l.startsWith(`textDocument/${handler} for ${uri} threw Error: injected by XCC_TEST_THROW_ON`));
        assert.equal(lines.length, 1, `textDocument/${handler}: ${client.logs.join('\n')}`);
      }
      const other = 'file:///guard/etc/drbd.d/fine.res';
      await client.open(other, 'drbd', RESOURCE);
      assert.equal((await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri: other }, options })).length, 4);
    } finally {
      await client.stop();
    }
  });
});
