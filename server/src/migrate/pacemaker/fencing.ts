/**
 * Fencing: every `<fencedevice>` becomes a stonith primitive with the nodes it fences
 * (`pcmk_host_list`, or `pcmk_host_map` where each node has its own port), its parameters under the
 * names the agent takes today (from the fence agents' metadata: `ipaddr` → `ip`, `login` →
 * `username`, `passwd` → `password`), and a node's methods become fencing levels, tried in order.
 */
import { nameTable } from '../../common/nameTable';
import { fenceAgent } from '../../languages/cluster-conf/schema/agents';
import type { ClusterModel } from '../../languages/cluster-conf/model';
import { fenceDeviceNamed } from '../../languages/cluster-conf/model';
import { attributeValue, XmlElement } from '../../languages/cluster-conf/parse';
import type { Consumed } from './consumed';
import type { IdRegistry } from './ids';
import type { FencingLevel, Pairs, Primitive } from './plan';

/** Attributes of a node's `<device>` that say which node it fences: they go into pcmk_host_map. */
const PORT_ATTRIBUTES = ['port', 'plug'];

/** Agents with no Pacemaker device behind them, and why. */
const NOT_A_DEVICE: Record<string, string> = nameTable({
  fence_manual: 'fence_manual waited for a person to run fence_ack_manual; Pacemaker needs a fence device that works unattended',
  fence_pcmk: 'fence_pcmk only handed fencing over to Pacemaker; the stonith devices of the CIB fence directly now',
});

/** The name the agent's metadata gives a parameter today (`ipaddr` → `ip`), or the name as written. */
export function modernParameter(agent: string, name: string): string {
  const known = fenceAgent(agent);
  if (!known) return name;
  const replacement = Object.entries(known.parameters).find(([, p]) => p.obsoletes === name);
  return replacement ? replacement[0] : name;
}

interface DeviceUse {
  node: string;
  ref: XmlElement;
}

export interface Fencing {
  stonith: Primitive[];
  levels: FencingLevel[];
}

export function convertFencing(model: ClusterModel, ids: IdRegistry, consumed: Consumed): Fencing {
  const uses = new Map<XmlElement, DeviceUse[]>();
  /** Per node, its methods in order, each the fence devices (elements) it uses. */
  const methods: { node: string; devices: { device: XmlElement; ref: XmlElement }[] }[] = [];
  const unfencing = new Set<XmlElement>();
  for (const node of model.nodes) {
    const nodeName = attributeValue(node, 'name') ?? '';
    for (const fence of node.children.filter((c) => c.name === 'fence' || c.name === 'unfence')) {
      consumed.use(fence);
      const refsOf = (parent: XmlElement) => parent.children.filter((c) => c.name === 'device');
      const groups = fence.name === 'fence' ? fence.children.filter((c) => c.name === 'method') : [fence];
      for (const method of groups) {
        if (method !== fence) consumed.use(method);
        const devices: { device: XmlElement; ref: XmlElement }[] = [];
        for (const ref of refsOf(method)) {
          const device = fenceDeviceNamed(model, attributeValue(ref, 'name'));
          consumed.use(ref, 'name');
          if (!device) {
            consumed.note(ref, 'manual', `<device name="${attributeValue(ref, 'name')}"> names no <fencedevice>: not converted.`);
            continue;
          }
          if (fence.name === 'unfence') {
            unfencing.add(device);
            consumed.use(ref);
            continue;
          }
          devices.push({ device, ref });
          uses.set(device, [...(uses.get(device) ?? []), { node: nodeName, ref }]);
        }
        if (fence.name === 'fence' && devices.length > 0) methods.push({ node: nodeName, devices });
      }
    }
  }

  const primitiveOf = new Map<XmlElement, Map<XmlElement, string>>();
  const stonith: Primitive[] = [];
  for (const device of model.fenceDevices) {
    const name = attributeValue(device, 'name') ?? 'fence';
    const agent = attributeValue(device, 'agent') ?? '';
    consumed.use(device);
    if (NOT_A_DEVICE[agent]) {
      consumed.note(device, 'manual', `Fence device '${name}' (${agent}) not converted: ${NOT_A_DEVICE[agent]}.`);
      for (const use of uses.get(device) ?? []) consumed.use(use.ref);
      continue;
    }
    if (!fenceAgent(agent)) consumed.note(device, 'manual', `Fence agent '${agent}' is not in today's fence-agents: its parameters are kept as written; check that the agent exists on the nodes.`);
    const shared: Pairs = device.attributes.filter((a) => a.name !== 'name' && a.name !== 'agent').map((a) => [modernParameter(agent, a.name), a.value]);
    const deviceUses = uses.get(device) ?? [];
    // Nodes whose <device> adds parameters besides the port (an ipaddr per node, say) each need a primitive of their own.
    const bySignature = new Map<string, DeviceUse[]>();
    for (const use of deviceUses) {
      const extra = use.ref.attributes.filter((a) => a.name !== 'name' && a.name !== 'action' && !PORT_ATTRIBUTES.includes(a.name));
      const signature = extra.map((a) => `${a.name}=${a.value}`).join('\0');
      bySignature.set(signature, [...(bySignature.get(signature) ?? []), use]);
    }
    if (bySignature.size === 0) bySignature.set('', []);
    const refIds = new Map<XmlElement, string>();
    for (const group of bySignature.values()) {
      const id = ids.take(bySignature.size === 1 ? name : `${name}-${group[0].node}`);
      const params: Pairs = [...shared];
      for (const attr of group[0]?.ref.attributes ?? []) {
        if (attr.name !== 'name' && attr.name !== 'action' && !PORT_ATTRIBUTES.includes(attr.name)) params.push([modernParameter(agent, attr.name), attr.value]);
      }
      const ports = group.map((use) => ({ node: use.node, port: PORT_ATTRIBUTES.map((p) => attributeValue(use.ref, p)).find((v) => v !== undefined) }));
      if (ports.some((p) => p.port !== undefined)) params.push(['pcmk_host_map', ports.map((p) => `${p.node}:${p.port ?? p.node}`).join(';')]);
      else if (group.length > 0) params.push(['pcmk_host_list', [...new Set(group.map((u) => u.node))].join(' ')]);
      else consumed.note(device, 'manual', `Fence device '${name}' fences no node in cluster.conf: converted without pcmk_host_list, so Pacemaker asks the agent which nodes it can fence; set pcmk_host_list.`);
      const actions = [...new Set(group.map((u) => attributeValue(u.ref, 'action')).filter((a): a is string => a !== undefined))];
      for (const use of group) consumed.use(use.ref);
      if (actions.includes('off')) params.push(['pcmk_reboot_action', 'off']);
      for (const action of actions.filter((a) => a !== 'reboot' && a !== 'off')) consumed.note(group[0].ref, 'manual', `action="${action}" on '${name}': Pacemaker fences by reboot (or off, with pcmk_reboot_action); set what this device should do by hand.`);
      const meta: Pairs = unfencing.has(device) ? [['provides', 'unfencing']] : [];
      stonith.push({ id, class: 'stonith', type: agent, params, meta, ops: [{ name: 'monitor', interval: '60s' }] });
      for (const use of group) refIds.set(use.ref, id);
    }
    primitiveOf.set(device, refIds);
  }

  // One level per method, in order, where some node has more than one method or a method with several devices.
  const levels: FencingLevel[] = [];
  const perNode = new Map<string, typeof methods>();
  for (const method of methods) perNode.set(method.node, [...(perNode.get(method.node) ?? []), method]);
  const needsLevels = methods.some((m) => m.devices.length > 1) || [...perNode.values()].some((m) => m.length > 1);
  if (needsLevels) {
    for (const [node, nodeMethods] of perNode) {
      let index = 0;
      for (const method of nodeMethods) {
        const devices = method.devices.map((d) => primitiveOf.get(d.device)?.get(d.ref)).filter((d): d is string => d !== undefined);
        if (devices.length === 0) continue;
        index++;
        levels.push({ id: ids.take(`fl-${node}-${index}`), target: node, index, devices });
      }
    }
  }
  return { stonith, levels };
}
