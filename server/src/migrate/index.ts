/** Every migration `cli.js migrate --to TARGET` and the editor's "Convert to …" actions offer. */
import type { LanguageId } from '../languages/types';
import { drbd9Migration } from './drbd9';
import { pacemakerMigration } from './pacemaker';
import type { Migration } from './types';
import { xlMigration } from './xl';
import { xlConfMigration } from './xlConf';
import { systemdLinkMigration } from './systemdLink';

export const MIGRATIONS: readonly Migration[] = [xlMigration, xlConfMigration, systemdLinkMigration, drbd9Migration, pacemakerMigration];

export function migrationFor(target: string): Migration | undefined {
  return MIGRATIONS.find((migration) => migration.target === target);
}

export function migrationsFrom(language: LanguageId): Migration[] {
  return MIGRATIONS.filter((migration) => migration.from === language);
}
