/**
 * Quick fixes: those of the file's own findings, and for the guest checks
 * (cross-file diagnostics, chosen by code) vif N's MAC for an `ethN` line,
 * from the guest's domain config in the workspace.
 */
import { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { quickFix } from '../../common/diagnostics';
import { fixesAt } from '../../common/report';
import type { ServiceContext } from '../types';
import { Code } from './codes';
import { exactMacs } from './facts';
import { guestInWorkspace, vifMacFor } from './guest';
import type { IftabDocument } from './parse';
import { findings } from './validate';

const GUEST_CODES: readonly string[] = [Code.macOutsideXenRange, Code.macNotOnGuest];

export function codeActions(doc: IftabDocument, range: Range, diagnostics: Diagnostic[], ctx: ServiceContext): CodeAction[] {
  return [...fixesAt(findings(doc, ctx), range, ctx), ...diagnostics.filter((d) => GUEST_CODES.includes(String(d.code))).flatMap((d) => useVifMac(doc, d, ctx))];
}

/** Puts vif N's MAC on the `ethN` line the guest check points at. */
function useVifMac(doc: IftabDocument, diagnostic: Diagnostic, ctx: ServiceContext): CodeAction[] {
  const macs = exactMacs(doc);
  const { start } = diagnostic.range;
  const use = macs.find(({ token }) => token.range.start.line === start.line && token.range.start.character === start.character);
  const guest = use && guestInWorkspace(ctx, macs.map((m) => m.value));
  const vif = use && guest && vifMacFor(use.entry.name.text, guest);
  if (!use || !vif) return [];
  return [quickFix(`Use vif ${vif.index}'s MAC '${vif.mac}'`, ctx.uri, [TextEdit.replace(use.token.range, vif.mac)], [diagnostic], true)];
}
