/**
 * Membership and quorum: node identities, cman's two-node mode, whether the
 * votes can ever add up to quorum, the configuration version, and the node
 * and domain names rgmanager refers to.
 */
import { Severity } from '../../common/diagnostics';
import type { Reporter } from '../../common/report';
import { Code } from './codes';
import { changeTo, setExpectedVotes } from './fixes';
import type { ClusterModel } from './model';
import { attribute, attributeValue, ClusterDoc, XmlAttribute } from './parse';
import { atValue } from './positions';
import { suggest } from './suggestions';

/** A positive decimal integer, or undefined. */
function positiveInteger(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\+?\d+\s*$/.test(value)) return undefined;
  const n = parseInt(value, 10);
  return n > 0 ? n : undefined;
}

export function validateMembership(doc: ClusterDoc, model: ClusterModel, report: Reporter): void {
  // Node identities.
  const firstById = new Map<string, XmlAttribute>();
  const firstByName = new Map<string, XmlAttribute>();
  for (const node of model.nodes) {
    const id = attribute(node, 'nodeid');
    if (id) {
      const key = String(positiveInteger(id.value) ?? id.value.trim());
      const first = firstById.get(key);
      if (first) atValue(report, id, Severity.Error, Code.duplicateNodeId, `nodeid ${id.value} is already used by the node on line ${report.lineOf(first.nameStart)}; every node needs its own nodeid.`);
      else firstById.set(key, id);
    }
    const name = attribute(node, 'name');
    if (name) {
      const first = firstByName.get(name.value);
      if (first) atValue(report, name, Severity.Error, Code.duplicateNodeName, `Node name '${name.value}' is already used on line ${report.lineOf(first.nameStart)}; each <clusternode> must have its own name.`);
      else firstByName.set(name.value, name);
    }
  }

  // cman quorum.
  const cman = model.cman;
  const twoNode = cman && attribute(cman, 'two_node');
  const expectedAttr = cman && attribute(cman, 'expected_votes');
  const expected = positiveInteger(expectedAttr?.value);
  const isTwoNode = twoNode?.value.trim() === '1';
  if (cman && twoNode && isTwoNode) {
    if (expected !== 1) {
      atValue(report, twoNode, Severity.Error, Code.twoNodeExpectedVotes, expectedAttr
        ? `two_node="1" needs expected_votes="1", not "${expectedAttr.value}": cman refuses to start otherwise.`
        : `two_node="1" needs expected_votes="1" on the same <cman> element: cman refuses to start otherwise.`, setExpectedVotes(doc, cman, twoNode));
    }
    if (model.nodes.length !== 2) {
      atValue(report, twoNode, Severity.Error, Code.twoNodeNodeCount, `two_node="1" is only for clusters of exactly two nodes, but <clusternodes> lists ${model.nodes.length}; remove two_node (and expected_votes="1") for this cluster.`);
    }
  } else if (model.nodes.length > 0) {
    const nodeVotes = model.nodes.reduce((sum, n) => sum + (positiveInteger(attributeValue(n, 'votes')) ?? 1), 0);
    const diskVotes = model.quorumd ? positiveInteger(attributeValue(model.quorumd, 'votes')) ?? 0 : 0;
    const total = nodeVotes + diskVotes;
    const quorum = Math.floor((expected ?? total) / 2) + 1;
    if (expectedAttr && expected !== undefined && total < quorum) {
      atValue(report, expectedAttr, Severity.Error, Code.quorumUnreachable, `With expected_votes="${expected}" quorum is ${quorum} votes, but all nodes${diskVotes ? ' and the quorum disk' : ''} together have only ${total}: the cluster can never become quorate. Lower expected_votes to ${total} or less.`);
    }
  }

  // config_version: cluster.rng takes any text, cman wants a positive integer that grows.
  const version = model.cluster && attribute(model.cluster, 'config_version');
  if (version && positiveInteger(version.value) === undefined) {
    atValue(report, version, Severity.Error, Code.configVersion, `config_version must be a positive integer (1, 2, …), not "${version.value}"; raise it with every change you push to the nodes, or they keep the old configuration.`);
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
