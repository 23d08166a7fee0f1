/**
 * The one model of the explorer: hosts -> domains -> devices, built from the
 * sections of a refresh. The tree view and `cli.js domains` both read it.
 */
import { commandFailure, Dom0Error, noToolstack, unparsableOutput } from './errors';
import { HostSpec } from './hosts';
import { DiskDevice, DomainConfig, NicDevice } from './parse/domainConfig';
import { parseXlInfo } from './parse/xlInfo';
import { excerpt } from './parse/result';
import { DomainList, ListRow, parseXlList } from './parse/xlList';
import { LongListing, parseXlListLong } from './parse/xlListLong';
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
  /** What the explorer waits for after an action ("shutting down"); set by liveHosts.ts, never by a refresh. */
  readonly transition?: string;
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

/** Builds the model of one host from a refresh's sections: what can be read is shown, the rest is reported. */
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
  const warnings: Dom0Error[] = [];

  const listSection = section('list', `${ts} list`);
  const parsedList = listSection.ok ? parseXlList(listSection.stdout) : undefined;
  const listError = !listSection.ok ? listSection.error : parsedList && !parsedList.ok ? unparsableOutput(host, `\`${ts} list\``, parsedList.error) : undefined;
  const list: DomainList | undefined = parsedList?.ok ? parsedList.value : undefined;

  const longSection = section('long', longName);
  let long: LongListing | undefined;
  let longError: Dom0Error | undefined;
  if (!longSection.ok) longError = longSection.error;
  else {
    const text = longSection.stdout;
    // xl prints S-expressions instead of JSON when xl.conf says output_format="sxp".
    const parsedLong = ts === 'xm' || text.trimStart().startsWith('(') ? parseXmListLong(text) : parseXlListLong(text);
    if (parsedLong.ok) long = parsedLong.value;
    else longError = unparsableOutput(host, `\`${longName}\``, parsedLong.error);
  }

  // Without the short list, the long one alone can still show the domains (xm's carries their state).
  // xl's long listing has no state: it cannot stand in for the short one.
  if (listError && !long?.domains.some((d) => d.flags !== undefined)) return failed(listError);
  if (listError) warnings.push(listError);
  if (longError) warnings.push(longError);

  const info = section('info', `${ts} info`);
  const parsedInfo = info.ok ? parseXlInfo(info.stdout) : undefined;
  if (!info.ok) warnings.push(info.error);
  else if (parsedInfo && !parsedInfo.ok) warnings.push(unparsableOutput(host, `\`${ts} info\``, parsedInfo.error));
  const hostInfo = parsedInfo?.ok ? parsedInfo.value : undefined;

  const uptimeSection = section('uptime', `${ts} uptime`);
  const uptimes = uptimeSection.ok ? parseXlUptime(uptimeSection.stdout) : undefined;
  if (!uptimeSection.ok) warnings.push(uptimeSection.error);

  const configFiles = output.sections.get('configs')?.stdout.split('\n').filter((line) => /^\/\S*\.cfg$/.test(line)) ?? [];
  const merged = mergeDomains(list?.rows ?? [], long, uptimes?.ok ? uptimes.value : new Map(), configFiles, longError ? `no details: \`${longName}\` could not be read` : undefined);
  const leftOver = [...attachUnreadable(merged, list?.unreadable ?? []), ...(long?.problems.filter((p) => !merged.some((d) => p.id !== undefined && d.id === p.id)) ?? []).map((p) => p.message)];
  if (leftOver.length > 0) {
    const what = list?.unreadable.length && leftOver.length === list.unreadable.length ? `\`${ts} list\`` : `the domain listings`;
    warnings.push(unparsableOutput(host, what, `${leftOver.length === 1 ? 'one part' : `${leftOver.length} parts`} could not be read: ${leftOver.slice(0, 3).map((line) => `"${excerpt(line)}"`).join(', ')}${leftOver.length > 3 ? ', ...' : ''}`));
  }

  return {
    host,
    reachable: true,
    toolstack: ts,
    xenVersion: hostInfo?.xenVersion,
    hostname: hostInfo?.hostname,
    totalMemoryMiB: hostInfo?.totalMemoryMiB,
    freeMemoryMiB: hostInfo?.freeMemoryMiB,
    cpus: hostInfo?.cpus,
    domains: merged,
    warnings,
  };
}

/**
 * Matches the lines of `xl list` that are not rows to the domains: a line that is
 * part of a longer name (a name with a newline) is explained; one that starts a
 * domain's name marks that domain. Returns the lines left over.
 */
function attachUnreadable(domains: DomainModel[], lines: readonly string[]): string[] {
  if (lines.length === 0) return [];
  // The lines a multi-line name is printed on (all but its last, which ends in the columns).
  const nameLines = new Set(domains.filter((d) => d.name.includes('\n')).flatMap((d) => d.name.split('\n').map((part) => (part.endsWith('\r') ? part.slice(0, -1) : part))));
  const rowless = domains.flatMap((d, index) => (d.note === SHORT_MISSING ? [index] : []));
  const left: string[] = [];
  for (const line of lines) {
    if (nameLines.has(line)) continue;
    const owner = rowless.find((index) => line.startsWith(domains[index].name));
    if (owner !== undefined) domains[owner] = { ...domains[owner], note: `its row in the short listing could not be read: "${excerpt(line)}"` };
    else left.push(line);
  }
  return left;
}

const SHORT_MISSING = 'changing state: listed by the long listing but not by the short one';
const withNote = (domain: DomainModel, note: string): DomainModel => ({ ...domain, note: domain.note ? `${domain.note}; ${note}` : note });

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
/**
 * A name that can stand for a file in /etc/xen: no "/" (a domain named
 * `../../root/x` must not open /root/x.cfg), no NUL, no line break.
 */
const SAFE_FILE_NAME = /^[^/\0\n\r]+$/;
const configName = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.cfg$/, '');

/**
 * Joins `xl list` rows and `xl list -l` configs by domain id (names can change
 * during a rename, ids cannot), then adds config files with nothing running as
 * stopped domains. A domain seen by only one of the two commands is changing
 * state; it is kept, with a note. The long listing's name wins: it is JSON,
 * exact, where the short listing pads and cuts names at blanks and newlines.
 */
function mergeDomains(
  rows: readonly ListRow[],
  longListing: LongListing | undefined,
  uptimes: ReadonlyMap<number, number>,
  configFiles: readonly string[],
  noLongNote: string | undefined,
): DomainModel[] {
  const configs = longListing?.domains ?? [];
  const problemById = new Map((longListing?.problems ?? []).filter((p) => p.id !== undefined).map((p) => [p.id as number, p.message]));
  const configById = new Map(configs.filter((c) => c.id !== undefined).map((c) => [c.id as number, c]));
  const filesByName = new Map(configFiles.map((path) => [configName(path), path]));
  const domains: DomainModel[] = [];
  const seenIds = new Set<number>();
  for (const row of rows) {
    if (seenIds.has(row.id)) continue; // a second row with one id: not xl's output; the first counts
    seenIds.add(row.id);
    const config = configById.get(row.id) ?? configs.find((c) => c.id === undefined && c.name === row.name);
    const domain = runningDomain(config?.name ?? row.name, row.id, row, config, uptimes.get(row.id), filesByName);
    const problem = problemById.get(row.id);
    if (problem) domains.push(withNote(domain, `no details: ${problem}`));
    else if (noLongNote && !domain.isDom0) domains.push(withNote(domain, noLongNote));
    else if (longListing !== undefined && !config && !domain.isDom0) {
      domains.push(withNote(domain, longListing.complete ? 'changing state: listed by the short listing but not by the long one' : 'no details: the long listing was cut off before this domain'));
    }
    else domains.push(domain);
  }
  for (const config of configs) {
    if (config.id !== undefined && seenIds.has(config.id)) continue;
    if (config.id === undefined && rows.some((row) => row.name === config.name)) continue;
    if (config.id !== undefined) seenIds.add(config.id);
    // xm's long listing carries state, memory and vCPUs itself; xl's does not.
    const row: ListRow | undefined =
      config.flags !== undefined && config.id !== undefined
        ? { name: config.name, id: config.id, flags: config.flags, memoryMiB: config.targetMemoryMiB ?? 0, vcpus: config.onlineVcpus ?? config.maxVcpus ?? 0, cpuTimeSeconds: config.cpuTimeSeconds ?? 0 }
        : undefined;
    const domain = runningDomain(config.name, config.id, row, config, config.id !== undefined ? uptimes.get(config.id) : undefined, filesByName);
    domains.push(row ? domain : withNote(domain, SHORT_MISSING));
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
    configPath: isDom0 ? undefined : (file ?? (SAFE_FILE_NAME.test(name) ? `/etc/xen/${name}.cfg` : undefined)),
    configFound: file !== undefined,
  };
}
