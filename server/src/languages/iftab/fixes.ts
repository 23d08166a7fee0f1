/**
 * The iftab quick fix that reaches past the file: renaming a kernel-style
 * interface name (`eth0`) to one the kernel never hands out (`lanN`), with
 * every place the workspace names that interface by.
 */
import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { ServiceContext } from '../types';
import { WorkspaceModel } from '../../workspace/model';
import { Link, rename } from '../../workspace/navigation';
import { exactMacs } from './facts';
import { guestInWorkspace } from './guest';
import type { IftabDocument, Token } from './parse';

/** Stable names take this prefix: no kernel driver names a NIC `lanN`, so ifrename never races the kernel for it. */
const STABLE_PREFIX = 'lan';

/**
 * Renames `name` to the first free `lanN` on every line of the file that
 * names it. In a dom0's iftab the NIC's name is also written by the domain
 * configs (vif `bridge=`, when the bridge carries the NIC's name as
 * network-bridge makes it) and xend's network-script (`netdev=`, `bridge=`):
 * those follow, through the workspace rename of dom0 interface names, or the
 * host would come up with networking pointing at a name that no longer
 * exists. In a guest's iftab the name is the guest's own: nothing the
 * workspace indexes refers to it (the guest's network configuration, such as
 * /etc/network/interfaces, is not indexed and must follow by hand).
 */
export function renameKernelName(doc: IftabDocument, name: Token, found: Diagnostic, ctx: ServiceContext): CodeAction[] {
  const others = [...ctx.workspace.otherFiles(ctx.uri)];
  const model = new WorkspaceModel(others);
  const guest = guestInWorkspace(ctx, exactMacs(doc).map((m) => m.value), model);
  const taken = new Set(doc.entries.map((e) => e.name.text));
  if (!guest) {
    for (const known of model.dom0Interfaces.keys()) taken.add(known);
    for (const domain of model.domains) for (const bridge of domain.facts.bridges) taken.add(bridge.value);
  }
  let n = 0;
  while (taken.has(`${STABLE_PREFIX}${n}`)) n++;
  const newName = `${STABLE_PREFIX}${n}`;
  const link: Link = { kind: 'interface', key: name.text, fact: { value: name.text, range: name.range } };
  const changes = guest ? {} : (rename(link, newName, others).changes ?? {});
  const elsewhere = Object.keys(changes).length;
  changes[ctx.uri] = doc.entries.filter((e) => e.name.text === name.text).map((e) => TextEdit.replace(e.name.range, newName));
  const title = `Rename '${name.text}' to '${newName}'${elsewhere > 0 ? ` here and in ${elsewhere} other file${elsewhere === 1 ? '' : 's'}` : ''}`;
  return [{ title, kind: CodeActionKind.QuickFix, diagnostics: [found], edit: { changes } }];
}
