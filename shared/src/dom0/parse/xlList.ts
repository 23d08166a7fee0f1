/**
 * `xl list` / `xm list`: a header, then one row per domain:
 * `Name  ID  Mem VCPUs  State  Time(s)` (extra columns with -v, -Z, -c, -n are ignored).
 * Names are the first column and cannot contain blanks in xl's output, so rows
 * are split on whitespace.
 */
import { excerpt, Parsed, parsed, unparsable } from './result';

export interface ListRow {
  readonly name: string;
  readonly id: number;
  readonly memoryMiB: number;
  /** Online vCPUs (a 2-vCPU guest shows 1 while it boots). */
  readonly vcpus: number;
  /** Six state flags, `r-----`, `-b----`, `--p---`, ... */
  readonly flags: string;
  readonly cpuTimeSeconds: number;
}

const HEADER = /^Name\s+ID\s+Mem\s+VCPUs\s+State\s+Time\(s\)/;
const ROW = /^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+([-rbpscd]{6})\s+(\d+(?:\.\d+)?)(?:\s|$)/;

export function parseXlList(text: string): Parsed<ListRow[]> {
  const lines = text.split('\n').map((line) => line.trimEnd()).filter((line) => line !== '');
  if (lines.length === 0) return unparsable('the domain list is empty (not even the header line)');
  if (!HEADER.test(lines[0])) return unparsable(`the domain list does not start with the "Name ID Mem VCPUs State Time(s)" header: "${excerpt(lines[0])}"`);
  const rows: ListRow[] = [];
  for (const line of lines.slice(1)) {
    const match = ROW.exec(line);
    if (!match) return unparsable(`a domain list row has no name, id, memory, vCPUs, state and time: "${excerpt(line)}"`);
    rows.push({
      name: match[1],
      id: Number(match[2]),
      memoryMiB: Number(match[3]),
      vcpus: Number(match[4]),
      flags: match[5],
      cpuTimeSeconds: Number(match[6]),
    });
  }
  return parsed(rows);
}
