import type { Diagnostic } from 'vscode-languageserver-types';
import { clusterConfService } from '../../../server/src/languages/cluster-conf';
import { SAMPLE_PATHS, testContext } from '../../helpers/fixtures';

export const ctx = testContext(SAMPLE_PATHS['cluster-conf']);

export function diagnosticsOf(text: string): Diagnostic[] {
  const service = clusterConfService;
  return service.validate(service.parse(text, ctx), ctx);
}

/** `line:col severity code` with 1-based line and column, as a user reads it. */
export function summary(d: Diagnostic): string {
  const severity = ['', 'error', 'warning', 'info', 'hint'][d.severity ?? 1];
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${severity} ${String(d.code)}`;
}

/** The position of the `occurrence`-th `needle` in `text`, plus `delta` characters. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 1): { line: number; character: number } {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) offset = text.indexOf(needle, offset + 1);
  if (offset < 0) throw new Error(`'${needle}' not found`);
  const before = text.slice(0, offset + delta).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
