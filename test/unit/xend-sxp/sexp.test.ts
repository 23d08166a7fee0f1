import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSexp, SexpAtom, SexpList, SexpNode } from '../../../shared/src/sexp';

/** The tree as plain values, for compact assertions. */
function shape(node: SexpNode): unknown {
  return node.kind === 'atom' ? node.value : node.items.map(shape);
}

describe('parseSexp', () => {
  it('reads lists, atoms and strings with exact ranges', () => {
    const tree = parseSexp("(xend-port 8000)\n  (vnc-listen '127.0.0.1')\n");
    assert.deepEqual(tree.nodes.map(shape), [['xend-port', '8000'], ['vnc-listen', '127.0.0.1']]);
    assert.deepEqual(tree.errors, []);
    const second = tree.nodes[1] as SexpList;
    assert.deepEqual(second.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 26 } });
    const quoted = second.items[1] as SexpAtom;
    assert.equal(quoted.quote, "'");
    assert.deepEqual(quoted.range, { start: { line: 1, character: 14 }, end: { line: 1, character: 25 } });
  });

  it('ends comments at the line end, also right after an atom', () => {
    const tree = parseSexp('# header\n(a b# comment (c\nd)');
    assert.deepEqual(tree.nodes.map(shape), [['a', 'b', 'd']]);
  });

  it('decodes escapes as xend did, and records escapes whose character xend drops', () => {
    const tree = parseSexp(String.raw`('a\\.b\tc\x41\101' 'x\.y')`);
    const [known, lost] = (tree.nodes[0] as SexpList).items as SexpAtom[];
    assert.equal(known.value, 'a\\.b\tcAA');
    assert.deepEqual(known.lostEscapes, []);
    assert.equal(lost.value, 'x\\y');
    assert.deepEqual(lost.lostEscapes, [{ start: 22, end: 24 }]);
  });

  it('makes one-character atoms of the separators other than parentheses', () => {
    assert.deepEqual(parseSexp('(a{b}!c)').nodes.map(shape), [['a', '{', 'b', '}', '!', 'c']]);
  });

  it("reports an unclosed list at its '(' and name, and recovers at the next column-0 form", () => {
    const tree = parseSexp('(xend-port 8000\n(vnc-listen x)\n');
    assert.deepEqual(tree.nodes.map(shape), [['xend-port', '8000'], ['vnc-listen', 'x']]);
    assert.equal(tree.errors.length, 1);
    assert.equal(tree.errors[0].kind, 'unclosed-list');
    assert.deepEqual(tree.errors[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } });
    assert.match(tree.errors[0].message, /'\(xend-port' is never closed: add '\)'/);
    assert.equal((tree.nodes[0] as SexpList).closed, false);
  });

  it('reads a list in column 0 inside another by nesting when every list of the file closes, as xend does', () => {
    const tree = parseSexp('(network-script\n(network-bridge netdev=eth0))\n(xend-port 8000)\n');
    assert.deepEqual(tree.nodes.map(shape), [['network-script', ['network-bridge', 'netdev=eth0']], ['xend-port', '8000']]);
    assert.deepEqual(tree.errors, []);
  });

  it("reports a stray ')' on that character", () => {
    const tree = parseSexp('(a b))\n(c)');
    assert.deepEqual(tree.nodes.map(shape), [['a', 'b'], ['c']]);
    assert.deepEqual(tree.errors.map((e) => [e.kind, e.range.start.character, e.range.end.character]), [['unexpected-close', 5, 6]]);
  });

  it('reports an unterminated string to the end of its line and keeps reading', () => {
    const tree = parseSexp("(a 'open\n(b c)");
    assert.deepEqual(tree.errors.map((e) => [e.kind, e.range]), [
      ['unterminated-string', { start: { line: 0, character: 3 }, end: { line: 0, character: 8 } }],
      ['unclosed-list', { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }],
    ]);
    assert.deepEqual(tree.nodes.map(shape), [['a', 'open'], ['b', 'c']]);
  });

  it('refuses a non-ASCII character outside strings and comments', () => {
    const tree = parseSexp('(a “b”) # “fine”');
    assert.deepEqual(tree.errors.map((e) => [e.kind, e.range.start.character]), [['invalid-character', 3]]);
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    const tree = parseSexp('('.repeat(100_000));
    // One error where the limit is passed, not one for each '(' beyond it (issue 14).
    assert.equal(tree.errors.filter((e) => e.kind === 'too-deep').length, 1);
    assert.deepEqual(tree.errors.find((e) => e.kind === 'too-deep')!.range, { start: { line: 0, character: 200 }, end: { line: 0, character: 201 } });
  });

  it('reads `xm list --long` output for the dom0 explorer', () => {
    const text = '(domain\n    (domid 3)\n    (name vm01-web)\n    (device\n        (vif (mac 00:16:3e:00:01:01) (bridge xenbr0))\n    )\n)\n';
    const tree = parseSexp(text);
    assert.deepEqual(tree.errors, []);
    assert.deepEqual(shape(tree.nodes[0]), ['domain', ['domid', '3'], ['name', 'vm01-web'], ['device', ['vif', ['mac', '00:16:3e:00:01:01'], ['bridge', 'xenbr0']]]]);
  });
});
