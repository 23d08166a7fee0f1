import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItem, CompletionItemKind, TextEdit } from 'vscode-languageserver-types';
import { EXAMPLE, tester } from './helpers';

describe('cluster-conf completion', () => {
  it('offers the fence devices of the file in <device name="', () => {
    const text = EXAMPLE.replace('<device name="fence_an02"', '<device name=""');
    const items = tester.complete(text.replace('<device name="', '<device name="|'));
    assert.deepEqual(items.map((i) => `${i.label} (${i.detail})`), ['fence_an01 (fence_ipmilan)', 'fence_an02 (fence_ipmilan)']);
  });

  it('offers every fence agent in agent="', () => {
    const labels = tester.complete(EXAMPLE.replace('agent="', 'agent="|')).map((i) => i.label);
    assert.ok(labels.includes('fence_ipmilan') && labels.includes('fence_apc') && labels.includes('fence_na') && labels.includes('fence_manual'));
    assert.equal(labels.length, 100);
  });

  it('offers the nodes in a failover domain and enum values', () => {
    const text = EXAMPLE.replace('<failoverdomainnode name="an-node02.alteeve.com" priority="2"/>', '<failoverdomainnode name="" priority="2"/>');
    assert.deepEqual(tester.complete(text.replace('<failoverdomainnode name="', '<failoverdomainnode name="|')).map((i) => i.label), ['an-node01.alteeve.com', 'an-node02.alteeve.com']);
    const withTransport = EXAMPLE.replace('expected_votes="1"/>', 'expected_votes="1" transport="|"/>');
    assert.deepEqual(tester.complete(withTransport).map((i) => i.label), ['udp', 'udpb', 'udpu', 'rdma']);
  });

  it("offers the agent's parameters first on a <fencedevice>, required ones on top", () => {
    const text = EXAMPLE.replace('agent="fence_ipmilan" ipaddr="10.20.1.2"', 'agent="fence_apc" | ipaddr="10.20.1.2"');
    const items = tester.complete(text).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(items.slice(0, 2).map((i) => `${i.label}: ${i.detail}`), ['action: fence_apc parameter (required)', 'port: fence_apc parameter (required)']);
    // The fence-agents 4.1 names (plug for port, ip for ipaddr) are offered too, but last: cman-era agents do not read them.
    const last = items.slice(-8).map((i) => `${i.label}: ${i.detail}`);
    assert.ok(last.includes('plug: fence_apc parameter: the fence-agents 4.1+ name of port') && last.includes('ip: fence_apc parameter: the fence-agents 4.1+ name of ipaddr'), last.join('\n'));
    assert.equal((items.find((i) => i.label === 'port')!.textEdit as TextEdit).newText, 'port="$1"');
    assert.ok(!items.some((i) => i.label === 'ipaddr'), 'attributes already present are not offered');
  });

  it("offers every parameter of the agent, required first, the fence-agents 4.1 names and deprecated ones last", () => {
    const text = '<cluster name="c" config_version="1">\n<fencedevices>\n<fencedevice name="bmc" agent="fence_ipmilan" |/>\n</fencedevices>\n</cluster>\n';
    const items = tester.complete(text).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    // All 41 parameters of fence_ipmilan's metadata (privlvl, cipher, method, hexadecimal_kg among them), not the 14 the 2011 schema had.
    assert.equal(items.length, 41);
    for (const name of ['privlvl', 'cipher', 'method', 'hexadecimal_kg', 'ipmitool_path']) assert.ok(items.some((i) => i.label === name), name);
    assert.equal(`${items[0].label}: ${items[0].detail}`, 'action: fence_ipmilan parameter (required)');
    const ranks = items.map((i) => i.label);
    assert.ok(ranks.indexOf('ipaddr') < ranks.indexOf('ip') && ranks.indexOf('login') < ranks.indexOf('username') && ranks.indexOf('passwd') < ranks.indexOf('password'), ranks.join(' '));
    assert.deepEqual(items.slice(-7).map((i) => `${i.label}: ${i.detail}`), [
      'debug_file: fence_ipmilan parameter: the fence-agents 4.1+ name of debug',
      'ip: fence_ipmilan parameter: the fence-agents 4.1+ name of ipaddr',
      'password: fence_ipmilan parameter: the fence-agents 4.1+ name of passwd',
      'password_script: fence_ipmilan parameter: the fence-agents 4.1+ name of passwd_script',
      'plug: fence_ipmilan parameter: the fence-agents 4.1+ name of port',
      'use_sudo: fence_ipmilan parameter: the fence-agents 4.1+ name of sudo',
      'username: fence_ipmilan parameter: the fence-agents 4.1+ name of login',
    ]);
    assert.deepEqual(tester.complete(text.replace('|/>', 'privlvl="|"/>')).map((i) => i.label), ['callback', 'user', 'operator', 'administrator']);
    assert.deepEqual(tester.complete(text.replace('|/>', 'lanplus="|"/>')).map((i) => i.label), ['1', '0']);
  });

  it('offers the parameters of the fence device a <device> uses', () => {
    const items = tester.complete(EXAMPLE.replace('<device name="fence_an01" ', '<device name="fence_an01" |'));
    assert.equal(items.find((i) => i.label === 'lanplus')?.detail, 'fence_ipmilan parameter');
    assert.ok(!items.some((i) => i.label === 'name'));
  });

  it('offers the child elements allowed at the cursor, with their required attributes', () => {
    const items = tester.complete(EXAMPLE.replace('    </clusternodes>', '        <|\n    </clusternodes>'));
    assert.deepEqual(items.map((i) => i.label), ['clusternode']);
    assert.equal((items[0].textEdit as TextEdit).newText, 'clusternode name="$1" nodeid="${2:3}">\n\t$0\n</clusternode>', 'the next nodeid no node uses');
  });

  it('offers the next free nodeid, as a value and as the attribute\'s placeholder', () => {
    const text = '<cluster name="c" config_version="1">\n<clusternodes>\n<clusternode name="a" nodeid="1"/>\n<clusternode name="b" nodeid="3"/>\n<clusternode name="c" nodeid="|"/>\n</clusternodes>\n</cluster>\n';
    assert.deepEqual(tester.complete(text).map((i) => [i.label, i.detail]), [['2', 'the next nodeid no node uses']]);
    const attribute = tester.complete(text.replace('nodeid="|"', '|')).find((i) => i.label === 'nodeid');
    assert.equal((attribute?.textEdit as TextEdit).newText, 'nodeid="${1:2}"');
  });

  it('ranks required children first and a child that may not repeat last', () => {
    const ranked = (items: CompletionItem[]) => [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!)).map((i) => i.label);
    const labels = ranked(tester.complete('<cluster name="c" config_version="1">\n<cman/>\n|\n</cluster>\n'));
    assert.deepEqual(labels.slice(0, 4), ['clusternodes', 'fencedevices', 'rm', 'fence_daemon']);
    assert.ok(labels.indexOf('cman') > labels.indexOf('logging'), 'a second <cman> comes last');
  });

  it('offers the cluster template only in a file with no <cluster> yet', () => {
    const items = tester.complete('clu|');
    assert.deepEqual(items.map((i) => [i.label, i.kind]), [['cluster-two-node-ipmi', CompletionItemKind.Snippet], ['cluster', CompletionItemKind.Class]]);
    assert.deepEqual(tester.complete(EXAMPLE.replace('</cluster>', '|</cluster>')).filter((i) => i.kind === CompletionItemKind.Snippet), []);
  });

  it('documents attribute values in Markdown', () => {
    const items = tester.complete('<cluster name="c" config_version="1">\n<cman transport="|"/>\n</cluster>\n');
    assert.equal((items.find((i) => i.label === 'udpu')?.documentation as { value: string }).value, '`udpu` (transport): Unicast UDP to each node (RHEL 6.2 and later).');
  });

  it('still completes in a half-typed document', () => {
    const labels = tester.complete('<?xml version="1.0"?>\n<cluster name="c" config_version="1">\n  <cman two_node="1" |').map((i) => i.label);
    assert.ok(labels.includes('expected_votes') && !labels.includes('two_node'));
  });

  it('offers nothing inside a comment', () => {
    assert.deepEqual(tester.complete(EXAMPLE.replace('<!-- The two', '<!-- The |two')), []);
  });
});
