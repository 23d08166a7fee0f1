import type { ClusterFacts, FileFacts, Located } from '../../workspace/facts';
import { clusterModel } from './model';
import { attribute, ClusterDoc, XmlElement } from './parse';
import type { ServiceContext } from '../types';

/** The cluster's names (nodes with their nodeids, fence devices, services, vms) with where each is written. */
export function facts(doc: ClusterDoc, _ctx: ServiceContext): FileFacts {
  const model = clusterModel(doc);
  if (!model.cluster) return {};
  const located = (element: XmlElement, name = 'name'): Located | undefined => {
    const attr = attribute(element, name);
    return attr && { value: attr.value, range: doc.lines.range(attr.valueStart, attr.valueEnd) };
  };
  const all = (elements: XmlElement[]) => elements.map((e) => located(e)).filter((l): l is Located => l !== undefined);
  const cluster: ClusterFacts = {
    clusterName: located(model.cluster),
    nodes: model.nodes.flatMap((node) => {
      const name = located(node);
      const nodeid = attribute(node, 'nodeid')?.value;
      return name ? [nodeid !== undefined && /^\d{1,9}$/.test(nodeid) ? { ...name, nodeid: Number(nodeid) } : name] : [];
    }),
    fenceDevices: all(model.fenceDevices),
    fenceDeviceRefs: all(model.deviceRefs),
    services: all(model.services),
    vms: model.vms.flatMap((vm) => {
      const name = located(vm);
      // rgmanager migrates a vm live (the default) or paused; both need its disk on the target node
      // while the source still has it open, so only an explicit "none" opts out.
      const migrate = attribute(vm, 'migrate')?.value ?? 'live';
      return name ? [{ ...name, migratable: migrate !== 'none' }] : [];
    }),
  };
  return { cluster };
}
