import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range } from 'vscode-languageserver-types';
import { broken, EXAMPLE, tester } from './helpers';

/** Where the diagnostic `code` of `text` is: the editor offers its quick fixes there. */
function on(text: string, code: string): Range {
  const found = tester.diagnostics(text).find((d) => d.code === code);
  assert.ok(found, `no ${code} in ${JSON.stringify(tester.check(text))}`);
  return found.range;
}

describe('cluster-conf quick fixes', () => {
  it('creates the missing <fencedevice> for a dangling <device>', () => {
    const text = broken('dangling-device');
    const after = tester.fix(text, on(text, 'cluster-conf/unknown-fence-device'), 'Create <fencedevice name="fence_an03"> in <fencedevices>');
    assert.equal(after, text.replace('    </fencedevices>', '        <fencedevice name="fence_an03" agent="fence_ipmilan" ipaddr="" login="" passwd_script=""/>\n    </fencedevices>'));
  });

  it('offers the did-you-mean names, renaming both tags of an element', () => {
    const dangling = broken('dangling-device');
    assert.equal(tester.fix(dangling, on(dangling, 'cluster-conf/unknown-fence-device'), "Change to 'fence_an02'"), EXAMPLE);
    const typo = broken('element-typo');
    assert.equal(tester.fix(typo, on(typo, 'cluster-conf/unknown-element'), "Change to 'fencedevice'"), EXAMPLE);
    const attribute = broken('attribute-typo');
    assert.equal(tester.fix(attribute, on(attribute, 'cluster-conf/unknown-attribute'), "Change to 'nodeid'"), EXAMPLE);
  });

  it('offers no did-you-mean whose result has errors the file did not have', () => {
    // A GlusterFS resource agent that this cluster does not know: 'clusterfs' is one letter away, but
    // takes none of these parameters and needs others, so renaming would trade one error for three.
    const text = EXAMPLE.replace('    <rm>\n', '    <rm>\n        <resources>\n            <glusterfs host="node-a" mountpoint="/srv/share" name="share" volume="share"/>\n        </resources>\n');
    const range = on(text, 'cluster-conf/unknown-element');
    assert.equal(range.start.line, 28);
    assert.deepEqual(tester.actions(text, range).map((a) => a.title).filter((t) => t.startsWith('Change to')), []);
    const typo = broken('element-typo');
    assert.deepEqual(tester.actions(typo, on(typo, 'cluster-conf/unknown-element')).map((a) => a.title), ["Change to 'fencedevice'"]);
  });

  it('adds expected_votes="1" for two_node', () => {
    const text = broken('two-node-without-expected-votes');
    assert.equal(tester.fix(text, on(text, 'cluster-conf/two-node-expected-votes'), 'Add expected_votes="1"'), EXAMPLE);
  });

  it('adds a fence method skeleton to a node without one, using the unused fence device', () => {
    const text = broken('node-without-fence');
    // One fix per fence device that can fence the node: fence_an01 is node 1's own IPMI board, so only fence_an02.
    assert.deepEqual(tester.actions(text, on(text, 'cluster-conf/node-without-fencing')).map((a) => a.title), ["Add a fence method with 'fence_an02' to node 'an-node02.alteeve.com'"]);
    assert.equal(
      tester.fix(text, on(text, 'cluster-conf/node-without-fencing'), "Add a fence method with 'fence_an02' to node 'an-node02.alteeve.com'"),
      text.replace(
        '<clusternode name="an-node02.alteeve.com" nodeid="2"/>',
        '<clusternode name="an-node02.alteeve.com" nodeid="2">\n            <fence>\n                <method name="1">\n                    <device name="fence_an02"/>\n                </method>\n            </fence>\n        </clusternode>',
      ),
    );
  });
});
