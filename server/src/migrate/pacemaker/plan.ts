/**
 * What a cluster.conf becomes, before it is written as a CIB, a pcs script or a corosync.conf: one
 * model, so the three outputs cannot disagree.
 */

export type Pairs = [name: string, value: string][];

export interface Operation {
  name: 'monitor' | 'start' | 'stop';
  interval: string;
  timeout?: string;
  onFail?: string;
}

export interface Primitive {
  id: string;
  /** `ocf`, `lsb` or `stonith`. */
  class: string;
  provider?: string;
  type: string;
  params: Pairs;
  meta: Pairs;
  ops: Operation[];
}

/** An rgmanager service: its resources in start order. */
export interface Group {
  id: string;
  members: Primitive[];
  meta: Pairs;
}

export interface Location {
  id: string;
  rsc: string;
  node: string;
  /** A number, `INFINITY` or `-INFINITY`. */
  score: string;
}

export interface FencingLevel {
  id: string;
  target: string;
  index: number;
  devices: string[];
}

export interface ClusterNode {
  name: string;
  nodeid?: string;
  votes?: string;
}

export interface Plan {
  clusterName: string;
  nodes: ClusterNode[];
  properties: Pairs;
  stonith: Primitive[];
  levels: FencingLevel[];
  /** Services as groups, and resources that stand alone (a `<vm>` directly under `<rm>`). */
  groups: Group[];
  primitives: Primitive[];
  locations: Location[];
  corosync: CorosyncPlan;
}

export interface CorosyncPlan {
  totem: Pairs;
  quorum: Pairs;
  logging: Pairs;
}
