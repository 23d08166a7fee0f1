/** dom0 host settings: `root@an-node01`, an alias from ~/.ssh/config, `user@host:port`, `[::1]:2222`. */

export type Toolstack = 'auto' | 'xl' | 'xm';
export const TOOLSTACKS: readonly Toolstack[] = ['auto', 'xl', 'xm'];

/** One dom0 host as the user configured it. */
export interface HostSpec {
  /** What the user wrote; the stable key of the host in the view and in URIs. */
  readonly spec: string;
  /** Shown in the tree (defaults to the spec). */
  readonly label: string;
  readonly user?: string;
  /** Host name, address or ssh_config alias (brackets of an IPv6 address removed). */
  readonly hostname: string;
  readonly port?: number;
  readonly toolstack: Toolstack;
}

/** A host entry of the settings: a plain string or an object. */
export type HostSetting = string | { host: string; name?: string; toolstack?: string };

export type HostParseResult = { ok: true; host: HostSpec } | { ok: false; error: string };

// User and host names are restricted so that they can never be taken for an ssh
// option, nor carry shell syntax into `xl migrate` (which passes the target host
// to a shell on the source dom0).
const USER = /^[A-Za-z0-9._][A-Za-z0-9._-]*$/;
const HOSTNAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;
const IPV6 = /^[0-9A-Fa-f:.]+(%[A-Za-z0-9]+)?$/;

/** Parses one host entry; never throws. */
export function parseHostSetting(setting: HostSetting): HostParseResult {
  const entry = typeof setting === 'string' ? { host: setting } : setting;
  if (!entry || typeof entry.host !== 'string') return { ok: false, error: 'a host entry needs a "host" string such as "root@an-node01"' };
  const spec = entry.host.trim();
  const toolstack = (entry.toolstack ?? 'auto') as Toolstack;
  if (!TOOLSTACKS.includes(toolstack)) {
    return { ok: false, error: `host "${spec}": toolstack "${entry.toolstack}" is not one of auto, xl, xm` };
  }
  const destination = parseDestination(spec);
  if (!destination.ok) return destination;
  const label = entry.name?.trim() || spec;
  return { ok: true, host: { spec, label, toolstack, ...destination.parts } };
}

function parseDestination(spec: string): { ok: true; parts: { user?: string; hostname: string; port?: number } } | { ok: false; error: string } {
  const fail = (why: string) => ({ ok: false as const, error: `host "${spec}": ${why}` });
  if (spec === '') return { ok: false, error: 'a host entry is empty: write it as user@host, host:port or an ssh_config alias' };
  const at = spec.lastIndexOf('@');
  const user = at >= 0 ? spec.slice(0, at) : undefined;
  let rest = at >= 0 ? spec.slice(at + 1) : spec;
  if (user !== undefined && !USER.test(user)) return fail(`the user name "${user}" may only contain letters, digits, '.', '_' and '-' (not first)`);
  let portText: string | undefined;
  let hostname: string;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return fail('an IPv6 address opened with "[" needs a closing "]"');
    hostname = rest.slice(1, close);
    rest = rest.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return fail(`unexpected "${rest}" after the IPv6 address; write [address]:port`);
    portText = rest === '' ? undefined : rest.slice(1);
    if (!IPV6.test(hostname)) return fail(`"${hostname}" is not an IPv6 address`);
  } else {
    const colon = rest.indexOf(':');
    hostname = colon >= 0 ? rest.slice(0, colon) : rest;
    portText = colon >= 0 ? rest.slice(colon + 1) : undefined;
    if (!HOSTNAME.test(hostname)) return fail(`"${hostname}" is not a host name, address or ssh_config alias (letters, digits, '.', '_' and '-', not first)`);
  }
  let port: number | undefined;
  if (portText !== undefined) {
    port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
    if (!(port >= 1 && port <= 65535)) return fail(`the port "${portText}" is not a number from 1 to 65535`);
  }
  return { ok: true, parts: { ...(user !== undefined ? { user } : {}), hostname, ...(port !== undefined ? { port } : {}) } };
}

/** `user@hostname` as ssh takes it (the port goes to `-p`). */
export function sshDestination(host: HostSpec): string {
  return host.user !== undefined ? `${host.user}@${host.hostname}` : host.hostname;
}

/** Parses every entry; bad entries are returned as messages so the view can show them. */
export function parseHostSettings(settings: readonly HostSetting[]): { hosts: HostSpec[]; errors: string[] } {
  const hosts: HostSpec[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const setting of settings) {
    const parsed = parseHostSetting(setting);
    if (!parsed.ok) errors.push(parsed.error);
    else if (!seen.has(parsed.host.spec)) {
      seen.add(parsed.host.spec);
      hosts.push(parsed.host);
    }
  }
  return { hosts, errors };
}
