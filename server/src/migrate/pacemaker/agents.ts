/**
 * rgmanager resource types and the resource agents Pacemaker runs for them today, with the
 * parameters that map one to one. An attribute no table names is reported as not converted
 * (consumed.ts), so a missing row shows as a manual note, never as a silent loss.
 */
import { nameTable } from '../../common/nameTable';
import type { Pairs } from './plan';

export interface AgentMapping {
  class: 'ocf' | 'lsb';
  provider?: string;
  type: string;
  /** rgmanager attribute → agent parameter. */
  params: Record<string, string>;
  /** Values that change on the way (`force_unmount="1"` → `force_unmount=true`). */
  values?: Record<string, Record<string, string>>;
  /** Parameters the agent needs that rgmanager implied. */
  fixed?: Pairs;
  /** Something a person must do for this type under Pacemaker. */
  advice?: string;
}

const YES = nameTable({ '1': 'true', yes: 'true', on: 'true', '0': 'false', no: 'false', off: 'false' });

/** By rgmanager resource type (the element name). `ip`, `script`, `vm`, `nfsclient` are built in services.ts. */
export const AGENTS: Record<string, AgentMapping> = nameTable({
  fs: {
    class: 'ocf', provider: 'heartbeat', type: 'Filesystem',
    params: { device: 'device', mountpoint: 'directory', fstype: 'fstype', options: 'options', force_unmount: 'force_unmount', force_fsck: 'run_fsck' },
    values: { force_unmount: YES, force_fsck: nameTable({ '1': 'force', yes: 'force', '0': 'auto', no: 'auto' }) },
  },
  clusterfs: {
    class: 'ocf', provider: 'heartbeat', type: 'Filesystem',
    params: { device: 'device', mountpoint: 'directory', fstype: 'fstype', options: 'options', force_unmount: 'force_unmount' },
    values: { force_unmount: YES },
    fixed: [['fstype', 'gfs2']],
    advice: 'a GFS2 file system is mounted on every node at once under Pacemaker: make it a clone (with ocf:pacemaker:controld for dlm and ocf:heartbeat:lvmlockd) instead of a member of this group',
  },
  netfs: {
    class: 'ocf', provider: 'heartbeat', type: 'Filesystem',
    params: { mountpoint: 'directory', fstype: 'fstype', options: 'options', force_unmount: 'force_unmount' },
    values: { force_unmount: YES },
    fixed: [['fstype', 'nfs']],
  },
  lvm: {
    class: 'ocf', provider: 'heartbeat', type: 'LVM-activate',
    params: { vg_name: 'vgname', lv_name: 'lvname' },
    fixed: [['vg_access_mode', 'tagging']],
    advice: "rgmanager's HA-LVM used volume group tags; LVM-activate is set to vg_access_mode=tagging to match (system_id is the modern choice: set it up on the nodes and change the parameter)",
  },
  apache: { class: 'ocf', provider: 'heartbeat', type: 'apache', params: { config_file: 'configfile', httpd_options: 'options' } },
  mysql: { class: 'ocf', provider: 'heartbeat', type: 'mysql', params: { config_file: 'config' } },
  'postgres-8': { class: 'ocf', provider: 'heartbeat', type: 'pgsql', params: { config_file: 'config' } },
  named: { class: 'ocf', provider: 'heartbeat', type: 'named', params: { config_file: 'named_config' } },
  nfsserver: { class: 'ocf', provider: 'heartbeat', type: 'nfsserver', params: { path: 'nfs_shared_infodir' } },
});

/**
 * The order rgmanager starts a service's children in, by type (service.sh's child start levels);
 * children of other types start after them, in the order they are written.
 */
export const START_ORDER: readonly string[] = ['lvm', 'fs', 'clusterfs', 'netfs', 'nfsexport', 'nfsclient', 'ip', 'smb', 'script'];
