/**
 * DRBD 8.3 / 8.4 → 9 (`cli.js migrate --to drbd9`). The result is the original text with edits, so
 * comments, `common`, `include` and the order of everything stay as written: `syncer` options and a
 * resource-level `protocol` move to the sections DRBD 9 reads them in, 8.3 flags and handler names
 * take their new spelling, every host gets a `node-id`, a resource of more than two hosts a
 * `connection-mesh`, and dual-primary resources the fencing advice.
 */
import { basename } from 'node:path';
import { languageForPath } from '../languages/registry';
import { DEFAULT_SETTINGS } from '../languages/types';
import { detectDialect } from '../languages/drbd/dialect';
import { addToSection, deleteOption, deleteSection } from '../languages/drbd/edits';
import { dualPrimaryAnchor, dualPrimaryOf, withoutFencingMessage } from '../languages/drbd/fencing';
import type { Token } from '../languages/drbd/lexer';
import { isOn, optionIn, resourcesOf, ResourceModel } from '../languages/drbd/model';
import { DrbdDocument, OptionNode, parse, SectionNode, sectionsOf } from '../languages/drbd/parse';
import type { Dialect } from '../languages/drbd/schema';
import type { Migration, MigrationContext, MigrationNote, MigrationResult } from './types';
import { clusterNodeIds, NodeIdPlanner } from './drbd9/nodeIds';
import { planOption, SCRIPT_FOR_9, SETTING_SECTIONS } from './drbd9/options';
import { appendOption, EditList, statementText, trailingComment } from './drbd9/textEdits';

class Drbd9Conversion {
  readonly edits: EditList;
  readonly notes: MigrationNote[] = [];

  constructor(
    readonly doc: DrbdDocument,
    readonly dialect: Dialect,
  ) {
    this.edits = new EditList(doc);
  }

  note(token: Token, kind: MigrationNote['kind'], message: string): void {
    this.notes.push({ line: token.line + 1, kind, message });
  }

  /** A resource's or `common`'s settings: `syncer`, a `protocol` of its own, and every setting section. */
  convertScope(scope: SectionNode): void {
    const moved = new Map<string, string[]>();
    const moveTo = (section: string, line: string) => moved.set(section, [...(moved.get(section) ?? []), line]);
    for (const child of scope.children) {
      if (child.kind === 'option' && child.keyword.value === 'protocol') {
        moveTo('net', `protocol ${child.args.map((a) => a.text).join(' ')};${trailingComment(this.doc, child)}`);
        this.edits.add(deleteOption(this.doc, child));
        this.note(child.keyword, 'note', `'protocol' moved into the 'net' section (DRBD 8.4 and 9 read it there).`);
      } else if (child.kind === 'section' && child.name === 'syncer') {
        this.convertSyncer(child, moveTo);
      } else if (child.kind === 'section' && (SETTING_SECTIONS.has(child.name) || child.name === 'volume')) {
        this.convertSettings(child, moveTo);
      }
    }
    for (const [section, lines] of moved) {
      const edit = addToSection(this.doc, scope, section, lines);
      if (edit) this.edits.add(edit);
      else this.note(scope.keyword ?? scope.args[0], 'manual', `Could not write the '${section}' section (a '}' is missing): add ${lines.join(' ')} by hand.`);
    }
  }

  /** `global` has settings only; an option DRBD 9 reads elsewhere cannot follow it into a resource. */
  convertGlobal(global: SectionNode): void {
    this.convertSettings(global, (section, line) => this.note(global.keyword!, 'manual', `'${line}' belongs in each resource's (or 'common''s) '${section}' section in DRBD 9: move it there.`));
  }

  private convertSyncer(syncer: SectionNode, moveTo: (section: string, line: string) => void): void {
    const removal = deleteSection(this.doc, syncer);
    if (!removal) return this.note(syncer.keyword!, 'manual', "The 'syncer' section is not closed: DRBD 9 refuses it; move its options by hand.");
    for (const child of syncer.children) {
      if (child.kind !== 'option') continue;
      const plan = planOption(child, this.dialect);
      if (plan.kind === 'move') {
        moveTo(plan.section, plan.text + trailingComment(this.doc, child));
        this.note(child.keyword, 'note', `${plan.why}: moved.`);
      } else if (plan.kind === 'remove') {
        this.note(child.keyword, plan.ignored ? 'note' : 'manual', `'${statementText(this.doc, child)}' removed: ${plan.why}.`);
      }
    }
    // The section's own comments go with its options rather than being lost with its braces.
    for (const comment of commentLines(this.doc, syncer)) moveTo('disk', comment);
    this.edits.add(removal);
  }

  private convertSettings(section: SectionNode, moveTo: (section: string, line: string) => void): void {
    for (const child of section.children) {
      if (child.kind === 'section') {
        if (child.name === 'disk') this.convertSettings(child, moveTo);
        continue;
      }
      if (section.name === 'volume') continue;
      const plan = planOption(child, this.dialect);
      if (plan.kind === 'keep') continue;
      const text = statementText(this.doc, child);
      if (plan.kind === 'rewrite') {
        this.edits.replace(child.keyword.start, child.terminator?.end ?? child.keyword.end, plan.text);
        this.note(child.keyword, 'note', `'${text}' is now '${plan.text}': ${plan.why}.`);
      } else if (plan.kind === 'move' && section.parent?.name !== 'volume') {
        moveTo(plan.section, plan.text + trailingComment(this.doc, child));
        this.edits.add(deleteOption(this.doc, child));
        this.note(child.keyword, 'note', `${plan.why}: moved into '${plan.section}'.`);
      } else {
        this.edits.add(deleteOption(this.doc, child));
        const why = plan.kind === 'remove' ? plan.why : `DRBD 9 reads it only in '${plan.section}'`;
        this.note(child.keyword, plan.kind === 'remove' && plan.ignored ? 'note' : 'manual', `'${text}' removed: ${why}.`);
      }
    }
  }

  /** node-ids for the hosts, a mesh for more than two, and what dual-primary needs. */
  convertResource(resource: ResourceModel, planner: NodeIdPlanner): void {
    const anchor = resource.name ?? resource.section.keyword!;
    const hosts = resource.hosts;
    // connection-mesh names hosts; a stacked resource's upper end has no host name.
    const meshHosts = hosts.filter((h) => h.section.name !== 'stacked-on-top-of');
    const idOf = (host: SectionNode) => optionIn(host, 'node-id')?.args[0]?.value;
    const taken = new Set(hosts.map((h) => Number(idOf(h.section))).filter((id) => Number.isInteger(id)));
    for (const host of hosts) {
      const label = host.name?.value ?? `${host.section.name} ${host.section.args.map((a) => a.text).join(' ')}`;
      const written = idOf(host.section);
      if (written !== undefined) {
        planner.known(label, Number(written));
        continue;
      }
      const choice = planner.choose(label, taken);
      const edit = choice && appendOption(this.doc, host.section, `node-id ${choice.id};`);
      if (!choice || !edit) {
        this.note(host.section.keyword!, 'manual', `Host '${label}' needs a 'node-id' (0 to 31, unique in the resource): add one by hand.`);
        continue;
      }
      taken.add(choice.id);
      this.edits.replace(edit.start, edit.end, edit.text);
      const from = { 'cluster.conf': "its cluster.conf nodeid", file: 'the id it has in another resource of this file', numbered: 'numbered in host order; give every node the same ids' }[choice.source];
      this.note(host.section.keyword!, 'note', `'node-id ${choice.id};' added for '${label}' (${from}).`);
    }
    const hasConnections = resource.section.children.some((c) => c.kind === 'section' && (c.name === 'connection' || c.name === 'connection-mesh'));
    if (meshHosts.length > 2 && !hasConnections) {
      const names = meshHosts.map((h) => h.name?.value);
      const edit = names.every(Boolean) && addToSection(this.doc, resource.section, 'connection-mesh', [`hosts ${names.join(' ')};`]);
      if (edit) {
        this.edits.add(edit);
        this.note(anchor, 'note', `'connection-mesh { hosts ${names.join(' ')}; }' added: DRBD 9 connects more than two hosts only as the resource says.`);
      } else {
        this.note(anchor, 'manual', `Resource '${anchor.value}' has ${meshHosts.length} hosts: write 'connection' blocks (or a 'connection-mesh') for the links DRBD 9 should make.`);
      }
    }
    this.dualPrimaryAdvice(resource.section, `Resource '${anchor.value}'`);
  }

  dualPrimaryAdvice(scope: SectionNode, label: string): void {
    const dual = dualPrimaryOf(this.doc, scope, this.dialect);
    const anchor = dualPrimaryAnchor(scope, dual);
    if (anchor && (!dual.fencingOk || !dual.fencePeer)) {
      this.note(anchor, 'manual', `${withoutFencingMessage(label, dual.fencingOk, dual.fencePeer, 'net')} Under Pacemaker with DRBD 9 the handler is "/usr/lib/drbd/crm-fence-peer.9.sh".`);
    }
    for (const startup of sectionsOf(scope, 'startup')) {
      const become = optionIn(startup, 'become-primary-on');
      if (become) this.note(become.keyword, 'manual', "'become-primary-on' kept, but drbdadm 9 leaves it out of its dump: check that start-up still promotes as you expect; under Pacemaker leave promotion to the cluster (a promotable clone of ocf:linbit:drbd) and remove it.");
    }
    for (const handlers of sectionsOf(scope, 'handlers')) {
      for (const handler of handlers.children) {
        const script = handler.kind === 'option' ? SCRIPT_FOR_9[handler.args[0]?.value ?? ''] : undefined;
        if (script) this.note(handler.keyword!, 'manual', `'${handler.keyword!.value}' runs ${handler.args[0].value}, the DRBD 8.4 helper: with DRBD 9 use "${script}"${script.includes('unfence') ? " (as the 'unfence-peer' handler)" : ''}.`);
      }
    }
    const allow = sectionsOf(scope, 'net').map((net) => optionIn(net, 'allow-two-primaries')).find((o): o is OptionNode => o !== undefined && isOn(o));
    if (allow && !anchor) this.note(allow.keyword, 'note', "'allow-two-primaries' kept; DRBD 9 allows two primaries only between two nodes.");
  }
}

/** The `#` comment lines inside a section, as written. */
function commentLines(doc: DrbdDocument, section: SectionNode): string[] {
  if (!section.keyword || !section.close) return [];
  const lines: string[] = [];
  for (let line = section.keyword.line + 1; line < section.close.line; line++) {
    const text = doc.lines.lineText(line).trim();
    if (text.startsWith('#')) lines.push(text);
  }
  return lines;
}

export function convertToDrbd9(text: string, ctx: MigrationContext): MigrationResult {
  const name = basename(ctx.path);
  // `migrate --to drbd9 --out DIR r0.res cluster.conf`: the cluster.conf is there for its node ids.
  if (languageForPath(ctx.path) === 'cluster-conf') return { outputs: [], notes: [{ line: 1, kind: 'note', message: 'Read for its nodeids (the node-id of each DRBD host); not converted.' }] };
  const doc = parse(text);
  const firstError = doc.syntaxErrors[0];
  if (firstError) {
    return { outputs: [], notes: [{ line: firstError.range.start.line + 1, kind: 'manual', message: `Not converted: fix this syntax error first (${firstError.message})` }] };
  }
  const dialect = detectDialect(doc, DEFAULT_SETTINGS).dialect;
  const conversion = new Drbd9Conversion(doc, dialect);
  for (const child of doc.root.children) {
    if (child.kind === 'section' && (child.name === 'common' || child.name === 'resource' || child.name === 'global')) {
      if (child.name === 'global') conversion.convertGlobal(child);
      else conversion.convertScope(child);
    }
    if (child.kind === 'option' && child.keyword.value === 'include') conversion.note(child.keyword, 'note', `'include ${child.args.map((a) => a.text).join(' ')}' kept: convert the files it reads too.`);
  }
  for (const common of sectionsOf(doc.root, 'common')) conversion.dualPrimaryAdvice(common, "The 'common' section");
  const planner = new NodeIdPlanner(clusterNodeIds(ctx.workspace, ctx.path));
  for (const resource of resourcesOf(doc)) conversion.convertResource(resource, planner);
  const notes = conversion.notes.sort((a, b) => a.line - b.line);
  if (dialect === '9' && conversion.edits.size === 0) notes.unshift({ line: 1, kind: 'note', message: 'Already DRBD 9: nothing to change.' });
  return { outputs: [{ name, text: conversion.edits.apply() }], notes };
}

export const drbd9Migration: Migration = {
  target: 'drbd9',
  from: 'drbd',
  title: 'Convert to DRBD 9…',
  convert: convertToDrbd9,
};
