/**
 * Which Xen guest an iftab belongs to. The rule: the file sits in a domU's
 * tree when its path has a `guests/NAME/` (or `domU/NAME/`) folder, when a
 * folder of its path is named like a domain of the workspace, or when a
 * domain of the workspace carries one of its MACs on a vif.
 */
import type { DomainFact } from '../../workspace/facts';
import type { ServiceContext } from '../types';

export interface VifCarrier {
  uri: string;
  domain: DomainFact;
  /** vif index (the N of ethN in the guest, when vifs come up in order). */
  index: number;
}

function* workspaceDomains(ctx: ServiceContext): Generator<{ uri: string; domain: DomainFact }> {
  for (const file of ctx.workspace.otherFiles(ctx.uri)) if (file.facts.domain) yield { uri: file.uri, domain: file.facts.domain };
}

/** The vifs of workspace domains that carry `mac` (normalized lower-case). */
export function vifsCarrying(ctx: ServiceContext, mac: string): VifCarrier[] {
  const carriers: VifCarrier[] = [];
  for (const { uri, domain } of workspaceDomains(ctx)) {
    domain.macs.forEach((m, index) => {
      if (m.value.toLowerCase() === mac) carriers.push({ uri, domain, index });
    });
  }
  return carriers;
}

export interface GuestTree {
  /** The guest's name, from the path or the workspace. */
  name: string;
  /** Its domain config, when the workspace has it. */
  domain?: DomainFact;
}

const GUEST_FOLDER = /(?:^|\/)(?:guests|domUs?)\/([^/]+)\//i;

/** The guest whose tree holds this iftab, or undefined for a dom0 or plain host file. */
export function guestTree(ctx: ServiceContext, macs: readonly string[]): GuestTree | undefined {
  const path = ctx.path.replace(/\\/g, '/');
  const folders = path.split('/').slice(0, -1);
  const domains = [...workspaceDomains(ctx)];
  const byFolder = domains.find(({ domain }) => domain.name && folders.includes(domain.name.value));
  if (byFolder) return { name: byFolder.domain.name!.value, domain: byFolder.domain };
  const fromPath = GUEST_FOLDER.exec(path)?.[1];
  if (fromPath) return { name: fromPath };
  const byMac = domains.find(({ domain }) => domain.macs.some((m) => macs.includes(m.value.toLowerCase())));
  if (byMac) return { name: byMac.domain.name?.value ?? 'a workspace domain', domain: byMac.domain };
  return undefined;
}
