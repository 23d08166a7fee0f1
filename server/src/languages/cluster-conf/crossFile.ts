import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { didYouMean } from '../../common/didYouMean';
import { crossFileDiagnostic, related } from '../../workspace/crossFile';
import type { FileFacts } from '../../workspace/facts';
import type { CrossFileContext, CrossFileRule } from '../types';
import { Code } from './codes';

function clusterChecks(cluster: NonNullable<FileFacts['cluster']>, { model, at }: CrossFileContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (model.domains.length > 0) {
    for (const vm of cluster.vms) {
      if (!model.domainsByName.has(vm.value)) {
        const suggestions = didYouMean(vm.value, model.domainsByName.keys());
        const hint = suggestions.length > 0 ? ` Did you mean '${suggestions[0]}'?` : '';
        out.push(crossFileDiagnostic(vm.range, DiagnosticSeverity.Warning, Code.vmWithoutConfig, `rgmanager will start vm '${vm.value}', but no domain config in the workspace has that name (or file name); the service fails to start.${hint}`, []));
      }
    }
  }
  // A cluster node that some DRBD resource replicating between cluster nodes leaves out.
  const nodeNames = new Set(cluster.nodes.map((n) => n.value));
  for (const placed of model.drbdResources) {
    const hosts = placed.resource.hosts.map((h) => h.value);
    if (!hosts.some((h) => nodeNames.has(h))) continue;
    for (const node of cluster.nodes) {
      if (hosts.includes(node.value)) continue;
      const where = { uri: placed.uri, fact: placed.resource.name };
      out.push(crossFileDiagnostic(node.range, DiagnosticSeverity.Warning, Code.nodeMissingInDrbd, `Cluster node '${node.value}' has no 'on ${node.value}' section in DRBD resource '${placed.resource.name.value}' (${at(where)}); services that fail over to it will not find the replicated disk.`, [related(where, `DRBD resource '${placed.resource.name.value}'`)]));
    }
  }
  return out;
}

/** The cluster's vms and nodes against the workspace's domain configs and DRBD resources. */
export const crossFileRules: readonly CrossFileRule[] = [
  { name: 'cluster-conf/cluster-across-files', check: (_uri, facts, ctx) => (facts.cluster ? clusterChecks(facts.cluster, ctx) : []) },
];
