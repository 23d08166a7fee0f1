/** Short human texts for the tree view and the CLI. */
import { DomainModel, HostModel } from './model';

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

/** `running, 128 MiB, 1 vCPU, up 0:01:05` */
export function describeDomain(domain: DomainModel): string {
  if (domain.state === 'stopped') return 'stopped';
  return [
    domain.state,
    domain.memoryMiB !== undefined ? `${domain.memoryMiB} MiB` : undefined,
    formatVcpus(domain),
    domain.uptimeSeconds !== undefined ? `up ${formatUptime(domain.uptimeSeconds)}` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
}

/** `Xen 4.17.5 (xl), 1757 of 3071 MiB free, 2 CPUs` or the error. */
export function describeHost(model: HostModel): string {
  if (model.error && !model.reachable) return 'unreachable';
  if (model.error) return 'error';
  return [
    model.xenVersion ? `Xen ${model.xenVersion}` : undefined,
    model.toolstack,
    model.freeMemoryMiB !== undefined && model.totalMemoryMiB !== undefined ? `${model.freeMemoryMiB} of ${model.totalMemoryMiB} MiB free` : undefined,
    model.cpus !== undefined ? `${model.cpus} CPUs` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(', ');
}
