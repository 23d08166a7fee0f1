/** `<!-- xcc-ignore -->` comments in cluster.conf. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tester } from './helpers';

describe('cluster-conf ignore comments', () => {
  it('reads a line and a file directive inside XML comments', () => {
    const text = [
      '<?xml version="1.0"?>',
      '<!-- xcc-ignore-file cluster-conf/node-without-fencing -- fenced by hand in the lab -->',
      '<cluster name="c" config_version="1">',
      '  <clusternodes>',
      '    <!--xcc-ignore cluster-conf/unknown-attribute-->',
      '    <clusternode name="n1" nodeid="1" bogus="x"/>',
      '  </clusternodes>',
      '</cluster>',
      '',
    ].join('\n');
    assert.deepEqual(tester.ignores(text), ['file 2: cluster-conf/node-without-fencing@2:22-55', 'line 5: cluster-conf/unknown-attribute@5:20-50']);
  });

  it('counts a comment spread over lines from the line it ends on; an unclosed one reads its first line', () => {
    const text = '<cluster name="c" config_version="1">\n  <!-- xcc-ignore cluster-conf/unknown-attribute\n  -->\n</cluster>\n<!-- xcc-ignore cluster-conf/x\n';
    assert.deepEqual(tester.ignores(text), ['line 3: cluster-conf/unknown-attribute@2:19-49', 'line 5: cluster-conf/x@5:17-31']);
  });

  it('takes no xcc-ignore in an attribute or text for a comment', () => {
    assert.deepEqual(tester.ignores('<cluster name="xcc-ignore cluster-conf/x" config_version="1">xcc-ignore cluster-conf/y</cluster>\n'), []);
  });
});
