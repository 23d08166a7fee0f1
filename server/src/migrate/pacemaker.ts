/**
 * cman/rgmanager cluster.conf → Pacemaker (`cli.js migrate --to pacemaker [--format cib|pcs]`): a
 * complete CIB (or the pcs commands that build it) and the matching corosync.conf. Nodes, fence
 * devices and methods, services with their resource trees, top-level vms, failover domains and
 * recovery policies are converted; every element or attribute the conversion does not read is
 * reported as a manual note with its line (pacemaker/consumed.ts).
 */
import { clusterModel } from '../languages/cluster-conf/model';
import { attributeValue, parse, XmlElement } from '../languages/cluster-conf/parse';
import type { Migration, MigrationContext, MigrationResult } from './types';
import { renderCib } from './pacemaker/cib';
import { Consumed } from './pacemaker/consumed';
import { corosyncPlan, renderCorosync } from './pacemaker/corosync';
import { convertFencing } from './pacemaker/fencing';
import { IdRegistry } from './pacemaker/ids';
import type { ClusterNode, Group, Location, Pairs, Plan, Primitive } from './pacemaker/plan';
import { renderPcs } from './pacemaker/pcs';
import { locationsFor, readDomains, recoveryMeta } from './pacemaker/policy';
import { ResourceTrees } from './pacemaker/services';

export const PACEMAKER_FORMATS = ['cib', 'pcs'] as const;

function childrenNamed(parent: XmlElement | undefined, name: string): XmlElement[] {
  return parent?.children.filter((c) => c.name === name) ?? [];
}

/** Service (and top-level vm) attributes that Pacemaker expresses otherwise, with what to do. */
const SERVICE_ADVICE: Record<string, (value: string) => string | undefined> = {
  exclusive: (v) => (v === '1' || v === 'yes' ? 'exclusive="1" (run on a node with no other service): Pacemaker has no such switch; use utilization attributes or anti-colocation constraints with the other services.' : undefined),
  nfslock: (v) => (v === '1' ? 'nfslock="1": NFS lock recovery is ocf:heartbeat:nfsnotify (with nfsserver) under Pacemaker; add it to the group.' : undefined),
  depend: (v) => `depend="${v}": write an order constraint (pcs constraint order ${v.replace(/^service:/, '')} then THIS) and, if they must share a node, a colocation.`,
  depend_mode: (v) => `depend_mode="${v}": choose the order constraint's kind (Mandatory or Optional) by hand.`,
  nfs_client_cache: () => 'nfs_client_cache: exportfs has no client cache switch; leave it out.',
  priority: (v) => `priority="${v}": Pacemaker's counterpart is the 'priority' meta attribute; set it if services compete for nodes.`,
};

/** The nodes, each once and with a nodeid of its own: corosync refuses a nodelist that repeats either (cman merged such nodes). */
function uniqueNodeIds(elements: readonly XmlElement[], consumed: Consumed): ClusterNode[] {
  const written = new Set(elements.map((e) => attributeValue(e, 'nodeid')));
  const seen = new Set<string>();
  const names = new Set<string>();
  let next = 1;
  return elements.flatMap((node) => {
    consumed.use(node, 'name', 'nodeid', 'votes');
    const name = attributeValue(node, 'name') ?? '';
    if (names.has(name)) {
      consumed.note(node, 'manual', `A second <clusternode name="${name}">: cman merged the two, Pacemaker and corosync take a name once; only the first is converted.`);
      return [];
    }
    names.add(name);
    let nodeid = attributeValue(node, 'nodeid');
    const problem = nodeid === undefined || !/^[1-9]\d{0,8}$/.test(nodeid) ? `'${name}' has no nodeid corosync can use (${nodeid === undefined ? 'none' : `"${nodeid}"`}; knet needs a number)` : seen.has(nodeid) ? `nodeid ${nodeid} of '${name}' is already another node's, which corosync refuses` : undefined;
    if (problem) {
      while (written.has(String(next)) || seen.has(String(next))) next++;
      consumed.note(node, 'manual', `${problem}: '${name}' gets nodeid ${next}; make the nodes' own settings agree.`);
      nodeid = String(next);
    }
    seen.add(nodeid!);
    return [{ name, nodeid, votes: attributeValue(node, 'votes') }];
  });
}

export function convertToPacemaker(text: string, ctx: MigrationContext): MigrationResult {
  const doc = parse(text);
  const firstError = doc.syntaxErrors[0];
  if (firstError) return { outputs: [], notes: [{ line: firstError.range.start.line + 1, kind: 'manual', message: `Not converted: fix this error first (${firstError.message})` }] };
  const model = clusterModel(doc);
  if (!model.cluster) return { outputs: [], notes: [{ line: 1, kind: 'manual', message: 'Not converted: the file has no <cluster> element.' }] };
  const cluster = model.cluster;
  const consumed = new Consumed(doc.lines);
  const ids = new IdRegistry();
  consumed.use(cluster, 'name', 'config_version');

  const nodes = uniqueNodeIds(model.nodes, consumed);
  if (nodes.length === 0) consumed.note(cluster, 'manual', 'The cluster has no <clusternode>: corosync needs at least one node in its nodelist; add the nodes.');
  for (const section of childrenNamed(cluster, 'clusternodes')) consumed.use(section);
  const fencing = convertFencing(model, ids, consumed);
  for (const section of childrenNamed(cluster, 'fencedevices')) consumed.use(section);

  const rm = childrenNamed(cluster, 'rm')[0];
  if (rm) consumed.use(rm, 'log_level', 'log_facility');
  for (const section of [...childrenNamed(rm, 'failoverdomains'), ...childrenNamed(rm, 'resources')]) consumed.use(section);
  const domains = readDomains(model.failoverDomains, new Set(nodes.map((n) => n.name)), consumed);
  const trees = new ResourceTrees(childrenNamed(rm, 'resources').flatMap((r) => r.children), ids, consumed);
  const nodeNames = nodes.map((n) => n.name);
  const groups: Group[] = [];
  const primitives: Primitive[] = [];
  const locations: Location[] = [];
  const place = (element: XmlElement, rsc: string) => {
    const name = attributeValue(element, 'domain');
    if (name === undefined) return undefined;
    const domain = domains.get(name);
    if (!domain) consumed.note(element, 'manual', `domain="${name}" names no failover domain: ${rsc} is not constrained to any node.`);
    else locations.push(...locationsFor(rsc, domain, nodeNames, ids));
    return domain;
  };

  const adviseOn = (element: XmlElement) => {
    for (const [attribute, advice] of Object.entries(SERVICE_ADVICE)) {
      const value = attributeValue(element, attribute);
      const message = value === undefined ? undefined : advice(value);
      if (value !== undefined) consumed.use(element, attribute);
      if (message) consumed.note(element, 'manual', message);
    }
  };
  for (const element of rm?.children ?? []) {
    if (element.name === 'service') {
      const name = attributeValue(element, 'name') ?? 'service';
      const id = ids.take(name);
      const members = trees.members(element, id);
      adviseOn(element);
      if (members.length === 0) {
        consumed.use(element);
        consumed.note(element, 'manual', `Service '${name}' has no resource Pacemaker can run, and a group needs one: not converted; add its resources by hand.`);
        continue;
      }
      const domain = place(element, id);
      groups.push({ id, members, meta: recoveryMeta(element, members, domain, consumed) });
    } else if (element.name === 'vm') {
      const vm = trees.primitive(element);
      if (!vm) continue;
      adviseOn(element);
      const domain = place(element, vm.id);
      vm.meta.push(...recoveryMeta(element, [vm], domain, consumed));
      primitives.push(vm);
    }
  }
  for (const unused of trees.unused()) {
    consumed.useTree(unused);
    consumed.note(unused, 'note', `<${unused.name}> under <resources> is used by no service: not converted (rgmanager did not run it either).`);
  }

  const properties: Pairs = [['cluster-name', attributeValue(cluster, 'name') ?? 'cluster']];
  if (fencing.stonith.length === 0) {
    properties.push(['stonith-enabled', 'false']);
    consumed.note(cluster, 'manual', 'No fence device could be converted: the CIB sets stonith-enabled=false so that it verifies and starts; configure a stonith device and turn it back on before production use.');
  }
  for (const daemon of childrenNamed(cluster, 'fence_daemon')) {
    consumed.useTree(daemon);
    const timings = daemon.attributes.map((a) => `${a.name}="${a.value}"`).join(' ');
    consumed.note(daemon, 'manual', `<fence_daemon ${timings}>: fenced's timings have no Pacemaker counterpart. Pacemaker waits dc-deadtime for the nodes at start and delays fencing with pcmk_delay_base or pcmk_delay_max on a stonith device: set those if you relied on these.`);
  }
  const corosync = corosyncPlan(childrenNamed(cluster, 'cman')[0], childrenNamed(cluster, 'totem')[0], childrenNamed(cluster, 'logging')[0], consumed);
  consumed.leftovers(doc.elements);

  const plan: Plan = { clusterName: attributeValue(cluster, 'name') ?? 'cluster', nodes, properties, stonith: fencing.stonith, levels: fencing.levels, groups, primitives, locations, corosync };
  const configuration = ctx.format === 'pcs' ? { name: 'cib.pcs.sh', text: renderPcs(plan) } : { name: 'cib.xml', text: renderCib(plan) };
  return { outputs: [configuration, { name: 'corosync.conf', text: renderCorosync(plan) }], notes: consumed.notes.sort((a, b) => a.line - b.line) };
}

export const pacemakerMigration: Migration = {
  target: 'pacemaker',
  from: 'cluster-conf',
  title: 'Convert to Pacemaker…',
  formats: PACEMAKER_FORMATS,
  convert: convertToPacemaker,
};
