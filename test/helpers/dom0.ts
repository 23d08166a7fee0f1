import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HostSpec, parseHostSetting } from '../../shared/src/dom0/hosts';
import { RefreshOutput, Section } from '../../shared/src/dom0/refreshScript';
import { readFixture } from './fixtures';

export const capture = (name: string) => readFixture('xl-captures', name);
export const xmCapture = (name: string) => readFixture('xm-captures', name);

export function testHost(spec = 'root@an-node01', extra: { name?: string; toolstack?: string } = {}): HostSpec {
  const parsed = parseHostSetting({ host: spec, ...extra });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.host;
}

/** A refresh's sections as the script would deliver them: `ok(stdout)` or `{stdout, stderr, exitCode}`. */
export function refreshOutput(toolstack: RefreshOutput['toolstack'], sections: Record<string, string | Section>): RefreshOutput {
  return {
    toolstack,
    sections: new Map(Object.entries(sections).map(([name, s]) => [name, typeof s === 'string' ? { stdout: s, stderr: '', exitCode: 0 } : s])),
  };
}

/** The lab dom0 at the start of the captures: Domain-0, domu1, domu2. */
export function labSections(overrides: Record<string, string | Section> = {}): Record<string, string | Section> {
  return {
    info: capture('11-xl-info.stdout'),
    list: capture('02-xl-list.stdout'),
    long: capture('03-xl-list-l.stdout'),
    uptime: capture('14-xl-uptime.stdout'),
    configs: capture('21-etc-xen-cfgs.stdout'),
    ...overrides,
  };
}

/** Names that break naive quoting: quotes, command substitution, separators, newlines, leading dashes. */
export const HOSTILE_NAMES = [
  "a'b",
  '$(touch x)',
  '`touch x`',
  'a;b',
  ';',
  'line1\nline2',
  '-rf',
  '--help',
  'a b',
  '"quoted"',
  'back\\slash',
  '*',
  '~root',
  '$HOME',
  'a&&b||c|d>e<f',
  "''",
  '',
  'tab\there',
  'ünïcödé-dom',
  '!event',
  '#comment',
];

/** The timestamped backups the save script left next to `file` (NAME.bak.YYYYMMDD-HHMMSS), oldest first. */
export function backupsOf(file: string): string[] {
  const dir = dirname(file);
  const prefix = `${basename(file)}.bak.`;
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && /^\d{8}-\d{6}/.test(name.slice(prefix.length)))
    .sort()
    .map((name) => join(dir, name));
}

/** The one backup of `file`; fails when there is none or more than one. */
export function onlyBackup(file: string): string {
  const found = backupsOf(file);
  if (found.length !== 1) throw new Error(`expected one backup of ${file}, found ${found.length}: ${found.join(', ')}`);
  return found[0];
}

/** The stand-in's answers of the lab dom0 at the start of the captures (Domain-0, domu1, domu2), per xl subcommand. */
export const LAB_SCENARIO = {
  info: { stdout: capture('11-xl-info.stdout') },
  list: { stdout: capture('02-xl-list.stdout') },
  'list-long': { stdout: capture('03-xl-list-l.stdout') },
  uptime: { stdout: capture('14-xl-uptime.stdout') },
};

/** The lab's domains as the stand-in resolves them (id, name). */
export const LAB_DOMAINS = [[0, 'Domain-0'], [1, 'domu1'], [2, 'domu2']] as const;
