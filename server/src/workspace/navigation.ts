/**
 * Navigation across files over the workspace model: the names that tie the
 * files together (domain names, MACs, host names, fence devices, DRBD
 * resources, dom0 interfaces and bridges) can be followed to their
 * definition, listed, and renamed.
 */
import { Location, Position, SymbolInformation, SymbolKind, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { parseMac } from '../common/mac';
import type { FileFacts, Located } from './facts';
import { location, macKey, WorkspaceModel } from './model';

export type LinkKind = 'domain' | 'mac' | 'host' | 'fence-device' | 'drbd-resource' | 'interface';

/** A name at the cursor that other files may refer to. */
export interface Link {
  kind: LinkKind;
  /** The key it is looked up by (MACs normalized). */
  key: string;
  fact: Located<unknown>;
}

function contains(fact: Located<unknown>, position: Position): boolean {
  const { start, end } = fact.range;
  const afterStart = position.line > start.line || (position.line === start.line && position.character >= start.character);
  const beforeEnd = position.line < end.line || (position.line === end.line && position.character <= end.character);
  return afterStart && beforeEnd;
}

/** Every linkable name a file writes, with its kind. */
function linksOf(facts: FileFacts): Link[] {
  const links: Link[] = [];
  const add = (kind: LinkKind, fact: Located | undefined, key = fact?.value) => {
    if (fact && key) links.push({ kind, key, fact });
  };
  if (facts.domain) {
    add('domain', facts.domain.name);
    for (const mac of facts.domain.macs) add('mac', mac, macKey(mac.value));
    for (const bridge of facts.domain.bridges) add('interface', bridge);
  }
  for (const name of facts.dom0Interfaces ?? []) add('interface', name);
  for (const entry of facts.iftab ?? []) add('mac', entry.mac, entry.mac && macKey(entry.mac.value));
  if (facts.cluster) {
    for (const node of facts.cluster.nodes) add('host', node);
    for (const vm of facts.cluster.vms) add('domain', vm);
    for (const device of facts.cluster.fenceDevices) add('fence-device', device);
    for (const ref of facts.cluster.fenceDeviceRefs) add('fence-device', ref);
  }
  for (const resource of facts.drbdResources ?? []) {
    add('drbd-resource', resource.name);
    for (const host of resource.hosts) add('host', host);
  }
  return links;
}

export function linkAt(facts: FileFacts, position: Position): Link | undefined {
  return linksOf(facts).find((link) => contains(link.fact, position));
}

/** Where the name is defined: a domain's config, a vif, a cluster node, a fencedevice, a DRBD resource. */
export function definitions(link: Link, model: WorkspaceModel): Location[] {
  switch (link.kind) {
    case 'domain':
      return (model.domainsByName.get(link.key) ?? []).filter((d) => d.facts.name).map((d) => ({ uri: d.uri, range: d.facts.name!.range }));
    case 'mac':
      return (model.vifMacs.get(link.key) ?? []).map(location);
    case 'host':
      return (model.clusterNodes.get(link.key) ?? []).map(location);
    case 'fence-device':
      return (model.fenceDevices.get(link.key) ?? []).map(location);
    case 'drbd-resource':
      return (model.drbdResourcesByName.get(link.key) ?? []).map((r) => ({ uri: r.uri, range: r.resource.name.range }));
    case 'interface':
      return (model.dom0Interfaces.get(link.key) ?? []).map(location);
  }
}

/** Every place that writes the name, definitions included. */
export function references(link: Link, files: Iterable<{ uri: string; facts: FileFacts }>): Location[] {
  const found: Location[] = [];
  for (const { uri, facts } of files) {
    for (const other of linksOf(facts)) {
      if (other.kind === link.kind && other.key === link.key) found.push({ uri, range: other.fact.range });
    }
  }
  return found;
}

export class RenameError extends Error {}

/** What the kernel takes as an interface name (IFNAMSIZ, no '/' or ':') and a vif spec or network-script argument can hold (no ',', '=', blanks or quotes). */
export function isInterfaceName(name: string): boolean {
  return /^[^\s"'\/:,=]{1,15}$/.test(name) && name !== '.' && name !== '..';
}

/** Edits that rename the name everywhere it is written, and nowhere else. */
export function rename(link: Link, newName: string, files: Iterable<{ uri: string; facts: FileFacts }>): WorkspaceEdit {
  let replacement = newName;
  if (link.kind === 'mac') {
    const mac = parseMac(newName);
    if (!mac) throw new RenameError(`'${newName}' is not a MAC address (aa:bb:cc:dd:ee:ff)`);
    replacement = mac.normalized;
  } else if (link.kind === 'interface') {
    if (!isInterfaceName(newName)) throw new RenameError(`'${newName}' cannot be an interface name: 1 to 15 characters, no blanks, quotes, '/', ':', ',' or '='`);
  } else if (!/^[^\s"'<>&]+$/.test(newName)) {
    throw new RenameError(`'${newName}' cannot be used as a name: no spaces, quotes or XML special characters`);
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const location of references(link, files)) {
    (changes[location.uri] ??= []).push({ range: location.range, newText: replacement });
  }
  return { changes };
}

const SYMBOL_KINDS: Record<LinkKind, SymbolKind> = {
  domain: SymbolKind.Class,
  mac: SymbolKind.Constant,
  host: SymbolKind.Module,
  'fence-device': SymbolKind.Interface,
  'drbd-resource': SymbolKind.Struct,
  interface: SymbolKind.Interface,
};

const KIND_LABELS: Record<LinkKind, string> = {
  domain: 'domain',
  mac: 'MAC',
  host: 'cluster node',
  'fence-device': 'fence device',
  'drbd-resource': 'DRBD resource',
  interface: 'dom0 interface',
};

/** Workspace symbols (Ctrl+T): every defined name whose text contains the query (case-insensitive). */
export function workspaceSymbols(query: string, model: WorkspaceModel, limit = 500): SymbolInformation[] {
  const wanted = query.toLowerCase();
  const symbols: SymbolInformation[] = [];
  const add = (kind: LinkKind, name: string, loc: Location, container?: string) => {
    if (symbols.length < limit && name.toLowerCase().includes(wanted)) {
      symbols.push({ name, kind: SYMBOL_KINDS[kind], location: loc, containerName: container ?? KIND_LABELS[kind] });
    }
  };
  for (const domain of model.domains) if (domain.facts.name) add('domain', domain.name, { uri: domain.uri, range: domain.facts.name.range });
  for (const [name, places] of model.clusterNodes) for (const p of places) add('host', name, location(p));
  for (const [name, places] of model.fenceDevices) for (const p of places) add('fence-device', name, location(p));
  for (const [name, places] of model.vmsByName) for (const p of places) add('domain', name, location(p), 'rgmanager vm');
  for (const placed of model.drbdResources) add('drbd-resource', placed.resource.name.value, { uri: placed.uri, range: placed.resource.name.range });
  for (const [name, places] of model.dom0Interfaces) for (const p of places) add('interface', name, location(p), 'xend network-script');
  for (const [mac, places] of model.vifMacs) for (const p of places) add('mac', mac, location(p), `vif ${p.index} of ${p.domain.name}`);
  return symbols;
}
