/** Settings of two domain configs that cannot both hold: one MAC, one name, one writable disk. */
import { Severity } from '../../common/diagnostics';
import type { DomainFact } from '../../workspace/facts';
import type { ServiceContext } from '../types';
import { lastSetting, stringItems, XlDocument } from './ast';
import { Code } from './codes';
import { diskSpecOf, isWritable } from './devices/diskSpec';
import type { Reporter } from './report';

interface OtherDomain {
  uri: string;
  domain: DomainFact;
}

export function validateWorkspace(doc: XlDocument, own: DomainFact, ctx: ServiceContext, report: Reporter): void {
  const others: OtherDomain[] = [];
  for (const file of ctx.workspace.otherFiles(ctx.uri)) if (file.facts.domain) others.push({ uri: file.uri, domain: file.facts.domain });
  if (others.length === 0) return;
  const where = (other: OtherDomain, line: number) => `${other.domain.name ? `domain \`${other.domain.name.value}\`` : 'another domain'} (${fileName(other.uri)} line ${line + 1})`;

  const ownName = lastSetting(doc, 'name');
  for (const other of others) {
    if (own.name && other.domain.name?.value === own.name.value && ownName?.value) {
      report.add(ownName.value, Severity.Error, Code.workspaceDuplicateName, `the name \`${own.name.value}\` is also used by ${fileName(other.uri)} (line ${other.domain.name.range.start.line + 1}): xl refuses to start a second domain with the same name`);
    }
  }
  for (const mac of own.macs) {
    for (const other of others) {
      const clash = other.domain.macs.find((m) => m.value === mac.value);
      if (clash) {
        const span = { start: doc.lines.offsetAt(mac.range.start), end: doc.lines.offsetAt(mac.range.end) };
        report.add(span, Severity.Error, Code.workspaceDuplicateMac, `MAC ${mac.value} is also used by ${where(other, clash.range.start.line)}: two running guests with one MAC break each other's networking`);
      }
    }
  }
  for (const item of stringItems(lastSetting(doc, 'disk')?.value)) {
    const disk = diskSpecOf(doc.text, item);
    if (!disk.target?.value || !isWritable(disk)) continue;
    for (const other of others) {
      const clash = other.domain.disks.find((d) => d.value === disk.target!.value);
      if (clash) {
        report.add(disk.target.valueSpan, Severity.Warning, Code.workspaceSharedDisk, `\`${disk.target.value}\` is also a disk of ${where(other, clash.range.start.line)}: if both domains run and write it, the data is corrupted (unless it holds a cluster file system)`);
      }
    }
  }
}

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}
