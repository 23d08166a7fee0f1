/**
 * A large xend-config.sxp: the sections of the upstream example (comments,
 * commented-out defaults, active options, a multi-line xen-api-server list)
 * repeated until about `sizeHint` lines. Later repetitions re-set options,
 * so the duplicate check runs on every form.
 */
import { XEND_OPTIONS } from '../../server/src/languages/xend-sxp/schema';

function section(round: number): string[] {
  const lines = [`# -*- sxp -*- section ${round}: servers, relocation, network, dom0`, '#', "# Each option is '(name value)'; see xend-config.sxp(5).", ''];
  for (const option of XEND_OPTIONS) {
    const value = option.type === 'boolean' ? (round % 2 === 0 ? 'yes' : 'no') : option.type === 'integer' ? String(100 + round) : option.type === 'sxp' ? "((unix none) (9363 pam '^localhost$'))" : `'/var/lib/xend/${option.name}-${round}'`;
    lines.push(`# ${option.name}: ${option.doc.slice(0, 60)}`);
    lines.push(`#(${option.name} ${option.default ?? "''"})`);
    lines.push(`(${option.name} ${value})`);
  }
  lines.push("(xen-api-server ((9363 pam '^localhost$ ^an-node0[12]\\\\.alteeve\\\\.com$')", '                 (unix none)))', '');
  return lines;
}

export function generate(sizeHint: number): { path: string; text: string } {
  const lines: string[] = [];
  for (let round = 0; lines.length < sizeHint; round++) lines.push(...section(round));
  return { path: '/etc/xen/xend-config.sxp', text: lines.slice(0, sizeHint).join('\n') + '\n' };
}
