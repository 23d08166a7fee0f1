import type { Diagnostic } from 'vscode-languageserver-types';

/** A diagnostic as the protocol carries it: 0-based range, numeric severity, code and source. */
export function protocolView(d: Diagnostic): string {
  return `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${String(d.code)} ${d.source}`;
}
