/**
 * Membership and quorum: node identities, cman's two-node mode, whether the
 * votes can ever add up to quorum, the configuration version, and the node
 * and domain names rgmanager refers to.
 */
import { Severity } from '../../common/diagnostics';
import type { Reporter } from '../../common/report';
import { Code } from './codes';
import { changeTo, enableTwoNodeMode, setExpectedVotes } from './fixes';
import { ClusterModel, positiveInteger } from './model';
import { attribute, attributeValue, ClusterDoc, XmlAttribute, XmlElement } from './parse';
import { atName, atValue } from './positions';
import { suggest } from './suggestions';

export function validateMembership(doc: ClusterDoc, model: ClusterModel, report: Reporter): void {
  // Node identities.
  const firstById = new Map<string, XmlAttribute>();
  const firstByName = new Map<string, XmlAttribute>();
  for (const node of model.nodes) {
    const id = attribute(node, 'nodeid');
    if (id) {
      const key = String(positiveInteger(id.value) ?? id.value.trim());
      const first = firstById.get(key);
      if (first) atValue(report, id, Severity.Warning, Code.duplicateNodeId, `nodeid ${id.value} is already used by the node on line ${report.lineOf(first.nameStart)}; every node needs its own nodeid. cman starts, but it merges the two into one node and corosync tells members apart by nodeid, so both cannot be in the cluster at once.`);
      else firstById.set(key, id);
    }
    const name = attribute(node, 'name');
    if (name) {
      const first = firstByName.get(name.value);
      if (first) atValue(report, name, Severity.Warning, Code.duplicateNodeName, `Node name '${name.value}' is already used on line ${report.lineOf(first.nameStart)}; each <clusternode> must have its own name. cman starts, but it finds a node by name and takes the first entry, while this one still counts toward the expected votes.`);
      else firstByName.set(name.value, name);
    }
  }

  // cman quorum (cmanconfig.c, commands.c).
  const cman = model.cman;
  const twoNode = cman && attribute(cman, 'two_node');
  const expectedAttr = cman && attribute(cman, 'expected_votes');
  const expected = positiveInteger(expectedAttr?.value);
  const isTwoNode = twoNode?.value.trim() === '1';
  const votesOf = (node: XmlElement) => positiveInteger(attributeValue(node, 'votes')) ?? 1;
  const nodeVotes = model.nodes.reduce((sum, n) => sum + votesOf(n), 0);
  if (cman && twoNode && isTwoNode) {
    if (expected !== 1) {
      const value = expectedAttr ? `expected_votes="${expectedAttr.value}"` : 'no expected_votes';
      atValue(report, twoNode, Severity.Information, Code.twoNodeExpectedVotes, `cman(5) asks for expected_votes="1" next to two_node="1". With ${value} cman starts all the same: two_node holds quorum at one vote while no more than two nodes are up.`, setExpectedVotes(doc, cman, twoNode));
    }
    if (model.nodes.length !== 2) {
      atValue(report, twoNode, Severity.Error, Code.twoNodeNodeCount, `two_node="1" is only for clusters of exactly two nodes, but <clusternodes> lists ${model.nodes.length}; remove two_node (and expected_votes="1") for this cluster.`);
    } else if (nodeVotes !== 2) {
      atValue(report, twoNode, Severity.Error, Code.twoNodeNodeCount, `two_node="1" needs both nodes to have one vote, but together they have ${nodeVotes}: cman refuses to start. Remove the votes attributes of the two <clusternode>s.`);
    }
  } else if (model.nodes.length > 0) {
    const diskVotes = model.quorumd ? positiveInteger(attributeValue(model.quorumd, 'votes')) ?? 0 : 0;
    const total = nodeVotes + diskVotes;
    const quorum = Math.floor((expected ?? total) / 2) + 1;
    if (expectedAttr && expected !== undefined && total < quorum) {
      atValue(report, expectedAttr, Severity.Error, Code.quorumUnreachable, `With expected_votes="${expected}" quorum is ${quorum} votes, but all nodes${diskVotes ? ' and the quorum disk' : ''} together have only ${total}: the cluster can never become quorate. Lower expected_votes to ${total} or less.`);
    } else if (model.nodes.length === 2 && !model.quorumd) {
      // Quorum never drops when a member dies (only when one leaves cleanly), so even expected_votes="1" does not help.
      const where = cman ?? model.cluster?.children.find((c) => c.name === 'clusternodes');
      const fix = model.nodes.every((n) => votesOf(n) === 1) ? enableTwoNodeMode(doc, model) : undefined;
      if (where) atName(report, where, Severity.Warning, Code.twoNodeQuorumLoss, `Two nodes, without two_node="1" in <cman> and without a quorum disk: quorum needs both nodes' votes, so when one node dies the other loses quorum and stops every service (rgmanager, GFS2, DLM) until it comes back. Add <cman two_node="1" expected_votes="1"/>, or a <quorumd>.`, fix);
    }
  }

  // config_version: cluster.rng takes any text; cman reads it with atoi and only takes a configuration whose version grows.
  const version = model.cluster && attribute(model.cluster, 'config_version');
  if (version && positiveInteger(version.value) === undefined) {
    atValue(report, version, Severity.Warning, Code.configVersion, `config_version must be a positive integer (1, 2, …), not "${version.value}"; raise it with every change you push to the nodes, or they keep the old configuration.`);
  }

  // Names rgmanager resolves.
  const nodeNames = new Set(model.nodes.map((n) => attributeValue(n, 'name')).filter((n): n is string => n !== undefined));
  for (const domain of model.failoverDomains) {
    for (const member of domain.children.filter((c) => c.name === 'failoverdomainnode')) {
      const name = attribute(member, 'name');
      if (name && model.nodes.length > 0 && !nodeNames.has(name.value)) {
        const { suggestions, suffix } = suggest(name.value, nodeNames);
        atValue(report, name, Severity.Warning, Code.unknownNode, `'${name.value}' is not a <clusternode> of this cluster${suffix}`, changeTo(doc, suggestions));
      }
    }
  }
  const domainNames = new Set(model.failoverDomains.map((d) => attributeValue(d, 'name')).filter((n): n is string => n !== undefined));
  for (const group of [...model.services, ...model.vms]) {
    const domain = attribute(group, 'domain');
    if (domain && !domainNames.has(domain.value)) {
      const { suggestions, suffix } = suggest(domain.value, domainNames);
      atValue(report, domain, Severity.Warning, Code.unknownFailoverDomain, `No <failoverdomain name="${domain.value}"> is defined in <rm><failoverdomains>${suffix}`, changeTo(doc, suggestions));
    }
  }
}
