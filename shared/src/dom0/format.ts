/** Short human texts for the tree view and the CLI. */
import { DomainModel, DomainState, HostModel } from './model';

/** A domain's state in words: Xen's "blocked" is a running guest with nothing to do. */
export const STATE_WORDS: Readonly<Record<DomainState, string>> = {
  running: 'running',
  blocked: 'running, idle',
  runnable: 'running, waiting for a CPU',
  paused: 'paused',
  building: 'being built',
  shutdown: 'shut down, being cleaned up',
  dying: 'dying',
  crashed: 'crashed',
  stopped: 'stopped',
};

export function formatUptime(seconds: number | undefined): string | undefined {
  if (seconds === undefined) return undefined;
  const days = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const clock = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

export function formatVcpus(domain: DomainModel): string | undefined {
  if (domain.vcpus === undefined && domain.maxVcpus === undefined) return undefined;
  const online = domain.vcpus ?? '?';
  return domain.maxVcpus !== undefined && domain.maxVcpus !== domain.vcpus ? `${online}/${domain.maxVcpus} vCPUs` : `${online} vCPU${online === 1 ? '' : 's'}`;
}

/** `running, idle, 128 MiB, 1 vCPU, up 0:01:05`; while an action is awaited, `shutting down... (running, idle), ...` */
export function describeDomain(domain: DomainModel): string {
  const state = domain.transition ? `${domain.transition}... (${STATE_WORDS[domain.state]})` : STATE_WORDS[domain.state];
  if (domain.state === 'stopped') return state;
  return [
    state,
    domain.memoryMiB !== undefined ? `${domain.memoryMiB} MiB` : undefined,
    formatVcpus(domain),
    domain.uptimeSeconds !== undefined ? `up ${formatUptime(domain.uptimeSeconds)}` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
}

/** `2/3 running, Xen 4.17.5, 1757 of 3071 MiB free, 2 CPUs` or the error (the toolstack is in the tooltip). */
export function describeHost(model: HostModel): string {
  if (model.error && !model.reachable) return 'unreachable';
  if (model.error) return 'error';
  const guests = model.domains.filter((d) => !d.isDom0);
  const live = guests.filter((d) => d.state !== 'stopped').length;
  return [
    `${live}/${guests.length} running`,
    model.xenVersion ? `Xen ${model.xenVersion}` : undefined,
    model.freeMemoryMiB !== undefined && model.totalMemoryMiB !== undefined ? `${model.freeMemoryMiB} of ${model.totalMemoryMiB} MiB free` : undefined,
    model.cpus !== undefined ? `${model.cpus} CPUs` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
}
