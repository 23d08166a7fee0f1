import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sameData, WorkspaceIndex } from '../../../server/src/workspace/index';
import type { FileFacts } from '../../../server/src/workspace/facts';

const range = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 4 } });

describe('the workspace index compares facts in place', () => {
  it('treats equal data as equal and any difference of value, length or kind as a change', () => {
    assert.equal(sameData({ a: [1, 'x', { b: true }] }, { a: [1, 'x', { b: true }] }), true);
    assert.equal(sameData({ a: 1, gone: undefined }, { a: 1 }), true, 'an undefined property is an absent one, as in JSON');
    assert.equal(sameData({ a: 1 }, { a: 1, b: undefined, c: 2 }), false);
    assert.equal(sameData({ a: [1, 2] }, { a: [1, 2, 3] }), false);
    assert.equal(sameData({ a: [] }, { a: {} }), false);
    assert.equal(sameData({ a: null }, { a: {} }), false);
    assert.equal(sameData({ a: '1' }, { a: 1 }), false);
  });

  it('bumps the generation only when a file\'s facts change', () => {
    const index = new WorkspaceIndex();
    const facts = (line: number) => ({ domain: { name: { value: 'web1', range: range(line) }, macs: [], bridges: [], disks: [] } }) as unknown as FileFacts;
    index.update('file:///etc/xen/web1.cfg', facts(0), true);
    const after = index.generation;
    index.update('file:///etc/xen/web1.cfg', facts(0), true);
    assert.equal(index.generation, after, 'the same facts again (a keystroke elsewhere) change nothing');
    index.update('file:///etc/xen/web1.cfg', facts(3), true);
    assert.equal(index.generation, after + 1, 'the name moved to another line');
  });
});

describe('sameData, by which the server skips re-publishing unchanged diagnostics', () => {
  /** JSON with every object's keys sorted: what a client would receive, key order aside. */
  const canonical = (value: unknown): string =>
    JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));

  it('agrees with comparing the JSON sent over the wire, for equal copies and for different values', () => {
    const pairs = fc.oneof(
      fc.jsonValue().map((value) => [value, structuredClone(value)] as const),
      fc.tuple(fc.jsonValue(), fc.jsonValue()),
    );
    fc.assert(fc.property(pairs, ([a, b]) => sameData(a, b) === (canonical(a) === canonical(b))), { numRuns: 2000 });
  });
});
