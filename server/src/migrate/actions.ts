/**
 * The editor's "Convert to …" code actions: one per migration from the document's language whose
 * result differs from the document (a modern file is offered nothing). The action writes nothing: its
 * command carries the converted files and the notes, and the client shows them as unsaved documents.
 */
import { CodeAction, CodeActionContext, CodeActionKind, CodeActionTriggerKind } from 'vscode-languageserver-types';
import { MIGRATE_COMMAND, MigrateCommandArguments } from '../../../shared/src/protocol';
import type { LanguageId, ParsedDocument, ServiceContext } from '../languages/types';
import { migrationsFrom } from '.';
import type { Migration, MigrationResult } from './types';

/**
 * The kind of every conversion action: a source action, since it is about the whole file. Editors keep
 * source actions out of the light bulb (VS Code lists them under "Source Action…" and the command
 * "Convert This File…"), so an old file does not show a bulb on every line.
 */
export const MIGRATION_ACTION_KIND = `${CodeActionKind.Source}.migrate`;

/** Results per parsed document (the runner keeps one per text), so moving the cursor converts nothing again. */
const results = new WeakMap<ParsedDocument, Map<string, MigrationResult>>();

function resultOf(migration: Migration, doc: ParsedDocument, ctx: ServiceContext): MigrationResult {
  let byTarget = results.get(doc);
  if (!byTarget) results.set(doc, (byTarget = new Map()));
  let result = byTarget.get(migration.target);
  if (!result) {
    result = migration.convert(doc.text, { path: ctx.path, workspace: ctx.workspace });
    byTarget.set(migration.target, result);
  }
  return result;
}

/**
 * Whether a request wants source.migrate actions: its `only` filter lets them through, and it is not
 * the editor's automatic request on a cursor move (which never shows source actions, so converting
 * the file for it would be work for nothing).
 */
export function wantsMigrations(context: CodeActionContext): boolean {
  if (context.triggerKind === CodeActionTriggerKind.Automatic) return false;
  const only = context.only;
  return !only || only.some((kind) => MIGRATION_ACTION_KIND === kind || MIGRATION_ACTION_KIND.startsWith(`${kind}.`));
}

export function migrationActions(language: LanguageId, doc: ParsedDocument, ctx: ServiceContext): CodeAction[] {
  return migrationsFrom(language).flatMap((migration) => {
    const result = resultOf(migration, doc, ctx);
    const unchanged = result.outputs.length === 1 && result.outputs[0].text === doc.text && result.notes.length === 0;
    if (result.outputs.length === 0 || unchanged) return [];
    const manual = result.notes.filter((note) => note.kind === 'manual').length;
    const args: MigrateCommandArguments = { sourceUri: ctx.uri, target: migration.target, outputs: result.outputs, notes: result.notes };
    const title = manual > 0 ? `${migration.title} (${manual} item${manual === 1 ? '' : 's'} for you)` : migration.title;
    return [{ title, kind: MIGRATION_ACTION_KIND, command: { title, command: MIGRATE_COMMAND, arguments: [args] } }];
  });
}
