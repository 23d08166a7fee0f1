/**
 * Quick fixes for the diagnostics (from what each diagnostic carries in
 * `data`, see FixData) and the disk-spec rewrite refactoring.
 */
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { quickFix, rangesTouch } from '../../common/diagnostics';
import { generateIftabAction } from '../iftab/generate';
import type { ServiceContext } from '../types';
import { lastSetting, stringItems, XlDocument } from './ast';
import { Code } from './codes';
import { freshMac } from './complete';
import { DiskSpec, diskSpecOf, scriptOfPrefix } from './devices/diskSpec';
import { domainFacts } from './facts';
import { SOURCE } from './parse';
import { validateXlConfig } from './validate';
import type { FixData } from './validateSettings';

const MAC_CODES: string[] = [Code.vifMacMalformed, Code.vifMacMulticast, Code.vifMacNotXen, Code.vifMacDuplicate, Code.duplicateMac];
const TYPOGRAPHIC: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"' };

export function codeActionsXlConfig(doc: XlDocument, range: Range, diagnostics: Diagnostic[], ctx: ServiceContext): CodeAction[] {
  const ours = withFixData(doc, diagnostics.filter((d) => d.source === SOURCE), ctx);
  const actions: CodeAction[] = [];
  for (const d of ours) actions.push(...fixesFor(doc, d, ctx));
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
  const domain = domainFacts(doc).domain;
  if (!vif || !domain || !rangesTouch(range, doc.lines.range(vif.start, vif.end))) return undefined;
  const action = generateIftabAction(domain, ctx.uri);
  const target = action?.edit?.documentChanges?.[0];
  const exists = target && 'kind' in target && target.kind === 'create' && [...ctx.workspace.otherFiles(ctx.uri)].some((f) => f.uri === target.uri);
  return exists ? undefined : action;
}

/** Clients may drop `data`: take it from a fresh validation of the same document when missing. */
function withFixData(doc: XlDocument, diagnostics: Diagnostic[], ctx: ServiceContext): Diagnostic[] {
  if (diagnostics.every((d) => d.data !== undefined || !needsData(d))) return diagnostics;
  const fresh = validateXlConfig(doc, ctx);
  return diagnostics.map((d) => {
    if (d.data !== undefined) return d;
    const twin = fresh.find((f) => f.code === d.code && sameRange(f.range, d.range));
    return twin ? { ...d, data: twin.data } : d;
  });
}

const needsData = (d: Diagnostic) => d.code !== Code.typographicQuote && d.code !== Code.vifNoMac && !MAC_CODES.includes(String(d.code));
const sameRange = (a: Range, b: Range) => a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;

function fixesFor(doc: XlDocument, d: Diagnostic, ctx: ServiceContext): CodeAction[] {
  const data = (d.data ?? {}) as FixData;
  const actions: CodeAction[] = [];
  for (const replacement of data.replacements ?? []) {
    actions.push(quickFix(titleFor(d, replacement), ctx.uri, [TextEdit.replace(d.range, replacement)], [d], actions.length === 0));
  }
  if (data.rewriteSetting) {
    const setting = doc.settings.find((s) => sameRange(doc.lines.range(s.key.start, s.key.end), d.range));
    if (setting) actions.push(quickFix(`Replace with \`${data.rewriteSetting}\``, ctx.uri, [TextEdit.replace(doc.lines.range(setting.start, setting.end), data.rewriteSetting)], [d], true));
  }
  if (data.deleteLine) {
    const line = d.range.start.line;
    const end = line + 1 < doc.lines.lineCount ? { line: line + 1, character: 0 } : doc.lines.positionAt(doc.lines.lineEnd(line));
    actions.push(quickFix('Delete this line', ctx.uri, [TextEdit.del({ start: { line, character: 0 }, end })], [d]));
  }
  if (MAC_CODES.includes(String(d.code))) {
    const mac = freshMac(doc, ctx);
    actions.push(quickFix(`Use a new random Xen MAC (${mac})`, ctx.uri, [TextEdit.replace(d.range, mac)], [d]));
  }
  if (d.code === Code.typographicQuote) actions.push(asciiQuotes(doc, d, ctx));
  if (d.code === Code.vifNoMac) actions.push(addMac(doc, d, ctx));
  return actions;
}

function titleFor(d: Diagnostic, replacement: string): string {
  if (d.code === Code.vifMacNotXen || d.code === Code.vifMacMulticast) return `Move the MAC into the Xen range: ${replacement}`;
  if (d.code === Code.diskAccess || d.code === Code.diskCdromWritable) return `Use access mode \`${replacement}\` (${replacement.startsWith('r') ? 'read-only' : 'read-write'})`;
  return `Change to \`${replacement}\``;
}

/** Replaces each typographic quote of the line with its ASCII twin (one edit per character). */
function asciiQuotes(doc: XlDocument, d: Diagnostic, ctx: ServiceContext): CodeAction {
  const line = d.range.start.line;
  const text = doc.lines.lineText(line);
  const edits: TextEdit[] = [];
  for (let i = 0; i < text.length; i++) {
    const ascii = TYPOGRAPHIC[text[i]];
    if (ascii) edits.push(TextEdit.replace({ start: { line, character: i }, end: { line, character: i + 1 } }, ascii));
  }
  return quickFix('Replace typographic quotes with ASCII quotes on this line', ctx.uri, edits, [d], true);
}

/** Puts `mac=<fresh Xen MAC>` first in the vif spec the diagnostic covers (the quote is its first character). */
function addMac(doc: XlDocument, d: Diagnostic, ctx: ServiceContext): CodeAction {
  const start = doc.lines.offsetAt(d.range.start) + 1;
  const empty = doc.text[start] === doc.text[start - 1];
  const mac = freshMac(doc, ctx);
  const insert = empty ? `mac=${mac}` : `mac=${mac}, `;
  return quickFix(`Add a fixed Xen MAC (${mac})`, ctx.uri, [TextEdit.insert(doc.lines.positionAt(start), insert)], [d], true);
}

/** "Rewrite in key=value form" for each positional/legacy disk spec the range touches. */
function diskRewrites(doc: XlDocument, range: Range, ctx: ServiceContext): CodeAction[] {
  const disk = doc.settings.filter((s) => s.key.name === 'disk');
  const actions: CodeAction[] = [];
  for (const setting of disk) {
    for (const item of stringItems(setting.value)) {
      if (!rangesTouch(doc.lines.range(item.start, item.end), range)) continue;
      const spec = diskSpecOf(doc.text, item);
      const rewritten = keyValueForm(spec);
      if (!rewritten || rewritten === doc.text.slice(item.inner.start, item.inner.end)) continue;
      actions.push({
        title: `Rewrite disk spec as \`${rewritten}\``,
        kind: CodeActionKind.RefactorRewrite,
        edit: { changes: { [ctx.uri]: [TextEdit.replace(doc.lines.range(item.inner.start, item.inner.end), rewritten)] } },
      });
    }
  }
  return actions;
}

/** The same disk in `key=value` form (target last, legacy prefixes turned into format/script). */
export function keyValueForm(spec: DiskSpec): string | undefined {
  if (!spec.vdev || !spec.target || spec.errors.some((e) => e.code !== Code.diskAccess)) return undefined;
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
