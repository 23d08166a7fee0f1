/** `xl info` / `xm info`: `key   : value` lines. */
import { excerpt, Parsed, parsed, unparsable } from './result';

export interface HostInfo {
  readonly hostname?: string;
  readonly xenVersion?: string;
  readonly totalMemoryMiB?: number;
  readonly freeMemoryMiB?: number;
  readonly cpus?: number;
  /** Every key as printed, for the tooltip and the CLI's JSON. */
  readonly fields: Readonly<Record<string, string>>;
}

const LINE = /^([a-z_0-9]+)\s*:\s?(.*)$/;

export function parseXlInfo(text: string): Parsed<HostInfo> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const match = LINE.exec(line);
    if (!match) return unparsable(`a host information line is not "key : value": "${excerpt(line)}"`);
    fields[match[1]] = match[2].trim();
  }
  if (Object.keys(fields).length === 0) return unparsable('the host information is empty');
  const number = (key: string) => (fields[key] !== undefined && /^\d+$/.test(fields[key]) ? Number(fields[key]) : undefined);
  // xm on Xen 3 has no xen_version line, only major/minor/extra.
  const xenVersion =
    fields.xen_version ?? (fields.xen_major !== undefined ? `${fields.xen_major}.${fields.xen_minor ?? '0'}${fields.xen_extra ?? ''}` : undefined);
  return parsed({
    hostname: fields.host,
    xenVersion,
    totalMemoryMiB: number('total_memory'),
    freeMemoryMiB: number('free_memory'),
    cpus: number('nr_cpus'),
    fields,
  });
}
