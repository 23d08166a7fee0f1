/**
 * Fence devices against their agent's own parameters (the metadata a node's
 * cluster.rng is generated from): names, types, choices, renamed names, and
 * which attributes belong on a node's <device> rather than the shared
 * <fencedevice>. The files are test/fixtures/cluster-conf/accepted/*.conf.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../../helpers/fixtures';
import { problem, summary } from '../../helpers/languageTester';
import { tester } from './helpers';

const AGENTS = readFixture('cluster-conf', 'accepted', 'agent-parameters.conf');
const LAB = readFixture('cluster-conf', 'accepted', 'lab-without-fencing.conf');

/** The problems of `text` with the given code. */
function problems(text: string, code: string): string[] {
  return tester.diagnostics(text).filter((d) => d.code === code).map(problem);
}

describe('cluster-conf fence agent parameters', () => {
  it("takes fence_ipmilan's privlvl, cipher, method and hexadecimal_kg, and other agents' parameters, on <fencedevice> and <device>", () => {
    assert.deepEqual(tester.check(AGENTS), []);
  });

  it('warns where a value does not fit the parameter: a choice, a number of seconds, an on/off flag', () => {
    const text = AGENTS.replace('privlvl="operator" cipher', 'privlvl="admin" cipher').replace('power_wait="4"', 'power_wait="4s"').replace('lanplus="yes"', 'lanplus="enabled"');
    assert.deepEqual(problems(text, 'cluster-conf/invalid-agent-value'), [
      "28:145-150 warning cluster-conf/invalid-agent-value 'admin' is not a value fence_ipmilan takes for privlvl: it takes one of 'callback', 'user', 'operator', 'administrator', and refuses to fence with anything else.",
      "28:197-199 warning cluster-conf/invalid-agent-value '4s' is not a value fence_ipmilan takes for power_wait: it takes a whole number of seconds, and refuses to fence with anything else.",
      "29:133-140 warning cluster-conf/invalid-agent-value 'enabled' is not a value fence_ipmilan takes for lanplus: it reads 1, yes, on or true (0, no, off or false to turn it off) and ignores anything else.",
    ]);
    assert.equal(tester.check(text).length, 3);
    // Choices match in any case, as the agents read them.
    assert.deepEqual(tester.check(AGENTS.replace('privlvl="operator" cipher', 'privlvl="OPERATOR" cipher')), []);
  });

  it('checks the parameters of a <device> against the agent of the fence device it names', () => {
    const text = AGENTS.replace('<device name="bmc-st2" privlvl="operator"/>', '<device name="bmc-st2" privlvl="root" ipport="ipmi"/>');
    assert.deepEqual(tester.check(text), ['19:43-47 warning cluster-conf/invalid-agent-value', '19:57-61 warning cluster-conf/invalid-agent-value']);
    // fence_apc's switch on a device of fence_ipmilan: the node's schema takes it (it is a parameter of some agent), the agent does not.
    assert.deepEqual(tester.check(AGENTS.replace('<device name="bmc-st2" privlvl="operator"/>', '<device name="bmc-st2" switch="2"/>')), ['19:34-40 warning cluster-conf/not-an-agent-parameter']);
  });

  it("warns, without an error, about another agent's parameter where the node's schema takes it", () => {
    // port and privlvl fit fence_ipmilan's group of the node's cluster.rng; fence_apc ignores privlvl.
    const text = AGENTS.replace('<device name="rack-pdu" port="3" switch="1"/>', '<device name="rack-pdu" port="3" privlvl="user"/>');
    assert.deepEqual(tester.check(text), ['12:44-51 warning cluster-conf/not-an-agent-parameter']);
    assert.deepEqual(problems(text, 'cluster-conf/not-an-agent-parameter'), ["12:44-51 warning cluster-conf/not-an-agent-parameter fence_apc has no parameter 'privlvl'; the agent ignores it or refuses to run"]);
    // Among fence_apc's parameters, no group of the schema has privlvl: that one xmllint refuses.
    assert.deepEqual(tester.check(AGENTS.replace('secure="1" power_timeout', 'privlvl="user" power_timeout')), ['30:118-125 error cluster-conf/attribute-combination', '30:118-125 warning cluster-conf/not-an-agent-parameter']);
  });

  it('tells the fence-agents 4.1 names from the ones cman-era agents read, with a fix back', () => {
    const text = AGENTS.replace('agent="fence_ipmilan" ipaddr="10.1.0.12" login="fence"', 'agent="fence_ipmilan" ip="10.1.0.12" username="fence"');
    assert.deepEqual(problems(text, 'cluster-conf/newer-agent-parameter'), [
      "29:55-57 info cluster-conf/newer-agent-parameter 'ip' is what fence-agents 4.1 and later call 'ipaddr'; the agents of the cman era (RHEL 6 ships fence-agents 3.1 and 4.0) do not read 'ip', so on those nodes write ipaddr=\"…\".",
      "29:70-78 info cluster-conf/newer-agent-parameter 'username' is what fence-agents 4.1 and later call 'login'; the agents of the cman era (RHEL 6 ships fence-agents 3.1 and 4.0) do not read 'username', so on those nodes write login=\"…\".",
    ]);
    const ip = tester.diagnostics(text).find((d) => d.code === 'cluster-conf/newer-agent-parameter')!;
    assert.equal(tester.fix(text, ip.range, "Change to 'ipaddr'"), AGENTS.replace('login="fence" passwd_script="/etc/cluster/bmc-pw" lanplus="yes"', 'username="fence" passwd_script="/etc/cluster/bmc-pw" lanplus="yes"'));
  });

  it("says option is the old name of action, and renames it", () => {
    const text = AGENTS.replace('<device name="bmc-st1" method="cycle"/>', '<device name="bmc-st1" option="off"/>');
    const [found] = tester.diagnostics(text);
    assert.equal(problem(found), "9:34-40 info cluster-conf/deprecated-agent-parameter 'option' is the old name of 'action': the fence agents of RHEL 6's first releases read it, those since 2012 (fence-agents 3.9 and 4) ignore it and do their default action; write action=\"off\".");
    assert.equal(tester.fix(text, found.range, "Change to 'action'"), text.replace('option="off"', 'action="off"'));
  });

  it("warns when nodes share a fence device whose only target is on the <fencedevice>", () => {
    // Both nodes fence through bmc-st1, and its ipaddr is st1's board: fencing st2 would power off st1.
    const text = AGENTS.replace('<device name="bmc-st2" privlvl="operator"/>', '<device name="bmc-st1"/>');
    assert.deepEqual(problems(text, 'cluster-conf/shared-fence-target'), [
      "28:55-61 warning cluster-conf/shared-fence-target Nodes 'st1' and 'st2' all fence through 'bmc-st1', and ipaddr=\"10.1.0.11\" here is the only target they give: fencing any of them acts on the machine at 10.1.0.11. Give each node its own ipaddr on its <device>, or its own <fencedevice>.",
    ]);
    // A PDU outlet on the shared <fencedevice>, and no outlet per node: the same outlet for both.
    const outlet = AGENTS.replace(/ port="[34]" switch="1"/g, '').replace('agent="fence_apc" ipaddr="10.1.0.5"', 'agent="fence_apc" port="3" ipaddr="10.1.0.5"');
    assert.deepEqual(tester.check(outlet).filter((s) => s.includes('shared-fence-target')), ['30:52-56 warning cluster-conf/shared-fence-target']);
    // Each node naming its own address on its <device> is fine.
    assert.deepEqual(tester.check(text.replace('<device name="bmc-st1"/>', '<device name="bmc-st1" ipaddr="10.1.0.12"/>')).filter((s) => s.includes('shared-fence-target')), []);
  });
});

describe('cluster-conf nodes without fencing', () => {
  it('warns (cman and xmllint accept it) and says what blocks', () => {
    const found = tester.diagnostics(LAB);
    assert.deepEqual(found.map(summary), ['6:6-17 warning cluster-conf/node-without-fencing', '7:6-17 warning cluster-conf/node-without-fencing']);
    assert.match(String(found[0].message), /^Node 'qa1\.lab\.example' has no fence method: cman starts, but .*DLM, GFS2 and rgmanager block until someone fences it by hand/);
  });

  it('offers no fix that would write a device naming nothing when there is no fence device', () => {
    const [found] = tester.diagnostics(LAB);
    assert.deepEqual(tester.actions(LAB, found.range), []);
  });

  it('offers one fix per fence device that can fence the node, the unused one first', () => {
    const text = AGENTS.replace(/<clusternode name="st2" nodeid="2">[^]*?<\/clusternode>/, '<clusternode name="st2" nodeid="2"/>')
      .replace('</fencedevices>', '  <fencedevice name="san" agent="fence_scsi" devices="/dev/mapper/san"/>\n    <fencedevice name="spare-pdu" agent="fence_apc" ipaddr="10.1.0.6" login="apc" passwd_script="/etc/cluster/pdu-pw"/>\n  </fencedevices>');
    const found = tester.diagnostics(text).find((d) => d.code === 'cluster-conf/node-without-fencing')!;
    // bmc-st1 is st1's own board and rack-pdu / spare-pdu need an outlet for st2: only the ones that fence st2 as they stand.
    const actions = tester.actions(text, found.range);
    assert.deepEqual(actions.map((a) => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`), ["Add a fence method with 'bmc-st2' to node 'st2' (preferred)", "Add a fence method with 'san' to node 'st2'"]);
    const fixed = tester.fix(text, found.range, "Add a fence method with 'bmc-st2' to node 'st2'");
    assert.match(fixed, /<clusternode name="st2" nodeid="2">\n      <fence>\n        <method name="1">\n          <device name="bmc-st2"\/>\n        <\/method>\n      <\/fence>\n    <\/clusternode>/);
    assert.deepEqual(tester.check(fixed).filter((s) => !s.includes(' info ')), []);
  });
});
