import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { didYouMean } from '../../common/didYouMean';
import { crossFileDiagnostic, related } from '../../workspace/crossFile';
import type { DrbdResourceFact } from '../../workspace/facts';
import type { CrossFileContext, CrossFileRule } from '../types';

function drbdChecks(resource: DrbdResourceFact, { model, at }: CrossFileContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!model.hasCluster) return out;
  const nodes = [...model.clusterNodes.keys()];
  for (const host of resource.hosts) {
    if (model.clusterNodes.has(host.value)) continue;
    const node = closestNode(host.value, nodes);
    const placedNode = node ? model.clusterNodes.get(node)![0] : undefined;
    const suffix = placedNode ? ` The cluster has '${node}' (${at(placedNode)}); DRBD compares the name with \`uname -n\`, which must be the same name the cluster uses.` : ' DRBD compares the name with `uname -n` on each node, which must match a clusternode name.';
    out.push(crossFileDiagnostic(host.range, DiagnosticSeverity.Warning, 'workspace/drbd-host-not-cluster-node', `DRBD host '${host.value}' in resource '${resource.name.value}' is not a node of the cluster.${suffix}`, placedNode ? [related(placedNode, `cluster node '${node}'`)] : []));
  }
  const hosts = new Set(resource.hosts.map((h) => h.value));
  if (resource.hosts.some((h) => model.clusterNodes.has(h.value))) {
    for (const [node, places] of model.clusterNodes) {
      if (hosts.has(node)) continue;
      out.push(crossFileDiagnostic(resource.name.range, DiagnosticSeverity.Warning, 'workspace/node-missing-in-drbd', `Resource '${resource.name.value}' has no 'on ${node}' section, but '${node}' is a cluster node (${at(places[0])}); add it so the data is replicated there.`, [related(places[0], `cluster node '${node}'`)]));
    }
  }
  return out;
}

/** The cluster node a DRBD host name most likely means (same short name, or a close spelling). */
function closestNode(host: string, nodes: string[]): string | undefined {
  const short = (name: string) => name.split('.')[0];
  return nodes.find((n) => short(n) === short(host)) ?? didYouMean(host, nodes, 1)[0];
}

/** DRBD hosts against the cluster's nodes. */
export const crossFileRules: readonly CrossFileRule[] = [
  { name: 'drbd/hosts-are-cluster-nodes', check: (_uri, facts, ctx) => (facts.drbdResources ?? []).flatMap((resource) => drbdChecks(resource, ctx)) },
];
