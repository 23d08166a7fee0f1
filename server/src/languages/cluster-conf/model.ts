/** The parts of a cluster.conf tree that checks, navigation and facts look up by meaning. */
import { attribute, attributeValue, ClusterDoc, XmlAttribute, XmlElement } from './parse';

export interface ClusterModel {
  cluster?: XmlElement;
  cman?: XmlElement;
  quorumd?: XmlElement;
  nodes: XmlElement[];
  fencedevicesSection?: XmlElement;
  fenceDevices: XmlElement[];
  /** `<device>` elements under a node's `<fence>`/`<unfence>`. */
  deviceRefs: XmlElement[];
  services: XmlElement[];
  vms: XmlElement[];
  failoverDomains: XmlElement[];
}

/** A positive decimal integer (nodeid, votes, config_version as cman reads them), or undefined. */
export function positiveInteger(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\+?\d+\s*$/.test(value)) return undefined;
  const n = parseInt(value, 10);
  return n > 0 ? n : undefined;
}

function childrenNamed(parent: XmlElement | undefined, name: string): XmlElement[] {
  return parent?.children.filter((c) => c.name === name) ?? [];
}

/** Models per parsed document: validation, completion, hover and navigation all ask, once per request. */
const models = new WeakMap<ClusterDoc, ClusterModel>();

export function clusterModel(doc: ClusterDoc): ClusterModel {
  let model = models.get(doc);
  if (!model) models.set(doc, (model = buildModel(doc)));
  return model;
}

function buildModel(doc: ClusterDoc): ClusterModel {
  const cluster = doc.root?.name === 'cluster' ? doc.root : undefined;
  const nodes = childrenNamed(cluster, 'clusternodes').flatMap((s) => childrenNamed(s, 'clusternode'));
  const fencedevicesSection = childrenNamed(cluster, 'fencedevices')[0];
  const fenceDevices = childrenNamed(cluster, 'fencedevices').flatMap((s) => childrenNamed(s, 'fencedevice'));
  const deviceRefs = doc.elements.filter((e) => e.name === 'device' && (e.parent?.name === 'method' || e.parent?.name === 'unfence'));
  const rm = childrenNamed(cluster, 'rm');
  return {
    cluster,
    cman: childrenNamed(cluster, 'cman')[0],
    quorumd: childrenNamed(cluster, 'quorumd')[0],
    nodes,
    fencedevicesSection,
    fenceDevices,
    deviceRefs,
    services: doc.elements.filter((e) => e.name === 'service' && attribute(e, 'name')),
    vms: doc.elements.filter((e) => e.name === 'vm' && attribute(e, 'name')),
    failoverDomains: rm.flatMap((r) => childrenNamed(r, 'failoverdomains')).flatMap((s) => childrenNamed(s, 'failoverdomain')),
  };
}

const devicesByName = new WeakMap<ClusterModel, Map<string, XmlElement>>();
const referencedNames = new WeakMap<ClusterModel, Set<string | undefined>>();

/** The `<fencedevice>` a `<device name=…>` points at (the first of that name), looked up in a table built once per model. */
export function fenceDeviceNamed(model: ClusterModel, name: string | undefined): XmlElement | undefined {
  if (name === undefined) return undefined;
  let byName = devicesByName.get(model);
  if (!byName) {
    byName = new Map();
    for (const device of model.fenceDevices) {
      const deviceName = attributeValue(device, 'name');
      if (deviceName !== undefined && !byName.has(deviceName)) byName.set(deviceName, device);
    }
    devicesByName.set(model, byName);
  }
  return byName.get(name);
}

/** Whether some `<device>` of a node's fence or unfence names `name` (a set built once per model). */
export function isReferencedDevice(model: ClusterModel, name: string): boolean {
  let names = referencedNames.get(model);
  if (!names) referencedNames.set(model, (names = new Set(model.deviceRefs.map((r) => attributeValue(r, 'name')))));
  return names.has(name);
}

/** The name attribute of every fence device and device reference with that name: the rename/references set. */
export function fenceDeviceNameAttributes(model: ClusterModel, name: string): XmlAttribute[] {
  return [...model.fenceDevices, ...model.deviceRefs]
    .map((e) => attribute(e, 'name'))
    .filter((a): a is XmlAttribute => a !== undefined && a.value === name);
}

/** The fence agent behind a `<fencedevice>`, or behind the fence device a `<device>` names. */
export function agentNameFor(model: ClusterModel, element: XmlElement): string | undefined {
  if (element.name === 'fencedevice') return attributeValue(element, 'agent');
  if (element.name === 'device') {
    const target = fenceDeviceNamed(model, attributeValue(element, 'name'));
    return target && attributeValue(target, 'agent');
  }
  return undefined;
}
