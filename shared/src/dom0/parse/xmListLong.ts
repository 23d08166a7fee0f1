/**
 * `xm list --long` (xend, Xen 3.x/4.0-4.4): one `(domain (domid 0) (name ...) ...)`
 * S-expression per domain; devices are `(device (vbd ...))` / `(device (vif ...))`.
 * Memory is in MiB here.
 */
import { DiskDevice, DomainConfig, NicDevice } from './domainConfig';
import { Parsed, parsed, unparsable } from './result';
import { atom, child, children, readSexp, Sexp } from './sexp';

const numberOf = (text: string | undefined): number | undefined =>
  text !== undefined && /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined;

export function parseXmListLong(text: string): Parsed<DomainConfig[]> {
  const read = readSexp(text);
  if (!read.ok) return unparsable(`the long domain list is not a valid S-expression: ${read.error}`);
  const domains: DomainConfig[] = [];
  for (const [index, value] of read.values.entries()) {
    if (!Array.isArray(value) || value[0] !== 'domain') return unparsable(`item ${index + 1} of the long domain list is not a (domain ...) expression`);
    const name = atom(value, 'name');
    if (name === undefined) return unparsable(`domain ${index + 1} of the long domain list has no (name ...)`);
    const devices = children(value, 'device').map((device) => device[1]);
    domains.push({
      name,
      id: numberOf(atom(value, 'domid')),
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
  return parsed(domains);
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
