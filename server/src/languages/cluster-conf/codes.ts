/** Every diagnostic code of the language, in one place (docs/cluster-conf.md lists them). Codes are a stable interface: never rename one. */
export const Code = {
  // Well-formedness (parse.ts).
  syntax: 'cluster-conf/syntax',
  // The RHCS 3 schema (validateSchema.ts).
  root: 'cluster-conf/root',
  unknownElement: 'cluster-conf/unknown-element',
  misplacedElement: 'cluster-conf/misplaced-element',
  newerElement: 'cluster-conf/newer-element',
  duplicateElement: 'cluster-conf/duplicate-element',
  missingElement: 'cluster-conf/missing-element',
  elementOrder: 'cluster-conf/element-order',
  unexpectedText: 'cluster-conf/unexpected-text',
  unknownAttribute: 'cluster-conf/unknown-attribute',
  newerAttribute: 'cluster-conf/newer-attribute',
  missingAttribute: 'cluster-conf/missing-attribute',
  invalidValue: 'cluster-conf/invalid-value',
  attributeCombination: 'cluster-conf/attribute-combination',
  duplicateId: 'cluster-conf/duplicate-id',
  // Fencing (validateFencing.ts).
  unknownFenceDevice: 'cluster-conf/unknown-fence-device',
  unusedFenceDevice: 'cluster-conf/unused-fence-device',
  nodeWithoutFencing: 'cluster-conf/node-without-fencing',
  emptyFenceMethod: 'cluster-conf/empty-fence-method',
  unknownFenceAgent: 'cluster-conf/unknown-fence-agent',
  missingPort: 'cluster-conf/missing-port',
  unexpectedPort: 'cluster-conf/unexpected-port',
  unsupportedAction: 'cluster-conf/unsupported-action',
  clearPassword: 'cluster-conf/clear-password',
  notAnAgentParameter: 'cluster-conf/not-an-agent-parameter',
  // Membership and quorum (validateMembership.ts).
  duplicateNodeId: 'cluster-conf/duplicate-nodeid',
  duplicateNodeName: 'cluster-conf/duplicate-node-name',
  twoNodeExpectedVotes: 'cluster-conf/two-node-expected-votes',
  twoNodeNodeCount: 'cluster-conf/two-node-node-count',
  quorumUnreachable: 'cluster-conf/quorum-unreachable',
  configVersion: 'cluster-conf/config-version',
  unknownNode: 'cluster-conf/unknown-node',
  unknownFailoverDomain: 'cluster-conf/unknown-failover-domain',
  // Across files (crossFile.ts).
  vmWithoutConfig: 'workspace/vm-without-config',
  nodeMissingInDrbd: 'workspace/node-missing-in-drbd',
} as const;

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
