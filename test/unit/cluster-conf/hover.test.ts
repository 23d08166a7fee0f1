import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverText } from '../../helpers/languageTester';
import { EXAMPLE, tester } from './helpers';

describe('cluster-conf hover', () => {
  it('documents elements and attributes with the schema facts', () => {
    assert.match(hoverText(tester.hover(EXAMPLE.replace('<cman', '<c|man'))), /^\*\*`<cman>`\*\*\n\nCluster manager settings/);
    assert.equal(
      hoverText(tester.hover(EXAMPLE.replace('nodeid="1"', 'n|odeid="1"'))),
      '**`nodeid`** on `<clusternode>`\n\nUnique positive integer identifying the node. Never reuse or renumber it while the cluster runs.\n\nrequired · type positiveInteger\n\nManual: [cluster.conf schema (RHCS)](https://www.sourceware.org/cluster/doc/cluster_schema.html)',
    );
  });

  it('keeps element names, which raw Markdown would drop as HTML', () => {
    assert.equal(
      hoverText(tester.hover(EXAMPLE.replace('<clusternode ', '<cluster|node '))),
      '**`<clusternode>`**\n\nOne cluster member: its host name as the cluster network resolves it, a unique nodeid, and how to fence it.\n\nRequired attributes: `name`, `nodeid`.\n\nMay contain: `<altname>`, `<fence>`, `<unfence>`.\n\nManual: [cluster.conf schema (RHCS)](https://www.sourceware.org/cluster/doc/cluster_schema.html)',
    );
    assert.match(hoverText(tester.hover(EXAMPLE.replace('<fencedevice name=', '<fencedevice na|me='))), /^\*\*`name`\*\* on `<fencedevice>`\n\nName that nodes' `<device name="…">` refer to; unique in the file\./);
  });

  it('shows the fence device a <device name=…> points to', () => {
    assert.equal(
      hoverText(tester.hover(EXAMPLE.replace('<device name="fence_an02"', '<device name="f|ence_an02"'))),
      'Fence device defined on line 23:\n\n```xml\n<fencedevice name="fence_an02" agent="fence_ipmilan" ipaddr="10.20.1.2" login="admin" passwd_script="/usr/local/sbin/ipmi-password" lanplus="1"/>\n```',
    );
  });

  it('describes the agent and its fence parameters', () => {
    assert.match(hoverText(tester.hover(EXAMPLE.replace('agent="fence_ipmilan"', 'agent="f|ence_ipmilan"'))), /^\*\*`fence_ipmilan`\*\*\n\nIPMI baseboard management controller[^]*\n\nManual: \[fence\\_ipmilan\(8\)\]\(https:\/\/manpages\.debian\.org\/unstable\/fence-agents\/fence_ipmilan\.8\.en\.html\)$/);
    assert.match(hoverText(tester.hover(EXAMPLE.replace('lanplus', 'l|anplus'))), /^\*\*`lanplus`\*\* on `<fencedevice>` \(`fence_ipmilan` parameter\)\n\n1 to use IPMI v2.0/);
    assert.match(hoverText(tester.hover(EXAMPLE.replace('lanplus="1"', 'lanplus="|1"'))), /^`1` \(lanplus\): Use IPMI 2\.0 \(RMCP\+\), needed by most current BMCs\.\n\n---\n\n\*\*`lanplus`\*\*/);
  });

  it("tells the cman-era name of a fence parameter from its fence-agents 4.1 name", () => {
    assert.match(hoverText(tester.hover(EXAMPLE.replace('ipaddr="10.20.1.1"', 'ip|addr="10.20.1.1"'))), /renamed `ip` in fence-agents 4\.1, which still reads this name/);
    assert.match(hoverText(tester.hover(EXAMPLE.replace('ipaddr="10.20.1.1"', 'i|p="10.20.1.1"'))), /the fence-agents 4\.1\+ name of `ipaddr` \(cman-era agents read only `ipaddr`\)/);
    assert.match(hoverText(tester.hover(EXAMPLE.replace('ipaddr="10.20.1.1"', 'ipaddr="10.20.1.1" pri|vlvl="user"'))), /^\*\*`privlvl`\*\* on `<fencedevice>` \(`fence_ipmilan` parameter\)[^]*one of `callback`, `user`, `operator`, `administrator` · default `administrator`/);
  });

  it('lists the required parameters of an agent under their cman-era names', () => {
    const text = EXAMPLE.replace('agent="fence_ipmilan" ipaddr="10.20.1.2"', 'agent="fence_apc" ipaddr="10.20.1.2"');
    assert.match(hoverText(tester.hover(text.replace('agent="fence_apc"', 'agent="fence_a|pc"'))), /\n\nRequired parameters: `action`, `ipaddr`, `login`, `port`\.\n\n/);
  });
});
