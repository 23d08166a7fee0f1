/**
 * DRBD 9 wants a `node-id` in every host section of a resource. A host takes the `nodeid` its
 * cluster.conf gives it where the workspace has one (so DRBD and the cluster number nodes alike), else
 * the id it already has in another resource of the file, else the lowest one free in the resource.
 */
import { uriOfPath } from '../../common/uri';
import type { WorkspaceView } from '../../workspace/view';

/** drbdadm 9 takes node ids 0 to 31 (DRBD_PEERS_MAX is 32). */
export const MAX_NODE_ID = 31;

/** The cluster.conf `nodeid` of every node the workspace knows, by full and by short host name. */
export function clusterNodeIds(workspace: WorkspaceView, path: string): Map<string, number> {
  const ids = new Map<string, number>();
  for (const { facts } of workspace.otherFiles(uriOfPath(path))) {
    for (const node of facts.cluster?.nodes ?? []) {
      if (node.nodeid === undefined) continue;
      if (!ids.has(node.value)) ids.set(node.value, node.nodeid);
      const short = node.value.split('.')[0];
      if (!ids.has(short)) ids.set(short, node.nodeid);
    }
  }
  return ids;
}

export type NodeIdSource = 'cluster.conf' | 'file' | 'numbered';

export class NodeIdPlanner {
  /** Ids already chosen for a host in this file, so a host keeps one id across resources. */
  private readonly chosen = new Map<string, number>();

  constructor(private readonly fromCluster: ReadonlyMap<string, number>) {}

  /** Records an id the file already writes (`node-id 2;`). */
  known(host: string, id: number): void {
    if (!this.chosen.has(host)) this.chosen.set(host, id);
  }

  /** An id for `host` that none of `taken` (the resource's other hosts) has. */
  choose(host: string, taken: Set<number>): { id: number; source: NodeIdSource } | undefined {
    const cluster = this.fromCluster.get(host) ?? this.fromCluster.get(host.split('.')[0]);
    const candidates: [number | undefined, NodeIdSource][] = [
      [cluster, 'cluster.conf'],
      [this.chosen.get(host), 'file'],
    ];
    for (const [id, source] of candidates) {
      if (id !== undefined && id <= MAX_NODE_ID && !taken.has(id)) return this.take(host, id, source);
    }
    for (let id = 0; id <= MAX_NODE_ID; id++) if (!taken.has(id)) return this.take(host, id, 'numbered');
    return undefined;
  }

  private take(host: string, id: number, source: NodeIdSource) {
    this.known(host, id);
    return { id, source };
  }
}
