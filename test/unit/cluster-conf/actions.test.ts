import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Range } from 'vscode-languageserver-types';
import { clusterConfService } from '../../../server/src/languages/cluster-conf';
import { applyEdits, editsOf } from '../../helpers/lspClient';
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

  it('gives a node without a nodeid the next free one: one more than the largest, not a gap, and distinct ids to several', () => {
    const text = [
      '<cluster name="lab" config_version="4">',
      '  <clusternodes>',
      '    <clusternode name="n1" nodeid="1"/>',
      '    <clusternode name="n3" nodeid="3"/>',
      '    <clusternode name="n4" votes="1"/>',
      '    <clusternode name="n5"/>',
      '  </clusternodes>',
      '</cluster>',
      '',
    ].join('\n');
    const missing = tester.diagnostics(text).filter((d) => d.code === 'cluster-conf/missing-attribute');
    assert.deepEqual(missing.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`), ["5:6 <clusternode> needs the attribute 'nodeid'.", "6:6 <clusternode> needs the attribute 'nodeid'."]);
    assert.deepEqual(tester.actions(text, missing[0].range).map((a) => [a.title, a.isPreferred]), [['Add nodeid="4"', true]]);
    const first = tester.fix(text, missing[0].range, 'Add nodeid="4"');
    assert.equal(first, text.replace('<clusternode name="n4" votes="1"/>', '<clusternode name="n4" nodeid="4" votes="1"/>'));
    // The second is offered 5 before and after the first is fixed: applying both ("fix all") gives distinct ids.
    assert.equal(tester.fix(text, missing[1].range, 'Add nodeid="5"'), text.replace('<clusternode name="n5"/>', '<clusternode name="n5" nodeid="5"/>'));
    assert.equal(tester.fix(first, missing[1].range, 'Add nodeid="5"'), first.replace('<clusternode name="n5"/>', '<clusternode name="n5" nodeid="5"/>'));
    assert.deepEqual(tester.check(tester.fix(first, missing[1].range, 'Add nodeid="5"')).filter((d) => d.includes('nodeid')), []);
  });

  it('numbers the first node 1, and puts nodeid after the element name when the node has no name', () => {
    const text = '<cluster name="lab" config_version="1">\n  <clusternodes>\n    <clusternode/>\n  </clusternodes>\n</cluster>\n';
    const range = tester.diagnostics(text).find((d) => d.message === "<clusternode> needs the attribute 'nodeid'.")!.range;
    assert.equal(tester.fix(text, range, 'Add nodeid="1"'), text.replace('<clusternode/>', '<clusternode nodeid="1"/>'));
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

  describe('raising config_version over the saved file', () => {
    const saved = EXAMPLE;
    // The example has config_version="1"; the user gives the second node two votes and has not saved yet.
    const edited = EXAMPLE.replace('<clusternode name="an-node02.alteeve.com" nodeid="2">', '<clusternode name="an-node02.alteeve.com" nodeid="2" votes="2">');
    const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle));
    const at = (line: number, character = 10): Range => ({ start: { line, character }, end: { line, character } });
    const actionsAt = (text: string, range: Range, savedText?: string) =>
      clusterConfService.codeActions(tester.parse(text), range, [], { ...tester.context(), ...(savedText === undefined ? {} : { savedText }) }).filter((a) => a.title.startsWith('Set config_version'));

    it('is offered on the changed lines and on the <cluster> tag, and sets one more than the saved version', () => {
      const changed = lineOf(edited, 'votes="2"');
      const [action] = actionsAt(edited, at(changed), saved);
      assert.equal(action.title, 'Set config_version="2" (the saved file has 1)');
      assert.equal(action.kind, 'quickfix');
      assert.equal(applyEdits(edited, editsOf(action, tester.context().uri)), edited.replace('config_version="1"', 'config_version="2"'));
      assert.equal(actionsAt(edited, at(lineOf(edited, '<cluster '), 3), saved).length, 1);
      assert.deepEqual(actionsAt(edited, at(lineOf(edited, '<fencedevices>')), saved), []);
    });

    it('is not offered when the version already grew, with no saved file, or with nothing changed', () => {
      const changed = lineOf(edited, 'votes="2"');
      assert.deepEqual(actionsAt(edited.replace('config_version="1"', 'config_version="2"'), at(changed), saved), []);
      assert.deepEqual(actionsAt(edited, at(changed)), []);
      assert.deepEqual(actionsAt(saved, at(lineOf(saved, '<cluster '), 3)), []);
    });

    it('goes over the saved version when the editor has a lower one', () => {
      const lowered = edited.replace('config_version="1"', 'config_version="0"');
      const [action] = actionsAt(lowered, at(lineOf(lowered, 'votes="2"')), saved.replace('config_version="1"', 'config_version="41"'));
      assert.equal(action.title, 'Set config_version="42" (the saved file has 41)');
      assert.equal(applyEdits(lowered, editsOf(action, tester.context().uri)), edited.replace('config_version="1"', 'config_version="42"'));
    });
  });
});
