/**
 * Go to definition, find references and rename for fence device names: a
 * `<fencedevice name=…>` and the `<device name=…>` entries that use it.
 */
import type { Location, Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { ServiceContext } from '../types';
import { cursorContext } from './cursor';
import { clusterModel, fenceDeviceNameAttributes, fenceDeviceNamed } from './model';
import { attribute, ClusterDoc, XmlAttribute } from './parse';
import { typeProblem } from './schema';

/** The fence device name under the cursor, on either side of the reference. */
function fenceDeviceNameAt(doc: ClusterDoc, position: Position): XmlAttribute | undefined {
  const context = cursorContext(doc, doc.lines.offsetAt(position));
  if (context.kind !== 'attributeValue' || context.attribute.name !== 'name') return undefined;
  return context.element.name === 'fencedevice' || context.element.name === 'device' ? context.attribute : undefined;
}

function locationOf(doc: ClusterDoc, attr: XmlAttribute, uri: string): Location {
  return { uri, range: doc.lines.range(attr.valueStart, attr.valueEnd) };
}

export function definition(doc: ClusterDoc, position: Position, ctx: ServiceContext): Location[] {
  const name = fenceDeviceNameAt(doc, position);
  const target = name && fenceDeviceNamed(clusterModel(doc), name.value);
  const targetName = target && attribute(target, 'name');
  return targetName ? [locationOf(doc, targetName, ctx.uri)] : [];
}

export function references(doc: ClusterDoc, position: Position, ctx: ServiceContext, includeDeclaration = true): Location[] {
  const name = fenceDeviceNameAt(doc, position);
  if (!name) return [];
  const model = clusterModel(doc);
  const declaration = fenceDeviceNamed(model, name.value);
  return fenceDeviceNameAttributes(model, name.value)
    .filter((attr) => includeDeclaration || !declaration || attribute(declaration, 'name') !== attr)
    .map((attr) => locationOf(doc, attr, ctx.uri));
}

/** Renames a fence device everywhere; null when the cursor is on no fence device name or the new name is not a valid XML name. */
export function rename(doc: ClusterDoc, position: Position, newName: string, ctx: ServiceContext): WorkspaceEdit | null {
  const name = fenceDeviceNameAt(doc, position);
  if (!name || typeProblem({ type: 'ID' }, newName) !== undefined) return null;
  const edits: TextEdit[] = fenceDeviceNameAttributes(clusterModel(doc), name.value).map((attr) => ({
    range: doc.lines.range(attr.valueStart, attr.valueEnd),
    newText: newName,
  }));
  return { changes: { [ctx.uri]: edits } };
}
