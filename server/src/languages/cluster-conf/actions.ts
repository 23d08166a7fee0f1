/**
 * Code actions: the quick fixes of the file's own findings at the range
 * (cross-file codes bring none), and, while the editor holds changes not yet
 * saved, raising config_version over the saved file's.
 */
import { CodeAction, CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { rangesTouch } from '../../common/diagnostics';
import { fixesAt, withoutNewErrors } from '../../common/report';
import type { ServiceContext } from '../types';
import { clusterModel, positiveInteger } from './model';
import { attribute, attributeValue, ClusterDoc, parse } from './parse';
import { findings, validate } from './validate';

export function codeActions(doc: ClusterDoc, range: Range, _diagnostics: Diagnostic[], ctx: ServiceContext): CodeAction[] {
  // A fix is offered only when the file it leaves has no error it did not have (e.g. a did-you-mean
  // element that is not allowed where the misspelt one stands).
  const actions = withoutNewErrors(fixesAt(findings(doc, ctx), range, ctx), doc.text, ctx.uri, (text) => validate(parse(text), ctx));
  const bump = raiseConfigVersion(doc, range, ctx);
  return bump ? [...actions, bump] : actions;
}

/**
 * cman takes a new cluster.conf (cman_tool version, ccs_sync) only when its
 * config_version is higher than the one the nodes run. Nothing in the
 * workspace knows what they run, but the saved file is the last state the
 * user wrote out: while the editor holds changes and config_version is not
 * higher than the saved file's, it is offered, on the changed lines and on
 * the <cluster> tag, one more than the saved file's. A comparison with
 * another file, so an action and never a diagnostic: the file's diagnostics
 * must not depend on whether it is open.
 */
function raiseConfigVersion(doc: ClusterDoc, range: Range, ctx: ServiceContext): CodeAction | undefined {
  const cluster = clusterModel(doc).cluster;
  if (ctx.savedText === undefined || !cluster) return undefined;
  const savedCluster = clusterModel(parse(ctx.savedText)).cluster;
  const saved = positiveInteger(savedCluster && attributeValue(savedCluster, 'config_version'));
  const current = attribute(cluster, 'config_version');
  if (saved === undefined || (positiveInteger(current?.value) ?? 0) > saved) return undefined;
  const tag = doc.lines.range(cluster.start, cluster.startTagEnd);
  const changed = changedLines(doc.text, ctx.savedText);
  const onChange = changed && rangesTouch(range, { start: { line: changed.first, character: 0 }, end: { line: changed.last, character: Number.MAX_SAFE_INTEGER } });
  if (!onChange && !rangesTouch(range, tag)) return undefined;
  const next = saved + 1;
  const name = attribute(cluster, 'name');
  const edit = current
    ? current.quoted
      ? TextEdit.replace(doc.lines.range(current.valueStart, current.valueEnd), String(next))
      : TextEdit.replace(doc.lines.range(current.nameStart, Math.max(current.valueEnd, current.nameEnd)), `config_version="${next}"`)
    : TextEdit.insert(doc.lines.positionAt(name ? name.valueEnd + (name.quoted ? 1 : 0) : cluster.nameEnd), ` config_version="${next}"`);
  return { title: `Set config_version="${next}" (the saved file has ${saved})`, kind: CodeActionKind.QuickFix, edit: { changes: { [ctx.uri]: [edit] } } };
}

/** The first and last line (of `text`) that differ from `saved`, by the lines both share at the start and at the end; undefined when equal. */
function changedLines(text: string, saved: string): { first: number; last: number } | undefined {
  if (text === saved) return undefined;
  const a = text.split('\n');
  const b = saved.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  // A deletion leaves no line of its own in `text`: the line where it happened stands for it.
  const last = Math.max(head, a.length - 1 - tail);
  return { first: Math.min(head, a.length - 1), last: Math.min(last, a.length - 1) };
}
