/** Quick fixes for the cluster.conf diagnostics: each edits only the characters that must change. */
import { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { quickFix } from '../../common/diagnostics';
import { clusterModel } from './model';
import { attribute, attributeValue, ClusterDoc, SOURCE, XmlElement } from './parse';
import { suggestionsOf } from './suggestions';

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

function createFenceDevice(doc: ClusterDoc, d: Diagnostic, uri: string): CodeAction | undefined {
  const name = doc.text.slice(doc.lines.offsetAt(d.range.start), doc.lines.offsetAt(d.range.end));
  const model = clusterModel(doc);
  const skeleton = `<fencedevice name="${name}" agent="fence_ipmilan" ipaddr="" login="" passwd_script=""/>`;
  const section = model.fencedevicesSection;
  let edit: TextEdit | undefined;
  if (section && section.closed) edit = appendChild(doc, section, () => [skeleton]);
  else if (!section && model.cluster?.closed) edit = appendChild(doc, model.cluster, (unit) => ['<fencedevices>', unit + skeleton, '</fencedevices>']);
  return edit && quickFix(`Create <fencedevice name="${name}"> in <fencedevices>`, uri, [edit], [d], suggestionsOf(d).length === 0);
}

function addExpectedVotes(doc: ClusterDoc, d: Diagnostic, uri: string): CodeAction | undefined {
  const cman = clusterModel(doc).cman;
  const twoNode = cman && attribute(cman, 'two_node');
  if (!cman || !twoNode) return undefined;
  const expected = attribute(cman, 'expected_votes');
  const edit = expected
    ? TextEdit.replace(doc.lines.range(expected.valueStart, expected.valueEnd), '1')
    : TextEdit.insert(doc.lines.positionAt(twoNode.valueEnd + (twoNode.quoted ? 1 : 0)), ' expected_votes="1"');
  return quickFix(expected ? 'Set expected_votes="1"' : 'Add expected_votes="1"', uri, [edit], [d], true);
}

function addFenceMethod(doc: ClusterDoc, d: Diagnostic, uri: string): CodeAction | undefined {
  const offset = doc.lines.offsetAt(d.range.start);
  const model = clusterModel(doc);
  const node = model.nodes.find((n) => n.nameStart === offset);
  if (!node || !node.closed) return undefined;
  // Offer a fence device no node uses yet, the likely one for a node just added.
  const used = new Set(model.deviceRefs.map((r) => attributeValue(r, 'name')));
  const device = model.fenceDevices.map((f) => attributeValue(f, 'name')).find((n) => n !== undefined && !used.has(n)) ?? '';
  const edit = appendChild(doc, node, (unit) => ['<fence>', `${unit}<method name="1">`, `${unit}${unit}<device name="${device}"/>`, `${unit}</method>`, '</fence>']);
  return quickFix(`Add a fence method to node '${attributeValue(node, 'name') ?? ''}'`, uri, [edit], [d]);
}

/** Replaces the misspelt word; for an element, its end tag's name too. */
function replaceWithSuggestions(doc: ClusterDoc, d: Diagnostic, uri: string): CodeAction[] {
  const start = doc.lines.offsetAt(d.range.start);
  const element = d.code === 'cluster-conf/unknown-element' ? doc.elements.find((e) => e.nameStart === start) : undefined;
  return suggestionsOf(d).map((suggestion, index) => {
    const edits = [TextEdit.replace(d.range, suggestion)];
    if (element?.endNameStart !== undefined) {
      edits.push(TextEdit.replace(doc.lines.range(element.endNameStart, element.endNameStart + element.name.length), suggestion));
    }
    return quickFix(`Change to '${suggestion}'`, uri, edits, [d], index === 0);
  });
}

export function codeActions(doc: ClusterDoc, _range: Range, diagnostics: Diagnostic[], uri: string): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    if (d.source !== SOURCE) continue;
    actions.push(...replaceWithSuggestions(doc, d, uri));
    const fix =
      d.code === 'cluster-conf/unknown-fence-device' ? createFenceDevice(doc, d, uri)
      : d.code === 'cluster-conf/two-node-expected-votes' ? addExpectedVotes(doc, d, uri)
      : d.code === 'cluster-conf/node-without-fencing' ? addFenceMethod(doc, d, uri)
      : undefined;
    if (fix) actions.push(fix);
  }
  return actions;
}
