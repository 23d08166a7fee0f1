/**
 * Every diagnostic code of the language, with the severity it is reported at
 * and why (docs/drbd.md shows the same table). Codes are a stable interface:
 * never rename one.
 */
import { defineCodes } from '../../common/codes';

export const { Code, codes } = defineCodes({
  syntax: { code: 'drbd/syntax', severity: 'error', why: 'drbdadm stops at a stray brace or semicolon, an unterminated string or a section with the wrong arguments.' },
  missingSemicolon: { code: 'drbd/missing-semicolon', severity: 'error', why: "drbdadm reads the next word as part of the statement and stops with a parse error." },
  missingBrace: { code: 'drbd/missing-brace', severity: 'error', why: 'drbdadm reads the following sections inside the unclosed one and stops with a parse error.' },
  unknownSection: { code: 'drbd/unknown-section', severity: 'error', why: 'drbdadm stops at a section name it does not know.' },
  unknownOption: { code: 'drbd/unknown-option', severity: 'error', why: 'drbdadm stops at an option name its section does not know.' },
  wrongSection: { code: 'drbd/wrong-section', severity: 'error', why: 'drbdadm takes each option and section in certain sections only and stops at one written elsewhere.' },
  wrongDialect: { code: 'drbd/wrong-dialect', severity: 'error', why: "The drbdadm of the file's DRBD version does not know syntax of another version and stops there." },
  movedOption: {
    code: 'drbd/moved-option',
    severity: ['warning', 'error', 'info'],
    why: 'Old syntax that drbdadm 8.4 still converts but drbdadm 9 refuses (an error where the file is DRBD 9), or that both still read (info).',
  },
  invalidValue: { code: 'drbd/invalid-value', severity: 'error', why: 'drbdadm, or drbdsetup when the resource is brought up, refuses a value of the wrong kind or shape.' },
  invalidUnit: { code: 'drbd/invalid-unit', severity: 'error', why: 'drbdadm takes only the unit suffixes k, M, G and s and refuses others.' },
  outOfRange: { code: 'drbd/out-of-range', severity: 'error', why: "drbdadm refuses a number outside the option's range." },
  invalidAddress: { code: 'drbd/invalid-address', severity: 'error', why: 'drbdadm needs a numeric address with a port and refuses anything else.' },
  duplicateOption: {
    code: 'drbd/duplicate-option',
    severity: ['warning', 'error'],
    why: 'drbdadm refuses a second device, disk, address, meta-disk or node-id in one host, a second device or protocol in a resource, and (DRBD 9) an option set twice in a net or disk section; elsewhere it keeps one of the values silently.',
  },
  duplicateSection: { code: 'drbd/duplicate-section', severity: 'error', why: 'drbdadm refuses a second global or common section, or a second section of one kind in a resource ("conflicting use").' },
  duplicateResource: { code: 'drbd/duplicate-resource', severity: 'error', why: 'drbdadm refuses a resource name defined twice in the files it reads together.' },
  duplicateHost: { code: 'drbd/duplicate-host', severity: 'error', why: 'drbdadm refuses two host sections for one host in a resource.' },
  duplicateNodeId: { code: 'drbd/duplicate-node-id', severity: 'error', why: 'drbdadm 9 refuses two hosts of a resource with the same node-id.' },
  missingHostOption: { code: 'drbd/missing-host-option', severity: 'error', why: 'drbdadm refuses a host that lacks a device, a disk, an address or meta-disk where its version needs one.' },
  missingNodeId: { code: 'drbd/missing-node-id', severity: 'error', why: 'drbdadm 9 refuses a host without node-id unless it can number the two hosts of an implicit connection itself.' },
  missingProtocol: { code: 'drbd/missing-protocol', severity: 'error', why: 'drbdadm 8.3 refuses a resource whose protocol neither it nor common sets.' },
  hostCount: { code: 'drbd/host-count', severity: 'warning', why: 'DRBD 8.x replicates between two nodes; with another number of hosts the resource does not do what the file seems to say.' },
  duplicateAddress: { code: 'drbd/duplicate-address', severity: ['error', 'warning'], why: 'drbdadm refuses an address two resources use; across files only when both are loaded together (a warning).' },
  duplicateMinor: { code: 'drbd/duplicate-minor', severity: ['error', 'warning'], why: 'drbdadm refuses a minor used twice on one host; across files only when both are loaded together (a warning).' },
  duplicateDevice: { code: 'drbd/duplicate-device', severity: ['error', 'warning'], why: 'drbdadm refuses a device path used twice on one host; across files only when both are loaded together (a warning).' },
  unknownHost: { code: 'drbd/unknown-host', severity: ['error', 'warning'], why: 'drbdadm 8.x refuses become-primary-on naming a host the resource lacks; drbdadm 9 ignores the name, so the node never becomes primary by itself.' },
  twoPrimariesNotAllowed: { code: 'drbd/two-primaries-not-allowed', severity: 'error', why: "drbdadm 8.x refuses become-primary-on both unless the net section allows two primaries." },
  dualPrimaryWithoutFencing: { code: 'drbd/dual-primary-without-fencing', severity: 'warning', why: 'It runs, but when the replication link fails both primaries keep writing and the data splits brain.' },
  dualPrimaryProtocol: { code: 'drbd/dual-primary-protocol', severity: 'error', why: 'DRBD refuses two primaries with an asynchronous protocol.' },
  ignoredOption: { code: 'drbd/ignored-option', severity: 'info', why: 'drbdadm reads an obsolete option and ignores it: it has no effect.' },
  newerThanUtils: { code: 'drbd/newer-than-utils', severity: 'error', why: 'The drbdadm of the drbd-utils release the hosts run (the drbd.utilsVersion setting) is older than the keyword and refuses the file.' },
  dialectGuess: { code: 'drbd/dialect-guess', severity: 'info', why: "The file mixes syntax of two DRBD versions; it is checked as the version whose drbdadm reads all of it, which is a guess worth confirming." },
  includeNotFound: { code: 'drbd/include-not-found', severity: 'error', why: 'drbdadm stops at an include of a file that does not exist.' },
  includeNoMatch: { code: 'drbd/include-no-match', severity: 'warning', why: 'drbdadm silently reads nothing for a pattern that matches no file, so the resources meant to be there are missing.' },
  // Cross-file rules (crossFile.ts).
  hostNotClusterNode: { code: 'workspace/drbd-host-not-cluster-node', severity: 'warning', why: 'DRBD matches host names with `uname -n`; a host the cluster does not know is usually a typo or a stale name.' },
  nodeMissingInDrbd: { code: 'workspace/node-missing-in-drbd', severity: 'warning', why: "A cluster node the resource has no host section for gets no replica of the data." },
});

export type DrbdCode = (typeof Code)[keyof typeof Code];
