/**
 * `cli.js migrate --to TARGET [--format F] [--out DIR] FILE...`: runs a migration (migrate/index.ts) on
 * each file. The original is only read. With one input and no --out the result goes to stdout; with --out
 * each output is written under DIR, never over an existing file. Every change and every item left for a
 * person goes to stderr as `FILE:LINE: note: …` / `FILE:LINE: manual: …`.
 * Exit status: 0 all converted, 1 something needs a person, 2 bad usage or unreadable input.
 */
import { constants, mkdirSync, openSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../languages/types';
import { languageForPath } from '../languages/registry';
import { uriOfPath } from '../common/uri';
import { MIGRATIONS, migrationFor } from '../migrate';
import type { MigrationResult } from '../migrate/types';
import { readConfigFileSync, UnreadableFile } from '../workspace/disk';
import { WorkspaceRunner } from '../workspace/runner';
import { EMPTY_WORKSPACE } from '../workspace/view';
import { eachArgument, UsageError } from './arguments';

export const MIGRATE_USAGE = `usage: cli.js migrate --to TARGET [--format FORMAT] [--out DIR] FILE...

Converts old configs to their modern form. The original files are never changed.
With one FILE and no --out, the result goes to stdout; with --out DIR, each result
is written under DIR and an existing file is never overwritten. What was changed
(note) and what needs a person (manual) go to stderr as FILE:LINE: kind: text.
Exit status: 0 converted, 1 something needs a person, 2 bad usage or unreadable input.
Targets: ${MIGRATIONS.map((m) => m.target).join(', ') || '(none yet)'}`;

export interface MigrateRunResult {
  stdout: string;
  stderr: string;
  status: number;
}

interface MigrateOptions {
  target: string;
  format?: string;
  out?: string;
  paths: string[];
}

function parseMigrateArguments(args: string[]): MigrateOptions {
  let target: string | undefined;
  let format: string | undefined;
  let out: string | undefined;
  const paths: string[] = [];
  for (const { arg, value } of eachArgument(args)) {
    if (arg === '--to') target = value();
    else if (arg === '--format') format = value();
    else if (arg === '--out') out = value();
    else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option '${arg}'`);
    else paths.push(arg);
  }
  if (!target) throw new UsageError('--to TARGET is required');
  const migration = migrationFor(target);
  if (!migration) throw new UsageError(`unknown target '${target}': use one of ${MIGRATIONS.map((m) => m.target).join(', ')}`);
  if (format !== undefined && !migration.formats?.includes(format)) {
    throw new UsageError(migration.formats ? `--format for ${target} is one of ${migration.formats.join(', ')}, not '${format}'` : `${target} has no --format`);
  }
  if (paths.length === 0) throw new UsageError('no files to convert');
  return { target, format, out, paths };
}

/** Writes `text` to a new file; refuses (returns false) when the name exists, so nothing is ever overwritten. */
function writeNewFile(path: string, text: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
  } catch {
    return false;
  }
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** With several outputs on stdout, each after the first is introduced by `==> NAME <==` (as head(1) does). */
function toStdout(result: MigrationResult): string {
  return result.outputs.map((output, i) => (i === 0 ? output.text : `==> ${output.name} <==\n${output.text}`)).join('');
}

export function runMigrate(args: string[]): MigrateRunResult {
  const options = parseMigrateArguments(args);
  const migration = migrationFor(options.target)!;
  if (options.paths.length > 1 && options.out === undefined) throw new UsageError('with more than one FILE, --out DIR is required');
  let stdout = '';
  let stderr = '';
  let status = 0;
  const fail = (line: string) => {
    stderr += `${line}\n`;
    status = 2;
  };

  // Every input goes into one runner as a file on disk, so a migration sees the facts of the others
  // (the cluster.conf beside a DRBD file, say).
  const runner = new WorkspaceRunner({ settings: structuredClone(DEFAULT_SETTINGS) });
  const inputs: { path: string; text: string; uri: string }[] = [];
  for (const path of options.paths) {
    try {
      const text = readConfigFileSync(path);
      const uri = uriOfPath(path);
      runner.setDisk(uri, languageForPath(path) ?? migration.from, text);
      inputs.push({ path, text, uri });
    } catch (error) {
      fail(`${path}: error: ${error instanceof UnreadableFile ? error.reason : String(error)}`);
    }
  }
  if (options.out !== undefined) mkdirSync(options.out, { recursive: true });

  for (const input of inputs) {
    const workspace = runner.served(input.uri)?.ctx.workspace ?? EMPTY_WORKSPACE;
    const result = migration.convert(input.text, { path: input.path, workspace, format: options.format });
    for (const note of result.notes) {
      stderr += `${input.path}:${note.line}: ${note.kind}: ${note.message}\n`;
      if (note.kind === 'manual' && status === 0) status = 1;
    }
    if (options.out === undefined) {
      stdout += toStdout(result);
      continue;
    }
    for (const output of result.outputs) {
      const target = join(options.out, output.name);
      if (!writeNewFile(target, output.text)) fail(`${target}: error: exists already (or cannot be created); not overwritten`);
    }
  }
  return { stdout, stderr, status };
}
