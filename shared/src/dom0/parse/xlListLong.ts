/**
 * `xl list -l`: a JSON array of `{domid, config: {c_info, b_info, disks, nics, ...}}`.
 * Domain-0's entry is sparse (only c_info.name/type and b_info memory); a domU's
 * c_info.domid is 4294967295 (unset), the real id is the top-level `domid`.
 */
import { DiskDevice, DomainConfig, NicDevice } from './domainConfig';
import { excerpt, Parsed, parsed, unparsable } from './result';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const kibToMiB = (value: unknown): number | undefined => {
  const kib = num(value);
  return kib === undefined ? undefined : Math.round(kib / 1024);
};

export function parseXlListLong(text: string): Parsed<DomainConfig[]> {
  if (text.trim() === '') return parsed([]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return unparsable(`the long domain list is not JSON (${(error as Error).message}): "${excerpt(text)}"`);
  }
  if (!Array.isArray(data)) return unparsable('the long domain list is JSON but not an array of domains');
  const domains: DomainConfig[] = [];
  for (const [index, entry] of data.entries()) {
    const config = isObject(entry) && isObject(entry.config) ? entry.config : undefined;
    const cInfo = config && isObject(config.c_info) ? config.c_info : undefined;
    const name = str(cInfo?.name);
    if (!isObject(entry) || !config || !cInfo || name === undefined) {
      return unparsable(`entry ${index + 1} of the long domain list has no config.c_info.name`);
    }
    const bInfo = isObject(config.b_info) ? config.b_info : {};
    domains.push({
      name,
      id: num(entry.domid),
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
  return parsed(domains);
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
