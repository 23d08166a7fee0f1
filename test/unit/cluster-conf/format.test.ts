import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tester } from './helpers';

describe('cluster-conf formatting', () => {
  it('puts one element per line, indented by nesting, and keeps comments and attributes exactly', () => {
    const text = [
      '<?xml version="1.0"?><cluster name="an-cluster01"   config_version="3" >',
      '<!-- two nodes, IPMI fencing -->',
      '<cman two_node="1" expected_votes="1"/><clusternodes><clusternode name="an-node01" nodeid="1">',
      '<fence><method name="ipmi"><device name="fence_an01" action="reboot"/></method></fence></clusternode>',
      '</clusternodes>',
      '  <fencedevices><fencedevice name="fence_an01" agent="fence_ipmilan" passwd=\'a  "b"\'/> <!-- stays here -->',
      '</fencedevices><rm></rm>',
      '</cluster>',
      '',
    ].join('\n');
    assert.equal(
      tester.format(text, { tabSize: 2 }).text,
      [
        '<?xml version="1.0"?>',
        '<cluster name="an-cluster01" config_version="3">',
        '  <!-- two nodes, IPMI fencing -->',
        '  <cman two_node="1" expected_votes="1"/>',
        '  <clusternodes>',
        '    <clusternode name="an-node01" nodeid="1">',
        '      <fence>',
        '        <method name="ipmi">',
        '          <device name="fence_an01" action="reboot"/>',
        '        </method>',
        '      </fence>',
        '    </clusternode>',
        '  </clusternodes>',
        '  <fencedevices>',
        '    <fencedevice name="fence_an01" agent="fence_ipmilan" passwd=\'a  "b"\'/> <!-- stays here -->',
        '  </fencedevices>',
        '  <rm></rm>',
        '</cluster>',
        '',
      ].join('\n'),
    );
  });

  it('indents attributes continued on the next line one level deeper than their tag', () => {
    const text = '<cluster name="c" config_version="1">\n<fencedevices>\n<fencedevice name="f1"\nagent="fence_apc"\n      ipaddr="10.0.0.9" />\n</fencedevices>\n</cluster>\n';
    assert.equal(
      tester.format(text, { insertSpaces: false }).text,
      '<cluster name="c" config_version="1">\n\t<fencedevices>\n\t\t<fencedevice name="f1"\n\t\t\tagent="fence_apc"\n\t\t\tipaddr="10.0.0.9"/>\n\t</fencedevices>\n</cluster>\n',
    );
  });

  it('keeps the inside of an element with text as written, and a comment that spans lines', () => {
    const text = '<cluster name="c" config_version="1">\n<!-- one\n     two -->\n<x>  some <b>bold</b>\n text </x>\n</cluster>\n';
    assert.equal(tester.format(text).text, '<cluster name="c" config_version="1">\n    <!-- one\n     two -->\n    <x>  some <b>bold</b>\n text </x>\n</cluster>\n');
  });

  it('gives the example workspace\'s cluster.conf no edit with 4 spaces, and re-indents it with 2', () => {
    const text = '<cluster name="c" config_version="1">\n    <cman two_node="1" expected_votes="1"/>\n    <rm>\n        <vm name="vm01-web"/>\n    </rm>\n</cluster>\n';
    assert.deepEqual(tester.format(text).edits, []);
    assert.deepEqual(tester.format(text, { tabSize: 2 }).edits.map((e) => [e.range.start.line, e.newText]), [[1, ''], [2, ''], [3, ''], [4, '']]);
  });

  it('leaves a file that is not well-formed alone', () => {
    assert.deepEqual(tester.format('<cluster name="c" config_version="1">\n<cman>\n</cluster>\n').edits, []);
  });
});
