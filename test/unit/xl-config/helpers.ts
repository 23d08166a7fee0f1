import { basename } from 'node:path';
import { readFileSync } from 'node:fs';
import { xlConfigLanguage } from '../../../server/src/languages/xl-config';
import type { FileFacts } from '../../../server/src/workspace/facts';
import { fixtureFiles } from '../../helpers/fixtures';
import { languageTester, problem, TestOptions } from '../../helpers/languageTester';
import { applyEdits, editsOf } from '../../helpers/lspClient';

/** The xl-config service as tests use it: a domain config in /etc/xen, the xl toolstack, Xen 4.19. */
export const xl = languageTester(xlConfigLanguage, '/etc/xen/test.cfg');

/** Every own diagnostic of `text` as a user reads it (`problem`), in document order. */
export function problems(text: string, options?: TestOptions): string[] {
  return xl.diagnostics(text, options).map(problem);
}

/** A minimal valid PV domain, to which a test adds the lines it is about. */
export const PV_HEAD = 'name = "t"\nkernel = "/boot/vmlinuz"\nmemory = 512\n';

/** Another domain config of the workspace, known by its facts (MACs and bridges at line 1). */
export function otherDomain(uri: string, { macs = [], bridges = [] }: { macs?: string[]; bridges?: string[] }): { uri: string; facts: FileFacts } {
  const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
  return { uri, facts: { domain: { macs: macs.map((value) => ({ value, range: at })), bridges: bridges.map((value) => ({ value, range: at })), disks: [] } } };
}

/** Each xl-config fixture with the path it is checked under (/etc/xen/NAME, so an xl.conf is read as one). */
export function fixtureConfigs(): { name: string; path: string; text: string }[] {
  return fixtureFiles('xl-config')
    .filter((file) => !file.endsWith('README.md'))
    .map((file) => ({ name: basename(file), path: `/etc/xen/${basename(file)}`, text: readFileSync(file, 'utf8') }));
}

/** One edit of the file a user can pick: the text it leaves, and the codes of the diagnostics it repairs (none for a refactoring). */
export interface AppliedAction {
  title: string;
  fixes: string[];
  result: string;
}

/**
 * Every code action offered on the line of any diagnostic and on every line
 * of the file, applied one at a time (actions that edit other files, such as
 * "Generate iftab", are left out). Random MACs make titles differ from run to run.
 */
export function everyAction(text: string, options: TestOptions): AppliedAction[] {
  const { uri } = xl.context(options);
  const seen = new Set<string>();
  const applied: AppliedAction[] = [];
  const lines = text.split('\n').length;
  for (let line = 0; line < lines; line++) {
    const range = { start: { line, character: 0 }, end: { line, character: 10_000 } };
    for (const action of xl.actions(text, range, options)) {
      const edits = editsOf(action, uri);
      if (edits.length === 0 || action.edit?.documentChanges?.some((c) => 'kind' in c)) continue;
      const result = applyEdits(text, edits);
      const key = `${action.title}\n${result}`;
      if (seen.has(key)) continue;
      seen.add(key);
      applied.push({ title: action.title, fixes: (action.diagnostics ?? []).map((d) => String(d.code)), result });
    }
  }
  return applied;
}
