/**
 * Membership and quorum against what cman does with them (cman/daemon/cmanconfig.c
 * and commands.c of the cluster 3 sources): what it refuses to start with is an
 * error, what it starts with but will hurt is a warning. The files are
 * test/fixtures/cluster-conf/accepted/*.conf (xmllint accepts them; cman starts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../../helpers/fixtures';
import { problem, summary } from '../../helpers/languageTester';
import { tester } from './helpers';

const accepted = (name: string) => readFixture('cluster-conf', 'accepted', `${name}.conf`);

describe('cluster-conf node identities', () => {
  it('warns about two nodes with one nodeid: cman starts, corosync cannot keep both', () => {
    const found = tester.diagnostics(accepted('same-nodeid'));
    assert.deepEqual(found.map(problem), [
      '12:41-42 warning cluster-conf/duplicate-nodeid nodeid 1 is already used by the node on line 5; every node needs its own nodeid. cman starts, but it merges the two into one node and corosync tells members apart by nodeid, so both cannot be in the cluster at once.',
    ]);
  });
});

describe('cluster-conf two-node mode', () => {
  it('only informs about two_node with an expected_votes other than 1: cman starts and keeps quorum at one vote', () => {
    const text = accepted('two-node-expected-votes');
    const found = tester.diagnostics(text).filter((d) => d.code === 'cluster-conf/two-node-expected-votes');
    assert.deepEqual(found.map(problem), [
      '7:19-20 info cluster-conf/two-node-expected-votes cman(5) asks for expected_votes="1" next to two_node="1". With expected_votes="2" cman starts all the same: two_node holds quorum at one vote while no more than two nodes are up.',
    ]);
    assert.ok(!tester.diagnostics(text).some((d) => d.severity === 1));
    assert.equal(tester.fix(text, found[0].range, 'Set expected_votes="1"'), text.replace('expected_votes="2"', 'expected_votes="1"'));
  });

  it('refuses two_node when the two nodes do not have one vote each, as cman does', () => {
    const text = accepted('two-node-expected-votes').replace('<clusternode name="right" nodeid="2"/>', '<clusternode name="right" nodeid="2" votes="2"/>');
    assert.deepEqual(tester.diagnostics(text).filter((d) => d.severity === 1).map(problem), [
      '7:19-20 error cluster-conf/two-node-node-count two_node="1" needs both nodes to have one vote, but together they have 3: cman refuses to start. Remove the votes attributes of the two <clusternode>s.',
    ]);
  });
});

describe('cluster-conf quorum of two nodes', () => {
  const duo = accepted('two-nodes-without-two-node');

  it('warns that one dead node stops every service, and adds <cman two_node="1" expected_votes="1"/>', () => {
    const found = tester.diagnostics(duo);
    assert.deepEqual(found.map(problem), [
      `3:4-16 warning cluster-conf/two-node-quorum-loss Two nodes, without two_node="1" in <cman> and without a quorum disk: quorum needs both nodes' votes, so when one node dies the other loses quorum and stops every service (rgmanager, GFS2, DLM) until it comes back. Add <cman two_node="1" expected_votes="1"/>, or a <quorumd>.`,
    ]);
    const fixed = tester.fix(duo, found[0].range, 'Add <cman two_node="1" expected_votes="1"/>');
    assert.equal(fixed, duo.replace('  <clusternodes>', '  <cman two_node="1" expected_votes="1"/>\n  <clusternodes>'));
    assert.deepEqual(tester.check(fixed), []);
  });

  it('sets the attributes on the <cman> there is, even expected_votes="1" alone does not keep quorum', () => {
    for (const cman of ['<cman/>', '<cman expected_votes="1"/>', '<cman two_node="0" expected_votes="2" transport="udpu"/>']) {
      const text = duo.replace('  <clusternodes>', `  ${cman}\n  <clusternodes>`);
      const [found] = tester.diagnostics(text);
      assert.equal(summary(found), '3:4-8 warning cluster-conf/two-node-quorum-loss', cman);
      const fixed = tester.fix(text, found.range, 'Set two_node="1" expected_votes="1" on <cman>');
      assert.deepEqual(tester.check(fixed), [], fixed);
      assert.match(fixed, /<cman [^>]*two_node="1"/);
    }
  });

  it('is silent with a quorum disk, and offers no fix that cman would refuse (a node with two votes)', () => {
    assert.deepEqual(tester.check(duo.replace('  <clusternodes>', '  <quorumd label="qdisk" votes="1"/>\n  <clusternodes>')), []);
    const weighted = duo.replace('<clusternode name="duo1" nodeid="1">', '<clusternode name="duo1" nodeid="1" votes="2">');
    const [found] = tester.diagnostics(weighted);
    assert.equal(summary(found), '3:4-16 warning cluster-conf/two-node-quorum-loss');
    assert.deepEqual(tester.actions(weighted, found.range), []);
  });
});
