/**
 * "Generate iftab for this guest": the seed recipe for a domU with several
 * vifs. Xen numbers a guest's NICs in vif order, so pinning `ethN` to vif
 * N's MAC keeps eth0/eth1 stable whatever order the kernel finds them in.
 * Offered on a domain config (the xl-config service calls
 * `generateIftabAction`); pure functions, no file access.
 */
import { CodeAction, CodeActionKind, CreateFile, OptionalVersionedTextDocumentIdentifier, Position, TextDocumentEdit, TextEdit } from 'vscode-languageserver-types';
import { decodePercent } from '../../common/uri';
import type { DomainFact } from '../../workspace/facts';

/** `ethN mac MAC` lines for the given MACs, in vif order. */
export function generateIftab(macs: readonly string[], header?: string): string {
  const lines = macs.map((mac, index) => `eth${index} mac ${mac.toLowerCase()}`);
  return [...(header ? header.split('\n').map((line) => `# ${line}`) : []), ...lines, ''].join('\n');
}

/**
 * Where the guest's iftab goes: for a config under `…/etc/xen/`, the guest
 * tree `…/guests/NAME/etc/iftab` next to that `etc` (the layout of the
 * examples); otherwise `NAME.iftab` beside the config.
 */
export function iftabUriFor(configUri: string, guestName: string): string {
  const marker = configUri.lastIndexOf('/etc/xen/');
  if (marker >= 0) return `${configUri.slice(0, marker)}/guests/${encodeURIComponent(guestName)}/etc/iftab`;
  return `${configUri.slice(0, configUri.lastIndexOf('/') + 1)}${encodeURIComponent(guestName)}.iftab`;
}

/**
 * The code action that creates the guest's iftab with one
 * line per vif. Undefined when the domain has no vif with a fixed MAC
 * (random MACs change at every boot, so there is nothing to pin).
 */
export function generateIftabAction(domain: DomainFact, configUri: string): CodeAction | undefined {
  if (domain.macs.length === 0) return undefined;
  const configName = decodePercent(configUri.slice(configUri.lastIndexOf('/') + 1)).replace(/\.cfg$/, '');
  const guestName = domain.name?.value ?? configName;
  const target = iftabUriFor(configUri, guestName);
  const text = generateIftab(
    domain.macs.map((m) => m.value),
    `/etc/iftab of ${guestName}: one line per vif of ${configName}, in vif order (read by ifrename at boot)`,
  );
  return {
    title: `Generate iftab for '${guestName}' (${domain.macs.length} vif${domain.macs.length === 1 ? '' : 's'})`,
    kind: CodeActionKind.RefactorRewrite,
    edit: {
      documentChanges: [
        // No overwrite: if the file exists after all, the editor refuses the whole edit and nothing is lost.
        CreateFile.create(target),
        TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(target, null), [TextEdit.insert(Position.create(0, 0), text)]),
      ],
    },
  };
}
