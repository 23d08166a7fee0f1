/** Tallies for the migrate oracle tests: what a person is left with, by kind. */
import type { MigrationNote } from '../../server/src/migrate/types';

/** What a manual note asks of a person, in a few words (first match wins). */
const KINDS: [RegExp, string][] = [
  [/dual-primary without fencing/, 'dual-primary without fencing'],
  [/become-primary-on/, 'become-primary-on under a cluster manager'],
  [/removed: DRBD 9 has no/, 'option DRBD 9 does not have'],
  [/needs a 'node-id'|connection' blocks/, 'hosts to connect by hand'],
  [/stonith-enabled=false/, 'no convertible fence device'],
  [/Fence device .* not converted/, 'fence agent with no Pacemaker device (fence_manual, fence_pcmk)'],
  [/not in today's fence-agents/, 'fence agent gone from fence-agents'],
  [/fences no node/, 'fence device no node uses'],
  [/is not converted: Pacemaker has no counterpart/, 'element with no Pacemaker counterpart'],
  [/fenced's timings/, 'fence_daemon timings'],
  [/monitor_link/, 'link monitoring (ethmonitor)'],
  [/: not converted; set the Pacemaker equivalent/, 'attribute with no Pacemaker counterpart'],
  [/<script file=/, 'script to install as an LSB init script'],
  [/no nodeid corosync can use|is already another node's|A second <clusternode/, 'node identity to fix (nodeid, name)'],
  [/is no cluster node/, 'failover domain naming an unknown node'],
  [/the DRBD 8.4 helper/, 'fence-peer helper to switch to its DRBD 9 variant'],
  [/has no <clusternode>/, 'cluster without nodes'],
  [/nfslock|exclusive|depend|priority=/, 'service option Pacemaker expresses otherwise'],
  [/GFS2|HA-LVM|libvirt guest|searched \d+ folders/, 'storage or guest set-up to check'],
  [/has no Pacemaker agent/, 'resource type with no agent'],
  [/names no <fencedevice>|refers to no <\w+> under <resources>|names no failover domain/, 'reference to nothing'],
  [/action="\w+" on '/, 'fence action other than reboot or off'],
  [/<action name=/, 'operation timing to set by hand'],
  [/has no resource Pacemaker can run/, 'service with nothing Pacemaker can run'],
  [/Not converted/, 'file not converted (syntax)'],
];

export function manualKind(message: string): string {
  return KINDS.find(([pattern]) => pattern.test(message))?.[1] ?? 'other';
}

export class Tally {
  private readonly counts = new Map<string, number>();

  add(key: string, by = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
  }

  addManual(notes: readonly MigrationNote[]): void {
    for (const note of notes) if (note.kind === 'manual') this.add(manualKind(note.message));
  }

  get(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  lines(): string[] {
    return [...this.counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([key, n]) => `${String(n).padStart(4)}  ${key}`);
  }
}
