import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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

  it('offers nothing in a comment-free gap between forms', () => {
    assert.deepEqual(complete('(xend-port 8000)\n|\n'), []);
  });
});
