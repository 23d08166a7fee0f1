/**
 * Fence agents: the parameters each takes and the actions it supports. Most
 * come from the agents' own metadata (schema/fence-agents.json); the agents
 * RHCS 3 shipped that later releases dropped (fence_na, fence_xvm, fence_manual…)
 * come from their parameter groups in cluster.rng.
 */
import { nameTable } from '../../../common/nameTable';
import agentData from './fence-agents.json';
import { ELEMENTS } from './index';

export interface AgentParameter {
  type?: string;
  required?: boolean;
  default?: string;
  values?: string[];
  deprecated?: boolean;
  /** The newer name this parameter replaces (e.g. `plug` obsoletes `port`). */
  obsoletes?: string;
}

export interface FenceAgent {
  name: string;
  parameters: Record<string, AgentParameter>;
  /** Supported actions; undefined when unknown (agents known only from cluster.rng). */
  actions?: string[];
  /** Known only from the RHCS 3 schema, without metadata. */
  legacy: boolean;
}

function buildAgents(): Map<string, FenceAgent> {
  const agents = new Map<string, FenceAgent>();
  const modern = agentData.agents as Record<string, { parameters: Record<string, AgentParameter>; actions: string[] }>;
  for (const [name, agent] of Object.entries(modern)) agents.set(name, { name, parameters: nameTable(agent.parameters), actions: agent.actions, legacy: false });
  for (const group of ELEMENTS.fencedevice.attributeChoice?.alternatives ?? []) {
    if (!group.agent || group.fromMetadata) continue;
    const known = agents.get(group.agent);
    // An agent both generations know keeps its metadata and gains the RHCS 3 parameters it lost (fence_scsi's nodename).
    const parameters: Record<string, AgentParameter> = known?.parameters ?? nameTable({});
    for (const name of group.required) parameters[name] ??= { required: true };
    for (const name of group.optional) parameters[name] ??= {};
    if (!known) agents.set(group.agent, { name: group.agent, parameters, legacy: true });
  }
  // fence_manual asked an operator to confirm by hand (fence_ack_manual); it takes no parameters.
  agents.set('fence_manual', { name: 'fence_manual', parameters: nameTable({}), legacy: true });
  return agents;
}

export const FENCE_AGENTS = buildAgents();

export function fenceAgent(name: string | undefined): FenceAgent | undefined {
  return name === undefined ? undefined : FENCE_AGENTS.get(name);
}

/**
 * Required for this agent, under its RHCS 3 name: newer metadata marks the
 * new name required (`plug`) and keeps the old one (`port`) as deprecated.
 */
export function isRequired(agent: FenceAgent, name: string): boolean {
  return namesOf(agent).required.has(name);
}

/** What isRequired and newerNameOf ask of an agent's parameters, gathered once per agent (they were looked up per device). */
interface AgentNames {
  required: Set<string>;
  /** The newer name of each obsoleted parameter (the first that names it). */
  newer: Map<string, string>;
}

const agentNames = new WeakMap<FenceAgent, AgentNames>();

function namesOf(agent: FenceAgent): AgentNames {
  let names = agentNames.get(agent);
  if (names) return names;
  names = { required: new Set(), newer: new Map() };
  for (const [name, parameter] of Object.entries(agent.parameters)) {
    if (parameter.required === true) names.required.add(name);
    if (parameter.obsoletes === undefined) continue;
    if (parameter.required) names.required.add(parameter.obsoletes);
    if (!names.newer.has(parameter.obsoletes)) names.newer.set(parameter.obsoletes, name);
  }
  agentNames.set(agent, names);
  return names;
}

/** True when the agent drives a multi-outlet device and needs to be told which outlet (port/plug). */
export function needsPort(agent: FenceAgent): boolean {
  // Agents that take `nodename` (fence_scsi) are told the victim by fenced; they need no port.
  return isRequired(agent, 'port') && !('nodename' in agent.parameters);
}

/**
 * True when the agent controls one machine (a node's own management board):
 * it takes no port, or reads one only as the board's address (port_as_ip).
 */
export function controlsOneMachine(agent: FenceAgent): boolean {
  const hasPort = 'port' in agent.parameters || 'plug' in agent.parameters;
  return !needsPort(agent) && (!hasPort || 'port_as_ip' in agent.parameters);
}

/** The newer name of a parameter (`ip` for `ipaddr`), when the agent's metadata has one. */
export function newerNameOf(agent: FenceAgent, name: string): string | undefined {
  return namesOf(agent).newer.get(name);
}

/** The parameters that pick the victim: what each node's `<device>` (or its own fence device) must give. */
export function targetParameters(agent: FenceAgent): string[] {
  if (needsPort(agent)) return ['port', 'plug'];
  if (controlsOneMachine(agent) && ('ipaddr' in agent.parameters || 'ip' in agent.parameters)) return ['ipaddr', 'ip', 'port', 'plug'];
  return [];
}

const FLAG_VALUES = ['1', 'yes', 'on', 'true', '0', 'no', 'off', 'false'];

/**
 * What is wrong with a value for one of the agent's parameters, the way the
 * fence-agents library reads its input: numbers must parse as integers and
 * choices match in any case (or the agent refuses to run), flags take
 * 1/yes/on/true or 0/no/off/false (anything else is ignored).
 */
export function agentValueProblem(parameter: AgentParameter, value: string): string | undefined {
  if (parameter.values && !parameter.values.some((v) => v.toLowerCase() === value.toLowerCase())) {
    return `it takes one of ${parameter.values.map((v) => `'${v}'`).join(', ')}, and refuses to fence with anything else`;
  }
  switch (parameter.type) {
    case 'integer':
    case 'second':
      return /^\s*[+-]?\d+\s*$/.test(value) ? undefined : `it takes a whole number${parameter.type === 'second' ? ' of seconds' : ''}, and refuses to fence with anything else`;
    case 'boolean':
      return FLAG_VALUES.includes(value.toLowerCase()) ? undefined : `it reads 1, yes, on or true (0, no, off or false to turn it off) and ignores anything else`;
    default:
      return undefined;
  }
}
