/**
 * `xm list --long` (xend, Xen 3.x/4.0-4.4): one `(domain (domid 0) (name ...) ...)`
 * S-expression per domain; devices are `(device (vbd ...))` / `(device (vif ...))`.
 * Memory is in MiB here. Each expression is read on its own: one cut off or
 * malformed costs only that domain, reported with its domid when it arrived.
 */
import { DiskDevice, DomainConfig, NicDevice } from './domainConfig';
import { Parsed, parsed, unparsable } from './result';
import { atom, child, children, readSexpItems, Sexp } from './sexp';
import { LongListing, LongListingProblem } from './xlListLong';

const numberOf = (text: string | undefined): number | undefined =>
  text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;

export function parseXmListLong(text: string): Parsed<LongListing> {
  const { items, stray } = readSexpItems(text);
  const domains: DomainConfig[] = [];
  const problems: LongListingProblem[] = stray.map((error) => ({ message: `the long domain list is not a valid S-expression: ${error}` }));
  for (const [index, { value, complete, error }] of items.entries()) {
    const id = numberOf(atom(value, 'domid'));
    const name = atom(value, 'name');
    if (!Array.isArray(value) || value[0] !== 'domain') {
      problems.push({ message: `item ${index + 1} of the long domain list is not a (domain ...) expression` });
      continue;
    }
    if (!complete) {
      problems.push({ id, name, message: `the long domain list ends in the middle of domain ${index + 1} (output cut off)` });
      continue;
    }
    if (name === undefined) {
      problems.push({ id, message: `domain ${index + 1} of the long domain list has no (name ...)` });
      continue;
    }
    if (error) problems.push({ id, name, message: `its entry in the long domain list is damaged: ${error}` });
    const devices = children(value, 'device').map((device) => device[1]);
    domains.push({
      name,
      id,
      uuid: atom(value, 'uuid'),
      type: imageType(value),
      maxVcpus: numberOf(atom(value, 'vcpus')),
      maxMemoryMiB: numberOf(atom(value, 'maxmem')),
      targetMemoryMiB: numberOf(atom(value, 'memory')),
      flags: atom(value, 'state'),
      cpuTimeSeconds: numberOf(atom(value, 'cpu_time')),
      onlineVcpus: numberOf(atom(value, 'online_vcpus')),
      disks: devices.filter(isDevice('vbd', 'tap', 'tap2')).map(toDisk),
      nics: devices.filter(isDevice('vif')).map(toNic),
    });
  }
  if (items.length === 0 && problems.length > 0) return unparsable(problems[0].message);
  return parsed({ domains, problems, complete: items.every((item) => item.complete) });
}

const isDevice =
  (...kinds: string[]) =>
  (device: Sexp | undefined): device is Sexp[] =>
    Array.isArray(device) && typeof device[0] === 'string' && kinds.includes(device[0]);

function imageType(domain: Sexp): string | undefined {
  const image = child(domain, 'image');
  const kind = image && Array.isArray(image[1]) ? image[1][0] : undefined;
  return kind === 'linux' ? 'pv' : kind === 'hvm' ? 'hvm' : undefined;
}

function toDisk(device: Sexp[]): DiskDevice {
  // (dev xvda:disk) or (dev hdc:cdrom); (uname phy:/dev/drbd0)
  const [vdev, kind] = (atom(device, 'dev') ?? '?').split(':');
  return { vdev, target: atom(device, 'uname') ?? '', mode: atom(device, 'mode') ?? 'w', cdrom: kind === 'cdrom' };
}

function toNic(device: Sexp[]): NicDevice {
  return { mac: atom(device, 'mac'), bridge: atom(device, 'bridge'), ip: atom(device, 'ip'), model: atom(device, 'model') };
}
