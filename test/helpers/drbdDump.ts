/**
 * What two `drbdadm dump` outputs must agree on for a DRBD migration to be faithful: the resources,
 * each host's devices, minors, disks, meta-disks and addresses (per volume), and every option both
 * dumps have (under its DRBD 9 name: `syncer { rate }` and `disk { resync-rate }` are one option).
 * drbdadm has already resolved `common` into the dumps. They are read with the project's DRBD lexer
 * into a plain tree: the editor's parser would take drbdadm 9's `on HOST { disk { … } }` (a
 * peer-device section it prints, but that no file may write) for a missing `}`.
 */
import { Token, tokenize } from '../../server/src/languages/drbd/lexer';
import { renameFrom83 } from '../../server/src/languages/drbd/schema';

interface DumpNode {
  kind: 'option' | 'section';
  name: string;
  args: Token[];
  children: DumpNode[];
}

/** The dump as a tree: `word args… ;` options and `word args… { … }` sections (drbdadm's output is well formed). */
function readDump(dump: string): DumpNode {
  const root: DumpNode = { kind: 'section', name: '', args: [], children: [] };
  const stack = [root];
  let statement: Token[] = [];
  for (const token of tokenize(dump)) {
    const top = stack[stack.length - 1];
    if (token.kind === 'word' || token.kind === 'string') statement.push(token);
    else if (token.kind === ';' && statement.length > 0) top.children.push({ kind: 'option', name: statement[0].value, args: statement.slice(1), children: [] });
    else if (token.kind === '{') {
      const section: DumpNode = { kind: 'section', name: statement[0]?.value ?? '', args: statement.slice(1), children: [] };
      top.children.push(section);
      stack.push(section);
    } else if (token.kind === '}' && stack.length > 1) stack.pop();
    if (token.kind !== 'word' && token.kind !== 'string') statement = [];
  }
  return root;
}

const HOST_SECTIONS = new Set(['on', 'floating', 'stacked-on-top-of']);
const VOLUME_KEYS = new Set(['device', 'disk', 'meta-disk', 'flexible-meta-disk']);
/** Keys that place a resource rather than set it: compared as host facts, or new in DRBD 9. */
const PLACEMENT = new Set([...VOLUME_KEYS, 'address', 'node-id']);

export interface DumpSummary {
  /** `resource/host/volume key` → value, e.g. `r0/alice/0 device` → `/dev/drbd0 minor 0`. */
  placement: Map<string, string>;
  /** `resource option` → the values it has anywhere in the resource (9 copies peer options into hosts). */
  options: Map<string, Set<string>>;
  resources: Set<string>;
}

function text(node: DumpNode): string {
  // `device minor 4` is drbdadm's `/dev/drbd4 minor 4`: 8.4's dump spells the path out, 9's does not.
  if (node.name === 'device' && node.args.length === 2 && node.args[0].value === 'minor') return `/dev/drbd${node.args[1].value} minor ${node.args[1].value}`;
  return node.args.map((a) => a.value).join(' ').replace(/\s*\[\s*/g, '[').replace(/\s*\]/g, ']');
}

function hostLabel(section: DumpNode): string {
  return `${section.name === 'on' ? '' : section.name + ' '}${section.args.map((a) => a.value).join(' ')}`;
}

/** The option's name as DRBD 9 spells it, and its value (8.3 flags `no-disk-flushes` are `disk-flushes no`). */
function normalized(section: string, name: string, value: string): [string, string] {
  const rename = renameFrom83(section, name);
  if (!rename) return [name, value === '' ? 'yes' : value];
  return [rename.to.name, rename.to.value ?? (value === '' ? 'yes' : value)];
}

export function summarize(dump: string): DumpSummary {
  const summary: DumpSummary = { placement: new Map(), options: new Map(), resources: new Set() };
  for (const resource of readDump(dump).children) {
    if (resource.kind !== 'section' || resource.name !== 'resource') continue;
    const name = resource.args[0]?.value ?? '';
    summary.resources.add(name);
    const visit = (section: DumpNode, host: string | undefined, volume: string) => {
      for (const child of section.children) {
        if (child.kind === 'section') {
          if (HOST_SECTIONS.has(child.name)) {
            hosts.add(hostLabel(child));
            visit(child, hostLabel(child), volume);
          }
          else if (child.name === 'volume') visit(child, host, child.args[0]?.value ?? volume);
          else if (child.name !== 'skip') visit(child, host, volume);
          continue;
        }
        const key = child.name;
        if (PLACEMENT.has(key)) {
          if (key === 'node-id') continue;
          const where = `${key === 'address' ? '' : volume} ${key === 'flexible-meta-disk' ? 'meta-disk' : key}`;
          if (host === undefined) inherited.set(where, text(child));
          else own.set(`${host}/${where}`, text(child));
          continue;
        }
        const [option, value] = normalized(section.name, key, text(child));
        const id = `${name} ${option}`;
        if (!summary.options.has(id)) summary.options.set(id, new Set());
        summary.options.get(id)!.add(value);
      }
    };
    // drbdadm 9 writes a value every host shares once, at the resource (or its volume): each host has it.
    const own = new Map<string, string>();
    const inherited = new Map<string, string>();
    const hosts = new Set<string>();
    visit(resource, undefined, '0');
    for (const host of hosts) {
      for (const [where, value] of inherited) summary.placement.set(`${name}/${host}/${where}`, value);
    }
    for (const [key, value] of own) summary.placement.set(`${name}/${key}`, value);
    // drbdadm 9's dump leaves out the device of a stacked-on-top-of host (of files written for 9 too).
    for (const key of summary.placement.keys()) if (key.startsWith(`${name}/stacked-on-top-of `) && key.endsWith(' device')) summary.placement.delete(key);
  }
  return summary;
}

/** Every way the converted dump differs from the original's, as sentences (empty: faithful). */
export function dumpDifferences(before: string, after: string): string[] {
  const a = summarize(before);
  const b = summarize(after);
  const differences: string[] = [];
  const same = (x: Set<string>, y: Set<string>) => x.size === y.size && [...x].every((v) => y.has(v));
  if (!same(a.resources, b.resources)) differences.push(`resources ${[...a.resources]} became ${[...b.resources]}`);
  for (const [key, value] of a.placement) if (b.placement.get(key) !== value) differences.push(`${key}: '${value}' became '${b.placement.get(key) ?? '(none)'}'`);
  for (const key of b.placement.keys()) if (!a.placement.has(key)) differences.push(`${key}: new '${b.placement.get(key)}'`);
  for (const [key, values] of a.options) {
    const now = b.options.get(key);
    if (now && !same(values, now)) differences.push(`${key}: ${[...values].join('|')} became ${[...now].join('|')}`);
  }
  return differences;
}
