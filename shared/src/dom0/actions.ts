/**
 * The domain actions and the exact remote argv of each. The argv is quoted for
 * the remote shell by the transport; a domain name that starts with "-" is
 * preceded by "--" so that xl's option parser cannot take it for an option.
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

const operand = (name: string) => (name.startsWith('-') ? ['--', name] : [name]);

/** The remote argv of `action` on `domain` (for migrate, `target` is the destination host). */
export function actionArgv(toolstack: 'xl' | 'xm', action: DomainAction, domain: Pick<DomainModel, 'name' | 'configPath'>, target?: HostSpec): string[] {
  switch (action) {
    case 'start':
      if (domain.configPath === undefined) throw new Error(`${domain.name} has no config file to start from`);
      return [toolstack, 'create', ...operand(domain.configPath)];
    case 'console':
      return [toolstack, 'console', ...operand(domain.name)];
    case 'migrate':
      if (!target) throw new Error('migrate needs a target host');
      return [toolstack, 'migrate', ...migrateOptions(toolstack, target), ...operand(domain.name), migrateDestination(target)];
    default:
      return [toolstack, action, ...operand(domain.name)];
  }
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

/** Reads a remote file. */
export function readFileArgv(path: string): string[] {
  return ['cat', '--', path];
}

/**
 * Writes stdin to $1 atomically, only if the file still has the MD5 $2 it had
 * when it was read ("-" when it did not exist). Keeps the previous version as
 * $1.bak. A constant script; the path and digest are its quoted arguments.
 * Exit 17: changed on the host since it was read.
 */
const WRITE_SCRIPT = `set -e
f=$1; expected=$2
if [ -e "$f" ]; then current=$(md5sum < "$f" | cut -d' ' -f1); else current=-; fi
if [ "$current" != "$expected" ]; then echo "changed on the host since it was opened" >&2; exit 17; fi
tmp=$(mktemp "$(dirname -- "$f")/.xen-dom0-save.XXXXXX")
trap 'rm -f -- "$tmp"' EXIT
cat > "$tmp"
if [ -e "$f" ]; then chmod "$(stat -c %a -- "$f")" "$tmp"; cp -p -- "$f" "$f.bak"; fi
mv -f -- "$tmp" "$f"
trap - EXIT`;

export const FILE_CHANGED_EXIT = 17;

export function writeFileArgv(path: string, expectedMd5: string): string[] {
  return ['sh', '-c', WRITE_SCRIPT, 'xen-dom0-save', path, expectedMd5];
}
