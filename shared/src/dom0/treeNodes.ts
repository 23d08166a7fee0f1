/**
 * The explorer tree as plain data: which nodes exist under which, and how each
 * looks (label, description, icon, contextValue). The VS Code TreeDataProvider
 * only maps these onto TreeItems, so all of it is unit-testable.
 */
import { ACTIONS, availableActions } from './actions';
import { Dom0Error } from './errors';
import { describeDomain, describeHost, formatUptime, formatVcpus, STATE_WORDS } from './format';
import { HostSpec } from './hosts';
import { DiskDevice, DomainModel, DomainState, HostModel, NicDevice } from './model';

export type Dom0Node =
  | { readonly kind: 'message'; readonly id: string; readonly label: string; readonly detail?: string; readonly severity: 'info' | 'warning' | 'error' }
  | { readonly kind: 'host'; readonly id: string; readonly host: HostSpec; readonly model?: HostModel; readonly loading: boolean }
  | { readonly kind: 'domain'; readonly id: string; readonly model: HostModel; readonly domain: DomainModel }
  | { readonly kind: 'disk'; readonly id: string; readonly domain: DomainModel; readonly disk: DiskDevice }
  | { readonly kind: 'nic'; readonly id: string; readonly domain: DomainModel; readonly nic: NicDevice }
  | { readonly kind: 'config'; readonly id: string; readonly model: HostModel; readonly domain: DomainModel };

export interface NodeView {
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  /** A codicon id and an optional theme color id. */
  readonly icon: { readonly id: string; readonly color?: string };
  /** Space-separated words that package.json's menus match with `viewItem =~ /\bword\b/`. */
  readonly contextValue: string;
  readonly collapsible: 'none' | 'collapsed' | 'expanded';
  /** Command run on click (opening a config). */
  readonly openConfig?: boolean;
}

const STATE_ICONS: Record<DomainState, { id: string; color?: string }> = {
  running: { id: 'vm-running', color: 'charts.green' },
  blocked: { id: 'vm-running', color: 'charts.green' },
  runnable: { id: 'vm-running', color: 'charts.green' },
  paused: { id: 'debug-pause', color: 'charts.yellow' },
  building: { id: 'loading~spin' },
  shutdown: { id: 'loading~spin' },
  dying: { id: 'loading~spin', color: 'charts.red' },
  crashed: { id: 'error', color: 'errorForeground' },
  stopped: { id: 'vm-outline', color: 'disabledForeground' },
};

/** Top-level nodes: setting errors, then one node per host. */
export function rootNodes(hosts: readonly HostSpec[], models: ReadonlyMap<string, HostModel>, loading: ReadonlySet<string>, settingErrors: readonly string[]): Dom0Node[] {
  return [
    ...settingErrors.map((error, i): Dom0Node => ({ kind: 'message', id: `setting-error/${i}`, label: error, detail: 'Fix the entry in the setting xenConfig.dom0.hosts.', severity: 'error' })),
    ...hosts.map((host): Dom0Node => ({ kind: 'host', id: `host/${host.spec}`, host, model: models.get(host.spec), loading: loading.has(host.spec) })),
  ];
}

export function childNodes(node: Dom0Node): Dom0Node[] {
  switch (node.kind) {
    case 'host': {
      const model = node.model;
      if (!model) return node.loading ? [{ kind: 'message', id: `${node.id}/loading`, label: 'Connecting...', severity: 'info' }] : [];
      const errors = [...(model.error ? [model.error] : []), ...model.warnings];
      return [
        ...errors.map((error, i) => errorNode(`${node.id}/error/${i}`, error, model.error === error ? 'error' : 'warning')),
        ...uniqueIds(model.domains.map((domain): Dom0Node => ({ kind: 'domain', id: `${node.id}/domain/${domain.name}`, model, domain }))),
      ];
    }
    case 'domain': {
      const { domain, model } = node;
      return [
        ...domain.disks.map((disk, i): Dom0Node => ({ kind: 'disk', id: `${node.id}/disk/${i}`, domain, disk })),
        ...domain.nics.map((nic, i): Dom0Node => ({ kind: 'nic', id: `${node.id}/nic/${i}`, domain, nic })),
        ...(domain.configPath ? [{ kind: 'config', id: `${node.id}/config`, model, domain } as Dom0Node] : []),
      ];
    }
    default:
      return [];
  }
}

/**
 * VS Code refuses a tree with two nodes of one id (and then shows none of the
 * host), so a second domain of the same name, which only garbled output can give,
 * gets a suffix instead.
 */
function uniqueIds(nodes: Dom0Node[]): Dom0Node[] {
  const seen = new Map<string, number>();
  return nodes.map((node) => {
    const count = (seen.get(node.id) ?? 0) + 1;
    seen.set(node.id, count);
    return count === 1 ? node : { ...node, id: `${node.id}~${count}` };
  });
}

function errorNode(id: string, error: Dom0Error, severity: 'error' | 'warning'): Dom0Node {
  return { kind: 'message', id, label: error.message, detail: error.hint, severity };
}

export function viewOf(node: Dom0Node): NodeView {
  switch (node.kind) {
    case 'message':
      return {
        label: node.label,
        description: node.detail,
        tooltip: [node.label, node.detail].filter(Boolean).join('\n\n'),
        icon: { id: node.severity, color: node.severity === 'error' ? 'errorForeground' : node.severity === 'warning' ? 'editorWarning.foreground' : undefined },
        contextValue: 'dom0Message',
        collapsible: 'none',
      };
    case 'host': {
      const { model, host } = node;
      const state = !model ? (node.loading ? 'connecting...' : 'not refreshed yet') : `${describeHost(model)}${node.loading ? ' (refreshing...)' : ''}`;
      const reachable = model?.reachable !== false;
      return {
        label: host.label,
        description: state,
        tooltip: hostTooltip(host, model),
        icon: model?.error ? { id: reachable ? 'server-environment' : 'debug-disconnect', color: 'errorForeground' } : { id: 'server' },
        contextValue: `dom0Host${reachable ? '' : ' unreachable'}`,
        collapsible: 'expanded',
      };
    }
    case 'domain': {
      const { domain } = node;
      const actions = availableActions(domain).map((action) => `can-${action}`);
      return {
        label: domain.name,
        description: `${domain.id !== undefined ? `#${domain.id} ` : ''}${describeDomain(domain)}`,
        tooltip: domainTooltip(domain),
        icon: domain.isDom0 ? { id: 'server-process' } : STATE_ICONS[domain.state],
        contextValue: ['dom0Domain', `state-${domain.state}`, ...actions, ...(domain.configPath ? ['has-config'] : []), ...(domain.id !== undefined ? ['has-id'] : []), ...(domain.nics.some((n) => n.mac) ? ['has-mac'] : [])].join(' '),
        collapsible: domain.disks.length + domain.nics.length > 0 || domain.configPath ? 'collapsed' : 'none',
      };
    }
    case 'disk':
      return {
        label: node.disk.vdev,
        description: `${node.disk.target} (${node.disk.mode === 'w' ? 'read-write' : 'read-only'}${node.disk.cdrom ? ', cdrom' : ''})`,
        icon: { id: node.disk.cdrom ? 'disc' : 'database' },
        contextValue: 'dom0Disk',
        collapsible: 'none',
      };
    case 'nic':
      return {
        label: node.nic.mac ?? '(no MAC)',
        description: [node.nic.bridge ? `bridge ${node.nic.bridge}` : undefined, node.nic.ip ? `ip ${node.nic.ip}` : undefined, node.nic.model].filter(Boolean).join(', '),
        icon: { id: 'plug' },
        contextValue: node.nic.mac ? 'dom0Nic has-mac' : 'dom0Nic',
        collapsible: 'none',
      };
    case 'config':
      return {
        label: node.domain.configPath ?? '',
        description: node.domain.configFound ? 'config' : 'config (not found in /etc/xen)',
        tooltip: `Open ${node.domain.configPath} from ${node.model.host.label}`,
        icon: { id: 'file-code' },
        contextValue: 'dom0Config has-config',
        collapsible: 'none',
        openConfig: true,
      };
  }
}

/** The toolstack the host was found to use, and what the setting asked for when that differs. */
function toolstackText(host: HostSpec, model: HostModel | undefined): string {
  if (!model?.toolstack) return host.toolstack === 'auto' ? 'toolstack: not detected yet (setting: auto)' : `toolstack: ${host.toolstack} (setting)`;
  return `toolstack: ${model.toolstack}${host.toolstack === 'auto' ? ' (detected)' : ''}`;
}

function hostTooltip(host: HostSpec, model: HostModel | undefined): string {
  const guests = model?.domains.filter((d) => !d.isDom0) ?? [];
  return [
    host.label === host.spec ? host.spec : `${host.label} (${host.spec})`,
    model?.hostname ? `host name: ${model.hostname}` : undefined,
    model?.xenVersion ? `Xen ${model.xenVersion}` : undefined,
    toolstackText(host, model),
    model && !model.error ? `guests: ${guests.filter((d) => d.state !== 'stopped').length} running of ${guests.length}` : undefined,
    model?.freeMemoryMiB !== undefined && model.totalMemoryMiB !== undefined ? `memory: ${model.freeMemoryMiB} MiB free of ${model.totalMemoryMiB} MiB` : undefined,
    model?.cpus !== undefined ? `CPUs: ${model.cpus}` : undefined,
    model?.error ? `${model.error.message}\n${model.error.hint}` : undefined,
  ]
    .filter(Boolean)
    .join('\n');
}

function domainTooltip(domain: DomainModel): string {
  return [
    `${domain.name}${domain.id !== undefined ? ` (id ${domain.id})` : ''}: ${STATE_WORDS[domain.state]}${domain.flags ? ` [xl flags ${domain.flags}]` : ''}`,
    domain.transition ? `${domain.transition}...` : undefined,
    domain.note,
    domain.type ? `type: ${domain.type}` : undefined,
    domain.memoryMiB !== undefined ? `memory: ${domain.memoryMiB} MiB${domain.maxMemoryMiB !== undefined ? ` (max ${domain.maxMemoryMiB} MiB)` : ''}` : undefined,
    formatVcpus(domain),
    domain.cpuTimeSeconds !== undefined ? `CPU time: ${domain.cpuTimeSeconds} s` : undefined,
    domain.uptimeSeconds !== undefined ? `uptime: ${formatUptime(domain.uptimeSeconds)}` : undefined,
    domain.uuid ? `uuid: ${domain.uuid}` : undefined,
    domain.configPath ? `config: ${domain.configPath}${domain.configFound ? '' : ' (not found in /etc/xen)'}` : undefined,
    availableActions(domain).length ? `actions: ${availableActions(domain).map((a) => ACTIONS[a].title).join(', ')}` : undefined,
  ]
    .filter(Boolean)
    .join('\n');
}
