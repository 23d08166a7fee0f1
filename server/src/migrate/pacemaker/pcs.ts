/**
 * The plan as a `pcs -f cib.xml …` script: the same configuration built with pcs on a copy of the
 * live CIB, pushed at the end. Every value is quoted for sh (shared/src/dom0/shellQuote.ts).
 */
import { quoteForSh } from '../../../../shared/src/dom0/shellQuote';
import type { Pairs, Plan, Primitive } from './plan';

function assignments(pairs: Pairs): string[] {
  return pairs.map(([name, value]) => `${name}=${value}`);
}

function line(...argv: string[]): string {
  return `pcs -f cib.xml ${argv.map(quoteForSh).join(' ')}\n`;
}

function agentOf(p: Primitive): string {
  return p.class === 'ocf' ? `ocf:${p.provider}:${p.type}` : `${p.class}:${p.type}`;
}

function operationWords(p: Primitive): string[] {
  return p.ops.flatMap((op) => ['op', op.name, `interval=${op.interval}`, ...(op.timeout ? [`timeout=${op.timeout}`] : []), ...(op.onFail ? [`on-fail=${op.onFail}`] : [])]);
}

function createResource(p: Primitive, group?: string): string {
  const meta = p.meta.length > 0 ? ['meta', ...assignments(p.meta)] : [];
  return line('resource', 'create', p.id, agentOf(p), ...assignments(p.params), ...operationWords(p), ...meta, ...(group ? ['--group', group] : []));
}

export function renderPcs(plan: Plan): string {
  const nodes = plan.nodes.map((n) => n.name);
  let script = `#!/bin/sh\n# Pacemaker configuration of the cluster '${plan.clusterName}', converted from cluster.conf.\n`;
  script += `# On a cluster set up with the companion corosync.conf (or: pcs cluster setup ${[plan.clusterName, ...nodes].map(quoteForSh).join(' ')}):\nset -e\npcs cluster cib cib.xml\n`;
  // pcs sets cluster-name itself, from corosync.conf.
  const properties = plan.properties.filter(([n]) => n !== 'cluster-name');
  if (properties.length > 0) script += line('property', 'set', ...assignments(properties));
  for (const device of plan.stonith) script += line('stonith', 'create', device.id, device.type, ...assignments(device.params), ...operationWords(device), ...(device.meta.length > 0 ? ['meta', ...assignments(device.meta)] : []));
  for (const level of plan.levels) script += line('stonith', 'level', 'add', String(level.index), level.target, ...level.devices);
  for (const group of plan.groups) {
    for (const member of group.members) script += createResource(member, group.id);
    if (group.meta.length > 0) script += line('resource', 'meta', group.id, ...assignments(group.meta));
  }
  for (const primitive of plan.primitives) script += createResource(primitive);
  for (const location of plan.locations) {
    script += location.score === '-INFINITY' ? line('constraint', 'location', location.rsc, 'avoids', location.node) : line('constraint', 'location', location.rsc, 'prefers', `${location.node}=${location.score}`);
  }
  return `${script}pcs cluster cib-push cib.xml\n`;
}
