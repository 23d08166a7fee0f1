/** `# xcc-ignore` comments in DRBD files: a `#` outside a token (strings are tokens) starts a comment. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drbd } from './helpers';

describe('drbd ignore comments', () => {
  it('reads directives between and after statements', () => {
    const text = [
      '# xcc-ignore-file workspace/drbd-host-not-cluster-node',
      'resource r0 {',
      '  # xcc-ignore drbd/unknown-option',
      '  bogus-keyword yes;',
      '  net { protocol C; } # xcc-ignore drbd/protocol -- kept for the old peers',
      '}',
      '',
    ].join('\n');
    assert.deepEqual(drbd.ignores(text), ['file 1: workspace/drbd-host-not-cluster-node@1:19-55', 'line 3: drbd/unknown-option@3:16-35', 'line 5 after code: drbd/protocol@5:36-49']);
  });

  it('takes no # inside a string for a comment', () => {
    const text = 'resource r0 {\n  handlers { split-brain "/usr/lib/drbd/notify.sh # xcc-ignore drbd/unknown-option"; }\n}\n';
    assert.deepEqual(drbd.ignores(text), []);
  });
});
