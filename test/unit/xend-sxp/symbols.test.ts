import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xendSxpService } from '../../../server/src/languages/xend-sxp';
import { xend, XM_HOST } from './helpers';

describe('xend-sxp symbols and folding', () => {
  it('lists options with their values and folds multi-line lists', () => {
    const text = "(xend-port 8000)\n(xen-api-server ((9363 pam '^localhost$')\n                 (unix none)))\n";
    const ctx = xend.context(XM_HOST);
    const doc = xend.parse(text, XM_HOST);
    assert.deepEqual(xendSxpService.symbols(doc, ctx).map((s) => [s.name, s.detail]), [['xend-port', '8000'], ['xen-api-server', "((9363 pam '^localhost$') (unix none))"]]);
    assert.deepEqual(xendSxpService.folding(doc, ctx), [{ startLine: 1, endLine: 2 }]);
  });

  it('cuts a long value to one line of the outline', () => {
    const text = "(xend-relocation-hosts-allow '^localhost$ ^node-01[.]example[.]com$ ^node-02[.]example[.]com$')\n";
    const [option] = xendSxpService.symbols(xend.parse(text, XM_HOST), xend.context(XM_HOST));
    assert.equal(option.detail, '^localhost$ ^node-01[.]example[.]com$ ^node-02[.]example[...');
  });
});
