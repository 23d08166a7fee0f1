import type { DomainFact, FileFacts, Located } from '../../workspace/facts';
import type { ServiceContext } from '../types';
import { lastSetting, scalarText, Span, stringItems, XlDocument } from './ast';
import { parseMac } from '../../common/mac';
import { isWritable, parseDiskSpec } from './devices/diskSpec';
import { splitSpec } from './devices/keyValueSpec';

/** Facts per parsed document: completion, code actions and the workspace index all ask for them. */
const computed = new WeakMap<XlDocument, FileFacts>();

/** The domain this config defines, for the workspace's cross-file checks (MACs, names, shared disks). */
export function facts(doc: XlDocument, _ctx?: ServiceContext): FileFacts {
  let found = computed.get(doc);
  if (!found) {
    found = computeFacts(doc);
    computed.set(doc, found);
  }
  return found;
}

function computeFacts(doc: XlDocument): FileFacts {
  if (doc.fileKind !== 'domain') return {};
  const located = (value: string, span: Span): Located => ({ value, range: doc.lines.range(span.start, span.end) });
  // Names and UUIDs are located without their quotes, so a rename replaces the name and keeps the quoting.
  const unquoted = (span: Span): Span => (/^["']/.test(doc.text[span.start] ?? '') && span.end - span.start >= 2 ? { start: span.start + 1, end: span.end - 1 } : span);
  const domain: DomainFact = { macs: [], bridges: [], disks: [] };
  const name = lastSetting(doc, 'name');
  if (name?.value && scalarText(name.value) !== undefined) domain.name = located(scalarText(name.value)!, unquoted(name.value));
  const uuid = lastSetting(doc, 'uuid');
  if (uuid?.value && scalarText(uuid.value) !== undefined) domain.uuid = located(scalarText(uuid.value)!, unquoted(uuid.value));
  for (const item of stringItems(lastSetting(doc, 'vif')?.value)) {
    for (const part of splitSpec(doc.text, item)) {
      if (!part.value) continue;
      if (part.key.name === 'mac') {
        const mac = parseMac(part.value.text);
        if (mac) domain.macs.push(located(mac.normalized, part.value));
      } else if (part.key.name === 'bridge' && part.value.text) domain.bridges.push(located(part.value.text, part.value));
    }
  }
  for (const item of stringItems(lastSetting(doc, 'disk')?.value)) {
    const disk = parseDiskSpec(doc.text, item);
    if (disk.target?.value) domain.disks.push({ ...located(disk.target.value, disk.target.valueSpan), writable: isWritable(disk) });
  }
  return { domain };
}
