/**
 * The domain actions and the exact remote argv of each. The argv is quoted for
 * the remote shell by the transport (shellQuote.ts, the one quoting function).
 * A running domain is addressed so that no other domain can be hit (see
 * actionArgv); a name that starts with "-" is preceded by "--" where the
 * subcommand parses options, so that it cannot be taken for one.
 */
import { HostSpec } from './hosts';
import { DomainModel, DomainState } from './model';

export type DomainAction = 'start' | 'shutdown' | 'reboot' | 'destroy' | 'pause' | 'unpause' | 'console' | 'migrate';

export interface ActionInfo {
  readonly title: string;
  /** States in which the action is offered (the tree's contextValue carries the state). */
  readonly states: readonly DomainState[];
  /** Destructive actions ask first; this says what will happen. */
  readonly confirm?: (domain: string, host: string) => string;
  readonly allowOnDom0: boolean;
}

const LIVE: DomainState[] = ['running', 'blocked', 'runnable', 'paused', 'building'];

export const ACTIONS: Readonly<Record<DomainAction, ActionInfo>> = {
  start: { title: 'Start', states: ['stopped'], allowOnDom0: false },
  shutdown: {
    title: 'Shut Down',
    states: ['running', 'blocked', 'runnable'],
    allowOnDom0: false,
    confirm: (d, h) => `Shut down ${d} on ${h}? The guest is asked to power off cleanly; it stops running until started again.`,
  },
  reboot: {
    title: 'Reboot',
    states: ['running', 'blocked', 'runnable'],
    allowOnDom0: false,
    confirm: (d, h) => `Reboot ${d} on ${h}? The guest is asked to restart; its services are down meanwhile.`,
  },
  destroy: {
    title: 'Destroy (Force Off)',
    states: [...LIVE, 'shutdown', 'crashed', 'dying'],
    allowOnDom0: false,
    confirm: (d, h) => `Destroy ${d} on ${h}? This is pulling the power cord: the guest stops at once, unsaved data in it is lost. The config file is kept.`,
  },
  pause: { title: 'Pause', states: ['running', 'blocked', 'runnable'], allowOnDom0: false },
  unpause: { title: 'Unpause', states: ['paused'], allowOnDom0: false },
  console: { title: 'Open Console', states: LIVE, allowOnDom0: false },
  migrate: { title: 'Migrate to Host...', states: ['running', 'blocked', 'runnable'], allowOnDom0: false },
};

/** Actions offered for a domain in its current state. */
export function availableActions(domain: DomainModel): DomainAction[] {
  return (Object.keys(ACTIONS) as DomainAction[]).filter((action) => {
    const info = ACTIONS[action];
    return info.states.includes(domain.state) && (info.allowOnDom0 || !domain.isDom0) && (action !== 'start' || domain.configPath !== undefined);
  });
}

/**
 * How each action names its domain. libxl reads an argument made only of digits
 * as a domid (libxl_domain_qualifier_to_domid), so `xl destroy 2` destroys domain
 * id 2 even when the domain the user clicked is NAMED "2" and has id 1. xend
 * (xm) looks a name up first and an id only after. So:
 * - xl: act by domid, and check in the same remote command that the id still
 *   has the expected name (`xl domname ID`), since ids are reused;
 * - xm: act by name, and check that the name still has the expected id (`xm domid NAME`).
 * A domain without a known id (being built) is acted on by name, unless its name
 * is all digits: then it cannot be named unambiguously, and nothing is built.
 */
export type DomainRef = Pick<DomainModel, 'name' | 'id' | 'configPath'>;

/** Exit status of the guard when the domain is no longer the one shown: nothing was done. */
export const GUARD_MISMATCH_EXIT = 16;

/**
 * `sh -c GUARD xen-dom0-guard TOOLSTACK MODE KEY EXPECTED CMD...`: runs
 * `TOOLSTACK MODE KEY` (`xl domname ID` or `xm domid NAME`), compares its whole
 * output with EXPECTED plus the newline the toolstack prints, and only then execs
 * CMD. A constant script; every value is a quoted argument.
 */
const GUARD_SCRIPT = `ts=$1; mode=$2; key=$3; expected=$4; shift 4
actual=$("$ts" "$mode" "$key" 2>/dev/null; printf x)
nl='
'
if [ "$actual" != "$expected\${nl}x" ]; then
  actual=\${actual%x}; actual=\${actual%"$nl"}
  if [ "$mode" = domname ]; then
    printf 'xen-dom0-guard: nothing done: domain id %s is %s now, not %s\\n' "$key" "\${actual:-gone}" "$expected" >&2
  else
    printf 'xen-dom0-guard: nothing done: domain %s has id %s now, not %s\\n' "$key" "\${actual:-gone}" "$expected" >&2
  fi
  exit ${GUARD_MISMATCH_EXIT}
fi
exec "$@"`;

const ALL_DIGITS = /^[0-9]+$/;

/** xm subcommands that take exactly one argument and no options: a "--" would be taken as a second argument. */
const XM_NO_OPTIONS = new Set(['destroy', 'pause', 'unpause']);

/** Why `action` cannot be built for `domain`, or undefined when it can. */
export function unaddressable(toolstack: 'xl' | 'xm', action: DomainAction, domain: DomainRef): string | undefined {
  if (action === 'start') return domain.configPath === undefined ? `${domain.name} has no config file to start from` : undefined;
  if (domain.id === undefined && ALL_DIGITS.test(domain.name) && toolstack === 'xl') {
    return `the domain named "${domain.name}" has no known id, and xl would read the name ${domain.name} as a domain id: refresh the view first`;
  }
  return undefined;
}

/** The remote argv of `action` on `domain` (for migrate, `target` is the destination host). Throws when unaddressable(). */
export function actionArgv(toolstack: 'xl' | 'xm', action: DomainAction, domain: DomainRef, target?: HostSpec): string[] {
  const why = unaddressable(toolstack, action, domain);
  if (why) throw new Error(why);
  if (action === 'start') return [toolstack, 'create', ...(domain.configPath!.startsWith('-') ? ['--'] : []), domain.configPath!];
  if (action === 'migrate' && !target) throw new Error('migrate needs a target host');
  const options = action === 'migrate' && target ? migrateOptions(toolstack, target) : [];
  const after = action === 'migrate' && target ? [migrateDestination(target)] : [];
  if (toolstack === 'xl') {
    // By id when known (digits: never an option, never a name); else by name, "--" before a leading "-".
    const key = domain.id !== undefined ? [String(domain.id)] : domain.name.startsWith('-') ? ['--', domain.name] : [domain.name];
    const command = [toolstack, action, ...options, ...key, ...after];
    return domain.id !== undefined ? guarded(toolstack, 'domname', String(domain.id), domain.name, command) : command;
  }
  const dashes = domain.name.startsWith('-') && !XM_NO_OPTIONS.has(action) ? ['--'] : [];
  const command = [toolstack, action, ...options, ...dashes, domain.name, ...after];
  return domain.id !== undefined ? guarded(toolstack, 'domid', domain.name, String(domain.id), command) : command;
}

function guarded(toolstack: 'xl' | 'xm', mode: 'domname' | 'domid', key: string, expected: string, command: string[]): string[] {
  return ['sh', '-c', GUARD_SCRIPT, 'xen-dom0-guard', toolstack, mode, key, expected, ...command];
}

/** The toolstack command inside a guarded argv (what the user would type), for messages and the log. */
export function actedCommand(argv: readonly string[]): string[] {
  return argv[0] === 'sh' && argv[3] === 'xen-dom0-guard' ? argv.slice(8) : [...argv];
}

/**
 * xl migrate runs `ssh HOST xl migrate-receive` through a shell on the source
 * dom0, so the destination must be a plain name: hosts.ts only accepts
 * [A-Za-z0-9._-] for user and host names, and the port is a number.
 */
function migrateDestination(target: HostSpec): string {
  return target.user !== undefined ? `${target.user}@${target.hostname}` : target.hostname;
}

function migrateOptions(toolstack: 'xl' | 'xm', target: HostSpec): string[] {
  if (toolstack === 'xm') return ['--live'];
  return target.port !== undefined ? ['-s', `ssh -p ${target.port}`] : [];
}

/**
 * The argv that prints one domain's `xl list -l` JSON (`xm list --long` S-expression), read-only.
 * By id inside the same guard as the actions, so a reused id never shows another domain.
 */
export function inspectArgv(toolstack: 'xl' | 'xm', domain: DomainRef): string[] {
  if (toolstack === 'xm') {
    const command = ['xm', 'list', '--long', ...(domain.name.startsWith('-') ? ['--'] : []), domain.name];
    return domain.id !== undefined ? guarded('xm', 'domid', domain.name, String(domain.id), command) : command;
  }
  if (domain.id === undefined) {
    if (ALL_DIGITS.test(domain.name)) throw new Error(`the domain named "${domain.name}" has no known id: refresh the view first`);
    return ['xl', 'list', '-l', ...(domain.name.startsWith('-') ? ['--'] : []), domain.name];
  }
  return guarded('xl', 'domname', String(domain.id), domain.name, ['xl', 'list', '-l', String(domain.id)]);
}
