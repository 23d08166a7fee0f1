/** The plan as a CIB document (Pacemaker's XML configuration) with an empty status section. */
import type { Location, Operation, Pairs, Plan, Primitive } from './plan';

/** The schema the CIB declares: Pacemaker 2.1 (RHEL 8.4+/9, Debian 12) validates it. */
export const CIB_SCHEMA = 'pacemaker-3.7';

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attributes(pairs: Pairs): string {
  return pairs.map(([name, value]) => ` ${name}="${escape(value)}"`).join('');
}

function nvset(tag: string, id: string, pairs: Pairs, indent: string): string {
  if (pairs.length === 0) return '';
  const nvpairs = pairs.map(([name, value]) => `${indent}  <nvpair${attributes([['id', `${id}-${name}`], ['name', name], ['value', value]])}/>\n`).join('');
  return `${indent}<${tag} id="${escape(id)}">\n${nvpairs}${indent}</${tag}>\n`;
}

function operations(id: string, ops: Operation[], indent: string): string {
  if (ops.length === 0) return '';
  const lines = ops.map((op) => {
    const pairs: Pairs = [['id', `${id}-${op.name}-${op.interval}`], ['name', op.name], ['interval', op.interval]];
    if (op.timeout) pairs.push(['timeout', op.timeout]);
    if (op.onFail) pairs.push(['on-fail', op.onFail]);
    return `${indent}  <op${attributes(pairs)}/>\n`;
  });
  return `${indent}<operations>\n${lines.join('')}${indent}</operations>\n`;
}

function primitive(p: Primitive, indent: string): string {
  const head: Pairs = [['id', p.id], ['class', p.class]];
  if (p.provider) head.push(['provider', p.provider]);
  head.push(['type', p.type]);
  const inner = nvset('instance_attributes', `${p.id}-instance_attributes`, p.params, `${indent}  `) + nvset('meta_attributes', `${p.id}-meta_attributes`, p.meta, `${indent}  `) + operations(p.id, p.ops, `${indent}  `);
  return `${indent}<primitive${attributes(head)}>\n${inner}${indent}</primitive>\n`;
}

function location(l: Location): string {
  return `      <rsc_location${attributes([['id', l.id], ['rsc', l.rsc], ['node', l.node], ['score', l.score]])}/>\n`;
}

export function renderCib(plan: Plan): string {
  const nodes = plan.nodes.map((n, i) => `      <node${attributes([['id', n.nodeid ?? String(i + 1)], ['uname', n.name]])}/>\n`).join('');
  const resources = [
    ...plan.stonith.map((p) => primitive(p, '      ')),
    ...plan.groups.map((g) => `      <group id="${escape(g.id)}">\n${nvset('meta_attributes', `${g.id}-meta_attributes`, g.meta, '        ')}${g.members.map((m) => primitive(m, '        ')).join('')}      </group>\n`),
    ...plan.primitives.map((p) => primitive(p, '      ')),
  ].join('');
  const levels = plan.levels.map((l) => `      <fencing-level${attributes([['id', l.id], ['target', l.target], ['index', String(l.index)], ['devices', l.devices.join(',')]])}/>\n`).join('');
  return [
    `<cib validate-with="${CIB_SCHEMA}" admin_epoch="0" epoch="1" num_updates="0">\n`,
    '  <configuration>\n',
    '    <crm_config>\n',
    nvset('cluster_property_set', 'cib-bootstrap-options', plan.properties, '      '),
    '    </crm_config>\n',
    `    <nodes>\n${nodes}    </nodes>\n`,
    `    <resources>\n${resources}    </resources>\n`,
    `    <constraints>\n${plan.locations.map(location).join('')}    </constraints>\n`,
    levels ? `    <fencing-topology>\n${levels}    </fencing-topology>\n` : '',
    '  </configuration>\n',
    '  <status/>\n',
    '</cib>\n',
  ].join('');
}
