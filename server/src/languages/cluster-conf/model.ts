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

function childrenNamed(parent: XmlElement | undefined, name: string): XmlElement[] {
  return parent?.children.filter((c) => c.name === name) ?? [];
}

export function clusterModel(doc: ClusterDoc): ClusterModel {
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

/** The `<fencedevice>` a `<device name=…>` points at. */
export function fenceDeviceNamed(model: ClusterModel, name: string | undefined): XmlElement | undefined {
  return name === undefined ? undefined : model.fenceDevices.find((d) => attributeValue(d, 'name') === name);
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
