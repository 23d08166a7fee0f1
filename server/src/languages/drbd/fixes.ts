/**
 * The quick fixes of DRBD findings. Validation attaches them to what it
 * reports; actions.ts offers the fencing fix also for the cross-file warning
 * on a resource, by its code.
 */
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { quickFix } from '../../common/diagnostics';
import type { ServiceContext } from '../types';
import { addToSection, deleteOption, deleteSection, joinInsertions } from './edits';
import { dualPrimaryOf, fencingSections } from './fencing';
import { resourceSetting } from './model';
import type { DrbdDocument, OptionNode, SectionNode } from './parse';
import { Dialect, renameFrom83 } from './schema';
import type { FixesFor } from './reporter';

/** Replaces the diagnostic's range by each did-you-mean, the first preferred. */
export function changeTo(suggestions: readonly string[]): FixesFor | undefined {
  if (suggestions.length === 0) return undefined;
  return (d, ctx) => suggestions.map((suggestion, index) => quickFix(`Change to '${suggestion}'`, ctx.uri, [{ range: d.range, newText: suggestion }], [d], index === 0));
}

/** Inserts the `;` that ends an option at `offset`. */
export function insertSemicolon(doc: DrbdDocument, offset: number): FixesFor {
  return (d, ctx) => {
    const at = doc.lines.positionAt(offset);
    return [quickFix("Insert the missing ';'", ctx.uri, [{ range: { start: at, end: at }, newText: ';' }], [d], true)];
  };
}

/** 8.3 syntax in a newer file: move a whole `syncer` section, or rename a flag in place, or move an option to its section. */
export function moveOption(doc: DrbdDocument, option: OptionNode): FixesFor {
  return (d, ctx) => {
    const action = moveAction(doc, option, d, ctx.uri);
    return action ? [action] : [];
  };
}

function moveAction(doc: DrbdDocument, option: OptionNode, d: Diagnostic, uri: string): CodeAction | undefined {
  const section = option.parent;
  if (section.name === 'syncer') {
    const scope = section.parent;
    if (!scope) return undefined;
    const byTarget = new Map<string, string[]>();
    for (const child of section.children) {
      if (child.kind !== 'option') continue;
      const rename = renameFrom83('syncer', child.keyword.value);
      const target = rename?.to.section ?? 'disk';
      const line = [rename?.to.name ?? child.keyword.value, ...child.args.map((a) => a.text)].join(' ') + ';';
      byTarget.set(target, [...(byTarget.get(target) ?? []), line]);
    }
    const removal = deleteSection(doc, section);
    const additions = [...byTarget].map(([target, lines]) => addToSection(doc, scope, target, lines));
    if (!removal || additions.some((a) => !a)) return undefined;
    return quickFix("Move the 'syncer' options to their DRBD 8.4 sections", uri, joinInsertions([removal, ...(additions as TextEdit[])]), [d], true);
  }
  const rename = renameFrom83(section.name, option.keyword.value);
  if (!rename) return undefined;
  if (rename.to.section === section.name) {
    const replacement = rename.to.value ? `${rename.to.name} ${rename.to.value}` : rename.to.name;
    return quickFix(`Write '${replacement}'`, uri, [{ range: d.range, newText: replacement }], [d], true);
  }
  // Resource-level `protocol C;` → `net { protocol C; }`.
  const line = [rename.to.name, ...option.args.map((a) => a.text)].join(' ') + ';';
  const addition = addToSection(doc, section, rename.to.section, [line]);
  if (!addition) return undefined;
  return quickFix(`Move '${rename.to.name}' into the '${rename.to.section}' section`, uri, [deleteOption(doc, option), addition], [d], true);
}

/** Fence-peer handlers drbd-utils ships, by cluster manager. */
const FENCE_PEER_HANDLERS = [
  { manager: 'cman/rgmanager', command: '/usr/lib/drbd/rhcs_fence' },
  { manager: 'Pacemaker', command: '/usr/lib/drbd/crm-fence-peer.sh' },
];

/** Adds `fencing resource-and-stonith;` and a fence-peer handler to a dual-primary resource or `common` section. */
export function addFencing(doc: DrbdDocument, scope: SectionNode, dialect: Dialect, d: Diagnostic, ctx: ServiceContext): CodeAction[] {
  const dual = dualPrimaryOf(doc, scope, dialect);
  const fencingEdits: TextEdit[] = [];
  if (!dual.fencingOk) {
    const current = resourceSetting(doc, scope, fencingSections(dialect), 'fencing');
    const value = current?.args[0];
    const edit = value
      ? { range: doc.lines.range(value.start, value.end), newText: 'resource-and-stonith' }
      : addToSection(doc, scope, fencingSections(dialect)[0], ['fencing resource-and-stonith;']);
    if (!edit) return [];
    fencingEdits.push(edit);
  }
  return FENCE_PEER_HANDLERS.map((handler, index) => {
    const edits = [...fencingEdits];
    if (!dual.fencePeer) {
      const edit = addToSection(doc, scope, 'handlers', [`fence-peer "${handler.command}";`]);
      if (edit) edits.push(edit);
    }
    // The seeds' clusters run cman, so its handler is the preferred fix.
    return quickFix(`Add fencing for dual-primary (${handler.manager}: ${handler.command.slice(handler.command.lastIndexOf('/') + 1)})`, ctx.uri, joinInsertions(edits), [d], index === 0);
  });
}
