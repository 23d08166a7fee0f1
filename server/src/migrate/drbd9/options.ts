/**
 * What becomes of one option on the way to DRBD 9, read from the drbd folder's tables: the 8.3 → 8.4
 * renames and moves (RENAMED_IN_84), the DRBD 9 option table (where an option lives now), and the
 * handler drbdadm 9 still reads under its 8.3 name.
 */
import { nameTable } from '../../common/nameTable';
import type { OptionNode } from '../../languages/drbd/parse';
import { Dialect, homesOf, optionFact, renameFrom83, tableOf } from '../../languages/drbd/schema';

/** Sections whose options are settings (the others hold hosts, volumes and addresses). */
export const SETTING_SECTIONS = new Set(['global', 'disk', 'net', 'startup', 'handlers', 'options']);

/** Handlers DRBD 8.3 named otherwise (drbdadm 9 still reads `outdate-peer`, undocumented). */
const HANDLER_RENAMES: Record<string, string> = nameTable({ 'outdate-peer': 'fence-peer' });
/** Pacemaker helper scripts of drbd-utils whose DRBD 9 variant a person should switch to (the value is theirs to change). */
export const SCRIPT_FOR_9: Record<string, string> = nameTable({
  '/usr/lib/drbd/crm-fence-peer.sh': '/usr/lib/drbd/crm-fence-peer.9.sh',
  '/usr/lib/drbd/crm-unfence-peer.sh': '/usr/lib/drbd/crm-unfence-peer.9.sh',
});

export type OptionPlan =
  | { kind: 'keep' }
  /** Written in place under a new name or value (`no-disk-flushes;` → `disk-flushes no;`). */
  | { kind: 'rewrite'; text: string; why: string }
  /** Moved into another section of the same resource or `common` (`rate` → `disk { resync-rate }`). */
  | { kind: 'move'; section: string; text: string; why: string }
  /** DRBD 9 has no such option: `ignored` when drbdadm read and ignored it anyway. */
  | { kind: 'remove'; ignored: boolean; why: string };

function written(name: string, option: OptionNode): string {
  return [name, ...option.args.map((a) => a.text)].join(' ') + ';';
}

/** The plan for an option of a `syncer` section (8.3), or of a setting section, written in `dialect`. */
export function planOption(option: OptionNode, dialect: Dialect): OptionPlan {
  const section = option.parent;
  const name = option.keyword.value;
  const rename = renameFrom83(section.name, name);
  if (rename && rename.to.section === section.name) {
    return { kind: 'rewrite', text: rename.to.value ? `${rename.to.name} ${rename.to.value};` : written(rename.to.name, option), why: `'${name}' is '${rename.to.name}${rename.to.value ? ' ' + rename.to.value : ''}' since DRBD 8.4` };
  }
  if (rename) return { kind: 'move', section: rename.to.section, text: written(rename.to.name, option), why: `'${section.name} { ${name} }' is '${rename.to.section} { ${rename.to.name} }' since DRBD 8.4` };
  const renamed = section.name === 'handlers' ? HANDLER_RENAMES[name] : undefined;
  if (renamed) return { kind: 'rewrite', text: written(renamed, option), why: `the '${name}' handler is '${renamed}' since DRBD 8.4` };
  const table = tableOf(section);
  if (optionFact('9', table, name)) return { kind: 'keep' };
  const homes = homesOf('9', name).filter((home) => SETTING_SECTIONS.has(home));
  if (homes.length === 1) return { kind: 'move', section: homes[0], text: written(name, option), why: `DRBD 9 reads '${name}' in '${homes[0]}', not '${section.name}'` };
  const before = optionFact(dialect, table, name) ?? optionFact('8.3', table, name);
  const ignored = before?.type === 'deprecated';
  return { kind: 'remove', ignored, why: ignored ? `'${name}' did nothing already (drbdadm ${dialect} read and ignored it) and DRBD 9 does not know it` : `DRBD 9 has no '${name}' in '${section.name}'` };
}
