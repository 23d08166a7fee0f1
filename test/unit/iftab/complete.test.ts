import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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

  it('offers nothing for the interface name or inside a comment', () => {
    assert.deepEqual(iftab.complete('eth|'), []);
    assert.deepEqual(iftab.complete('# eth0 |'), []);
  });
});
