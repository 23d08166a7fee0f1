/** Quick fixes, chosen by diagnostic code. */
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { quickFix } from '../../common/diagnostics';
import type { ServiceContext } from '../types';
import { detectDialect } from './dialect';
import { addToSection, deleteOption, deleteSection, joinInsertions } from './edits';
import { resourceSetting } from './model';
import type { Dialect } from './schema';
import { DrbdDocument, MissingSemicolonData, OptionNode, SectionNode, sectionAt } from './parse';
import { dualPrimaryOf, fencingSections } from './resources';
import { renameFrom83 } from './schema';
import type { DrbdDiagnosticData } from './report';

/** Fence-peer handlers drbd-utils ships, by cluster manager. */
const FENCE_PEER_HANDLERS = [
  { manager: 'cman/rgmanager', command: '/usr/lib/drbd/rhcs_fence' },
  { manager: 'Pacemaker', command: '/usr/lib/drbd/crm-fence-peer.sh' },
];

export function drbdCodeActions(doc: DrbdDocument, diagnostics: Diagnostic[], ctx: ServiceContext): CodeAction[] {
  const actions: CodeAction[] = [];
  const dialect = detectDialect(doc, ctx.settings).dialect;
  for (const d of diagnostics) {
    if (d.source !== 'drbd') continue;
    const data = (d.data ?? {}) as DrbdDiagnosticData & Partial<MissingSemicolonData>;
    for (const suggestion of data.suggestions ?? []) {
      actions.push(quickFix(`Change to '${suggestion}'`, ctx.uri, [{ range: d.range, newText: suggestion }], [d], data.suggestions![0] === suggestion));
    }
    switch (d.code) {
      case 'drbd/missing-semicolon': {
        const at = doc.lines.positionAt(data.insertAt ?? doc.lines.offsetAt(d.range.end));
        actions.push(quickFix("Insert the missing ';'", ctx.uri, [{ range: { start: at, end: at }, newText: ';' }], [d], true));
        break;
      }
      case 'drbd/moved-option': {
        const action = moveAction(doc, d, ctx.uri);
        if (action) actions.push(action);
        break;
      }
      case 'drbd/dual-primary-without-fencing':
        actions.push(...fencingActions(doc, d, dialect, ctx));
        break;
    }
  }
  return actions;
}

/** The resource (or `common` section) a diagnostic is in. */
function enclosingScope(doc: DrbdDocument, d: Diagnostic): SectionNode | undefined {
  let section: SectionNode | undefined = sectionAt(doc.root, doc.lines.offsetAt(d.range.start));
  while (section && section.name !== 'resource' && section.name !== 'common') section = section.parent;
  return section;
}

function optionAt(doc: DrbdDocument, d: Diagnostic): OptionNode | undefined {
  const offset = doc.lines.offsetAt(d.range.start);
  return sectionAt(doc.root, offset).children.find((c): c is OptionNode => c.kind === 'option' && c.keyword.start === offset);
}

/** 8.3 syntax in a newer file: move a whole `syncer` section, or rename a flag in place. */
function moveAction(doc: DrbdDocument, d: Diagnostic, uri: string): CodeAction | undefined {
  const option = optionAt(doc, d);
  if (!option) return undefined;
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

/** Adds `fencing resource-and-stonith;` and a fence-peer handler to a dual-primary resource. */
function fencingActions(doc: DrbdDocument, d: Diagnostic, dialect: Dialect, ctx: ServiceContext): CodeAction[] {
  const resource = enclosingScope(doc, d);
  if (!resource) return [];
  const dual = dualPrimaryOf(doc, resource, dialect);
  const fencingEdits: TextEdit[] = [];
  if (!dual.fencingOk) {
    const current = resourceSetting(doc, resource, fencingSections(dialect), 'fencing');
    const value = current?.args[0];
    const edit = value
      ? { range: doc.lines.range(value.start, value.end), newText: 'resource-and-stonith' }
      : addToSection(doc, resource, fencingSections(dialect)[0], ['fencing resource-and-stonith;']);
    if (!edit) return [];
    fencingEdits.push(edit);
  }
  return FENCE_PEER_HANDLERS.map((handler, index) => {
    const edits = [...fencingEdits];
    if (!dual.fencePeer) {
      const edit = addToSection(doc, resource, 'handlers', [`fence-peer "${handler.command}";`]);
      if (edit) edits.push(edit);
    }
    // The seeds' clusters run cman, so its handler is the preferred fix.
    return quickFix(`Add fencing for dual-primary (${handler.manager}: ${handler.command.slice(handler.command.lastIndexOf('/') + 1)})`, ctx.uri, joinInsertions(edits), [d], index === 0);
  });
}
