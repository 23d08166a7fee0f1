/**
 * `xl list` / `xm list`: a header, then one row per domain:
 * `Name  ID  Mem VCPUs  State  Time(s)`.
 * xl prints the name with `%-40s` as it is, so a name may hold blanks (`my vm`),
 * digits, or even a newline. A row is therefore read from its END: the last five
 * columns have a fixed shape, and the name is everything before them. A line
 * that is not a row is kept as unreadable (the model matches it to a domain of
 * the long listing when it can), so one odd line never hides the others.
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

export interface DomainList {
  readonly rows: ListRow[];
  /** Lines that are neither the header nor a row, as printed. */
  readonly unreadable: string[];
}

const HEADER = /^Name\s+ID\s+Mem\s+VCPUs\s+State\s+Time\(s\)/;
/**
 * The five fixed columns, tried at every blank of the line (a lookahead, so the
 * candidates may overlap); extra columns of `-v`, `-n`, `-c`, `-Z` may follow.
 * Each try stops within five fields, so a line costs time linear in its length.
 */
const COLUMNS = /(?=\s(\d+)\s+(\d+)\s+(\d+)\s+([-rbpscd]{6})\s+(\d+(?:\.\d+)?)(?:\s|$))/g;

/**
 * One row, or undefined when `line` is not one. The LAST place where the columns
 * fit is the real one: a name such as `a 1 2 3 r----- 4` only adds earlier places.
 */
export function parseListRow(line: string): ListRow | undefined {
  let match: RegExpExecArray | undefined;
  for (const candidate of line.matchAll(COLUMNS)) match = candidate;
  if (!match) return undefined;
  // xl pads the name to 40 columns; the blanks before the id are padding.
  let end = match.index;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  // An empty name is kept: the line before held it (a name ending in a newline); the long listing has it whole.
  const name = line.slice(0, end);
  return { name, id: Number(match[1]), memoryMiB: Number(match[2]), vcpus: Number(match[3]), flags: match[4], cpuTimeSeconds: Number(match[5]) };
}

export function parseXlList(text: string): Parsed<DomainList> {
  const lines = text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line)).filter((line) => line.trim() !== '');
  if (lines.length === 0) return unparsable('the domain list is empty (not even the header line)');
  const hasHeader = HEADER.test(lines[0]);
  const rows: ListRow[] = [];
  const unreadable: string[] = [];
  for (const line of hasHeader ? lines.slice(1) : lines) {
    const row = parseListRow(line);
    if (row) rows.push(row);
    else unreadable.push(line);
  }
  if (!hasHeader && rows.length === 0) {
    return unparsable(`the domain list does not start with the "Name ID Mem VCPUs State Time(s)" header: "${excerpt(lines[0])}"`);
  }
  return parsed({ rows, unreadable });
}
