/**
 * Fencing safety, beyond what cluster.rng can express: every node needs a way
 * to be fenced, every `<device>` must name a `<fencedevice>`, and each device
 * must give its agent what the agent needs (a port on multi-outlet devices,
 * an action it supports).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { Severity } from '../../common/diagnostics';
import { controlsOneMachine, FENCE_AGENTS, fenceAgent, FenceAgent, needsPort } from './schema/agents';
import { ClusterModel, fenceDeviceNamed } from './model';
import { attribute, attributeValue, ClusterDoc, XmlAttribute, XmlElement } from './parse';
import { Reporter } from './report';
import { attributeDef } from './schema';
import { suggest } from './suggestions';

export const FENCING_CODES = {
  unknownDevice: 'cluster-conf/unknown-fence-device',
  unusedDevice: 'cluster-conf/unused-fence-device',
  nodeWithoutFencing: 'cluster-conf/node-without-fencing',
  emptyMethod: 'cluster-conf/empty-fence-method',
  unknownAgent: 'cluster-conf/unknown-fence-agent',
  missingPort: 'cluster-conf/missing-port',
  unexpectedPort: 'cluster-conf/unexpected-port',
  unsupportedAction: 'cluster-conf/unsupported-action',
  clearPassword: 'cluster-conf/clear-password',
  notAgentParameter: 'cluster-conf/not-an-agent-parameter',
} as const;

/** Attributes fenced itself reads on a fence device or device, whatever the agent. */
const FENCED_ATTRIBUTES = new Set(['name', 'agent', 'option']);

/** The attribute naming the outlet: `port`, or its newer name `plug`. */
function outletOf(element: XmlElement): XmlAttribute | undefined {
  return attribute(element, 'port') ?? attribute(element, 'plug');
}

export function validateFencing(doc: ClusterDoc, model: ClusterModel): Diagnostic[] {
  const report = new Reporter(doc);

  const deviceNames = model.fenceDevices.map((d) => attributeValue(d, 'name')).filter((n): n is string => n !== undefined);

  for (const node of model.nodes) {
    const nodeName = attributeValue(node, 'name') ?? '?';
    const methods = node.children.filter((c) => c.name === 'fence').flatMap((f) => f.children.filter((m) => m.name === 'method'));
    if (methods.length === 0) {
      report.atName(node, Severity.Error, FENCING_CODES.nodeWithoutFencing, `Node '${nodeName}' has no fence method: when it stops answering the cluster cannot fence it and blocks all cluster I/O (DLM, GFS2, rgmanager) until someone intervenes. Add <fence><method><device name="…"/></method></fence>.`);
    }
    for (const method of methods) {
      if (!method.children.some((c) => c.name === 'device')) {
        report.atName(method, Severity.Warning, FENCING_CODES.emptyMethod, `Fence method '${attributeValue(method, 'name') ?? '?'}' of node '${nodeName}' has no <device>, so it can never succeed; add <device name="…"/> naming a <fencedevice>.`);
      }
    }
  }

  for (const ref of model.deviceRefs) {
    const nameAttr = attribute(ref, 'name');
    if (!nameAttr) continue;
    const target = fenceDeviceNamed(model, nameAttr.value);
    if (!target) {
      const { suggestions, suffix } = suggest(nameAttr.value, deviceNames);
      report.atValue(nameAttr, Severity.Error, FENCING_CODES.unknownDevice, `No <fencedevice name="${nameAttr.value}"> is defined in <fencedevices>${suffix}`, suggestions);
      continue;
    }
    checkDeviceAgainstAgent(ref, target, fenceAgent(attributeValue(target, 'agent')));
  }

  for (const device of model.fenceDevices) {
    const nameAttr = attribute(device, 'name');
    if (nameAttr && !model.deviceRefs.some((r) => attributeValue(r, 'name') === nameAttr.value)) {
      report.atValue(nameAttr, Severity.Warning, FENCING_CODES.unusedDevice, `Fence device '${nameAttr.value}' is used by no node's <fence> or <unfence> method; reference it with <device name="${nameAttr.value}"/> or remove it.`);
    }
    const agentAttr = attribute(device, 'agent');
    if (agentAttr && !FENCE_AGENTS.has(agentAttr.value)) {
      const { suggestions, suffix } = suggest(agentAttr.value, FENCE_AGENTS.keys());
      report.atValue(agentAttr, Severity.Warning, FENCING_CODES.unknownAgent, `Unknown fence agent '${agentAttr.value}'; fenced runs /usr/sbin/${agentAttr.value}, which must exist on every node${suffix}`, suggestions);
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
      report.atAttributeName(passwd, Severity.Hint, FENCING_CODES.clearPassword, `The fence password is written in clear in cluster.conf, which is copied to every node and readable in backups; prefer passwd_script="/path/to/script" that prints it.`);
    }
  }
  return report.found;

  function checkAction(action: XmlAttribute, agent: FenceAgent): void {
    if (!agent.actions || agent.actions.includes(action.value)) return;
    report.atValue(action, Severity.Error, FENCING_CODES.unsupportedAction, `${agent.name} does not support the action '${action.value}'; it supports ${agent.actions.filter((a) => !['metadata', 'manpage', 'validate-all', 'list', 'list-status', 'monitor'].includes(a)).join(', ')}.`);
  }

  /** Parameters the agent does not know: fenced passes them on and the agent ignores them (or stops). */
  function checkParameters(element: XmlElement, agent: FenceAgent): void {
    if (agent.legacy) return;
    for (const attr of element.attributes) {
      if (FENCED_ATTRIBUTES.has(attr.name) || attr.name in agent.parameters || !attributeDef(element.name, attr.name)) continue;
      const { suggestions, suffix } = suggest(attr.name, Object.keys(agent.parameters).filter((p) => attributeDef(element.name, p)));
      report.atAttributeName(attr, Severity.Warning, FENCING_CODES.notAgentParameter, `${agent.name} has no parameter '${attr.name}'; the agent ignores it or refuses to run${suffix}`, suggestions);
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
      report.atName(ref, Severity.Error, FENCING_CODES.missingPort, `${agent.name} drives a device with several outlets and needs to know which one feeds this node: add port="…" to this <device>.`);
    }
    const portAsIp = [ref, target].some((e) => ['1', 'on', 'yes', 'true'].includes(attributeValue(e, 'port_as_ip') ?? ''));
    if (port && !agent.legacy && controlsOneMachine(agent) && !portAsIp) {
      report.atAttributeName(port, Severity.Warning, FENCING_CODES.unexpectedPort, `${agent.name} controls a single machine (the node's own management board) and takes no ${port.name}; remove ${port.name}="${port.value}" (it is only read as an address with port_as_ip="1").`);
    }
  }
}
