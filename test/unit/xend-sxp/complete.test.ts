import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { XEND_OPTIONS } from '../../../server/src/languages/xend-sxp/schema';
import { xend, XM_HOST } from './helpers';

const complete = (textWithCursor: string) => xend.complete(textWithCursor, XM_HOST);

describe('xend-sxp completion', () => {
  it('offers every option after "(" and replaces the typed part of the name', () => {
    const items = complete('(dom0-min-mem 512)\n(xend-rel|');
    assert.equal(items.length, XEND_OPTIONS.length);
    const item = items.find((i) => i.label === 'xend-relocation-hosts-allow')!;
    assert.deepEqual(item.textEdit, { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 9 } }, newText: 'xend-relocation-hosts-allow' });
    assert.equal(complete('(|').length, XEND_OPTIONS.length);
  });

  it('offers yes/no for a boolean and the known scripts for network-script', () => {
    assert.deepEqual(complete('(xend-relocation-server |)').map((i) => i.label), ['yes', 'no']);
    const scripts = complete('(network-script net|)');
    assert.deepEqual(scripts.map((i) => i.label), ['network-bridge', "'network-bridge netdev=eth0'", 'network-route', 'network-nat', '/bin/true']);
    assert.deepEqual(scripts[0].textEdit, { range: { start: { line: 0, character: 16 }, end: { line: 0, character: 19 } }, newText: 'network-bridge' });
  });

  it('offers the relocation template, and nothing else, between forms; nothing in a comment', () => {
    const items = complete('(xend-port 8000)\nxend-rel|\n');
    assert.deepEqual(items.map((i) => [i.label, i.kind]), [['xend-relocation', CompletionItemKind.Snippet]]);
    assert.deepEqual(items[0].textEdit && 'range' in items[0].textEdit ? items[0].textEdit.range : undefined, { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } });
    assert.deepEqual(complete('# (xend-port |\n'), []);
    assert.deepEqual(complete('(|)').filter((i) => i.kind === CompletionItemKind.Snippet), [], 'no template inside a form');
    assert.deepEqual(complete('|(xend-port 8000)\n'), [], 'no template on a line that holds a form');
  });

  it('ranks common options first and the ones already set last', () => {
    const ranked = complete('(network-script network-bridge)\n(|)').sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    assert.deepEqual(ranked.slice(0, 3), ['vif-script', 'dom0-min-mem', 'enable-dom0-ballooning']);
    assert.equal(ranked[ranked.length - 1], 'network-script');
  });

  it('documents the values it offers', () => {
    const items = complete('(vif-script |)');
    assert.equal((items.find((i) => i.label === 'vif-bridge')?.documentation as { value: string }).value, '`vif-bridge` (vif-script): Attach each vif to its bridge (default).');
  });
});
