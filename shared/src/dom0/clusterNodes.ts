/** The node names of a Red Hat cluster.conf (`<clusternodes><clusternode name="..."/>`), for the "cluster nodes as hosts" option. */
import { XMLParser } from 'fast-xml-parser';

/** Node names in document order; an empty list for anything that is not a readable cluster.conf. */
export function clusterNodeNames(xml: string): string[] {
  let document: unknown;
  try {
    document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'clusternode' }).parse(xml);
  } catch {
    return [];
  }
  const nodes = (document as { cluster?: { clusternodes?: { clusternode?: unknown[] } } })?.cluster?.clusternodes?.clusternode ?? [];
  return nodes
    .map((node) => (typeof node === 'object' && node !== null ? (node as { name?: unknown }).name : undefined))
    .filter((name): name is string => typeof name === 'string' && name !== '');
}
