import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xend } from './helpers';

describe('xend-sxp formatting', () => {
  it('puts top-level options in column 0 and indents a list one level per open parenthesis', () => {
    const text = "  (logfile /var/log/xen/xend.log)\n(xend-relocation-hosts-allow\n'^localhost$'\n        '^an-node02$')\n(vif\n        (bridge xenbr0)\n    )\n";
    assert.equal(xend.format(text, { tabSize: 2 }).text, "(logfile /var/log/xen/xend.log)\n(xend-relocation-hosts-allow\n  '^localhost$'\n  '^an-node02$')\n(vif\n  (bridge xenbr0)\n)\n");
  });

  it('keeps comments, indenting those inside a list with its items, and the file\'s commented-out options', () => {
    const text = '#(xend-http-server no)\n(dom0-cpus\n# 0 means all\n    0)\n   # done\n';
    assert.equal(xend.format(text).text, '#(xend-http-server no)\n(dom0-cpus\n    # 0 means all\n    0)\n# done\n');
  });

  it('never touches a string that spans lines', () => {
    const text = "(network-script 'network-bridge\n     netdev=eth0')\n";
    assert.deepEqual(xend.format(text).edits, []);
  });

  it('indents with tabs when the editor does', () => {
    assert.equal(xend.format('(a\n  (b c))\n', { insertSpaces: false }).text, '(a\n\t(b c))\n');
  });

  it('leaves a file with syntax errors alone', () => {
    assert.deepEqual(xend.format('(logfile /var/log/xen/xend.log\n  (loglevel DEBUG)\n').edits, []);
  });
});
