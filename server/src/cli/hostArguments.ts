/**
 * The host options of `check` and `effective` (--host, --ssh-config, --host-timeout), read
 * apart from the SSH code that uses them (hostCheck.ts), so that a plain `check` loads none of it.
 */
import { HostSpec, parseHostSetting } from '../../../shared/src/dom0/hosts';
import { eachArgument, UsageError } from './arguments';

export const HOST_CHECK_USAGE = `host checks (over SSH: the system ssh client, BatchMode, your ~/.ssh/config):
  --host SSH_DEST        also check each file with its own tool on that host
                         (repeatable): xl -N create, drbdadm -d dump, ccs_config_validate
                         or xmllint --relaxng, ifrename -D; a refusal is an error
  --ssh-config FILE      use FILE instead of ~/.ssh/config (ssh -F)
  --host-timeout S       limit for each file's SSH call (default 60)
(docs/host-check.md: what is copied where, what runs, what is cleaned up)`;

export interface HostOptions {
  hosts: HostSpec[];
  sshConfig?: string;
  timeoutSeconds: number;
}

/** Takes the host options out of `check`'s arguments; the rest are `check`'s own. */
export function splitHostArguments(args: readonly string[]): { host: HostOptions; rest: string[] } {
  const host: HostOptions = { hosts: [], timeoutSeconds: 60 };
  const rest: string[] = [];
  for (const { arg, value } of eachArgument(args)) {
    if (arg === '--host') host.hosts.push(hostSpec(value()));
    else if (arg === '--ssh-config') host.sshConfig = value();
    else if (arg === '--host-timeout') {
      const text = value();
      if (!(Number(text) > 0)) throw new UsageError(`--host-timeout takes a number of seconds, not '${text}'`);
      host.timeoutSeconds = Number(text);
    } else rest.push(arg);
  }
  return { host, rest };
}

export function hostSpec(destination: string): HostSpec {
  const parsed = parseHostSetting(destination);
  if (!parsed.ok) throw new UsageError(parsed.error);
  return parsed.host;
}
