/**
 * Every way a host can fail, turned into a message that names the host, says
 * what happened and what to try. The view shows these as nodes, the CLI prints them.
 */
import { HostSpec, sshDestination } from './hosts';
import { RunResult } from './transport';

export type Dom0ErrorKind =
  | 'ssh-missing'
  | 'unreachable'
  | 'auth-refused'
  | 'host-key-unknown'
  | 'host-key-changed'
  | 'timeout'
  | 'cancelled'
  | 'no-toolstack'
  | 'not-permitted'
  | 'unparsable'
  | 'command-failed'
  | 'too-much-output'
  | 'refused'
  | 'untrusted'
  | 'domain-changed'
  | 'interrupted'
  | 'internal';

export interface Dom0Error {
  readonly kind: Dom0ErrorKind;
  /** One line: host, what failed. */
  readonly message: string;
  /** What the user can do about it. */
  readonly hint: string;
  /** The relevant stderr lines, for the Output channel. */
  readonly detail?: string;
}

export const where = (host: HostSpec) => `${host.label}${host.label !== host.spec ? ` (${host.spec})` : ''}`;
const portOf = (host: HostSpec) => (host.port !== undefined ? ` -p ${host.port}` : '');

/** Classifies an SSH-level failure; undefined when ssh connected and the remote command ran. */
export function sshFailure(host: HostSpec, result: RunResult, timeoutMs: number): Dom0Error | undefined {
  const name = where(host);
  const tryManually = `ssh${portOf(host)} ${sshDestination(host)} true`;
  const detail = result.stderr.trim() || undefined;
  if (result.spawnError !== undefined) {
    return { kind: 'ssh-missing', message: `${name}: cannot run ssh (${result.spawnError})`, hint: 'Install the OpenSSH client (package openssh-client) or make sure `ssh` is on PATH.' };
  }
  if (result.refused !== undefined) {
    return { kind: 'refused', message: `${name}: not run: ${result.refused}`, hint: 'A name or path with a NUL byte cannot be acted on over SSH; rename it on the host.' };
  }
  if (result.outputLimit !== undefined) {
    return {
      kind: 'too-much-output',
      message: `${name}: stopped reading after ${formatBytes(result.outputLimit)} of output`,
      hint: 'The command printed far more than any dom0 listing or config: run it in a terminal to see what it prints.',
    };
  }
  if (result.cancelled) return { kind: 'cancelled', message: `${name}: cancelled`, hint: 'Refresh to try again.' };
  if (result.timedOut) {
    return {
      kind: 'timeout',
      message: `${name}: no answer within ${Math.round(timeoutMs / 1000)} s`,
      hint: `The host or the network is slow or down. Try \`${tryManually}\` in a terminal, or raise xenConfig.dom0.commandTimeout.`,
      detail,
    };
  }
  if (result.exitCode === null) {
    // Neither our timeout nor a cancel: something else killed ssh (the system, the user, a crash).
    return { kind: 'interrupted', message: `${name}: the connection ended before the command finished (ssh was killed)`, hint: 'Try again; if it keeps happening, see the Output channel "Xen dom0".', detail };
  }
  if (result.exitCode !== 255) return undefined;
  const stderr = result.stderr;
  if (/REMOTE HOST IDENTIFICATION HAS CHANGED|Host key for .* has changed/i.test(stderr)) {
    return {
      kind: 'host-key-changed',
      message: `${name}: the host key has CHANGED since it was recorded in known_hosts`,
      hint: 'This may be an attack, or the host was reinstalled. Check with the host\'s administrator; if it was reinstalled, remove the old key with `ssh-keygen -R HOST` and connect once in a terminal.',
      detail,
    };
  }
  if (/No \S+ host key is known|Host key verification failed/i.test(stderr)) {
    return {
      kind: 'host-key-unknown',
      message: `${name}: the host key is not in known_hosts, so ssh refuses to connect without asking`,
      hint: `Connect once in a terminal (\`${tryManually}\`), check the fingerprint and accept it; the explorer never accepts keys on its own.`,
      detail,
    };
  }
  if (/Permission denied|Too many authentication failures|Authentication failed/i.test(stderr)) {
    return {
      kind: 'auth-refused',
      message: `${name}: authentication refused`,
      hint: 'The explorer cannot type passwords (BatchMode): load your key into ssh-agent (`ssh-add`) or set IdentityFile for this host in ~/.ssh/config.',
      detail,
    };
  }
  if (/timed out|Connection timeout/i.test(stderr)) {
    return {
      kind: 'timeout',
      message: `${name}: the connection timed out`,
      hint: 'The host is down, or a firewall drops SSH. Check the address and raise xenConfig.dom0.connectTimeout if the link is slow.',
      detail,
    };
  }
  if (/Connection refused|Could not resolve|Name or service not known|No route to host|Network is unreachable|Connection closed|Connection reset|kex_exchange_identification/i.test(stderr)) {
    return {
      kind: 'unreachable',
      message: `${name}: unreachable (${firstLine(stderr)})`,
      hint: `Check the host name and port, that sshd runs there, and try \`${tryManually}\` in a terminal.`,
      detail,
    };
  }
  return {
    kind: 'unreachable',
    message: `${name}: ssh failed${stderr.trim() ? ` (${firstLine(stderr)})` : ''}`,
    hint: `Try \`${tryManually}\` in a terminal to see the full error.`,
    detail,
  };
}

/** A toolstack command that ran but failed (permission, missing domain, xl's own errors). */
export function commandFailure(host: HostSpec, what: string, exitCode: number, stderr: string): Dom0Error {
  const name = where(host);
  const detail = stderr.trim() || undefined;
  if (/cannot init xl context|Permission denied|must be root|xend.*not running|Unable to connect to xend/i.test(stderr)) {
    return {
      kind: 'not-permitted',
      message: `${name}: ${what} was not permitted (${firstLine(stderr)})`,
      hint: 'The toolstack needs root on the dom0: connect as root (root@host) or configure sudo-less root access for this key. For xm, xend must be running.',
      detail,
    };
  }
  return {
    kind: 'command-failed',
    message: `${name}: ${what} failed with exit status ${exitCode}${detail ? `: ${firstLine(stderr)}` : ''}`,
    hint: 'The toolstack\'s full error output follows (in VS Code: the Output channel "Xen dom0").',
    detail,
  };
}

export function noToolstack(host: HostSpec, wanted: string): Dom0Error {
  return {
    kind: 'no-toolstack',
    message: `${where(host)}: no ${wanted === 'auto' ? '`xl` or `xm`' : `\`${wanted}\``} command on the host`,
    hint: 'Is this a Xen dom0? Install the Xen tools there (xen-utils) or set the host\'s toolstack in xenConfig.dom0.hosts.',
  };
}

export function unparsableOutput(host: HostSpec, what: string, why: string): Dom0Error {
  return {
    kind: 'unparsable',
    message: `${where(host)}: cannot read the output of ${what}: ${why}`,
    hint: 'The host may run a toolstack version this extension does not know, or a login script prints text. Run the command in a terminal and report its output.',
  };
}

/** `64 MiB`, `1.5 KiB`, `12 bytes`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? '' : 's'}`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KiB'] : [bytes / (1024 * 1024), 'MiB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/** A remote command refused before it was built: the workspace is not trusted. */
export function untrusted(host: HostSpec): Dom0Error {
  return {
    kind: 'untrusted',
    message: `${where(host)}: not run: remote commands are disabled in this untrusted workspace`,
    hint: 'The explorer runs ssh with your keys; trust the workspace (Manage Workspace Trust) to use it.',
  };
}

/** A bug of ours caught at the edge (a parser threw): one message, not a dead view. */
export function internalError(host: HostSpec, what: string, error: unknown): Dom0Error {
  return {
    kind: 'internal',
    message: `${where(host)}: ${what} failed inside the explorer (${error instanceof Error ? error.message : String(error)})`,
    hint: 'This is a bug of the extension: the Output channel "Xen dom0" has the details; please report it.',
    detail: error instanceof Error ? error.stack : undefined,
  };
}

export function firstLine(text: string): string {
  const line = text.trim().split('\n').find((l) => l.trim() !== '' && !/^Warning: Permanently added/.test(l)) ?? '';
  return line.trim().replace(/\r/g, '');
}
