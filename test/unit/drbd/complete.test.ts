import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItem, CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import { lineRange, TestOptions } from '../../helpers/languageTester';
import { drbd, HOSTS } from './helpers';

const labels = (textWithCursor: string, options?: TestOptions) => drbd.complete(textWithCursor, options).map((i) => i.label);

describe('drbd completion', () => {
  it('offers the options and sections valid in the section at the cursor', () => {
    const items = labels(`resource r0 {\n  net {\n|    \n  }\n${HOSTS}\n}\n`);
    assert.ok(items.includes('allow-two-primaries') && items.includes('protocol') && items.includes('after-sb-0pri'));
    assert.ok(!items.includes('fencing') && !items.includes('resync-rate'));
    const inResource = labels(`resource r0 {\n|  net {\n    \n  }\n${HOSTS}\n}\n`);
    assert.ok(inResource.includes('on') && inResource.includes('volume') && inResource.includes('device'));
    assert.ok(!inResource.includes('connection'), 'connection is DRBD 9 only');
  });

  it('offers enum and boolean values for the option being written', () => {
    assert.deepEqual(labels(`resource r0 {\n  net { after-sb-2pri | }\n  disk { disk-flushes  }\n${HOSTS}\n}\n`), ['disconnect', 'violently-as0p', 'call-pri-lost-after-sb']);
    assert.deepEqual(labels(`resource r0 {\n  net { after-sb-2pri  }\n  disk { disk-flushes | }\n${HOSTS}\n}\n`), ['yes', 'no']);
  });

  it('offers host names from other on sections and from a workspace cluster.conf', () => {
    const others = [{ uri: 'file:///etc/cluster/cluster.conf', facts: { cluster: { nodes: [{ value: 'an-node03.alteeve.com', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }], fenceDevices: [], fenceDeviceRefs: [], services: [], vms: [] } } }];
    assert.deepEqual(labels(`resource r0 {\n${HOSTS}\n  on |\n}\nresource r1 {\n  startup { become-primary-on  }\n}\n`, { others }), ['a', 'b', 'an-node03.alteeve.com']);
    assert.deepEqual(labels(`resource r0 {\n${HOSTS}\n  startup { become-primary-on | }\n}\n`), ['both', 'a', 'b']);
  });
});

describe('drbd completion: what is inserted, in which order', () => {
  const insert = (textWithCursor: string, label: string, options?: TestOptions) => drbd.complete(textWithCursor, options).find((i) => i.label === label && i.kind !== CompletionItemKind.Module)?.insertText;
  const ranked = (items: CompletionItem[]) => [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!) || a.label.localeCompare(b.label)).map((i) => i.label);

  it('inserts a whole statement: keyword, a valid value placeholder and the `;`', () => {
    const inNet = `resource r0 {\n  net {\n    |\n  }\n${HOSTS}\n}\n`;
    assert.equal(insert(inNet, 'protocol'), 'protocol ${1|C,A,B|};');
    assert.equal(insert(inNet, 'after-sb-0pri'), 'after-sb-0pri ${1|disconnect,discard-younger-primary,discard-older-primary,discard-zero-changes,discard-least-changes,discard-local,discard-remote|};');
    assert.equal(insert(inNet, 'allow-two-primaries'), 'allow-two-primaries;');
    assert.equal(insert(inNet, 'max-buffers'), 'max-buffers ${1:2048};');
    assert.equal(insert(inNet, 'shared-secret'), 'shared-secret "$1";');
    assert.equal(drbd.complete(inNet).find((i) => i.label === 'protocol')?.insertTextFormat, InsertTextFormat.Snippet);
  });

  it('inserts the keyword alone over a statement that already has its value', () => {
    assert.equal(insert(`resource r0 {\n  net {\n    proto| C;\n  }\n${HOSTS}\n}\n`, 'protocol'), 'protocol');
  });

  it('offers the next free minor and port of the workspace', () => {
    const other = { uri: 'file:///etc/drbd.d/r1.res', facts: { drbdResources: [{ name: { value: 'r1', range: lineRange(1, 1, 2) }, hosts: [], addresses: [{ value: '10.0.0.1:7790', range: lineRange(1, 1, 2), host: 'a' }], minors: [{ value: 1, range: lineRange(1, 1, 2), host: 'a' }], devices: [], disks: [], dualPrimary: false }] } };
    const onHost = `resource r0 {\n  on a {\n    |\n  }\n}\n`;
    assert.equal(insert(`resource r0 {\n  on a { device /dev/drbd0; address 10.0.0.1:7789; }\n  on b {\n    |\n  }\n}\n`, 'device', { others: [other] }), 'device ${1:/dev/drbd2};');
    assert.equal(insert(onHost, 'address', { others: [other] }), 'address ${1:192.168.0.1}:${2:7789};');
    const [template] = drbd.complete('|', { others: [other] });
    assert.equal(template.label, 'drbd-resource');
    assert.match(template.textEdit && 'newText' in template.textEdit ? template.textEdit.newText : '', /^resource \$\{1:r0\} \{\n\tdevice    \$\{2:\/dev\/drbd0\};[^]*address \$\{6:192\.168\.2\.71\}:\$\{7:7789\};/);
    assert.match(drbd.complete('resource r0 { device minor 0; on a { address 10.0.0.1:7789; } }\n|', { others: [other] })[0].textEdit!.newText, /^resource \$\{1:r2\} \{\n\tdevice    \$\{2:\/dev\/drbd2\};[^]*:\$\{7:7791\};/);
  });

  it('offers the resource templates only at the top level, never in value position', () => {
    assert.deepEqual(drbd.complete('|').filter((i) => i.kind === CompletionItemKind.Snippet).map((i) => i.label), ['drbd-resource', 'drbd-dual-primary', 'drbd-resource-9']);
    assert.deepEqual(drbd.complete(`resource r0 {\n  net {\n    protocol |\n  }\n${HOSTS}\n}\n`).filter((i) => i.kind === CompletionItemKind.Snippet), []);
    assert.deepEqual(drbd.complete(`resource r0 {\n  |\n${HOSTS}\n}\n`).filter((i) => i.kind === CompletionItemKind.Snippet), []);
  });

  it('ranks by relevance: required and common first, already set and obsolete last', () => {
    assert.deepEqual(ranked(drbd.complete(`resource r0 {\n  on a {\n    |\n  }\n}\n`)).slice(0, 4), ['address', 'device', 'disk', 'meta-disk']);
    const net = ranked(drbd.complete(`resource r0 {\n  net {\n    protocol C;\n    |\n  }\n${HOSTS}\n}\n`));
    assert.deepEqual(net.slice(0, 3), ['allow-two-primaries', 'after-sb-0pri', 'after-sb-1pri']);
    assert.ok(net.indexOf('protocol') > net.indexOf('ko-count'), 'protocol is already set in this section');
  });

  it('documents each value: protocol A, B and C each say what they guarantee', () => {
    const items = drbd.complete(`resource r0 {\n  net { protocol | }\n${HOSTS}\n}\n`);
    assert.deepEqual(items.map((i) => [i.label, i.detail, (i.documentation as { value: string }).value]), [
      ['A', undefined, '`A` (protocol): Asynchronous: a write is done once on the local disk and in the send buffer. Fast over long links; the last writes may be lost with the primary.'],
      ['B', undefined, '`B` (protocol): Memory-synchronous: done once the peer has received the write. Data is lost only if both nodes fail at once.'],
      ['C', 'default', '`C` (protocol): Synchronous: done once both disks have the write. No data loss on a single failure; needed for dual-primary (default).'],
    ]);
    for (const item of drbd.complete(`resource r0 {\n  disk {\n    |\n  }\n${HOSTS}\n}\n`)) assert.ok(!(item.detail ?? '').includes('`'), `${item.label}: ${item.detail}`);
  });

  it('offers nothing inside a comment', () => {
    assert.deepEqual(drbd.complete('# DRBD 8.4 de|faults\nglobal { usage-count no; }\n'), []);
    assert.deepEqual(drbd.complete('global { usage-count no; # a|sk\n}\n'), []);
    assert.ok(drbd.complete('resource r0 { handlers { fence-peer "/x#y"; | } }\n').length > 0, 'a # in a string starts no comment');
  });
});
