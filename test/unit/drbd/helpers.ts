import type { Diagnostic, Position, Range } from 'vscode-languageserver-types';
import { drbdLanguage } from '../../../server/src/languages/drbd/index';
import type { Settings } from '../../../server/src/languages/types';
import { diagnose, WorkspaceIndex } from '../../../server/src/workspace/index';
import { inOrder, languageTester, summary, TestOptions } from '../../helpers/languageTester';
import { applyEdits, editsOf } from '../../helpers/lspClient';

export const PATH = '/etc/drbd.d/r0.res';

export const drbd = languageTester(drbdLanguage, PATH);

/** Options that set the `drbd.dialect` setting. */
export function dialect(value: Settings['drbd']['dialect'], options: TestOptions = {}): TestOptions {
  return { ...options, settings: { ...options.settings, drbd: { dialect: value } } };
}

/**
 * What the server publishes and the CLI prints for the file: its own
 * diagnostics and the cross-file ones, in a workspace of this file and
 * `options.others`, in document order.
 */
export function published(text: string, options: TestOptions = {}): Diagnostic[] {
  const { service } = drbdLanguage;
  const ctx = drbd.context(options);
  const doc = service.parse(text, ctx);
  const index = new WorkspaceIndex();
  for (const other of options.others ?? []) index.update(other.uri, other.facts, false);
  index.update(ctx.uri, service.facts(doc, ctx), true);
  return inOrder(diagnose(service, doc, ctx, index));
}

/** `summary` of each published diagnostic. */
export function checkPublished(text: string, options?: TestOptions): string[] {
  return published(text, options).map(summary);
}

/** Like the tester's `fix`, with the published diagnostics at `at` (cross-file ones included), as the editor sends them. */
export function fixPublished(text: string, at: Range | Position, title: string, options: TestOptions = {}): string {
  const ctx = drbd.context(options);
  const doc = drbdLanguage.service.parse(text, ctx);
  const range = 'start' in at ? at : { start: at, end: at };
  const touching = published(text, options).filter((d) => !(d.range.end.line < range.start.line || d.range.start.line > range.end.line));
  const actions = drbdLanguage.service.codeActions(doc, range, touching, ctx);
  const action = actions.find((a) => a.title === title);
  if (!action) throw new Error(`no action '${title}' among ${JSON.stringify(actions.map((a) => a.title))}`);
  return applyEdits(text, editsOf(action, ctx.uri));
}

/** Two hosts with everything they need, for resources under test. */
export const HOSTS = `  on a { device /dev/drbd0; disk /dev/sda1; address 10.0.0.1:7789; meta-disk internal; }
  on b { device /dev/drbd0; disk /dev/sda1; address 10.0.0.2:7789; meta-disk internal; }`;

/** `resource r0` with `hosts` (two complete ones by default) and `body`. */
export const resource = (body: string, hosts = HOSTS) => `resource r0 {\n${hosts}\n${body}\n}\n`;
