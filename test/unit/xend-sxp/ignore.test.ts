/** `# xcc-ignore` comments in xend-config.sxp: xend's reader (sxp.py) takes `#` for a comment, and `;` for an atom. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xend } from './helpers';

describe('xend-sxp ignore comments', () => {
  it('reads directives on their own line, after a form, and inside a list', () => {
    const text = ['# xcc-ignore xend/unknown-option', '(bogus-option 1)', '(logfile /var/log/xend.log)# xcc-ignore-file xend/xend-removed', '(xend-relocation-hosts-allow', '  # xcc-ignore xend/unknown-option', "  '')", ''].join('\n');
    assert.deepEqual(xend.ignores(text), ['line 1: xend/unknown-option@1:14-33', 'file 3 after code: xend/xend-removed@3:46-63', 'line 5: xend/unknown-option@5:16-35']);
  });

  it('takes no # inside a string for a comment, and no Lisp-style ; comment (xend reads ; as an atom)', () => {
    const text = '(logfile "/var/log/# xcc-ignore xend/unknown-option")\n; xcc-ignore xend/unknown-option\n';
    assert.deepEqual(xend.ignores(text), []);
  });
});
