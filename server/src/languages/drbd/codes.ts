/** Every diagnostic code of the language, in one place (docs/drbd.md lists them). Codes are a stable interface: never rename one. */
export const Code = {
  syntax: 'drbd/syntax',
  missingSemicolon: 'drbd/missing-semicolon',
  missingBrace: 'drbd/missing-brace',
  unknownSection: 'drbd/unknown-section',
  unknownOption: 'drbd/unknown-option',
  wrongSection: 'drbd/wrong-section',
  wrongDialect: 'drbd/wrong-dialect',
  movedOption: 'drbd/moved-option',
  invalidValue: 'drbd/invalid-value',
  invalidUnit: 'drbd/invalid-unit',
  outOfRange: 'drbd/out-of-range',
  invalidAddress: 'drbd/invalid-address',
  duplicateOption: 'drbd/duplicate-option',
  duplicateHost: 'drbd/duplicate-host',
  missingHostOption: 'drbd/missing-host-option',
  missingNodeId: 'drbd/missing-node-id',
  hostCount: 'drbd/host-count',
  duplicateAddress: 'drbd/duplicate-address',
  duplicateMinor: 'drbd/duplicate-minor',
  duplicateDevice: 'drbd/duplicate-device',
  unknownHost: 'drbd/unknown-host',
  twoPrimariesNotAllowed: 'drbd/two-primaries-not-allowed',
  dualPrimaryWithoutFencing: 'drbd/dual-primary-without-fencing',
  dualPrimaryProtocol: 'drbd/dual-primary-protocol',
  includeNotFound: 'drbd/include-not-found',
  includeNoMatch: 'drbd/include-no-match',
  // Cross-file rules (crossFile.ts).
  hostNotClusterNode: 'workspace/drbd-host-not-cluster-node',
  nodeMissingInDrbd: 'workspace/node-missing-in-drbd',
} as const;

export type DrbdCode = (typeof Code)[keyof typeof Code];
