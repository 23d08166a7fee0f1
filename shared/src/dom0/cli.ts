/**
 * `cli.js domains [--format text|json] HOST...`: the explorer's model on the
 * command line, and `--action ACTION --domain NAME` to act through it.
 */
import { ACTIONS, DomainAction } from './actions';
import { describeDomain, describeHost } from './format';
import { HostSpec, parseHostSetting, TOOLSTACKS, Toolstack } from './hosts';
import { HostModel } from './model';
import { Dom0Session } from './session';

const DOMAINS_USAGE = `usage: cli.js domains [options] HOST...

Lists the Xen domains of each dom0 HOST over SSH (the system ssh client, your
~/.ssh/config and agent; no password prompts). HOST is user@host, host:port,
user@host:port or an ssh_config alias.

options:
  --format text|json     output format (default text)
  --toolstack auto|xl|xm toolstack on the hosts (default auto: xl, else xm)
  --ssh-config FILE      use FILE instead of ~/.ssh/config (ssh -F)
  --timeout SECONDS      limit for each host's whole call (default 30)
  --connect-timeout S    limit for the SSH connection (default 10)
  --action ACTION        act on --domain NAME first, then list (one HOST only):
                         ${Object.keys(ACTIONS).filter((a) => a !== 'console').join(', ')}
  --domain NAME          the domain for --action (for start: NAME's config in /etc/xen)
  --target HOST          the destination of --action migrate

exit status: 0 all hosts listed, 1 a host or the action failed, 2 bad usage.`;

class UsageError extends Error {}

interface DomainsOptions {
  format: 'text' | 'json';
  toolstack: Toolstack;
  sshConfig?: string;
  timeoutSeconds: number;
  connectTimeoutSeconds: number;
  action?: Exclude<DomainAction, 'console'>;
  domain?: string;
  target?: HostSpec;
  hosts: HostSpec[];
}

function parseArgs(argv: readonly string[]): DomainsOptions {
  const options: DomainsOptions = { format: 'text', toolstack: 'auto', timeoutSeconds: 30, connectTimeoutSeconds: 10, hosts: [] };
  const hostArgs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${arg} needs a value`);
      return next;
    };
    const seconds = () => {
      const text = value();
      const n = Number(text);
      if (!(n > 0)) throw new UsageError(`${arg} takes a number of seconds, not "${text}"`);
      return n;
    };
    if (arg === '--format') {
      const format = value();
      if (format !== 'text' && format !== 'json') throw new UsageError(`--format is text or json, not "${format}"`);
      options.format = format;
    } else if (arg === '--toolstack') {
      const toolstack = value() as Toolstack;
      if (!TOOLSTACKS.includes(toolstack)) throw new UsageError(`--toolstack is auto, xl or xm, not "${toolstack}"`);
      options.toolstack = toolstack;
    } else if (arg === '--ssh-config') options.sshConfig = value();
    else if (arg === '--timeout') options.timeoutSeconds = seconds();
    else if (arg === '--connect-timeout') options.connectTimeoutSeconds = seconds();
    else if (arg === '--action') {
      const action = value() as DomainAction;
      if (!(action in ACTIONS) || action === 'console') throw new UsageError(`unknown --action "${action}"`);
      options.action = action as Exclude<DomainAction, 'console'>;
    } else if (arg === '--domain') options.domain = value();
    else if (arg === '--target') options.target = host(value(), 'auto');
    else if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
    else hostArgs.push(arg);
  }
  options.hosts = hostArgs.map((spec) => host(spec, options.toolstack));
  if (options.hosts.length === 0) throw new UsageError('name at least one HOST');
  if (options.action && (options.domain === undefined || options.hosts.length !== 1)) throw new UsageError('--action needs --domain NAME and exactly one HOST');
  if (options.action === 'migrate' && !options.target) throw new UsageError('--action migrate needs --target HOST');
  return options;
}

function host(spec: string, toolstack: Toolstack): HostSpec {
  const parsed = parseHostSetting({ host: spec, toolstack });
  if (!parsed.ok) throw new UsageError(parsed.error);
  return parsed.host;
}

export interface CliOutput {
  stdout: string;
  stderr: string;
  status: number;
}

export async function runDomains(argv: readonly string[]): Promise<CliOutput> {
  if (argv.includes('--help') || argv.includes('-h')) return { stdout: DOMAINS_USAGE + '\n', stderr: '', status: 0 };
  let options: DomainsOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return { stdout: '', stderr: `error: ${error.message}\n\n${DOMAINS_USAGE}\n`, status: 2 };
    throw error;
  }
  const session = new Dom0Session({
    configFile: options.sshConfig,
    connectTimeoutSeconds: options.connectTimeoutSeconds,
    commandTimeoutMs: options.timeoutSeconds * 1000,
    parallelism: 8,
    trusted: () => true, // the user ran the CLI on purpose
  });
  let stderr = '';
  let actionFailed = false;
  try {
    if (options.action && options.domain !== undefined) {
      const hostSpec = options.hosts[0];
      const before = await session.refreshHost(hostSpec);
      const toolstack = before.toolstack ?? (hostSpec.toolstack === 'xm' ? 'xm' : 'xl');
      const known = before.domains.find((d) => d.name === options.domain);
      // By id when the refresh found the domain: a name such as "2" is read by xl as a domid.
      const domain = { name: options.domain, id: known?.id, configPath: known?.configPath ?? `/etc/xen/${options.domain}.cfg` };
      const result = await session.runAction(hostSpec, toolstack, options.action, domain, { target: options.target });
      if (result.ok) stderr += `${hostSpec.label}: ${result.command}: done\n${result.stderr}`;
      else {
        actionFailed = true;
        stderr += `${result.error.message}\n  ${result.error.hint}\n${result.error.detail ? `  ${result.error.detail.replace(/\n/g, '\n  ')}\n` : ''}`;
      }
    }
    const models = await session.refreshAll(options.hosts);
    const stdout = options.format === 'json' ? JSON.stringify(models.map(toJson), null, 2) + '\n' : models.map(toText).join('\n');
    const failed = actionFailed || models.some((m) => m.error !== undefined);
    return { stdout, stderr, status: failed ? 1 : 0 };
  } finally {
    await session.dispose();
  }
}

/** The model as JSON: the host's spec and label instead of its parsed parts. */
function toJson(model: HostModel): object {
  const { host, ...rest } = model;
  return { host: host.spec, label: host.label, ...rest };
}

function toText(model: HostModel): string {
  const lines = [`${model.host.label}  ${describeHost(model)}`];
  if (model.error) lines.push(`  error: ${model.error.message}`, `  try: ${model.error.hint}`);
  for (const warning of model.warnings) lines.push(`  warning: ${warning.message}`);
  const width = Math.max(0, ...model.domains.map((d) => d.name.length));
  for (const domain of model.domains) {
    const id = domain.id !== undefined ? `id ${domain.id}` : '';
    lines.push(`  ${domain.name.padEnd(width)}  ${id.padEnd(6)}  ${describeDomain(domain)}${domain.configPath && domain.configFound ? `  ${domain.configPath}` : ''}${domain.note ? `  (${domain.note})` : ''}`);
    for (const disk of domain.disks) lines.push(`      disk ${disk.vdev}  ${disk.target}  ${disk.mode === 'w' ? 'read-write' : 'read-only'}${disk.cdrom ? ' cdrom' : ''}`);
    for (const nic of domain.nics) lines.push(`      nic  ${nic.mac ?? '(no MAC)'}${nic.bridge ? `  bridge ${nic.bridge}` : ''}${nic.ip ? `  ip ${nic.ip}` : ''}`);
  }
  return lines.join('\n') + '\n';
}
