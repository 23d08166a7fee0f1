/**
 * Nothing a file contains takes the server down (issue 14): a language service
 * that throws becomes one logged error and an empty answer, and the server goes
 * on serving the other files; malformed URIs; a re-opened or re-sent document
 * shows its new text; a huge document gets syntax checks only.
 *
 * Throws are injected with the server's test hook (XCC_TEST_THROW_ON, see
 * server/src/workspace/testHook.ts): a real input that throws today may be
 * fixed tomorrow. One test also feeds such a real input.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../helpers/lspClient';

const MARKER = 'XCC-TEST-BOOM';
/** A domain config with two warnings (lines 3 and 5) and, at the end, one syntax error (line 5); give each open one its own name and MAC. */
const domain = (name: string, mac = 1) => `name = "${name}"\nkernel = "/k"\nmemroy = 512\nvif = [ "mac=00:16:3e:00:00:${String(mac).padStart(2, '0')}" ]\nx = [\n`;
const DOMAIN = domain('vm1');
const OWN = ['3:1 2 xl/unknown-key', '5:1 2 xl/unknown-key', '5:6 1 xl/syntax'];
const CLEAN = 'name = "vm2"\nkernel = "/k"\nmemory = 512\n';
const summary = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${String(d.code)}`);
/** The file's own diagnostics, without the cross-file ones the other open documents cause. */
const own = (ds: Diagnostic[]) => summary(ds.filter((d) => d.source !== 'workspace'));
const throwsIn = (...methods: string[]) => methods.map((m) => `# ${MARKER}:${m}\n`).join('');

describe('a throwing language service: one logged error, an empty answer, a living server', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ env: { XCC_TEST_THROW_ON: MARKER } });
  });
  after(async () => {
    await client.stop();
  });

  it('answers every request on a document whose handlers throw with an empty answer, and logs each once, naming the handler and the file', async () => {
    // cluster-conf: its service has every method, navigation included.
    const uri = 'file:///guard/etc/cluster/cluster.conf';
    const marks = ['hover', 'complete', 'codeActions', 'symbols', 'folding', 'definition', 'references', 'rename'].map((m) => `<!-- ${MARKER}:${m} -->`).join('\n');
    const text = `<?xml version="1.0"?>\n${marks}\n<cluster name="c1" config_version="1">\n  <clusternodes/>\n</cluster>\n`;
    await client.open(uri, 'cluster-conf', text);
    assert.ok(!client.logs.some((l) => l.includes(uri)), 'validation does not throw: the diagnostics come as usual');
    const position = { line: 9, character: 17 };
    const range = { start: position, end: position };
    assert.equal(await client.hover(uri, position), null);
    assert.deepEqual(await client.completion(uri, position), []);
    assert.deepEqual(await client.codeActions(uri, range, []), []);
    assert.deepEqual(await client.documentSymbols(uri), []);
    assert.deepEqual(await client.foldingRanges(uri), []);
    assert.deepEqual(await client.request('textDocument/definition', { textDocument: { uri }, position }), []);
    assert.deepEqual(await client.request('textDocument/references', { textDocument: { uri }, position, context: { includeDeclaration: true } }), []);
    assert.equal(await client.request('textDocument/rename', { textDocument: { uri }, position, newName: 'x' }), null);
    for (const handler of ['hover', 'completion', 'codeAction', 'documentSymbol', 'foldingRange', 'definition', 'references', 'rename']) {
      const lines = client.logs.filter((l) => l.startsWith(`textDocument/${handler} for ${uri} threw Error: injected by XCC_TEST_THROW_ON`));
      assert.equal(lines.length, 1, `textDocument/${handler}: ${client.logs.join('\n')}`);
    }
    assert.ok(client.running);
  });

  it('publishes one info at line 1 for a document whose parser throws, logs it once, and keeps serving it and the others', async () => {
    const uri = 'file:///guard/etc/xen/parse.cfg';
    const diagnostics = await client.open(uri, 'xl-config', throwsIn('parse') + DOMAIN);
    assert.deepEqual(summary(diagnostics), ['1:1 3 workspace/check-failed']);
    assert.equal(
      diagnostics[0].message,
      "The checker failed on this file (xl-config parse threw Error: injected by XCC_TEST_THROW_ON in xl-config parse), so its problems may not all be shown. The failure is logged (the language server's output; the CLI's error line): please report it.",
    );
    await client.waitForLog(new RegExp(`^xl-config parse for ${uri} threw Error: injected`));
    // Requests on it answer empty without trying the same text again.
    assert.equal(await client.hover(uri, { line: 1, character: 1 }), null);
    assert.deepEqual(await client.documentSymbols(uri), []);
    assert.equal(client.logs.filter((l) => l.includes(`parse for ${uri}`)).length, 1, client.logs.join('\n'));
    // Other files are served.
    const other = 'file:///guard/etc/xen/other.cfg';
    assert.deepEqual(own(await client.open(other, 'xl-config', domain('other', 2))), OWN);
    assert.ok((await client.documentSymbols(other)).length > 0);
  });

  it('survives a throw in the validation that follows typing (the debounced run used to end the process)', async () => {
    const uri = 'file:///guard/etc/xen/typing.cfg';
    assert.deepEqual(own(await client.open(uri, 'xl-config', domain('typing', 3))), OWN);
    const failed = await client.change(uri, [{ text: throwsIn('validate') + domain('typing', 3) }]);
    assert.deepEqual(own(failed), [], 'a throwing validate: no own diagnostics');
    assert.deepEqual(summary(failed.filter((d) => d.code === 'workspace/check-failed')), ['1:1 3 workspace/check-failed'], 'but one info that says so');
    assert.match(String(failed[0].message), /^The checker failed on this file \(xl-config validate threw Error: injected/);
    await client.waitForLog(new RegExp(`^xl-config validate for ${uri} threw Error: injected`));
    assert.deepEqual(summary(await client.change(uri, [{ text: throwsIn('parse') + domain('typing', 3) }])), ['1:1 3 workspace/check-failed']);
    await client.waitForLog(new RegExp(`^xl-config parse for ${uri} threw`));
    // Back to a text that parses: the diagnostics return.
    assert.deepEqual(own(await client.change(uri, [{ text: domain('typing', 3) }])), OWN);
    assert.ok(client.running);
  });

  it('keeps serving after a cluster.conf with a character reference out of range (a real input that threw in the parser)', async () => {
    const uri = 'file:///guard/real/etc/cluster/cluster.conf';
    await client.open(uri, 'cluster-conf', '<?xml version="1.0"?>\n<cluster name="&#x110000;" config_version="1">\n</cluster>\n');
    await client.change(uri, [{ text: '<?xml version="1.0"?>\n<cluster name="&#x11000' }]);
    await client.change(uri, [{ text: '<?xml version="1.0"?>\n<cluster name="&#x110000;' }]);
    await client.documentSymbols(uri);
    await client.hover(uri, { line: 1, character: 17 });
    const other = 'file:///guard/etc/xen/after-cluster.cfg';
    assert.deepEqual(own(await client.open(other, 'xl-config', domain('after', 4))), OWN);
    assert.ok(client.running);
  });
});

describe('a throwing service in a closed workspace file does not stop indexing', () => {
  let root: string;
  let client: LspTestClient;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'xcc-guard-'));
    mkdirSync(join(root, 'etc/xen'), { recursive: true });
    writeFileSync(join(root, 'etc/xen/a-throws.cfg'), throwsIn('parse') + CLEAN);
    writeFileSync(join(root, 'etc/xen/b-facts.cfg'), throwsIn('facts') + CLEAN.replace('vm2', 'vm3'));
    writeFileSync(join(root, 'etc/xen/c-ok.cfg'), DOMAIN);
    writeFileSync(join(root, 'etc/xen/d-ok.cfg'), DOMAIN.replace('vm1', 'vm4'));
    client = await LspTestClient.start({ env: { XCC_TEST_THROW_ON: MARKER }, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'guard' }] });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes and publishes the other files, logs the throw once, and ends the progress', async () => {
    await client.waitForLog(/^indexed 4 files/);
    await client.waitForProgress('end');
    assert.ok(!client.logs.some((l) => l.startsWith('workspace indexing failed')), client.logs.join('\n'));
    const throws = pathToFileURL(join(root, 'etc/xen/a-throws.cfg')).href;
    assert.equal(client.logs.filter((l) => l.startsWith(`xl-config parse for ${throws} threw Error: injected`)).length, 1, client.logs.join('\n'));
    assert.equal(client.logs.filter((l) => l.startsWith(`xl-config facts for ${pathToFileURL(join(root, 'etc/xen/b-facts.cfg')).href} threw`)).length, 1, client.logs.join('\n'));
    // The two that threw say so on line 1.
    assert.deepEqual(summary(await client.waitForDiagnostics(throws, (ds) => ds.length > 0)), ['1:1 3 workspace/check-failed']);
    const facts = await client.waitForDiagnostics(pathToFileURL(join(root, 'etc/xen/b-facts.cfg')).href, (ds) => ds.length > 0);
    assert.match(String(facts[0].message), /^The checker failed on this file \(xl-config facts threw Error: injected/);
    // The other two share a MAC: the cross-file check still runs between them.
    const c = await client.waitForDiagnostics(pathToFileURL(join(root, 'etc/xen/c-ok.cfg')).href, (ds) => ds.length > 0);
    assert.ok(summary(c).includes('4:14 2 workspace/duplicate-mac'), summary(c).join(', '));
  });
});

describe('a workspace with a symlink loop and a FIFO named like configs', () => {
  let root: string;
  let client: LspTestClient;
  const uri = (relative: string) => pathToFileURL(join(root, relative)).href;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'xcc-walk-'));
    mkdirSync(join(root, 'etc/xen'), { recursive: true });
    writeFileSync(join(root, 'etc/xen/a.cfg'), domain('a', 1));
    writeFileSync(join(root, 'etc/xen/b.cfg'), domain('b', 2));
    symlinkSync('loop2.cfg', join(root, 'etc/xen/loop1.cfg'));
    symlinkSync('loop1.cfg', join(root, 'etc/xen/loop2.cfg'));
    assert.equal(spawnSync('mkfifo', [join(root, 'etc/xen/pipe.cfg')]).status, 0);
    client = await LspTestClient.start({ workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'walk' }] });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('logs each link it cannot follow, indexes the rest, and never opens the FIFO for a blocking read', async () => {
    await client.waitForLog(/^indexed 2 files/);
    for (const link of ['loop1.cfg', 'loop2.cfg']) {
      assert.ok(
        client.logs.includes(`workspace indexing skipped ${join(root, 'etc/xen', link)}: cannot follow the symbolic link: too many symbolic links encountered (ELOOP)`),
        client.logs.join('\n'),
      );
    }
    // A watcher event for the FIFO, then for a real change: the change is read (the FIFO did not block the handler).
    writeFileSync(join(root, 'etc/xen/b.cfg'), domain('b', 1));
    await client.filesChanged([
      { uri: uri('etc/xen/pipe.cfg'), type: 1 },
      { uri: uri('etc/xen/loop1.cfg'), type: 2 },
      { uri: uri('etc/xen/b.cfg'), type: 2 },
    ]);
    const b = await client.waitForDiagnostics(uri('etc/xen/b.cfg'), (ds) => ds.some((d) => d.code === 'workspace/duplicate-mac'));
    assert.ok(summary(b).includes('4:14 2 workspace/duplicate-mac'), summary(b).join(', '));
    assert.ok(!client.publishedUris().includes(uri('etc/xen/pipe.cfg')));
  });
});

describe('malformed URIs', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  for (const uri of ['file:///tmp/xcc-uri/etc/xen/bad%zz.cfg', 'file:///tmp/xcc-uri/etc/xen/100%.cfg', 'untitled:50%', 'untitled:%E2%82', 'file://host%zz/etc/xen/x.cfg']) {
    it(`serves ${uri} and lives on`, async () => {
      assert.deepEqual(summary(await client.open(uri, 'xl-config', DOMAIN)), OWN);
      assert.ok((await client.documentSymbols(uri)).length > 0);
      assert.ok(await client.hover(uri, { line: 2, character: 1 }) !== undefined);
      await client.filesChanged([{ uri, type: 2 }]);
      await client.close(uri);
      await client.roundTrip();
      assert.ok(client.running);
    });
  }
});

describe('the parse follows the text, not the document version', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });
  const names = (symbols: DocumentSymbol[]): string[] => symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);

  it('a second didOpen with the same version and another text, and a didChange that keeps the version, show the new text', async () => {
    const uri = 'file:///stale/etc/xen/vm.cfg';
    const open = (text: string) => client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'xl-config', version: 1, text } });
    assert.deepEqual(summary(await client.open(uri, 'xl-config', DOMAIN)), OWN);
    assert.ok(names(await client.documentSymbols(uri)).includes('memroy'));

    await open(CLEAN);
    assert.deepEqual(await client.waitForDiagnostics(uri, (ds) => ds.length === 0), []);
    assert.ok(!names(await client.documentSymbols(uri)).includes('memroy'), 'symbols of the new text');
    assert.ok(names(await client.documentSymbols(uri)).includes('memory'));

    await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: 'name = "vm1"\nbogus = 1\n' }] });
    const changed = await client.waitForDiagnostics(uri, (ds) => ds.some((d) => d.range.start.line === 1));
    assert.ok(summary(changed).includes('2:1 2 xl/unknown-key'), summary(changed).join(', '));
    assert.ok(names(await client.documentSymbols(uri)).includes('bogus'));
  });
});

describe('a document past xenConfig.diagnostics.maxFileSize', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ settings: { diagnostics: { maxFileSize: 1024 } } });
  });
  after(async () => {
    await client.stop();
  });
  /** DOMAIN after a long comment: 1.3 KB, its lines one further down. */
  const big = (name: string) => `# ${'padding '.repeat(150)}\n` + DOMAIN.replace('vm1', name);
  const SYNTAX_ONLY = ['1:1 3 workspace/file-too-large', '6:6 1 xl/syntax'];

  /** Opens a document and waits for the diagnostics under the client's settings (the server pulls them after start-up). */
  const openLimited = async (uri: string, text: string) => {
    await client.open(uri, 'xl-config', text);
    return client.waitForDiagnostics(uri, (ds) => ds.some((d) => d.code === 'workspace/file-too-large'));
  };

  it('gets its syntax errors only, after one info at line 1 naming its size and the setting', async () => {
    const uri = 'file:///huge/etc/xen/big.cfg';
    const diagnostics = await openLimited(uri, big('vm1'));
    assert.deepEqual(summary(diagnostics), SYNTAX_ONLY);
    assert.equal(
      diagnostics[0].message,
      'This file is 1.3 KB, more than the limit of 1 KB (setting xenConfig.diagnostics.maxFileSize, CLI --max-file-size): only syntax errors are reported, and it takes no part in cross-file checks.',
    );
    // A second one with the same MAC: no cross-file finding, since neither takes part.
    assert.deepEqual(summary(await openLimited('file:///huge/etc/xen/big2.cfg', big('vm2'))), SYNTAX_ONLY);
    // Editing features still answer.
    assert.ok((await client.documentSymbols(uri)).length > 0);
  });

  it('is checked in full once the limit is raised (0: no limit)', async () => {
    await client.changeSettings({ diagnostics: { maxFileSize: 0 } });
    const diagnostics = await client.waitForDiagnostics('file:///huge/etc/xen/big.cfg', (ds) => !ds.some((d) => d.code === 'workspace/file-too-large'));
    assert.deepEqual(summary(diagnostics), ['4:1 2 xl/unknown-key', '6:1 2 xl/unknown-key', '6:6 1 xl/syntax', '5:14 2 workspace/duplicate-mac']);
  });

  it('uses 4 MB when the setting is not given', async () => {
    const defaults = await LspTestClient.start();
    try {
      const text = '#\n'.repeat(2 * 1024 * 1024) + DOMAIN;
      const diagnostics = await defaults.open('file:///huge/etc/xen/default.cfg', 'xl-config', text);
      assert.deepEqual(summary(diagnostics), ['1:1 3 workspace/file-too-large', `${2 * 1024 * 1024 + 5}:6 1 xl/syntax`]);
      assert.match(String(diagnostics[0].message), /^This file is 4194384 bytes, more than the limit of 4194304 bytes \(setting xenConfig\.diagnostics\.maxFileSize/);
    } finally {
      await defaults.stop();
    }
  });
});
