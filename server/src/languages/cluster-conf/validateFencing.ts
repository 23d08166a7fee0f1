/**
 * Fencing safety, beyond what cluster.rng can express: every node needs a way
 * to be fenced, every `<device>` must name a `<fencedevice>`, and what fenced
 * hands the agent (the `<device>`'s attributes, then the `<fencedevice>`'s)
 * must be what that agent takes: its own parameters, values of their type,
 * names its release reads, an outlet on multi-outlet devices, an action it
 * supports, and one target per node.
 */
import { Severity } from '../../common/diagnostics';
import type { Reporter } from '../../common/report';
import { Code } from './codes';
import { addFenceMethods, allOf, changeTo, createFenceDevice } from './fixes';
import { ClusterModel, fenceDeviceNamed, isReferencedDevice } from './model';
import { attribute, attributeValue, ClusterDoc, XmlAttribute, XmlElement } from './parse';
import { atAttributeName, atName, atValue } from './positions';
import { attributeDef } from './schema';
import { agentValueProblem, controlsOneMachine, FENCE_AGENTS, fenceAgent, FenceAgent, needsPort, newerNameOf, targetParameters } from './schema/agents';
import { suggest } from './suggestions';

/** Attributes fenced itself reads on a fence device or device, whatever the agent. */
const FENCED_ATTRIBUTES = new Set(['name', 'agent']);

/** The attribute naming the outlet: `port`, or its newer name `plug`. */
function outletOf(element: XmlElement): XmlAttribute | undefined {
  return attribute(element, 'port') ?? attribute(element, 'plug');
}

/** The nodes that fence through each fence device (by its name), with the `<device>` each uses. */
function usesByDevice(model: ClusterModel): Map<string, { node: XmlElement; ref: XmlElement }[]> {
  const uses = new Map<string, { node: XmlElement; ref: XmlElement }[]>();
  for (const node of model.nodes) {
    for (const fence of node.children.filter((c) => c.name === 'fence')) {
      for (const method of fence.children.filter((m) => m.name === 'method')) {
        for (const ref of method.children.filter((d) => d.name === 'device')) {
          const name = attributeValue(ref, 'name');
          if (name === undefined) continue;
          const list = uses.get(name) ?? [];
          list.push({ node, ref });
          uses.set(name, list);
        }
      }
    }
  }
  return uses;
}

export function validateFencing(doc: ClusterDoc, model: ClusterModel, report: Reporter): void {
  const deviceNames = model.fenceDevices.map((d) => attributeValue(d, 'name')).filter((n): n is string => n !== undefined);

  for (const node of model.nodes) {
    const nodeName = attributeValue(node, 'name') ?? '?';
    const methods = node.children.filter((c) => c.name === 'fence').flatMap((f) => f.children.filter((m) => m.name === 'method'));
    if (methods.length === 0) {
      atName(report, node, Severity.Warning, Code.nodeWithoutFencing, `Node '${nodeName}' has no fence method: cman starts, but when this node stops answering nobody can fence it, and DLM, GFS2 and rgmanager block until someone fences it by hand (fence_ack_manual). Add <fence><method><device name="…"/></method></fence>.`, addFenceMethods(doc, model, node));
    }
    for (const method of methods) {
      if (!method.children.some((c) => c.name === 'device')) {
        atName(report, method, Severity.Warning, Code.emptyFenceMethod, `Fence method '${attributeValue(method, 'name') ?? '?'}' of node '${nodeName}' has no <device>, so it can never succeed; add <device name="…"/> naming a <fencedevice>.`);
      }
    }
  }

  for (const ref of model.deviceRefs) {
    const nameAttr = attribute(ref, 'name');
    if (!nameAttr) continue;
    const target = fenceDeviceNamed(model, nameAttr.value);
    if (!target) {
      const { suggestions, suffix } = suggest(nameAttr.value, deviceNames);
      atValue(report, nameAttr, Severity.Error, Code.unknownFenceDevice, `No <fencedevice name="${nameAttr.value}"> is defined in <fencedevices>${suffix}`, allOf(changeTo(doc, suggestions), createFenceDevice(doc, model, nameAttr, suggestions.length === 0)));
      continue;
    }
    checkDeviceAgainstAgent(ref, target, fenceAgent(attributeValue(target, 'agent')));
  }

  const uses = usesByDevice(model);
  for (const device of model.fenceDevices) {
    const nameAttr = attribute(device, 'name');
    if (nameAttr && !isReferencedDevice(model, nameAttr.value)) {
      atValue(report, nameAttr, Severity.Information, Code.unusedFenceDevice, `Fence device '${nameAttr.value}' is used by no node's <fence> or <unfence> method; reference it with <device name="${nameAttr.value}"/> or remove it.`);
    }
    const agentAttr = attribute(device, 'agent');
    if (agentAttr && !FENCE_AGENTS.has(agentAttr.value)) {
      const { suggestions, suffix } = suggest(agentAttr.value, FENCE_AGENTS.keys());
      atValue(report, agentAttr, Severity.Warning, Code.unknownFenceAgent, `Unknown fence agent '${agentAttr.value}'; fenced runs /usr/sbin/${agentAttr.value}, which must exist on every node${suffix}`, changeTo(doc, suggestions));
    }
    const agent = fenceAgent(agentAttr?.value);
    if (!agent) continue;
    const action = attribute(device, 'action');
    if (action) checkAction(action, agent);
    checkParameters(device, agent);
    if (nameAttr) checkSharedTarget(device, agent, uses.get(nameAttr.value) ?? []);
  }

  for (const element of [...model.fenceDevices, ...model.deviceRefs]) {
    const passwd = attribute(element, 'passwd');
    if (passwd) {
      atAttributeName(report, passwd, Severity.Hint, Code.clearPassword, `The fence password is written in clear in cluster.conf, which is copied to every node and readable in backups; prefer passwd_script="/path/to/script" that prints it.`);
    }
  }

  function checkAction(action: XmlAttribute, agent: FenceAgent): void {
    if (!agent.actions || agent.actions.includes(action.value)) return;
    atValue(report, action, Severity.Warning, Code.unsupportedAction, `${agent.name} does not support the action '${action.value}'; it supports ${agent.actions.filter((a) => !['metadata', 'manpage', 'validate-all', 'list', 'list-status', 'monitor'].includes(a)).join(', ')}. cman starts, but fencing with this device fails.`);
  }

  /**
   * What the agent makes of each attribute fenced passes it: a parameter it
   * does not take, a value it refuses or ignores, a name of another release.
   */
  function checkParameters(element: XmlElement, agent: FenceAgent): void {
    if (agent.legacy) return; // known from the 2011 schema only: no metadata to hold it to
    for (const attr of element.attributes) {
      // fenced's own attributes, and names no schema knows (validateSchema reports those).
      if (FENCED_ATTRIBUTES.has(attr.name) || !attributeDef(element.name, attr.name)) continue;
      if (attr.name === 'option') {
        const rename = attribute(element, 'action') ? undefined : changeTo(doc, ['action']);
        atAttributeName(report, attr, Severity.Information, Code.deprecatedAgentParameter, `'option' is the old name of 'action': the fence agents of RHEL 6's first releases read it, those since 2012 (fence-agents 3.9 and 4) ignore it and do their default action; write action="${attr.value}".`, rename);
        continue;
      }
      const parameter = agent.parameters[attr.name];
      if (!parameter) {
        const { suggestions, suffix } = suggest(attr.name, Object.keys(agent.parameters));
        atAttributeName(report, attr, Severity.Warning, Code.notAnAgentParameter, `${agent.name} has no parameter '${attr.name}'; the agent ignores it or refuses to run${suffix}`, changeTo(doc, suggestions));
        continue;
      }
      if (parameter.obsoletes !== undefined) {
        const rename = attribute(element, parameter.obsoletes) ? undefined : changeTo(doc, [parameter.obsoletes]);
        atAttributeName(report, attr, Severity.Information, Code.newerAgentParameter, `'${attr.name}' is what fence-agents 4.1 and later call '${parameter.obsoletes}'; the agents of the cman era (RHEL 6 ships fence-agents 3.1 and 4.0) do not read '${attr.name}', so on those nodes write ${parameter.obsoletes}="…".`, rename);
      } else if (parameter.deprecated && newerNameOf(agent, attr.name) === undefined) {
        atAttributeName(report, attr, Severity.Information, Code.deprecatedAgentParameter, `${agent.name}'s metadata marks '${attr.name}' deprecated; newer releases of the agent may stop reading it.`);
      }
      if (attr.name === 'action') continue; // checkAction knows the agent's actions
      const problem = agentValueProblem(parameter, attr.value);
      if (problem) atValue(report, attr, Severity.Warning, Code.invalidAgentValue, `'${attr.value}' is not a value ${agent.name} takes for ${attr.name}: ${problem}.`);
    }
  }

  function checkDeviceAgainstAgent(ref: XmlElement, target: XmlElement, agent: FenceAgent | undefined): void {
    if (!agent) return;
    checkParameters(ref, agent);
    const action = attribute(ref, 'action');
    if (action) checkAction(action, agent);
    const port = outletOf(ref);
    const targetPort = outletOf(target);
    if (needsPort(agent) && !port && !targetPort) {
      atName(report, ref, Severity.Warning, Code.missingPort, `${agent.name} drives a device with several outlets and needs to know which one feeds this node: add port="…" to this <device>. cman starts, but fencing this node fails.`);
    }
    const portAsIp = [ref, target].some((e) => ['1', 'on', 'yes', 'true'].includes(attributeValue(e, 'port_as_ip') ?? ''));
    if (port && !agent.legacy && controlsOneMachine(agent) && !portAsIp) {
      atAttributeName(report, port, Severity.Warning, Code.unexpectedPort, `${agent.name} controls a single machine (the node's own management board) and takes no ${port.name}; remove ${port.name}="${port.value}" (it is only read as an address with port_as_ip="1").`);
    }
  }

  /**
   * fenced hands the agent the `<device>`'s attributes and the `<fencedevice>`'s:
   * what picks the victim (an outlet, a board's address) belongs on each node's
   * `<device>`, or on a fence device of its own. On a shared fence device it
   * makes every node's fencing act on the same machine.
   */
  function checkSharedTarget(device: XmlElement, agent: FenceAgent, deviceUses: { node: XmlElement; ref: XmlElement }[]): void {
    if (agent.legacy) return;
    const names = targetParameters(agent);
    const shared = device.attributes.find((a) => names.includes(a.name) && a.value.trim() !== '');
    if (!shared) return;
    const nodes = [...new Set(deviceUses.filter(({ ref }) => !ref.attributes.some((a) => names.includes(a.name))).map(({ node }) => node))];
    if (nodes.length < 2) return;
    const nodeNames = nodes.map((n) => `'${attributeValue(n, 'name') ?? '?'}'`);
    const list = `${nodeNames.slice(0, -1).join(', ')} and ${nodeNames[nodeNames.length - 1]}`;
    const what = names.includes('ipaddr') ? 'the machine' : 'the outlet';
    atAttributeName(report, shared, Severity.Warning, Code.sharedFenceTarget, `Nodes ${list} all fence through '${attributeValue(device, 'name') ?? '?'}', and ${shared.name}="${shared.value}" here is the only target they give: fencing any of them acts on ${what} at ${shared.value}. Give each node its own ${shared.name} on its <device>, or its own <fencedevice>.`);
  }
}
