/**
 * Which Xen guest an iftab belongs to. The rule: the file sits in a domU's
 * tree when a folder of its path is named like a domain of the workspace,
 * when its path has a `guests/NAME/` (or `domU/NAME/`) folder, or when a
 * domain of the workspace carries one of its MACs on a vif. The guest
 * checks (crossFile.ts) ask it over the workspace model; completion, hover
 * and the quick fixes over the workspace view of the editing features.
 */
import type { IftabGuestFact } from '../../workspace/facts';
import { PlacedDomain, WorkspaceModel } from '../../workspace/model';
import type { ServiceContext } from '../types';

export interface Guest {
  /** The guest's name, from the path or its domain config. */
  name: string;
  /** Its domain config, when the workspace has it. */
  domain?: PlacedDomain;
}

const GUEST_FOLDER = /^(?:guests|domUs?)$/i;

/** The folders of `path` and the NAME of its first `guests/NAME/` folder: what the path alone says. */
export function placeOf(path: string): Pick<IftabGuestFact, 'folders' | 'pathGuest'> {
  const folders = path.replace(/\\/g, '/').split('/').slice(0, -1);
  const at = folders.findIndex((folder, i) => GUEST_FOLDER.test(folder) && !!folders[i + 1]);
  return at >= 0 ? { folders, pathGuest: folders[at + 1] } : { folders };
}

/** The guest whose tree holds the iftab, or undefined for a dom0 or plain host file. */
export function guestOf(place: Pick<IftabGuestFact, 'folders' | 'pathGuest'>, macs: readonly string[], domains: readonly PlacedDomain[]): Guest | undefined {
  const byFolder = domains.find(({ facts }) => facts.name && place.folders.includes(facts.name.value));
  if (byFolder) return { name: byFolder.facts.name!.value, domain: byFolder };
  if (place.pathGuest) return { name: place.pathGuest };
  const wanted = new Set(macs);
  const byMac = domains.find(({ facts }) => facts.macs.some((m) => wanted.has(m.value.toLowerCase())));
  if (byMac) return { name: byMac.facts.name?.value ?? 'a workspace domain', domain: byMac };
  return undefined;
}

/** The MAC of vif N for an `ethN` line, from the guest's domain config. */
export function vifMacFor(interfaceName: string, guest: Guest): { index: string; mac: string } | undefined {
  const index = /^eth(\d+)$/.exec(interfaceName)?.[1];
  const mac = index !== undefined ? guest.domain?.facts.macs[Number(index)]?.value : undefined;
  return index !== undefined && mac ? { index, mac } : undefined;
}

/** The model of the other files, for the editing features (the cross-file rules are handed the workspace's). */
export function modelOf(ctx: ServiceContext): WorkspaceModel {
  return new WorkspaceModel(ctx.workspace.otherFiles(ctx.uri));
}

/** The guest of the iftab at `ctx`, with the workspace the editing features see. */
export function guestInWorkspace(ctx: ServiceContext, macs: readonly string[], model = modelOf(ctx)): Guest | undefined {
  return guestOf(placeOf(ctx.path), macs, model.domains);
}
