import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItem, CompletionItemKind } from 'vscode-languageserver-types';
import { SELECTORS } from '../../../server/src/languages/iftab/schema';
import { iftab, IN_GUEST } from './helpers';

describe('iftab completion', () => {
  it('offers every selector after the interface name, replacing the typed prefix', () => {
    const items = iftab.complete('eth0 ma|');
    assert.equal(items.length, SELECTORS.length);
    assert.deepEqual(items.find((i) => i.label === 'mac')!.textEdit, { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 7 } }, newText: 'mac' });
    assert.equal(items.find((i) => i.label === 'SYSFS{…}')!.textEdit!.newText, 'SYSFS{address}');
    assert.equal(iftab.complete('eth0 mac 00:16:3e:00:01:01 |').length, SELECTORS.length);
  });

  it("offers the guest's vif MACs after mac, vif N first for ethN", () => {
    const items = iftab.complete('eth1 mac |', IN_GUEST);
    assert.deepEqual(items.map((i) => [i.label, i.detail, i.preselect]), [
      ['00:16:3e:00:01:01', 'vif 0 of vm01-web', false],
      ['00:16:3e:00:02:01', 'vif 1 of vm01-web', true],
    ]);
    assert.ok(items[1].sortText! < items[0].sortText!);
  });

  it('offers the templates, not selectors, where a line starts; nothing inside a comment', () => {
    assert.deepEqual(iftab.complete('eth|').map((i) => [i.label, i.kind]), [['iftab-pair', CompletionItemKind.Snippet], ['iftab-mac', CompletionItemKind.Snippet]]);
    assert.deepEqual(iftab.complete('eth0 mac 00:16:3e:00:01:01\neth|1 mac 00:16:3e:00:02:01'), [], 'no template over a written line');
    assert.deepEqual(iftab.complete('# eth0 |'), []);
  });

  it('fills the templates with the guest\'s vif MACs when the workspace has its domain config', () => {
    const [pair] = iftab.complete('|', IN_GUEST);
    assert.equal(pair.textEdit && 'newText' in pair.textEdit ? pair.textEdit.newText : '', '# interface  selector  value\n${1:eth0} mac ${2:00:16:3e:00:01:01}\n${3:eth1} mac ${4:00:16:3e:00:02:01}\n$0');
  });

  it('ranks mac first, and a selector already on the line last', () => {
    const ranked = (items: CompletionItem[]) => [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(ranked(iftab.complete('eth0 |')).slice(0, 4), ['mac', 'arp', 'driver', 'businfo']);
    assert.equal(ranked(iftab.complete('eth0 mac 00:16:3e:00:01:01 |')).pop(), 'mac');
  });
});
