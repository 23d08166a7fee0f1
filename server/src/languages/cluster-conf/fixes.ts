/** The quick fixes cluster.conf findings carry: each edits only the characters that must change. */
import { TextEdit } from 'vscode-languageserver-types';
import { quickFix } from '../../common/diagnostics';
import { ClusterModel, clusterModel, positiveInteger } from './model';
import { controlsOneMachine, fenceAgent, needsPort } from './schema/agents';
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

/**
 * Gives a `<clusternode>` the next free nodeid: one more than the largest the
 * file uses (the k-th node without one gets largest + k, so fixing them all
 * gives each its own). Not the lowest gap: a gap is usually a node taken out,
 * and until every node runs the new configuration that machine may still be a
 * member under its old id, and corosync tells members apart by nodeid only
 * (see the duplicate-nodeid warning). The attribute goes right after `name`,
 * where cluster.conf files write it.
 */
export function addNodeId(doc: ClusterDoc, node: XmlElement): FixesFor {
  return (found, { uri }) => {
    const { nodes } = clusterModel(doc);
    const largest = nodes.reduce((max, n) => Math.max(max, positiveInteger(attributeValue(n, 'nodeid')) ?? 0), 0);
    const withoutId = nodes.filter((n) => !attribute(n, 'nodeid'));
    const id = largest + 1 + Math.max(0, withoutId.indexOf(node));
    const name = attribute(node, 'name');
    const after = name ? name.valueEnd + (name.quoted ? 1 : 0) : node.nameEnd;
    return [quickFix(`Add nodeid="${id}"`, uri, [TextEdit.insert(doc.lines.positionAt(after), ` nodeid="${id}"`)], [found], true)];
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

/**
 * One fix per fence device that can fence `node` as it stands: adds a fence
 * method with a `<device>` naming it. Left out are devices that would leave
 * the node unfenced or fence the wrong machine: an agent that needs an outlet
 * the fence device does not give, or a single-machine board (IPMI, iLO…)
 * another node already fences through. A device no node uses comes first
 * (the likely one for a node just added). No fence device, no fix.
 */
export function addFenceMethods(doc: ClusterDoc, model: ClusterModel, node: XmlElement): FixesFor {
  return (found, { uri }) => {
    if (!node.closed) return [];
    const nodeName = attributeValue(node, 'name') ?? '';
    const usedByOthers = new Set(model.deviceRefs.filter((r) => !isInside(r, node)).map((r) => attributeValue(r, 'name')));
    const candidates = model.fenceDevices.flatMap((device) => {
      const name = attributeValue(device, 'name');
      if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) return [];
      const agent = fenceAgent(attributeValue(device, 'agent'));
      const outlet = attribute(device, 'port') ?? attribute(device, 'plug');
      if (agent && needsPort(agent) && !outlet) return [];
      if ((!agent || agent.legacy || controlsOneMachine(agent)) && usedByOthers.has(name)) return [];
      return [{ name, used: usedByOthers.has(name) }];
    });
    candidates.sort((a, b) => Number(a.used) - Number(b.used));
    return candidates.map(({ name }, index) => {
      const edit = appendChild(doc, node, (unit) => ['<fence>', `${unit}<method name="1">`, `${unit}${unit}<device name="${name}"/>`, `${unit}</method>`, '</fence>']);
      return quickFix(`Add a fence method with '${name}' to node '${nodeName}'`, uri, [edit], [found], index === 0);
    });
  };
}

function isInside(element: XmlElement, ancestor: XmlElement): boolean {
  for (let e: XmlElement | undefined = element; e; e = e.parent) if (e === ancestor) return true;
  return false;
}

/**
 * Turns on cman's two-node mode: `two_node="1" expected_votes="1"` on the
 * `<cman>` there is (setting or adding each), or a new `<cman>` before
 * `<clusternodes>`.
 */
export function enableTwoNodeMode(doc: ClusterDoc, model: ClusterModel): FixesFor | undefined {
  const cman = model.cman;
  const clusternodes = model.cluster?.children.find((c) => c.name === 'clusternodes');
  if (!cman && !clusternodes) return undefined;
  return (found, { uri }) => {
    const edits: TextEdit[] = [];
    if (cman) {
      const missing: string[] = [];
      for (const name of ['two_node', 'expected_votes']) {
        const present = attribute(cman, name);
        if (!present) missing.push(`${name}="1"`);
        else if (present.value !== '1') edits.push(present.quoted ? TextEdit.replace(doc.lines.range(present.valueStart, present.valueEnd), '1') : TextEdit.replace(doc.lines.range(present.nameStart, Math.max(present.valueEnd, present.nameEnd)), `${name}="1"`));
      }
      if (missing.length > 0) edits.push(TextEdit.insert(doc.lines.positionAt(cman.nameEnd), ` ${missing.join(' ')}`));
    } else if (clusternodes) {
      const indent = indentOf(doc, clusternodes.start);
      const lineStart = doc.lines.lineStart(doc.lines.positionAt(clusternodes.start).line);
      const ownLine = doc.text.slice(lineStart, clusternodes.start).trim() === '';
      edits.push(ownLine ? TextEdit.insert(doc.lines.positionAt(lineStart), `${indent}<cman two_node="1" expected_votes="1"/>\n`) : TextEdit.insert(doc.lines.positionAt(clusternodes.start), '<cman two_node="1" expected_votes="1"/>'));
    }
    return [quickFix(cman ? 'Set two_node="1" expected_votes="1" on <cman>' : 'Add <cman two_node="1" expected_votes="1"/>', uri, edits, [found], true)];
  };
}
