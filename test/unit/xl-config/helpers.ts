import type { Diagnostic } from 'vscode-languageserver-types';
import type { Settings } from '../../../server/src/languages/types';
import type { XlDocument } from '../../../server/src/languages/xl-config/ast';
import { xlConfigService } from '../../../server/src/languages/xl-config';
import type { WorkspaceView } from '../../../server/src/workspace/view';
import { testContext } from '../../helpers/fixtures';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** `line:col-endCol severity code message`, 1-based, as a user reads it. */
export function format(d: Diagnostic): string {
  const { start, end } = d.range;
  const endText = end.line === start.line ? `${end.character + 1}` : `${end.line + 1}:${end.character + 1}`;
  return `${start.line + 1}:${start.character + 1}-${endText} ${SEVERITY[d.severity ?? 0]} ${String(d.code)} ${d.message}`;
}

export interface CheckOptions {
  path?: string;
  xen?: Partial<Settings['xen']>;
  workspace?: WorkspaceView;
}

export function contextFor(options: CheckOptions = {}) {
  const base = testContext(options.path ?? '/etc/xen/test.cfg', { workspace: options.workspace });
  return { ...base, settings: { ...base.settings, xen: { ...base.settings.xen, ...options.xen } } };
}

export function parse(text: string, options: CheckOptions = {}): XlDocument {
  return xlConfigService.parse(text, contextFor(options));
}

/** Every diagnostic of `text`, formatted, in document order. */
export function check(text: string, options: CheckOptions = {}): string[] {
  const ctx = contextFor(options);
  const diagnostics = xlConfigService.validate(xlConfigService.parse(text, ctx), ctx);
  return sortByPosition(diagnostics).map(format);
}

export function diagnosticsOf(text: string, options: CheckOptions = {}): Diagnostic[] {
  const ctx = contextFor(options);
  return sortByPosition(xlConfigService.validate(xlConfigService.parse(text, ctx), ctx));
}

function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** A minimal valid PV domain, to which a test adds the lines it is about. */
export const PV_HEAD = 'name = "t"\nkernel = "/boot/vmlinuz"\nmemory = 512\n';
