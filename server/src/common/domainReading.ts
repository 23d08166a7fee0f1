/**
 * Our own reading of a domain config in the fields the host's `xl -N create`
 * JSON also has (shared/src/hostCheck/domainSummary.ts compares the two). Used
 * by `cli.js effective` and by the server's `xenConfig/domainSummary` request,
 * so the CLI and the editor report the same disagreements.
 */
import type { DiskSummary, DomainSummary, VifSummary } from '../../../shared/src/hostCheck/domainSummary';
import { lastSetting, scalarText, stringItems, XlDocument } from '../languages/xl-config/ast';
import { parseDiskSpec } from '../languages/xl-config/devices/diskSpec';
import { splitSpec } from '../languages/xl-config/devices/keyValueSpec';
import { guestTypeOf } from '../languages/xl-config/guestType';
import { parse } from '../languages/xl-config/parse';

/** A number as xl reads a `memory = 256` or `vcpus = "2"` (decimal). */
function wholeNumber(doc: XlDocument, key: string): number | undefined {
  const text = scalarText(lastSetting(doc, key)?.value);
  return text !== undefined && /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
}

/** The summary of a parsed domain config. Unset defaults stay unset: a field the file does not set is not compared. */
export function summarizeXlDocument(doc: XlDocument): DomainSummary {
  const { text } = doc;
  const memory = wholeNumber(doc, 'memory');
  const vcpus = wholeNumber(doc, 'maxvcpus') ?? wholeNumber(doc, 'vcpus');
  const disks: DiskSummary[] = stringItems(lastSetting(doc, 'disk')?.value).map((item) => {
    const spec = parseDiskSpec(text, item);
    const access = spec.access?.value ?? 'w';
    return { vdev: spec.vdev?.value ?? '?', target: spec.target?.value ?? '', mode: access === 'r' || access === 'ro' ? 'r' : 'w' };
  });
  const vifs: VifSummary[] = stringItems(lastSetting(doc, 'vif')?.value).map((item) => {
    const parts = splitSpec(text, item);
    const valueOf = (key: string) => parts.find((p) => p.key.name === key)?.value?.text;
    const mac = valueOf('mac');
    const bridge = valueOf('bridge');
    return { ...(mac !== undefined ? { mac } : {}), ...(bridge !== undefined ? { bridge } : {}) };
  });
  return {
    type: guestTypeOf(doc).type,
    memoryMiB: memory,
    // xl gives maxmem the value of memory when it is not set.
    maxMemoryMiB: wholeNumber(doc, 'maxmem') ?? memory,
    maxVcpus: vcpus,
    disks,
    vifs,
  };
}

/** The summary of a domain config's text (the CLI reads files without a runner). */
export function summarizeConfigText(text: string): DomainSummary {
  return summarizeXlDocument(parse(text));
}
