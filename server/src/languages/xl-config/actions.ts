/**
 * Code actions: the quick fixes of the file's own findings at the range (each
 * finding carries its own, see fixes.ts), a fresh MAC for a MAC another domain
 * also uses (a cross-file diagnostic the client sends back), and two
 * refactorings: a legacy disk spec in key=value form, the guest's iftab.
 */
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { rangesTouch } from '../../common/diagnostics';
import { fixesAt } from '../../common/report';
import { generateIftabAction } from '../iftab';
import type { ServiceContext } from '../types';
import { lastSetting, stringItems, XlDocument } from './ast';
import { Code } from './codes';
import { DiskSpec, parseDiskSpec, scriptOfPrefix } from './devices/diskSpec';
import { facts } from './facts';
import { newMac } from './fixes';
import { findings } from './validate';

export function codeActions(doc: XlDocument, range: Range, diagnostics: Diagnostic[], ctx: ServiceContext): CodeAction[] {
  const actions = fixesAt(findings(doc, ctx), range, ctx);
  // Cross-file codes are not the file's own findings: their fixes are chosen by code.
  for (const d of diagnostics) if (d.code === Code.duplicateMac) actions.push(...newMac(doc)(d, ctx));
  actions.push(...diskRewrites(doc, range, ctx));
  const iftab = generateIftabFor(doc, range, ctx);
  if (iftab) actions.push(iftab);
  return actions;
}

/**
 * On the `vif` setting: write the guest's /etc/iftab (one `ethN mac …` line per
 * vif, in order) into the workspace's guests/NAME/etc/iftab. Not offered when
 * that file is already indexed; the edit never replaces an existing file.
 */
function generateIftabFor(doc: XlDocument, range: Range, ctx: ServiceContext): CodeAction | undefined {
  const vif = lastSetting(doc, 'vif');
  const domain = facts(doc).domain;
  if (!vif || !domain || !rangesTouch(range, doc.lines.range(vif.start, vif.end))) return undefined;
  const action = generateIftabAction(domain, ctx.uri);
  const target = action?.edit?.documentChanges?.[0];
  const exists = target && 'kind' in target && target.kind === 'create' && [...ctx.workspace.otherFiles(ctx.uri)].some((f) => f.uri === target.uri);
  return exists ? undefined : action;
}

/** "Rewrite in key=value form" for each positional/legacy disk spec the range touches. */
function diskRewrites(doc: XlDocument, range: Range, ctx: ServiceContext): CodeAction[] {
  const disk = doc.settings.filter((s) => s.key.name === 'disk');
  const actions: CodeAction[] = [];
  for (const setting of disk) {
    // Inside a list libxlutil cannot read (xm's Python, a missing comma) a rewrite fixes nothing.
    const settingRange = doc.lines.range(setting.start, setting.end);
    if (doc.syntaxErrors.some((error) => rangesTouch(error.range, settingRange))) continue;
    for (const item of stringItems(setting.value)) {
      if (!rangesTouch(doc.lines.range(item.start, item.end), range)) continue;
      const spec = parseDiskSpec(doc.text, item);
      const rewritten = keyValueForm(spec);
      if (!rewritten || rewritten === doc.text.slice(item.inner.start, item.inner.end)) continue;
      actions.push({
        title: `Rewrite disk spec as '${rewritten}'`,
        kind: CodeActionKind.RefactorRewrite,
        edit: { changes: { [ctx.uri]: [TextEdit.replace(doc.lines.range(item.inner.start, item.inner.end), rewritten)] } },
      });
    }
  }
  return actions;
}

/**
 * The same disk in `key=value` form (target last, legacy prefixes turned into
 * format/script). Not for a spec xl refuses (xm's `w!` included): the rewrite
 * would carry the mistake over; its own quick fix comes first.
 */
function keyValueForm(spec: DiskSpec): string | undefined {
  if (!spec.vdev || !spec.target || spec.errors.length > 0) return undefined;
  if (spec.params.every((p) => !p.positional) && spec.prefixes.length === 0) return undefined;
  const parts: string[] = [];
  const format = spec.format?.value;
  if (format && format !== 'empty') parts.push(`format=${format}`);
  parts.push(`vdev=${spec.vdev.value}`);
  if (spec.access?.value) parts.push(`access=${spec.access.value}`);
  if (spec.cdrom) parts.push('devtype=cdrom');
  const script = spec.prefixes.map((p) => scriptOfPrefix(p.name)).find((s) => s);
  if (script) parts.push(`script=${script}`);
  for (const param of spec.params) {
    if (param.positional || ['format', 'vdev', 'access', 'target', 'devtype', 'cdrom'].includes(param.name)) continue;
    parts.push(param.value || !param.keySpan ? `${param.name}=${param.value}` : param.name);
  }
  if (spec.target.value) parts.push(`target=${spec.target.value}`);
  return parts.join(', ');
}
