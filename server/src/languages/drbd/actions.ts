/**
 * Quick fixes: those of the file's own findings at the range, and the
 * fencing fix for the dual-primary warning on a resource, which is a
 * cross-file finding (crossFile.ts) and so is chosen here by its code. (The
 * same warning on a `common` section is the file's own, with its fix.)
 */
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { fixesAt } from '../../common/report';
import type { ServiceContext } from '../types';
import { Code } from './codes';
import { detectDialect } from './dialect';
import { addFencing } from './fixes';
import { DrbdDocument, SectionNode, sectionAt, SOURCE } from './parse';
import { findings } from './validate';

export function codeActions(doc: DrbdDocument, range: Range, diagnostics: Diagnostic[], ctx: ServiceContext): CodeAction[] {
  const actions = fixesAt(findings(doc, ctx), range, ctx);
  for (const d of diagnostics) {
    if (d.source !== SOURCE || d.code !== Code.dualPrimaryWithoutFencing) continue;
    const resource = enclosingResource(doc, d);
    if (resource) actions.push(...addFencing(doc, resource, detectDialect(doc, ctx.settings).dialect, d, ctx));
  }
  return actions;
}

/** The resource a diagnostic is in (none for `common`). */
function enclosingResource(doc: DrbdDocument, d: Diagnostic): SectionNode | undefined {
  let section: SectionNode | undefined = sectionAt(doc.root, doc.lines.offsetAt(d.range.start));
  while (section && section.name !== 'resource') section = section.parent;
  return section;
}
