/**
 * The contract of a migration: a pure function from one file's text (plus what the workspace knows) to
 * new files and the list of what it changed or left for a person. The CLI (`cli.js migrate`) and the
 * editor's "Convert to …" action both run it; neither ever writes over the original.
 */
import type { LanguageId } from '../languages/types';
import type { WorkspaceView } from '../workspace/view';

export interface MigrationNote {
  /** 1-based line of the input the note is about (1 when it is about the whole file). */
  line: number;
  /** `note`: a change made for you; `manual`: something a person must decide or do. */
  kind: 'note' | 'manual';
  message: string;
}

export interface MigrationOutput {
  /** File name the result is written under with `--out DIR` (e.g. `vm01.cfg`, `xl.conf`, `10-lan0.link`). */
  name: string;
  text: string;
  /** The editor's language id for the result (`xl-config`, or `ini` for a .link file); absent: by its name. */
  language?: string;
}

export interface MigrationResult {
  /** The primary result first; some migrations also write companions (corosync.conf beside a CIB). */
  outputs: MigrationOutput[];
  notes: MigrationNote[];
}

export interface MigrationContext {
  /** Path of the input (its file name names some outputs). */
  path: string;
  /** Facts of the other files (cluster.conf node ids for DRBD 9's node-id, say); empty in isolation. */
  workspace: WorkspaceView;
  /** The value of `--format` when the migration offers several; undefined means its default. */
  format?: string;
}

export interface Migration {
  /** The `--to` value: `xl`, `xl.conf`, `systemd-link`, `drbd9`, `pacemaker`. */
  target: string;
  /** The language of the files it reads. */
  from: LanguageId;
  /** The editor's action title, e.g. "Convert to xl…". */
  title: string;
  /** The `--format` values it understands, the default first; absent when it has one output form. */
  formats?: readonly string[];
  convert(text: string, ctx: MigrationContext): MigrationResult;
}
