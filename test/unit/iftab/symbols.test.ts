import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iftabService } from '../../../server/src/languages/iftab';
import { readFixture } from '../../helpers/fixtures';
import { iftab } from './helpers';

describe('iftab symbols', () => {
  const ctx = iftab.context();
  const doc = iftab.parse(readFixture('iftab', 'seed-000.iftab'));

  it('lists one symbol per mapping', () => {
    assert.deepEqual(iftabService.symbols(doc, ctx).map((s) => [s.name, s.detail, s.range.start.line]), [['eth0', 'mac 00:16:3e:00:01:01', 1], ['eth1', 'mac 00:16:3e:00:02:01', 2]]);
  });

  it('folds nothing: one mapping per line', () => {
    assert.deepEqual(iftabService.folding(doc, ctx), []);
  });
});
