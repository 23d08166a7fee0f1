import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drbdLanguage } from '../../../server/src/languages/drbd/index';
import { readFixture } from '../../helpers/fixtures';
import { drbd } from './helpers';

describe('drbd symbols and folding', () => {
  const ctx = drbd.context();
  const doc = drbd.parse(readFixture('drbd', 'clean-84.res'));

  it('outlines resources with their volumes and hosts', () => {
    const [resource] = drbdLanguage.service.symbols(doc, ctx);
    assert.equal(resource.name, 'data');
    assert.deepEqual(resource.children!.map((c) => c.name), ['volume 0', 'volume 1', 'on alpha.example.com', 'on bravo.example.com']);
    assert.deepEqual(resource.selectionRange, { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } });
  });

  it('folds every multi-line section', () => {
    assert.deepEqual(drbdLanguage.service.folding(doc, ctx).slice(0, 3), [{ startLine: 1, endLine: 33 }, { startLine: 2, endLine: 7 }, { startLine: 8, endLine: 13 }]);
  });
});
