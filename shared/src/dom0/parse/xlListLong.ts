/**
 * `xl list -l`: a JSON array of `{domid, config: {c_info, b_info, disks, nics, ...}}`.
 * Domain-0's entry is sparse (only c_info.name/type and b_info memory); a domU's
 * c_info.domid is 4294967295 (unset), the real id is the top-level `domid`.
 *
 * Each element of the array is cut out and parsed on its own, so output cut off
 * in the middle (a killed xl, a full disk on the host) or one malformed entry
 * costs only that entry: the others are read, the broken one is reported with
 * its domid when that much of it arrived.
 */
import { DiskDevice, DomainConfig, NicDevice } from './domainConfig';
import { excerpt, Parsed, parsed, unparsable } from './result';

type Json = Record<string, unknown>;

/** A part of a long listing that could not be read: about one domain when its id is known. */
export interface LongListingProblem {
  readonly id?: number;
  readonly name?: string;
  readonly message: string;
}

export interface LongListing {
  readonly domains: DomainConfig[];
  readonly problems: LongListingProblem[];
  /** False when the output stops before its end: a domain missing from it may just come later. */
  readonly complete: boolean;
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const kibToMiB = (value: unknown): number | undefined => {
  const kib = num(value);
  return kib === undefined ? undefined : Math.round(kib / 1024);
};

interface Element {
  readonly text: string;
  /** False when the text ended inside this element. */
  readonly complete: boolean;
}

/**
 * The top-level elements of a JSON array, as text, in one linear pass that only
 * tracks strings and bracket depth. Undefined when `text` is not an array at all.
 */
export function splitJsonArray(text: string): { elements: Element[]; closed: boolean } | undefined {
  let i = 0;
  const skipBlanks = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  skipBlanks();
  if (text[i] !== '[') return undefined;
  i++;
  const elements: Element[] = [];
  for (;;) {
    skipBlanks();
    if (i >= text.length) return { elements, closed: false };
    if (text[i] === ']') return { elements, closed: true };
    const start = i;
    let depth = 0;
    let inString = false;
    for (; i < text.length; i++) {
      const ch = text[i];
      if (inString) {
        if (ch === '\\') i++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') inString = true;
      else if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        if (depth > 0) depth--;
        else if (ch === ']') break; // the array's own `]`
        // A stray `}` stays in the element: JSON.parse says what is wrong with it.
      } else if (ch === ',' && depth === 0) break;
    }
    if (i >= text.length) {
      // The text ends here: the element is whole only if no string or bracket is open.
      elements.push({ text: text.slice(start), complete: depth === 0 && !inString });
      return { elements, closed: false };
    }
    elements.push({ text: text.slice(start, i), complete: true });
    if (text[i] === ',') i++;
  }
}

/** The top-level `"domid": N` of an entry that could not be parsed (it comes first in xl's output). */
const DOMID = /^\s*\{\s*"domid"\s*:\s*(\d+)/;

export function parseXlListLong(text: string): Parsed<LongListing> {
  if (text.trim() === '') return parsed({ domains: [], problems: [], complete: true });
  const array = splitJsonArray(text);
  if (!array) {
    // Not an array: JSON.parse says what it is instead (an object, garbage, HTML...).
    let why = 'not an array of domains';
    try {
      JSON.parse(text);
    } catch (error) {
      why = `not JSON (${(error as Error).message})`;
    }
    return unparsable(`the long domain list is ${why}: "${excerpt(text)}"`);
  }
  const domains: DomainConfig[] = [];
  const problems: LongListingProblem[] = [];
  for (const [index, element] of array.elements.entries()) {
    const idOf = () => {
      const match = DOMID.exec(element.text);
      return match ? Number(match[1]) : undefined;
    };
    if (!element.complete) {
      problems.push({ id: idOf(), message: `the long domain list ends in the middle of entry ${index + 1} (output cut off)` });
      continue;
    }
    let entry: unknown;
    try {
      entry = JSON.parse(element.text);
    } catch (error) {
      problems.push({ id: idOf(), message: `entry ${index + 1} of the long domain list is not JSON (${(error as Error).message})` });
      continue;
    }
    const config = isObject(entry) && isObject(entry.config) ? entry.config : undefined;
    const cInfo = config && isObject(config.c_info) ? config.c_info : undefined;
    const name = str(cInfo?.name);
    const id = isObject(entry) ? num(entry.domid) : undefined;
    if (!isObject(entry) || !config || !cInfo || name === undefined) {
      problems.push({ id, message: `entry ${index + 1} of the long domain list has no config.c_info.name` });
      continue;
    }
    const bInfo = isObject(config.b_info) ? config.b_info : {};
    domains.push({
      name,
      id,
      uuid: str(cInfo.uuid),
      type: str(cInfo.type),
      maxVcpus: num(bInfo.max_vcpus),
      maxMemoryMiB: kibToMiB(bInfo.max_memkb),
      targetMemoryMiB: kibToMiB(bInfo.target_memkb),
      kernel: str(bInfo.kernel),
      disks: (Array.isArray(config.disks) ? config.disks : []).filter(isObject).map(toDisk),
      nics: (Array.isArray(config.nics) ? config.nics : []).filter(isObject).map(toNic),
    });
  }
  if (!array.closed && (array.elements.length === 0 || array.elements[array.elements.length - 1].complete)) {
    problems.push({ message: `the long domain list ends after ${array.elements.length} entr${array.elements.length === 1 ? 'y' : 'ies'} without its closing "]" (output cut off)` });
  }
  return parsed({ domains, problems, complete: array.closed });
}

function toDisk(disk: Json): DiskDevice {
  return {
    vdev: str(disk.vdev) ?? '?',
    target: str(disk.pdev_path) ?? '',
    mode: num(disk.readwrite) === 0 ? 'r' : 'w',
    cdrom: num(disk.is_cdrom) === 1,
  };
}

function toNic(nic: Json): NicDevice {
  return {
    devid: num(nic.devid),
    mac: str(nic.mac),
    bridge: str(nic.bridge),
    ip: str(nic.ip),
    model: str(nic.model),
  };
}
