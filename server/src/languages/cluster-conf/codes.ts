/**
 * Every diagnostic code of the language, in one place, each with the severity
 * it is reported at and why (docs/cluster-conf.md shows the same table). Codes
 * are a stable interface: never rename one.
 *
 * The severity policy for cluster.conf: an error where `ccs_config_validate`
 * refuses the file (xmllint with the cluster.rng a node generates from its
 * installed agents) or where `service cman start` fails with it; a warning
 * where the cluster starts but fencing, quorum or a service will fail when
 * needed; info and hint for facts worth knowing, deprecation and style.
 */
import { defineCodes } from '../../common/codes';

export const { Code, codes } = defineCodes({
  // Well-formedness (parse.ts).
  syntax: { code: 'cluster-conf/syntax', severity: 'error', why: 'A file that is not well-formed XML is refused by xmllint and cannot be loaded by cman at all.' },
  // The schema (validateSchema.ts): what xmllint --relaxng cluster.rng refuses.
  root: { code: 'cluster-conf/root', severity: 'error', why: 'cluster.rng only accepts a document whose top element is cluster, so ccs_config_validate refuses anything else.' },
  unknownElement: { code: 'cluster-conf/unknown-element', severity: 'error', why: 'cluster.rng has no such element in that place, so ccs_config_validate refuses the file.' },
  misplacedElement: { code: 'cluster-conf/misplaced-element', severity: 'error', why: 'cluster.rng only allows the element under another parent, so ccs_config_validate refuses the file.' },
  newerElement: { code: 'cluster-conf/newer-element', severity: 'warning', why: 'Only nodes whose schema was generated from newer resource agents accept the element; on the others ccs_config_validate refuses the file.' },
  duplicateElement: { code: 'cluster-conf/duplicate-element', severity: 'error', why: 'cluster.rng allows the element once in its parent, so ccs_config_validate refuses a second one.' },
  missingElement: { code: 'cluster-conf/missing-element', severity: 'error', why: 'cluster.rng requires the child element, so ccs_config_validate refuses the file without it.' },
  elementOrder: { code: 'cluster-conf/element-order', severity: 'error', why: 'cluster.rng fixes the order of these children, so ccs_config_validate refuses them out of order.' },
  unexpectedText: { code: 'cluster-conf/unexpected-text', severity: 'error', why: 'cluster.rng allows no text inside the element, so ccs_config_validate refuses the file.' },
  unknownAttribute: { code: 'cluster-conf/unknown-attribute', severity: 'error', why: 'Neither cluster.rng nor any installed fence agent defines the attribute there, so ccs_config_validate refuses the file.' },
  newerAttribute: { code: 'cluster-conf/newer-attribute', severity: 'warning', why: 'Only nodes whose schema was generated from newer resource agents accept the attribute; on the others ccs_config_validate refuses the file.' },
  missingAttribute: { code: 'cluster-conf/missing-attribute', severity: 'error', why: 'cluster.rng requires the attribute (and cman will not start a node without its nodeid), so the file is refused.' },
  invalidValue: { code: 'cluster-conf/invalid-value', severity: 'error', why: "The value does not match the attribute's datatype or enumeration in cluster.rng, so ccs_config_validate refuses the file." },
  attributeCombination: { code: 'cluster-conf/attribute-combination', severity: 'error', why: "No single parameter set of the schema (one per fence agent, or a resource's ref versus its inline parameters) holds all these attributes, so ccs_config_validate refuses the file." },
  duplicateId: { code: 'cluster-conf/duplicate-id', severity: 'error', why: 'A fence device name is an XML ID in cluster.rng, so ccs_config_validate refuses two fence devices with one name.' },
  // Fencing (validateFencing.ts).
  unknownFenceDevice: { code: 'cluster-conf/unknown-fence-device', severity: 'error', why: "The name of a node's fence device is an IDREF in cluster.rng, so ccs_config_validate refuses one that no fencedevice defines." },
  unusedFenceDevice: { code: 'cluster-conf/unused-fence-device', severity: 'info', why: 'A fence device no node uses does no harm, but it often means a node was meant to use it.' },
  nodeWithoutFencing: { code: 'cluster-conf/node-without-fencing', severity: 'warning', why: 'cman starts such a cluster, but when the node stops answering it cannot be fenced, and DLM, GFS2 and rgmanager block until someone acknowledges the fence by hand.' },
  emptyFenceMethod: { code: 'cluster-conf/empty-fence-method', severity: 'warning', why: 'A fence method without a device can never fence the node, so fenced moves on to the next method or blocks.' },
  unknownFenceAgent: { code: 'cluster-conf/unknown-fence-agent', severity: 'warning', why: 'fenced runs the agent only when it has to fence, so a missing agent shows up as a failed fence, never at start-up.' },
  missingPort: { code: 'cluster-conf/missing-port', severity: 'warning', why: 'cman starts, but an agent that drives several outlets or guests refuses to fence without being told which one, so fencing this node fails.' },
  unexpectedPort: { code: 'cluster-conf/unexpected-port', severity: 'warning', why: "An agent that controls one machine does not read a port, so the value does not select what the author meant." },
  unsupportedAction: { code: 'cluster-conf/unsupported-action', severity: 'warning', why: 'cman starts, but the agent refuses the action when fenced runs it, so fencing with this device fails.' },
  clearPassword: { code: 'cluster-conf/clear-password', severity: 'hint', why: 'cluster.conf is copied to every node and into backups, so a password written in it is widely readable; a password script keeps it out.' },
  notAnAgentParameter: { code: 'cluster-conf/not-an-agent-parameter', severity: 'warning', why: "The device's agent does not take the parameter: it logs that it ignores it (or stops), so the setting has no effect." },
  invalidAgentValue: { code: 'cluster-conf/invalid-agent-value', severity: 'warning', why: "The value does not fit the agent's own parameter type or choices: the agent refuses to fence with it (numbers, choices) or ignores it (on/off flags)." },
  deprecatedAgentParameter: { code: 'cluster-conf/deprecated-agent-parameter', severity: 'info', why: 'Fence agents since 2012 ignore option, the old name of action, and a parameter the agent metadata marks deprecated may be dropped next; the message names what to write instead.' },
  newerAgentParameter: { code: 'cluster-conf/newer-agent-parameter', severity: 'info', why: 'fence-agents 4.1 renamed the parameter; the agents of the cman era (RHEL 6: fence-agents 3.1 and 4.0) only read the old name the message gives.' },
  sharedFenceTarget: { code: 'cluster-conf/shared-fence-target', severity: 'warning', why: 'Several nodes use one fence device whose only outlet or board address is on the shared fencedevice, so fencing any of them acts on the same machine.' },
  // Membership and quorum (validateMembership.ts).
  duplicateNodeId: { code: 'cluster-conf/duplicate-nodeid', severity: 'warning', why: 'cman starts (it merges the two entries into one node), but corosync tells nodes apart by nodeid, so the two cannot both be members.' },
  duplicateNodeName: { code: 'cluster-conf/duplicate-node-name', severity: 'warning', why: 'cman starts, but it finds a node by its name and takes the first entry, while the second still counts toward the expected votes.' },
  twoNodeExpectedVotes: { code: 'cluster-conf/two-node-expected-votes', severity: 'info', why: 'cman(5) asks for expected_votes="1" with two_node="1"; cman starts with another value too, because two_node holds quorum at one vote while no more than two nodes are up.' },
  twoNodeNodeCount: { code: 'cluster-conf/two-node-node-count', severity: 'error', why: 'cman refuses to start with two_node="1" unless there are exactly two nodes with one vote each.' },
  twoNodeQuorumLoss: { code: 'cluster-conf/two-node-quorum-loss', severity: 'warning', why: 'Without two_node="1" or a quorum disk, a two-node cluster needs both votes, so when one node dies the other loses quorum and stops every service.' },
  quorumUnreachable: { code: 'cluster-conf/quorum-unreachable', severity: 'error', why: 'All votes together never reach quorum, so service cman start fails waiting for it and fenced, DLM and rgmanager never start.' },
  configVersion: { code: 'cluster-conf/config-version', severity: 'warning', why: 'cman reads config_version as an integer (atoi), so "1.2" is version 1: it starts, but later versions of the file may not be taken as newer.' },
  unknownNode: { code: 'cluster-conf/unknown-node', severity: 'warning', why: 'rgmanager ignores a failover domain member that is not a cluster node, so the domain is smaller than it reads.' },
  unknownFailoverDomain: { code: 'cluster-conf/unknown-failover-domain', severity: 'warning', why: 'rgmanager finds no such failover domain, so the service runs without the placement the author meant.' },
  // Across files (crossFile.ts).
  vmWithoutConfig: { code: 'workspace/vm-without-config', severity: 'warning', why: 'rgmanager starts the vm by its domain config; without one in the workspace the service is likely to fail to start.' },
  nodeMissingInDrbd: { code: 'workspace/node-missing-in-drbd', severity: 'warning', why: 'A service that fails over to a node the DRBD resource leaves out finds no replicated disk there.' },
} as const);

export type ClusterCode = (typeof Code)[keyof typeof Code];

/**
 * Codes of the checks `xmllint --relaxng cluster.rng` also makes: a file with
 * any of them is one xmllint rejects. (A `<device name>` is an IDREF in
 * cluster.rng, so a device naming no fence device is rejected there too.)
 */
export const SCHEMA_CODES: ReadonlySet<string> = new Set<ClusterCode>([
  Code.unknownFenceDevice,
  Code.syntax,
  Code.root,
  Code.unknownElement,
  Code.misplacedElement,
  Code.newerElement,
  Code.duplicateElement,
  Code.missingElement,
  Code.elementOrder,
  Code.unexpectedText,
  Code.unknownAttribute,
  Code.newerAttribute,
  Code.missingAttribute,
  Code.invalidValue,
  Code.attributeCombination,
  Code.duplicateId,
]);
