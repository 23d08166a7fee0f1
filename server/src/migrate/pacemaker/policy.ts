/**
 * Where a service runs and how it recovers. A failover domain becomes location scores: an ordered one
 * prefers its nodes by priority (1 best), an unordered one all alike, a restricted one forbids every
 * other node; `nofailback` becomes a stickiness above the gap between the preferences, so a service
 * stays where it is when a better node comes back. `recovery`, `max_restarts` and
 * `restart_expire_time` become migration-threshold and failure-timeout.
 */
import { attributeValue, XmlElement } from '../../languages/cluster-conf/parse';
import type { Consumed } from './consumed';
import type { IdRegistry } from './ids';
import type { Location, Pairs, Primitive } from './plan';

export interface Domain {
  element: XmlElement;
  /** Node → score, best first. */
  scores: [string, number][];
  restricted: boolean;
  stickiness?: number;
}

const STEP = 100;

export function readDomains(domains: readonly XmlElement[], clusterNodes: ReadonlySet<string>, consumed: Consumed): Map<string, Domain> {
  const byName = new Map<string, Domain>();
  for (const element of domains) {
    consumed.use(element, 'name', 'ordered', 'restricted', 'nofailback');
    const ordered = attributeValue(element, 'ordered') === '1';
    const nofailback = attributeValue(element, 'nofailback') === '1';
    const members = element.children.filter((c) => c.name === 'failoverdomainnode');
    for (const member of members) consumed.use(member, 'name', 'priority');
    for (const stray of members.filter((m) => !clusterNodes.has(attributeValue(m, 'name') ?? ''))) {
      consumed.note(stray, 'manual', `<failoverdomainnode name="${attributeValue(stray, 'name')}"> is no cluster node: left out of the location constraints.`);
    }
    members.splice(0, members.length, ...members.filter((m) => clusterNodes.has(attributeValue(m, 'name') ?? '')));
    // rgmanager: priority 1 is the most preferred; a node without one comes last.
    const priority = (m: XmlElement) => Number(attributeValue(m, 'priority') ?? 101) || 101;
    const levels = [...new Set(members.map(priority))].sort((a, b) => a - b);
    const scores: [string, number][] = members
      .map((m): [string, number] => [attributeValue(m, 'name') ?? '', ordered ? STEP * (levels.length - levels.indexOf(priority(m))) : STEP])
      .sort((a, b) => b[1] - a[1]);
    if (nofailback && !ordered) consumed.note(element, 'note', `nofailback on the unordered domain '${attributeValue(element, 'name')}' changes nothing (rgmanager only fails back in ordered domains).`);
    const stickiness = nofailback && ordered ? STEP * levels.length : undefined;
    byName.set(attributeValue(element, 'name') ?? '', { element, scores, restricted: attributeValue(element, 'restricted') === '1', stickiness });
  }
  return byName;
}

/** Location constraints that place `rsc` as its domain says. */
export function locationsFor(rsc: string, domain: Domain, allNodes: readonly string[], ids: IdRegistry): Location[] {
  const locations: Location[] = domain.scores.map(([node, score]) => ({ id: ids.take(`location-${rsc}-${node}`), rsc, node, score: String(score) }));
  if (domain.restricted) {
    for (const node of allNodes) if (!domain.scores.some(([n]) => n === node)) locations.push({ id: ids.take(`location-${rsc}-${node}`), rsc, node, score: '-INFINITY' });
  }
  return locations;
}

/**
 * The meta attributes of a service's group (or a vm's primitive) for its recovery policy and
 * autostart, and the monitor on-fail of its members for `recovery="disable"`.
 */
export function recoveryMeta(element: XmlElement, members: Primitive[], domain: Domain | undefined, consumed: Consumed): Pairs {
  const meta: Pairs = [];
  const recovery = attributeValue(element, 'recovery') ?? 'restart';
  const maxRestarts = attributeValue(element, 'max_restarts');
  const expire = attributeValue(element, 'restart_expire_time');
  consumed.use(element, 'recovery', 'max_restarts', 'restart_expire_time', 'autostart', 'domain', 'name');
  if (recovery === 'relocate') meta.push(['migration-threshold', '1']);
  else if (recovery === 'restart' && maxRestarts !== undefined && Number(maxRestarts) > 0) meta.push(['migration-threshold', String(Number(maxRestarts) + 1)]);
  else if (recovery === 'disable') {
    for (const member of members) for (const op of member.ops) if (op.name === 'monitor') op.onFail = 'stop';
    consumed.note(element, 'note', "recovery=\"disable\": the members' monitors stop the service when it fails (on-fail=stop), as rgmanager disabled it.");
  } else if (recovery === 'restart-disable') {
    meta.push(['migration-threshold', '1']);
    consumed.note(element, 'manual', 'recovery="restart-disable" (restart once, then disable): Pacemaker restarts or moves; migration-threshold=1 moves it instead of disabling it. Decide which you want.');
  }
  if (expire !== undefined && Number(expire) > 0) meta.push(['failure-timeout', `${Number(expire)}s`]);
  if (attributeValue(element, 'autostart') === '0') meta.push(['target-role', 'Stopped']);
  if (domain?.stickiness !== undefined) meta.push(['resource-stickiness', String(domain.stickiness)]);
  return meta;
}
