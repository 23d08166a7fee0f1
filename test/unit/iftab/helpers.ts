import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { iftabService } from '../../../server/src/languages/iftab';
import type { ServiceContext } from '../../../server/src/languages/types';
import type { DomainFact, FileFacts } from '../../../server/src/workspace/facts';
import { applyCodeAction } from '../../helpers/diagnosticText';
import { testContext } from '../../helpers/fixtures';

export function iftabContext(path = '/etc/iftab', others: { uri: string; facts: FileFacts }[] = []): ServiceContext {
  return testContext(path, { workspace: { otherFiles: () => others } });
}

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 1 } });

/** The facts the xl-config service gives for a domain config with these vif MACs. */
export function domainFacts(name: string, macs: string[], bridges: string[] = []): DomainFact {
  return { name: { value: name, range: at(0) }, macs: macs.map((value, i) => ({ value, range: at(i + 1) })), bridges: bridges.map((value, i) => ({ value, range: at(i + 1) })), disks: [] };
}

/** A workspace with the examples' two domains. */
export const EXAMPLE_DOMAINS = [
  { uri: 'file:///repo/etc/xen/vm01-web.cfg', facts: { domain: domainFacts('vm01-web', ['00:16:3e:00:01:01', '00:16:3e:00:02:01'], ['xenbr0', 'xenbr1']) } },
  { uri: 'file:///repo/etc/xen/vm02-db.cfg', facts: { domain: domainFacts('vm02-db', ['00:16:3e:00:01:02'], ['xenbr0']) } },
];

export function validate(text: string, ctx = iftabContext()): Diagnostic[] {
  return iftabService.validate(iftabService.parse(text, ctx), ctx);
}

/** The code actions at `range` and the text after applying the one titled `title`. */
export function fix(text: string, range: Range, title: string, ctx = iftabContext()): { actions: CodeAction[]; result: string } {
  return applyCodeAction(iftabService, text, range, title, ctx);
}

export { lineRange as line, summarize } from '../../helpers/diagnosticText';
