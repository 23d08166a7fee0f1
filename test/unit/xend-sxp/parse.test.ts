import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xend } from './helpers';

describe('xend-sxp reader', () => {
  it('reads each top-level (name value …) as an option with its spec, and keeps what is not one apart', () => {
    const doc = xend.parse("(xend-port 8000)\nstray\n(xend-bogus a b)\n((nested))\n");
    assert.deepEqual(doc.options.map((o) => [o.name, o.values.length, o.spec?.type]), [['xend-port', 1, 'integer'], ['xend-bogus', 2, undefined]]);
    assert.deepEqual(doc.strays.map((n) => n.range.start.line), [1, 3]);
    assert.deepEqual(doc.syntaxErrors, []);
  });

  it('turns the reader\'s errors into diagnostics with one code per kind', () => {
    assert.deepEqual(xend.parse('(a))\n(b').syntaxErrors.map((d) => [d.code, d.severity, d.source]), [
      ['xend/syntax-unexpected-close', 1, 'xend-sxp'],
      ['xend/syntax-unclosed-list', 1, 'xend-sxp'],
    ]);
  });
});
