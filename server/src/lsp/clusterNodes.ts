/** The answer to `xenConfig/clusterNodes`: the dom0 explorer's "cluster nodes as hosts" option asks the server, which has them as facts. */
import type { ClusterNode } from '../../../shared/src/protocol';
import type { WorkspaceModel } from '../workspace/model';

export { CLUSTER_NODES_REQUEST } from '../../../shared/src/protocol';

/** Every node the workspace's cluster.conf files declare, once, in workspace order, with the first file that declares it. */
export function clusterNodes(model: WorkspaceModel): ClusterNode[] {
  return [...model.clusterNodes].map(([name, places]) => ({ name, uri: places[0].uri }));
}
