/** Completion, hover, symbols, folding and facts on plain text. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-types';
import { xlConfigService } from '../../../server/src/languages/xl-config';
import type { FileFacts } from '../../../server/src/workspace/facts';
import { CheckOptions, contextFor } from './helpers';

/** Parses `textWithCursor` without its `|`, which marks the cursor. */
function at(textWithCursor: string, options: CheckOptions) {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const ctx = contextFor(options);
  const doc = xlConfigService.parse(text, ctx);
  return { ctx, doc, position: doc.lines.positionAt(offset) };
}

function complete(textWithCursor: string, options: CheckOptions = {}): CompletionItem[] {
  const { ctx, doc, position } = at(textWithCursor, options);
  return xlConfigService.complete(doc, position, ctx);
}

function hover(textWithCursor: string, options: CheckOptions = {}): Hover | null {
  const { ctx, doc, position } = at(textWithCursor, options);
  return xlConfigService.hover(doc, position, ctx);
}

const hoverText = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';
const edit = (item: CompletionItem | undefined) => (item?.textEdit && 'range' in item.textEdit ? item.textEdit.newText : undefined);

const workspace = {
  otherFiles: (): { uri: string; facts: FileFacts }[] => [
    {
      uri: 'file:///etc/xen/vm02.cfg',
      facts: { domain: { macs: [], bridges: [{ value: 'xenbr1', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }], disks: [] } },
    },
  ],
};

describe('xl-config completion', () => {
  it('completes keys with a value snippet, replacing the typed word', () => {
    const items = complete('name = "a"\nmemo|\n');
    const memory = items.find((i) => i.label === 'memory');
    assert.equal(edit(memory), 'memory = ${1:0}');
    assert.deepEqual(memory?.textEdit && 'range' in memory.textEdit ? memory.textEdit.range : undefined, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
    assert.equal(edit(items.find((i) => i.label === 'on_crash')), 'on_crash = "${1|destroy,restart,rename-restart,preserve,coredump-destroy,coredump-restart,soft-reset|}"');
    assert.match(edit(items.find((i) => i.label === 'vif')) ?? '', /^vif = \[ 'mac=\$\{1:00:16:3e:[0-9a-f:]{8}\},bridge=\$\{2:xenbr0\}' \]$/);
    assert.deepEqual(items.find((i) => i.label === 'builder')?.tags, [1]);
    assert.equal(items.find((i) => i.label === 'pvh'), undefined, 'keys removed long ago are not offered');
  });

  it('completes xl.conf keys in xl.conf', () => {
    const labels = complete('vif.def|\n', { path: '/etc/xen/xl.conf' }).map((i) => i.label);
    assert.ok(labels.includes('vif.default.bridge'));
    assert.ok(!labels.includes('memory'));
  });

  it('completes enum values after `=`', () => {
    assert.deepEqual(complete('type = |\n').map((i) => edit(i)), ['"pv"', '"pvh"', '"hvm"']);
  });

  it('completes disk and vif sub-keys and their values', () => {
    assert.ok(complete("disk = [ 'phy:/dev/vg/a,xvda,w,|' ]\n").some((i) => i.label === 'devtype='));
    assert.deepEqual(complete("disk = [ 'vdev=xvda, access=|' ]\n").map((i) => i.label), ['r', 'ro', 'w', 'rw']);
    assert.ok(complete("vif = [ 'bri|' ]\n").some((i) => edit(i) === 'bridge='));
    assert.deepEqual(complete("vif = [ 'model=e1000, type=|' ]\n").map((i) => i.label), ['ioemu', 'vif']);
  });

  it('offers the bridges used in the workspace, and a fresh Xen MAC', () => {
    assert.deepEqual(complete("vif = [ 'mac=00:16:3e:00:00:01, bridge=xenbr2', 'bridge=|' ]\n", { workspace }).map((i) => i.label), ['xenbr0', 'xenbr1', 'xenbr2']);
    const [mac] = complete("vif = [ 'mac=|' ]\n");
    assert.match(mac.label, /^00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}$/);
    assert.equal(mac.preselect, true);
  });

  it('works inside a list still being typed (unclosed string, no closing bracket)', () => {
    assert.ok(complete("name = \"a\"\ndisk = [ 'phy:/dev/vg/a,xvda,w',\n         'vdev=xvdb, form|").some((i) => i.label === 'format='));
  });
});

describe('xl-config hover', () => {
  it('explains a key with its facts', () => {
    const text = hoverText(hover('mem|ory = 512\n'));
    assert.match(text, /^\*\*memory\*\*\n\nMemory given to the guest at boot, in MiB\./);
    assert.match(text, /- Syntax: `MBYTES` \(MiB\)/);
    assert.match(text, /- Since Xen 4\.0/);
  });

  it('explains the key on its value too', () => {
    const h = hover('type = "h|vm"\n');
    assert.match(hoverText(h), /^\*\*type\*\*/);
    assert.deepEqual(h?.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 12 } });
  });

  it('explains a deprecated key and what replaces it', () => {
    assert.match(hoverText(hover('buil|der = "hvm"\n')), /\*\*Deprecated\*\*: use `type`/);
  });

  it('explains an xm key under xl', () => {
    assert.match(hoverText(hover('vnccon|sole = 1\n')), /start a VNC viewer/);
  });

  it('explains disk parameters, positional ones included', () => {
    assert.match(hoverText(hover("disk = [ 'phy:/dev/vg/a,xv|da,w' ]\n")), /^\*\*disk: vdev\*\*[\s\S]*\(positional value `xvda`\)/);
    assert.match(hoverText(hover("disk = [ 'phy:/dev/vg/a,xvda,w|!' ]\n")), /\*\*disk: access\*\*[\s\S]*no `w!`/);
  });

  it('explains vif keys and MACs (range, multicast and local bits)', () => {
    assert.match(hoverText(hover("vif = [ 'bri|dge=xenbr0' ]\n")), /^\*\*vif: bridge\*\*/);
    assert.equal(hoverText(hover("vif = [ 'mac=00:16:3e:0|0:01:01' ]\n")), '**MAC 00:16:3e:00:01:01**\n\nXen guest range (OUI 00:16:3e, assigned to the Xen project); unicast; globally unique (IEEE-assigned)');
    assert.match(hoverText(hover("vif = [ 'mac=03:00:00:0|0:01:01' ]\n")), /multicast \(group\) bit set[\s\S]*locally administered/);
  });
});

describe('xl-config symbols, folding and facts', () => {
  const text = 'name = "vm01-web"\n# network\n# two NICs\nvif = [ \'mac=00:16:3e:00:01:01, bridge=xenbr0\',\n        \'mac=00:16:3e:00:02:01, bridge=xenbr1\' ]\ndisk = [ "phy:/dev/drbd0,xvda,w" ]\n';
  const ctx = contextFor();
  const doc = xlConfigService.parse(text, ctx);

  it('outlines the domain and its settings', () => {
    const [domain] = xlConfigService.symbols(doc, ctx);
    assert.equal(domain.name, 'vm01-web');
    assert.deepEqual(domain.children?.map((c) => `${c.name} ${c.detail}`), ['name vm01-web', 'vif [2 items]', 'disk [1 item]']);
  });

  it('folds multi-line lists and comment blocks', () => {
    assert.deepEqual(xlConfigService.folding(doc, ctx), [
      { startLine: 1, endLine: 2, kind: 'comment' },
      { startLine: 3, endLine: 4 },
    ]);
  });

  it('reports the domain fact: name, MACs in order, bridges, disk targets', () => {
    const facts = xlConfigService.facts(doc, ctx);
    assert.equal(facts.domain?.name?.value, 'vm01-web');
    assert.deepEqual(facts.domain?.macs.map((m) => `${m.value}@${m.range.start.line}:${m.range.start.character}`), ['00:16:3e:00:01:01@3:13', '00:16:3e:00:02:01@4:13']);
    assert.deepEqual(facts.domain?.bridges.map((b) => b.value), ['xenbr0', 'xenbr1']);
    assert.deepEqual(facts.domain?.disks.map((d) => d.value), ['/dev/drbd0']);
  });

  it('xl.conf defines no domain', () => {
    const conf = xlConfigService.parse('autoballoon = "off"\n', contextFor({ path: '/etc/xen/xl.conf' }));
    assert.deepEqual(xlConfigService.facts(conf, ctx), {});
  });
});
