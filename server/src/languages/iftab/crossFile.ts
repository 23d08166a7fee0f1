import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { parseMac } from '../../common/mac';
import { crossFileDiagnostic, related } from '../../workspace/crossFile';
import type { FileFacts, IftabGuestFact } from '../../workspace/facts';
import { macKey, PlacedDomain, WorkspaceModel } from '../../workspace/model';
import type { CrossFileContext, CrossFileRule } from '../types';
import { Code } from './codes';
import { Guest, guestOf, vifMacFor } from './guest';
import { SOURCE } from './parse';
import { isCardAddress } from './values';

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
      // Once a domain claims the file, the guest checks below say which of the guest's vifs a
      // stray MAC should be (iftab/mac-not-on-guest); this hint is for files no domain claims.
      if (guest) continue;
      out.push(crossFileDiagnostic(entry.mac.range, DiagnosticSeverity.Hint, Code.workspaceMacUnknown, `No domain config in the workspace gives a vif the MAC ${key}; '${entry.interfaceName.value}' will only be renamed if some interface carries it. Check the guest's vif line.`, []));
      continue;
    }
    const expected = /^eth(\d+)$/.exec(entry.interfaceName.value);
    for (const vif of vifs) {
      if (expected && Number(expected[1]) !== vif.index) {
        out.push(crossFileDiagnostic(entry.interfaceName.range, DiagnosticSeverity.Warning, Code.workspaceVifOrder, `'${entry.interfaceName.value}' is given MAC ${key}, which is vif ${vif.index} of domain '${vif.domain.name}' (${at(vif)}); name it eth${vif.index} so that guest names follow the vif order (vif${vif.index} ↔ eth${vif.index}), or reorder the vif list.`, [related(vif, `vif ${vif.index} of '${vif.domain.name}'`)]));
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

/**
 * In a guest's tree, its MACs against the guest's vifs: a MAC outside the
 * Xen range, or a Xen MAC none of the guest's vifs carries (the vif line
 * changed and the iftab did not follow). The guest may be known from the
 * path alone (`guests/NAME/`), so the first check also runs with no domain
 * config in the workspace. Reported under the iftab's own source and codes,
 * as the file's own checks are; the quick fix (vif N's MAC for `ethN`) is
 * chosen by code in actions.ts.
 */
function guestChecks(place: IftabGuestFact, { model }: CrossFileContext): Diagnostic[] {
  const guest = guestOf(place, place.macs.map((m) => m.value), model.domains);
  if (!guest) return [];
  const out: Diagnostic[] = [];
  // A set, not a search of the guest's vifs for each line: both lists may be long.
  const guestMacs = new Set(guest.domain?.facts.macs.map((m) => m.value.toLowerCase()));
  for (const use of place.macs) {
    const mac = parseMac(use.value);
    if (!mac || !isCardAddress(mac)) continue;
    const vif = vifMacFor(use.interfaceName, guest);
    const onGuest = guestMacs.has(mac.normalized);
    if (!mac.xenRange) {
      const message = `${mac.normalized} is outside the Xen range 00:16:3e, but this iftab belongs to guest '${guest.name}', whose vifs normally carry 00:16:3e addresses${vif ? `; vif ${vif.index} of its config has ${vif.mac}` : ''}`;
      out.push(guestDiagnostic(use, DiagnosticSeverity.Hint, Code.macOutsideXenRange, message, guest, vif));
    } else if (guest.domain && !onGuest) {
      const message = `no vif of '${guest.name}' has ${mac.normalized}, so this line never applies${vif ? `; vif ${vif.index} has ${vif.mac}` : ''}`;
      out.push(guestDiagnostic(use, DiagnosticSeverity.Warning, Code.macNotOnGuest, message, guest, vif));
    }
  }
  return out;
}

/** A guest check's diagnostic, pointing at vif N (for `ethN`) or else at the guest's domain config when the workspace has it. */
function guestDiagnostic(use: IftabGuestFact['macs'][number], severity: DiagnosticSeverity, code: string, message: string, guest: Guest, vif: ReturnType<typeof vifMacFor>): Diagnostic {
  const domain = guest.domain;
  const vifFact = vif && domain?.facts.macs[Number(vif.index)];
  const relatedInformation = !domain ? [] : vifFact ? [related({ uri: domain.uri, fact: vifFact }, `vif ${vif.index} of '${guest.name}'`)] : domain.facts.name ? [related({ uri: domain.uri, fact: domain.facts.name }, `domain config of '${guest.name}'`)] : [];
  return { ...crossFileDiagnostic(use.range, severity, code, message, relatedInformation), source: SOURCE };
}

/** An iftab against the vifs of the workspace's domains. */
export const crossFileRules: readonly CrossFileRule[] = [
  { name: 'iftab/names-follow-vifs', check: (_uri, facts, ctx) => (facts.iftab ? iftabChecks(facts.iftab, ctx) : []) },
  { name: 'iftab/guest-macs', check: (_uri, facts, ctx) => (facts.iftabGuest ? guestChecks(facts.iftabGuest, ctx) : []) },
];
