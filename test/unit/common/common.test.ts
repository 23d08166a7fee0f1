import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { didYouMean, editDistance, suggestionSuffix } from '../../../server/src/common/didYouMean';
import { matchesGlob } from '../../../server/src/common/glob';
import { LineIndex } from '../../../shared/src/lineIndex';
import { describeMac, parseMac, randomXenMac, toXenRange } from '../../../server/src/common/mac';
import { nameTable, nameTables } from '../../../server/src/common/nameTable';
import { compareVersions } from '../../../server/src/common/version';

describe('LineIndex', () => {
  it('maps offsets to positions across \\n, \\r\\n and \\r line breaks', () => {
    const lines = new LineIndex('ab\ncd\r\nef\rg');
    assert.equal(lines.lineCount, 4);
    assert.deepEqual(lines.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(lines.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(lines.positionAt(10), { line: 3, character: 0 });
    assert.equal(lines.offsetAt({ line: 2, character: 1 }), 8);
    assert.equal(lines.lineText(1), 'cd');
    assert.equal(lines.offsetAt({ line: 1, character: 99 }), 5, 'a column past the end clamps to the line end');
  });

  it('starts a line after every \n, \r\n and lone \r, in any mix (as a split at /\r\n|\r|\n/ does)', () => {
    const text = fc.array(fc.constantFrom('\n', '\r', '\r\n', '\n\r', 'a', 'bc', ' '), { maxLength: 30 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const lines = new LineIndex(t);
        const expected = t.split(/\r\n|\r|\n/);
        assert.equal(lines.lineCount, expected.length);
        expected.forEach((line, n) => assert.equal(lines.lineText(n), line));
      }),
      { numRuns: 2000, seed: 14 },
    );
  });
});

describe('didYouMean', () => {
  it('suggests the closest known words for a typo', () => {
    assert.deepEqual(didYouMean('memroy', ['memory', 'maxmem', 'name']), ['memory']);
    assert.deepEqual(didYouMean('zzzzzz', ['memory', 'name']), []);
    assert.equal(editDistance('ab', 'ba'), 1, 'a transposition counts as one edit');
    assert.equal(suggestionSuffix(['a', 'b']), "; did you mean 'a' or 'b'?");
  });
});

describe('nameTable', () => {
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype);

  it('finds its own keys and nothing of Object.prototype, by lookup or by `in`', () => {
    const table: Record<string, number> = nameTable({ yes: 1, no: 0 });
    assert.deepEqual([table.yes, table.no, Object.keys(table)], [1, 0, ['yes', 'no']]);
    for (const name of prototypeNames) {
      assert.equal(table[name], undefined, name);
      assert.equal(name in table, false, name);
    }
  });

  it('keeps a name of Object.prototype that is one of its keys', () => {
    const table: Record<string, string> = nameTable({ toString: 'own' });
    assert.equal(table.toString, 'own');
    assert.equal(table.valueOf, undefined);
  });

  it('nameTables: no prototype at either level', () => {
    const tables: Record<string, Record<string, string>> = nameTables({ protocol: { A: 'async' } });
    assert.equal(tables.protocol.A, 'async');
    for (const name of prototypeNames) assert.deepEqual([tables[name], tables.protocol[name]], [undefined, undefined], name);
  });
});

describe('MAC addresses', () => {
  it('classifies the Xen range, multicast and locally administered bits', () => {
    const xen = parseMac('00:16:3E:00:01:01')!;
    assert.equal(xen.normalized, '00:16:3e:00:01:01');
    assert.equal(xen.xenRange, true);
    assert.equal(xen.multicast, false);
    const multicast = parseMac('01:00:5e:00:00:01')!;
    assert.equal(multicast.multicast, true);
    assert.equal(parseMac('02:00:00:00:00:01')!.locallyAdministered, true);
    assert.equal(parseMac('00:16:3e:00:01'), undefined);
    assert.equal(parseMac('00:16:3e:00:01:0g'), undefined);
    assert.equal(toXenRange(parseMac('00:00:00:aa:bb:cc')!), '00:16:3e:aa:bb:cc');
    assert.match(describeMac(multicast), /multicast/);
  });

  it('reads the MAC forms xl and ifrename write, and no others', () => {
    assert.equal(parseMac(' 0:16:3e:A:b:C \t')!.normalized, '00:16:3e:0a:0b:0c', 'one-digit octets, blanks around, any case');
    assert.equal(parseMac('00-16-3e:00-01-02')!.normalized, '00:16:3e:00:01:02', 'dashes and colons mixed');
    for (const bad of ['', ':', '00:16:3e:00:01:02:', '00:16:3e:00:01:020', '000:16:3e:00:01:02', '00::16:3e:00:01', '00:16:3e:00:01:0x', '00 16 3e 00 01 02', '00:16:3e:00:01:02 x', 'g0:16:3e:00:01:02']) {
      assert.equal(parseMac(bad), undefined, JSON.stringify(bad));
    }
    assert.equal(parseMac('00:16:3f:00:00:01')!.xenRange, false);
  });

  it('generates random Xen MACs that avoid the used ones', () => {
    let calls = 0;
    const sequence = [0, 0, 0, 0.5, 0.5, 0.5];
    const mac = randomXenMac(new Set(['00:16:3e:00:00:00']), () => sequence[calls++ % sequence.length]);
    assert.equal(mac, '00:16:3e:00:80:80');
  });
});

describe('globs and versions', () => {
  it('match file patterns the way VS Code does', () => {
    assert.ok(matchesGlob('/etc/xen/web1.cfg', '**/xen/**/*.cfg'));
    assert.ok(matchesGlob('/etc/xen/vm/web1.cfg', '**/xen/**/*.cfg'));
    assert.ok(!matchesGlob('/home/me/project/app.cfg', '**/xen/**/*.cfg'));
    assert.ok(matchesGlob('/etc/xen/auto/web1', '**/xen/auto/*'));
    assert.ok(matchesGlob('/x/y/xmexample1', 'xmexample*'));
  });

  it('compares versions numerically', () => {
    assert.ok(compareVersions('4.10', '4.9') > 0);
    assert.equal(compareVersions('4.4', '4.4.0'), 0);
  });
});
