import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { crossFileDiagnostic, related } from '../../workspace/crossFile';
import type { FileFacts } from '../../workspace/facts';
import { macKey, PlacedDomain, WorkspaceModel } from '../../workspace/model';
import type { CrossFileContext, CrossFileRule } from '../types';

function iftabChecks(entries: NonNullable<FileFacts['iftab']>, { model, at }: CrossFileContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (model.domains.length === 0) return out;
  const guest = guestOfIftab(entries, model);
  for (const entry of entries) {
    if (!entry.mac) continue;
    const key = macKey(entry.mac.value);
    if (!key) continue;
    const carriers = model.vifMacs.get(key) ?? [];
    // Judge the order against the guest this iftab belongs to, when it carries the MAC.
    const own = carriers.filter((vif) => vif.domain === guest);
    const vifs = own.length > 0 ? own : carriers;
    if (vifs.length === 0) {
      // Once the file's guest is known, the iftab service itself says which of the guest's vifs a
      // stray MAC should be (iftab/mac-not-on-guest); this hint is for files no domain claims.
      if (guest) continue;
      out.push(crossFileDiagnostic(entry.mac.range, DiagnosticSeverity.Hint, 'workspace/iftab-mac-unknown', `No domain config in the workspace gives a vif the MAC ${key}; '${entry.interfaceName.value}' will only be renamed if some interface carries it. Check the guest's vif line.`, []));
      continue;
    }
    const expected = /^eth(\d+)$/.exec(entry.interfaceName.value);
    for (const vif of vifs) {
      if (expected && Number(expected[1]) !== vif.index) {
        out.push(crossFileDiagnostic(entry.interfaceName.range, DiagnosticSeverity.Warning, 'workspace/iftab-vif-order', `'${entry.interfaceName.value}' is given MAC ${key}, which is vif ${vif.index} of domain '${vif.domain.name}' (${at(vif)}); name it eth${vif.index} so that guest names follow the vif order (vif${vif.index} ↔ eth${vif.index}), or reorder the vif list.`, [related(vif, `vif ${vif.index} of '${vif.domain.name}'`)]));
      }
    }
  }
  return out;
}

/** The domain whose vifs carry most of the iftab's MACs: the guest the file is written for. */
function guestOfIftab(entries: NonNullable<FileFacts['iftab']>, model: WorkspaceModel): PlacedDomain | undefined {
  const votes = new Map<PlacedDomain, number>();
  for (const entry of entries) {
    const key = entry.mac && macKey(entry.mac.value);
    for (const vif of (key && model.vifMacs.get(key)) || []) votes.set(vif.domain, (votes.get(vif.domain) ?? 0) + 1);
  }
  let best: PlacedDomain | undefined;
  for (const [domain, count] of votes) if (!best || count > votes.get(best)!) best = domain;
  return best;
}

/** An iftab's names against the vifs of the workspace's domains. */
export const crossFileRules: readonly CrossFileRule[] = [
  { name: 'iftab/names-follow-vifs', check: (_uri, facts, ctx) => (facts.iftab ? iftabChecks(facts.iftab, ctx) : []) },
];
