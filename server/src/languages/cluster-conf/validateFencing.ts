/**
 * Fencing safety, beyond what cluster.rng can express: every node needs a way
 * to be fenced, every `<device>` must name a `<fencedevice>`, and each device
 * must give its agent what the agent needs (a port on multi-outlet devices,
 * an action it supports).
 */
import { Severity } from '../../common/diagnostics';
import type { Reporter } from '../../common/report';
import { Code } from './codes';
import { addFenceMethod, allOf, changeTo, createFenceDevice } from './fixes';
import { ClusterModel, fenceDeviceNamed, isReferencedDevice } from './model';
import { attribute, attributeValue, ClusterDoc, XmlAttribute, XmlElement } from './parse';
import { atAttributeName, atName, atValue } from './positions';
import { attributeDef } from './schema';
import { controlsOneMachine, FENCE_AGENTS, fenceAgent, FenceAgent, needsPort } from './schema/agents';
import { suggest } from './suggestions';

/** Attributes fenced itself reads on a fence device or device, whatever the agent. */
const FENCED_ATTRIBUTES = new Set(['name', 'agent', 'option']);

/** The attribute naming the outlet: `port`, or its newer name `plug`. */
function outletOf(element: XmlElement): XmlAttribute | undefined {
  return attribute(element, 'port') ?? attribute(element, 'plug');
}

export function validateFencing(doc: ClusterDoc, model: ClusterModel, report: Reporter): void {
  const deviceNames = model.fenceDevices.map((d) => attributeValue(d, 'name')).filter((n): n is string => n !== undefined);

  for (const node of model.nodes) {
    const nodeName = attributeValue(node, 'name') ?? '?';
    const methods = node.children.filter((c) => c.name === 'fence').flatMap((f) => f.children.filter((m) => m.name === 'method'));
    if (methods.length === 0) {
      atName(report, node, Severity.Error, Code.nodeWithoutFencing, `Node '${nodeName}' has no fence method: when it stops answering the cluster cannot fence it and blocks all cluster I/O (DLM, GFS2, rgmanager) until someone intervenes. Add <fence><method><device name="…"/></method></fence>.`, addFenceMethod(doc, model, node));
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

  for (const device of model.fenceDevices) {
    const nameAttr = attribute(device, 'name');
    if (nameAttr && !isReferencedDevice(model, nameAttr.value)) {
      atValue(report, nameAttr, Severity.Warning, Code.unusedFenceDevice, `Fence device '${nameAttr.value}' is used by no node's <fence> or <unfence> method; reference it with <device name="${nameAttr.value}"/> or remove it.`);
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
  }

  for (const element of [...model.fenceDevices, ...model.deviceRefs]) {
    const passwd = attribute(element, 'passwd');
    if (passwd) {
      atAttributeName(report, passwd, Severity.Hint, Code.clearPassword, `The fence password is written in clear in cluster.conf, which is copied to every node and readable in backups; prefer passwd_script="/path/to/script" that prints it.`);
    }
  }

  function checkAction(action: XmlAttribute, agent: FenceAgent): void {
    if (!agent.actions || agent.actions.includes(action.value)) return;
    atValue(report, action, Severity.Error, Code.unsupportedAction, `${agent.name} does not support the action '${action.value}'; it supports ${agent.actions.filter((a) => !['metadata', 'manpage', 'validate-all', 'list', 'list-status', 'monitor'].includes(a)).join(', ')}.`);
  }

  /** Parameters the agent does not know: fenced passes them on and the agent ignores them (or stops). */
  function checkParameters(element: XmlElement, agent: FenceAgent): void {
    if (agent.legacy) return;
    for (const attr of element.attributes) {
      if (FENCED_ATTRIBUTES.has(attr.name) || attr.name in agent.parameters || !attributeDef(element.name, attr.name)) continue;
      const { suggestions, suffix } = suggest(attr.name, Object.keys(agent.parameters).filter((p) => attributeDef(element.name, p)));
      atAttributeName(report, attr, Severity.Warning, Code.notAnAgentParameter, `${agent.name} has no parameter '${attr.name}'; the agent ignores it or refuses to run${suffix}`, changeTo(doc, suggestions));
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
      atName(report, ref, Severity.Error, Code.missingPort, `${agent.name} drives a device with several outlets and needs to know which one feeds this node: add port="…" to this <device>.`);
    }
    const portAsIp = [ref, target].some((e) => ['1', 'on', 'yes', 'true'].includes(attributeValue(e, 'port_as_ip') ?? ''));
    if (port && !agent.legacy && controlsOneMachine(agent) && !portAsIp) {
      atAttributeName(report, port, Severity.Warning, Code.unexpectedPort, `${agent.name} controls a single machine (the node's own management board) and takes no ${port.name}; remove ${port.name}="${port.value}" (it is only read as an address with port_as_ip="1").`);
    }
  }
}
