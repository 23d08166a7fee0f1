/** Completion, hover, quick fixes, outline and facts on the pure service. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { clusterConfService as service } from '../../../server/src/languages/cluster-conf';
import { applyEdits } from '../../helpers/lspClient';
import { readFixture, REPO_ROOT } from '../../helpers/fixtures';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ctx, positionOf } from './helpers';

const EXAMPLE = readFileSync(join(REPO_ROOT, 'examples/etc/cluster/cluster.conf'), 'utf8');

function completeAt(text: string, needle: string, delta = needle.length): CompletionItem[] {
  return service.complete(service.parse(text, ctx), positionOf(text, needle, delta), ctx);
}

function hoverText(text: string, needle: string, delta = 1): string {
  const hover = service.hover(service.parse(text, ctx), positionOf(text, needle, delta), ctx);
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

/** Applies the quick fix titled `title` for the diagnostics of `text`. */
function fixed(text: string, title: string): string {
  const doc = service.parse(text, ctx);
  const diagnostics = service.validate(doc, ctx);
  const actions = service.codeActions(doc, diagnostics[0].range, diagnostics, ctx);
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no action '${title}' among ${actions.map((a) => a.title).join(' | ')}`);
  return applyEdits(text, action.edit!.changes![ctx.uri] as TextEdit[]);
}

describe('cluster-conf completion', () => {
  it('offers the fence devices of the file in <device name="', () => {
    const text = EXAMPLE.replace('<device name="fence_an02"', '<device name=""');
    const items = completeAt(text, '<device name="');
    assert.deepEqual(items.map((i) => `${i.label} (${i.detail})`), ['fence_an01 (fence_ipmilan)', 'fence_an02 (fence_ipmilan)']);
  });

  it('offers every fence agent in agent="', () => {
    const labels = completeAt(EXAMPLE, 'agent="').map((i) => i.label);
    assert.ok(labels.includes('fence_ipmilan') && labels.includes('fence_apc') && labels.includes('fence_na') && labels.includes('fence_manual'));
    assert.equal(labels.length, 100);
  });

  it('offers the nodes in a failover domain and enum values', () => {
    const text = EXAMPLE.replace('<failoverdomainnode name="an-node02.alteeve.com" priority="2"/>', '<failoverdomainnode name="" priority="2"/>');
    assert.deepEqual(completeAt(text, '<failoverdomainnode name="').map((i) => i.label), ['an-node01.alteeve.com', 'an-node02.alteeve.com']);
    const withTransport = EXAMPLE.replace('expected_votes="1"/>', 'expected_votes="1" transport=""/>');
    assert.deepEqual(completeAt(withTransport, 'transport="').map((i) => i.label), ['udp', 'udpb', 'udpu', 'rdma']);
  });

  it("offers the agent's parameters first on a <fencedevice>, required ones on top", () => {
    const text = EXAMPLE.replace('agent="fence_ipmilan" ipaddr="10.20.1.2"', 'agent="fence_apc"  ipaddr="10.20.1.2"');
    const items = completeAt(text, 'agent="fence_apc" ', 'agent="fence_apc" '.length).sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(items.slice(0, 2).map((i) => `${i.label}: ${i.detail}`), ['action: fence_apc parameter (required)', 'port: fence_apc parameter (required)']);
    assert.ok(!items.some((i) => i.label === 'plug' || i.label === 'ip'), 'names newer than the RHCS 3 schema are not offered');
    assert.equal((items.find((i) => i.label === 'port')!.textEdit as TextEdit).newText, 'port="$1"');
    assert.ok(!items.some((i) => i.label === 'ipaddr'), 'attributes already present are not offered');
  });

  it('offers the parameters of the fence device a <device> uses', () => {
    const items = completeAt(EXAMPLE, '<device name="fence_an01" ');
    assert.equal(items.find((i) => i.label === 'lanplus')?.detail, 'fence_ipmilan parameter');
    assert.ok(!items.some((i) => i.label === 'name'));
  });

  it('offers the child elements allowed at the cursor, with their required attributes', () => {
    const text = EXAMPLE.replace('    </clusternodes>', '        <\n    </clusternodes>');
    const items = completeAt(text, '        <\n', '        <'.length);
    assert.deepEqual(items.map((i) => i.label), ['clusternode']);
    assert.equal((items[0].textEdit as TextEdit).newText, 'clusternode name="$1" nodeid="$2">\n\t$0\n</clusternode>');
  });

  it('still completes in a half-typed document', () => {
    const text = '<?xml version="1.0"?>\n<cluster name="c" config_version="1">\n  <cman two_node="1" ';
    const labels = completeAt(text, 'two_node="1" ').map((i) => i.label);
    assert.ok(labels.includes('expected_votes') && !labels.includes('two_node'));
  });
});

describe('cluster-conf hover', () => {
  it('documents elements and attributes with the schema facts', () => {
    assert.match(hoverText(EXAMPLE, '<cman', 2), /^\*\*<cman>\*\*\n\nCluster manager settings/);
    assert.equal(
      hoverText(EXAMPLE, 'nodeid="1"'),
      '**nodeid** on <clusternode>\n\nUnique positive integer identifying the node. Never reuse or renumber it while the cluster runs.\n\nrequired · type positiveInteger',
    );
  });

  it('shows the fence device a <device name=…> points to', () => {
    assert.equal(
      hoverText(EXAMPLE, '<device name="fence_an02"', '<device name="f'.length),
      'Fence device defined on line 23:\n\n```xml\n<fencedevice name="fence_an02" agent="fence_ipmilan" ipaddr="10.20.1.2" login="admin" passwd_script="/usr/local/sbin/ipmi-password" lanplus="1"/>\n```',
    );
  });

  it('describes the agent and its fence parameters', () => {
    assert.match(hoverText(EXAMPLE, 'agent="fence_ipmilan"', 'agent="f'.length), /^\*\*fence_ipmilan\*\*\n\nIPMI baseboard management controller/);
    assert.match(hoverText(EXAMPLE, 'lanplus'), /^\*\*lanplus\*\* on <fencedevice> \(fence_ipmilan parameter\)\n\n1 to use IPMI v2.0/);
  });
});

describe('cluster-conf quick fixes', () => {
  it('creates the missing <fencedevice> for a dangling <device>', () => {
    const text = readFixture('cluster-conf', 'broken', 'dangling-device.conf');
    const after = fixed(text, 'Create <fencedevice name="fence_an03"> in <fencedevices>');
    assert.equal(after, text.replace('    </fencedevices>', '        <fencedevice name="fence_an03" agent="fence_ipmilan" ipaddr="" login="" passwd_script=""/>\n    </fencedevices>'));
  });

  it('offers the did-you-mean names, renaming both tags of an element', () => {
    const dangling = readFixture('cluster-conf', 'broken', 'dangling-device.conf');
    assert.equal(fixed(dangling, "Change to 'fence_an02'"), EXAMPLE);
    const typo = readFixture('cluster-conf', 'broken', 'element-typo.conf');
    assert.equal(fixed(typo, "Change to 'fencedevice'"), EXAMPLE);
    assert.equal(fixed(readFixture('cluster-conf', 'broken', 'attribute-typo.conf'), "Change to 'nodeid'"), EXAMPLE);
  });

  it('adds expected_votes="1" for two_node', () => {
    assert.equal(fixed(readFixture('cluster-conf', 'broken', 'two-node-without-expected-votes.conf'), 'Add expected_votes="1"'), EXAMPLE);
  });

  it('adds a fence method skeleton to a node without one, using the unused fence device', () => {
    const text = readFixture('cluster-conf', 'broken', 'node-without-fence.conf');
    assert.equal(
      fixed(text, "Add a fence method to node 'an-node02.alteeve.com'"),
      text.replace(
        '<clusternode name="an-node02.alteeve.com" nodeid="2"/>',
        '<clusternode name="an-node02.alteeve.com" nodeid="2">\n            <fence>\n                <method name="1">\n                    <device name="fence_an02"/>\n                </method>\n            </fence>\n        </clusternode>',
      ),
    );
  });
});

describe('cluster-conf outline and facts', () => {
  const doc = service.parse(EXAMPLE, ctx);

  it('lists nodes, fence devices and vms by name', () => {
    const [cluster] = service.symbols(doc, ctx);
    assert.equal(cluster.name, 'an-cluster01');
    const names = (parent: string) => cluster.children!.find((s) => s.name === parent)!.children!.map((s) => `${s.name} (${s.detail})`);
    assert.deepEqual(names('clusternodes'), ['an-node01.alteeve.com (clusternode)', 'an-node02.alteeve.com (clusternode)']);
    assert.deepEqual(names('fencedevices'), ['fence_an01 (fencedevice (fence_ipmilan))', 'fence_an02 (fencedevice (fence_ipmilan))']);
    assert.deepEqual(names('rm').slice(1), ['vm01-web (vm)', 'vm02-db (vm)']);
  });

  it('folds multi-line elements', () => {
    assert.deepEqual(service.folding(doc, ctx)[0], { startLine: 2, endLine: 39 });
  });

  it('reports the cluster facts with their ranges', () => {
    const cluster = service.facts(doc, ctx).cluster!;
    assert.equal(cluster.clusterName?.value, 'an-cluster01');
    assert.deepEqual(cluster.nodes.map((n) => n.value), ['an-node01.alteeve.com', 'an-node02.alteeve.com']);
    assert.deepEqual(cluster.fenceDevices.map((n) => n.value), ['fence_an01', 'fence_an02']);
    assert.deepEqual(cluster.fenceDeviceRefs.map((n) => n.value), ['fence_an01', 'fence_an02']);
    assert.deepEqual(cluster.vms.map((v) => `${v.value} ${v.migratable}`), ['vm01-web true', 'vm02-db true']);
    assert.deepEqual(cluster.vms[0].range, { start: { line: 37, character: 18 }, end: { line: 37, character: 26 } });
  });
});
