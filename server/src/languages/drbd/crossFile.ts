/**
 * The DRBD checks that look at other files, on facts only: hosts against the
 * cluster's nodes; addresses, minors and devices another file's resource
 * also uses; and a dual-primary resource whose fencing no `common` section
 * (of its own file or another, usually global_common.conf) completes.
 */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { didYouMean } from '../../common/didYouMean';
import { crossFileDiagnostic, related } from '../../workspace/crossFile';
import type { DrbdResourceFact, FileFacts, Located } from '../../workspace/facts';
import type { Placed } from '../../workspace/model';
import type { CrossFileContext, CrossFileRule } from '../types';
import { Code, DrbdCode } from './codes';
import { oneConfiguration } from './configuration';
import { withoutFencingMessage } from './fencing';
import { SOURCE } from './parse';

function drbdChecks(resource: DrbdResourceFact, { model, at }: CrossFileContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!model.hasCluster) return out;
  const nodes = [...model.clusterNodes.keys()];
  for (const host of resource.hosts) {
    if (model.clusterNodes.has(host.value)) continue;
    const node = closestNode(host.value, nodes);
    const placedNode = node ? model.clusterNodes.get(node)![0] : undefined;
    const suffix = placedNode ? ` The cluster has '${node}' (${at(placedNode)}); DRBD compares the name with \`uname -n\`, which must be the same name the cluster uses.` : ' DRBD compares the name with `uname -n` on each node, which must match a clusternode name.';
    out.push(crossFileDiagnostic(host.range, DiagnosticSeverity.Warning, Code.hostNotClusterNode, `DRBD host '${host.value}' in resource '${resource.name.value}' is not a node of the cluster.${suffix}`, placedNode ? [related(placedNode, `cluster node '${node}'`)] : []));
  }
  const hosts = new Set(resource.hosts.map((h) => h.value));
  if (resource.hosts.some((h) => model.clusterNodes.has(h.value))) {
    for (const [node, places] of model.clusterNodes) {
      if (hosts.has(node)) continue;
      out.push(crossFileDiagnostic(resource.name.range, DiagnosticSeverity.Warning, Code.nodeMissingInDrbd, `Resource '${resource.name.value}' has no 'on ${node}' section, but '${node}' is a cluster node (${at(places[0])}); add it so the data is replicated there.`, [related(places[0], `cluster node '${node}'`)]));
    }
  }
  return out;
}

/** The cluster node a DRBD host name most likely means (same short name, or a close spelling). */
function closestNode(host: string, nodes: string[]): string | undefined {
  const short = (name: string) => name.split('.')[0];
  return nodes.find((n) => short(n) === short(host)) ?? didYouMean(host, nodes, 1)[0];
}

/** A DRBD finding made across files: it keeps the language's source, so the editor lists it with the file's own. */
function drbdDiagnostic(range: Range, severity: DiagnosticSeverity, code: DrbdCode, message: string, relatedInformation: DiagnosticRelatedInformation[] = []): Diagnostic {
  return { ...crossFileDiagnostic(range, severity, code, message, relatedInformation), source: SOURCE };
}

type Claimed<T> = Placed<T> & { resource: DrbdResourceFact; host: string };

/**
 * Addresses, minors and device paths of this file's `on` hosts that a
 * resource of another file also uses (drbdadm refuses the second when both
 * are loaded). Only the first claim of a key in this file is compared: later
 * ones are already errors of the file itself (validateResources.ts).
 */
function collisions(uri: string, facts: FileFacts, { model }: CrossFileContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const check = <T>(table: Map<string, Claimed<T>[]>, code: DrbdCode, key: string, fact: Located<T>, what: string) => {
    if (seen.has(`${code}|${key}`)) return;
    seen.add(`${code}|${key}`);
    const others = (table.get(key) ?? []).filter((claim) => claim.uri !== uri && claim.host !== '');
    const named = others[others.length - 1];
    if (!named) return;
    const message = `${what} is also used by resource '${named.resource.name.value}' in ${fileName(named.uri)}; when both are loaded drbdadm refuses the second.`;
    out.push(drbdDiagnostic(fact.range, DiagnosticSeverity.Warning, code, message, [related(named, `used by resource '${named.resource.name.value}'`)]));
  };
  for (const resource of facts.drbdResources ?? []) {
    for (const address of resource.addresses) if (address.host) check(model.drbdAddresses, Code.duplicateAddress, address.value, address, `Address ${address.value}`);
    for (const minor of resource.minors) if (minor.host) check(model.drbdHostMinors, Code.duplicateMinor, `${minor.host}|${minor.value}`, minor, `Minor ${minor.value} on '${minor.host}'`);
    for (const device of resource.devices) if (device.host) check(model.drbdHostDevices, Code.duplicateDevice, `${device.host}|${device.value}`, device, `Device ${device.value} on '${device.host}'`);
  }
  return out;
}

function fileName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

/**
 * A resource that allows two primaries needs `fencing resource-and-stonith`
 * and a `fence-peer` handler: from its own sections, its file's `common`
 * (both in the fact), or the `common` section of any file of the workspace
 * (drbd.conf includes global_common.conf before the resources). The quick fix
 * is offered by actions.ts, by code.
 */
function unfencedDualPrimary(facts: FileFacts, { model }: CrossFileContext): Diagnostic[] {
  const commonFencing = model.drbdCommons.some(({ common }) => common.fencing === 'resource-and-stonith');
  const commonFencePeer = model.drbdCommons.some(({ common }) => common.fencePeer);
  const out: Diagnostic[] = [];
  for (const resource of facts.drbdResources ?? []) {
    const dual = resource.dualPrimaryFencing;
    if (!dual) continue;
    const fencing = dual.fencing || commonFencing;
    const fencePeer = dual.fencePeer || commonFencePeer;
    if (fencing && fencePeer) continue;
    out.push(drbdDiagnostic(dual.range, DiagnosticSeverity.Warning, Code.dualPrimaryWithoutFencing, withoutFencingMessage(`Resource '${resource.name.value}'`, fencing, fencePeer, dual.fencingSection)));
  }
  return out;
}

/**
 * A resource name another file of the same configuration defines too
 * (drbdadm reads both and refuses the second: "conflicting use of resource
 * section"). The same name in copies of a configuration kept for different
 * nodes is no conflict (configuration.ts).
 */
/** The other definitions a duplicate-resource error points at (the first few: each is a line in the editor's list). */
const MAX_RELATED = 20;

function duplicateResources(uri: string, facts: FileFacts, { model }: CrossFileContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The other files' definitions depend on the name alone: looked up once per name, so a file that
  // repeats one name N times costs N, not N² (each lookup would walk all N of this file's own).
  const othersByName = new Map<string, ReturnType<typeof othersNamed>>();
  const othersNamed = (name: string) =>
    (model.drbdResourcesByName.get(name) ?? []).filter((placed) => placed.uri !== uri && oneConfiguration(model, uri, placed.uri)).slice(0, MAX_RELATED);
  for (const resource of facts.drbdResources ?? []) {
    const name = resource.name.value;
    let others = othersByName.get(name);
    if (!others) othersByName.set(name, (others = othersNamed(name)));
    if (others.length === 0) continue;
    const [other] = others;
    const message = `Resource '${name}' is also defined in ${fileName(other.uri)} (line ${other.resource.name.range.start.line + 1}), which drbdadm reads with this file; it refuses the second definition ("conflicting use of resource section"): rename or remove one.`;
    out.push(drbdDiagnostic(resource.name.range, DiagnosticSeverity.Error, Code.duplicateResource, message, others.map((o) => related({ uri: o.uri, fact: o.resource.name }, `resource '${name}'`))));
  }
  return out;
}

/** DRBD 8.3: a resource without a `protocol`, which no `common` section of its configuration gives either. */
function missingProtocol(uri: string, facts: FileFacts, { model }: CrossFileContext): Diagnostic[] {
  const given = model.drbdCommons.some(({ uri: other, common }) => common.protocol && (other === uri || oneConfiguration(model, uri, other)));
  if (given) return [];
  return (facts.drbdResources ?? [])
    .filter((resource) => resource.withoutProtocol)
    .map((resource) => drbdDiagnostic(resource.name.range, DiagnosticSeverity.Error, Code.missingProtocol, `Resource '${resource.name.value}' has no 'protocol': drbdadm 8.3 needs one, in the resource or in a 'common' section, and refuses the file ("protocol definition missing"); add e.g. 'protocol C;'.`));
}

export const crossFileRules: readonly CrossFileRule[] = [
  { name: 'drbd/hosts-are-cluster-nodes', check: (_uri, facts, ctx) => (facts.drbdResources ?? []).flatMap((resource) => drbdChecks(resource, ctx)) },
  { name: 'drbd/collisions-across-files', check: collisions },
  { name: 'drbd/dual-primary-fenced', check: (_uri, facts, ctx) => unfencedDualPrimary(facts, ctx) },
  { name: 'drbd/resource-names-across-files', check: duplicateResources },
  { name: 'drbd/protocol-8.3', check: missingProtocol },
];
