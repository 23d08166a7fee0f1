/**
 * The one model of the explorer: hosts -> domains -> devices, built from the
 * sections of a refresh. The tree view and `cli.js domains` both read it.
 */
import { commandFailure, Dom0Error, noToolstack, unparsableOutput } from './errors';
import { HostSpec } from './hosts';
import { DiskDevice, DomainConfig, NicDevice } from './parse/domainConfig';
import { parseXlInfo } from './parse/xlInfo';
import { ListRow, parseXlList } from './parse/xlList';
import { parseXlListLong } from './parse/xlListLong';
import { parseXlUptime } from './parse/xlUptime';
import { parseXmListLong } from './parse/xmListLong';
import { RefreshOutput, Section } from './refreshScript';

export type { DiskDevice, NicDevice } from './parse/domainConfig';

export type DomainState = 'running' | 'blocked' | 'paused' | 'shutdown' | 'crashed' | 'dying' | 'runnable' | 'building' | 'stopped';

export interface DomainModel {
  readonly name: string;
  /** Undefined for a stopped domain (a config file with nothing running). */
  readonly id?: number;
  readonly state: DomainState;
  /** xl's six flags (`-b----`), when the domain runs. */
  readonly flags?: string;
  readonly memoryMiB?: number;
  readonly maxMemoryMiB?: number;
  /** Online vCPUs, as `xl list` counts them. */
  readonly vcpus?: number;
  readonly maxVcpus?: number;
  readonly cpuTimeSeconds?: number;
  readonly uptimeSeconds?: number;
  readonly type?: string;
  readonly uuid?: string;
  readonly isDom0: boolean;
  readonly disks: readonly DiskDevice[];
  readonly nics: readonly NicDevice[];
  /** The config file on the host: the one listed in /etc/xen with this name, else /etc/xen/NAME.cfg. */
  readonly configPath?: string;
  /** False when no such file was found in /etc/xen (the domain was created from elsewhere). */
  readonly configFound: boolean;
  /** Why the data is partial (the domain changed state between the commands of one refresh). */
  readonly note?: string;
}

export interface HostModel {
  readonly host: HostSpec;
  readonly reachable: boolean;
  readonly toolstack?: 'xl' | 'xm';
  readonly xenVersion?: string;
  readonly hostname?: string;
  readonly totalMemoryMiB?: number;
  readonly freeMemoryMiB?: number;
  readonly cpus?: number;
  readonly domains: readonly DomainModel[];
  /** Set when the host could not be listed; domains is then empty. */
  readonly error?: Dom0Error;
  /** Problems that did not stop the listing (for example `xl uptime` failed). */
  readonly warnings: readonly Dom0Error[];
}

/** A host that could not be reached: SSH failed before any command ran. */
export function unreachableHost(host: HostSpec, error: Dom0Error): HostModel {
  return { host, reachable: false, domains: [], error, warnings: [] };
}

/** Builds the model of one host from a refresh's sections. */
export function buildHostModel(host: HostSpec, output: RefreshOutput): HostModel {
  const failed = (error: Dom0Error): HostModel => ({ host, reachable: true, domains: [], error, warnings: [] });
  if (output.toolstack === 'none') return failed(noToolstack(host, host.toolstack));
  const ts = output.toolstack;
  const longName = ts === 'xl' ? 'xl list -l' : 'xm list --long';
  const section = (name: string, what: string): { ok: true; stdout: string } | { ok: false; error: Dom0Error } => {
    const found: Section | undefined = output.sections.get(name);
    if (!found) return { ok: false, error: unparsableOutput(host, what, 'its output is missing from the reply') };
    if (found.exitCode !== 0) return { ok: false, error: commandFailure(host, `\`${what}\``, found.exitCode, found.stderr) };
    return { ok: true, stdout: found.stdout };
  };

  const listSection = section('list', `${ts} list`);
  if (!listSection.ok) return failed(listSection.error);
  const list = parseXlList(listSection.stdout);
  if (!list.ok) return failed(unparsableOutput(host, `\`${ts} list\``, list.error));

  const warnings: Dom0Error[] = [];
  const longSection = section('long', longName);
  let configs: DomainConfig[] = [];
  if (!longSection.ok) warnings.push(longSection.error);
  else {
    const text = longSection.stdout;
    // xl prints S-expressions instead of JSON when xl.conf says output_format="sxp".
    const long = ts === 'xm' || text.trimStart().startsWith('(') ? parseXmListLong(text) : parseXlListLong(text);
    if (long.ok) configs = long.value;
    else return failed(unparsableOutput(host, `\`${longName}\``, long.error));
  }

  const info = section('info', `${ts} info`);
  const parsedInfo = info.ok ? parseXlInfo(info.stdout) : undefined;
  if (!info.ok) warnings.push(info.error);
  else if (parsedInfo && !parsedInfo.ok) warnings.push(unparsableOutput(host, `\`${ts} info\``, parsedInfo.error));
  const hostInfo = parsedInfo?.ok ? parsedInfo.value : undefined;

  const uptimeSection = section('uptime', `${ts} uptime`);
  const uptimes = uptimeSection.ok ? parseXlUptime(uptimeSection.stdout) : undefined;
  if (!uptimeSection.ok) warnings.push(uptimeSection.error);

  const configFiles = output.sections.get('configs')?.stdout.split('\n').filter((line) => /^\/\S*\.cfg$/.test(line)) ?? [];

  return {
    host,
    reachable: true,
    toolstack: ts,
    xenVersion: hostInfo?.xenVersion,
    hostname: hostInfo?.hostname,
    totalMemoryMiB: hostInfo?.totalMemoryMiB,
    freeMemoryMiB: hostInfo?.freeMemoryMiB,
    cpus: hostInfo?.cpus,
    domains: mergeDomains(list.value, longSection.ok ? configs : undefined, uptimes?.ok ? uptimes.value : new Map(), configFiles),
    warnings,
  };
}

/** The primary state of xl's flags, most significant first. */
export function stateOfFlags(flags: string): DomainState {
  if (flags.includes('d')) return 'dying';
  if (flags.includes('c')) return 'crashed';
  if (flags.includes('s')) return 'shutdown';
  if (flags.includes('p')) return 'paused';
  if (flags.includes('r')) return 'running';
  if (flags.includes('b')) return 'blocked';
  // `------`: neither running nor blocked, waiting for a CPU (seen on the lab right after unpause).
  return 'runnable';
}

const DOM0 = 'Domain-0';
const configName = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.cfg$/, '');

/**
 * Joins `xl list` rows and `xl list -l` configs by domain id (names can change
 * during a rename, ids cannot), then adds config files with nothing running as
 * stopped domains. A domain seen by only one of the two commands is changing
 * state; it is kept, with a note.
 */
function mergeDomains(rows: readonly ListRow[], longListing: readonly DomainConfig[] | undefined, uptimes: ReadonlyMap<number, number>, configFiles: readonly string[]): DomainModel[] {
  const configs = longListing ?? [];
  const configById = new Map(configs.filter((c) => c.id !== undefined).map((c) => [c.id as number, c]));
  const filesByName = new Map(configFiles.map((path) => [configName(path), path]));
  const domains: DomainModel[] = [];
  const seenIds = new Set<number>();
  for (const row of rows) {
    seenIds.add(row.id);
    const config = configById.get(row.id) ?? configs.find((c) => c.id === undefined && c.name === row.name);
    const domain = runningDomain(row.name, row.id, row, config, uptimes.get(row.id), filesByName);
    const missingFromLong = longListing !== undefined && !config && !domain.isDom0;
    domains.push(missingFromLong ? { ...domain, note: 'changing state: listed by the short listing but not by the long one' } : domain);
  }
  for (const config of configs) {
    if (config.id !== undefined && seenIds.has(config.id)) continue;
    if (config.id === undefined && rows.some((row) => row.name === config.name)) continue;
    // xm's long listing carries state, memory and vCPUs itself; xl's does not.
    const row: ListRow | undefined =
      config.flags !== undefined && config.id !== undefined
        ? { name: config.name, id: config.id, flags: config.flags, memoryMiB: config.targetMemoryMiB ?? 0, vcpus: config.onlineVcpus ?? config.maxVcpus ?? 0, cpuTimeSeconds: config.cpuTimeSeconds ?? 0 }
        : undefined;
    const domain = runningDomain(config.name, config.id, row, config, config.id !== undefined ? uptimes.get(config.id) : undefined, filesByName);
    domains.push(row ? domain : { ...domain, note: 'changing state: listed by the long listing but not by the short one' });
  }
  const runningNames = new Set(domains.map((d) => d.name));
  for (const [name, path] of filesByName) {
    if (runningNames.has(name)) continue;
    domains.push({ name, state: 'stopped', isDom0: false, disks: [], nics: [], configPath: path, configFound: true });
  }
  return domains;
}

function runningDomain(
  name: string,
  id: number | undefined,
  row: ListRow | undefined,
  config: DomainConfig | undefined,
  uptimeSeconds: number | undefined,
  filesByName: ReadonlyMap<string, string>,
): DomainModel {
  const isDom0 = id === 0 || name === DOM0;
  const file = filesByName.get(name);
  let state: DomainState = row ? stateOfFlags(row.flags) : 'building';
  // A domain being built shows `--p---` with no memory and no vCPUs yet.
  if (row && state === 'paused' && row.memoryMiB === 0 && row.vcpus === 0) state = 'building';
  return {
    name,
    id,
    state,
    flags: row?.flags,
    memoryMiB: row?.memoryMiB ?? config?.targetMemoryMiB,
    maxMemoryMiB: config?.maxMemoryMiB,
    vcpus: row?.vcpus,
    maxVcpus: config?.maxVcpus,
    cpuTimeSeconds: row?.cpuTimeSeconds,
    uptimeSeconds,
    type: config?.type,
    uuid: config?.uuid,
    isDom0,
    disks: config?.disks ?? [],
    nics: config?.nics ?? [],
    configPath: isDom0 ? undefined : (file ?? `/etc/xen/${name}.cfg`),
    configFound: file !== undefined,
  };
}
