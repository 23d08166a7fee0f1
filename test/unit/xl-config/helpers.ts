import { xlConfigLanguage } from '../../../server/src/languages/xl-config';
import type { FileFacts } from '../../../server/src/workspace/facts';
import { languageTester, problem, TestOptions } from '../../helpers/languageTester';

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
