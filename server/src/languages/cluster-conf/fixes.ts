/** The quick fixes cluster.conf findings carry: each edits only the characters that must change. */
import { TextEdit } from 'vscode-languageserver-types';
import { quickFix } from '../../common/diagnostics';
import type { ClusterModel } from './model';
import { attribute, attributeValue, ClusterDoc, XmlAttribute, XmlElement } from './parse';
import type { FixesFor } from './positions';

function indentOf(doc: ClusterDoc, offset: number): string {
  const line = doc.lines.lineText(doc.lines.positionAt(offset).line);
  return /^[ \t]*/.exec(line)![0];
}

/** The file's indentation step, from the first child written on its own line; four spaces by default. */
function indentUnit(doc: ClusterDoc): string {
  for (const element of doc.elements) {
    if (!element.parent) continue;
    const parentIndent = indentOf(doc, element.parent.start);
    const childIndent = indentOf(doc, element.start);
    if (childIndent.length > parentIndent.length && childIndent.startsWith(parentIndent)) return childIndent.slice(parentIndent.length);
  }
  return '    ';
}

/** An edit that adds `lines` (indented one step per level with `unit`) as the last child of `parent`. */
function appendChild(doc: ClusterDoc, parent: XmlElement, build: (unit: string) => string[]): TextEdit {
  const unit = indentUnit(doc);
  const parentIndent = indentOf(doc, parent.start);
  const body = build(unit).map((line) => parentIndent + unit + line).join('\n');
  if (parent.selfClosing) {
    return TextEdit.replace(doc.lines.range(parent.startTagEnd - 2, parent.startTagEnd), `>\n${body}\n${parentIndent}</${parent.name}>`);
  }
  const closeLine = doc.lines.positionAt(parent.contentEnd).line;
  const closeLineStart = doc.lines.lineStart(closeLine);
  const closingTagOnItsOwnLine = closeLineStart > parent.startTagEnd && doc.text.slice(closeLineStart, parent.contentEnd).trim() === '';
  if (closingTagOnItsOwnLine) return TextEdit.insert(doc.lines.positionAt(closeLineStart), `${body}\n`);
  return TextEdit.insert(doc.lines.positionAt(parent.contentEnd), `\n${body}\n${parentIndent}`);
}

/** The fixes of each of `fixes`, in order. */
export function allOf(...fixes: (FixesFor | undefined)[]): FixesFor {
  return (found, ctx) => fixes.flatMap((fix) => fix?.(found, ctx) ?? []);
}

/** Did-you-mean: replaces the misspelt word with each suggestion (the first preferred); for an element, its end tag's name too. */
export function changeTo(doc: ClusterDoc, suggestions: string[], element?: XmlElement): FixesFor | undefined {
  if (suggestions.length === 0) return undefined;
  return (found, { uri }) =>
    suggestions.map((suggestion, index) => {
      const edits = [TextEdit.replace(found.range, suggestion)];
      if (element?.endNameStart !== undefined) {
        edits.push(TextEdit.replace(doc.lines.range(element.endNameStart, element.endNameStart + element.name.length), suggestion));
      }
      return quickFix(`Change to '${suggestion}'`, uri, edits, [found], index === 0);
    });
}

/** Adds the `<fencedevice>` a `<device name=…>` names, to `<fencedevices>` (created when missing). */
export function createFenceDevice(doc: ClusterDoc, model: ClusterModel, name: XmlAttribute, preferred: boolean): FixesFor {
  return (found, { uri }) => {
    const written = doc.text.slice(name.valueStart, name.valueEnd);
    const skeleton = `<fencedevice name="${written}" agent="fence_ipmilan" ipaddr="" login="" passwd_script=""/>`;
    const section = model.fencedevicesSection;
    let edit: TextEdit | undefined;
    if (section && section.closed) edit = appendChild(doc, section, () => [skeleton]);
    else if (!section && model.cluster?.closed) edit = appendChild(doc, model.cluster, (unit) => ['<fencedevices>', unit + skeleton, '</fencedevices>']);
    return edit && written !== '' ? [quickFix(`Create <fencedevice name="${written}"> in <fencedevices>`, uri, [edit], [found], preferred)] : [];
  };
}

/** Adds `expected_votes="1"` after `two_node`, or sets the one there. */
export function setExpectedVotes(doc: ClusterDoc, cman: XmlElement, twoNode: XmlAttribute): FixesFor {
  return (found, { uri }) => {
    const expected = attribute(cman, 'expected_votes');
    const edit = expected
      ? TextEdit.replace(doc.lines.range(expected.valueStart, expected.valueEnd), '1')
      : TextEdit.insert(doc.lines.positionAt(twoNode.valueEnd + (twoNode.quoted ? 1 : 0)), ' expected_votes="1"');
    return [quickFix(expected ? 'Set expected_votes="1"' : 'Add expected_votes="1"', uri, [edit], [found], true)];
  };
}

/** Adds a fence method skeleton to a node, with a fence device no node uses yet (the likely one for a node just added). */
export function addFenceMethod(doc: ClusterDoc, model: ClusterModel, node: XmlElement): FixesFor {
  return (found, { uri }) => {
    if (!node.closed) return [];
    const used = new Set(model.deviceRefs.map((r) => attributeValue(r, 'name')));
    const device = model.fenceDevices.map((f) => attributeValue(f, 'name')).find((n) => n !== undefined && !used.has(n)) ?? '';
    const edit = appendChild(doc, node, (unit) => ['<fence>', `${unit}<method name="1">`, `${unit}${unit}<device name="${device}"/>`, `${unit}</method>`, '</fence>']);
    return [quickFix(`Add a fence method to node '${attributeValue(node, 'name') ?? ''}'`, uri, [edit], [found])];
  };
}
