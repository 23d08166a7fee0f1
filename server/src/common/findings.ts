import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import { rangesTouch } from './diagnostics';

/**
 * A diagnostic together with the quick fixes that repair it. Validation
 * produces findings; `validate` publishes their diagnostics and
 * `codeActions` offers the fixes of those at the cursor, so a fix is always
 * computed from the same analysis as the problem it repairs (no need for the
 * client to echo diagnostic data back).
 */
export interface Finding {
  diagnostic: Diagnostic;
  /** Builds the fixes for the document at `uri`; omitted when there is no safe automatic fix. */
  fixes?: (uri: string) => CodeAction[];
}

/** The quick fixes of the findings whose range touches `range`. */
export function fixesAt(findings: readonly Finding[], range: Range, uri: string): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    if (finding.fixes && rangesTouch(finding.diagnostic.range, range)) actions.push(...finding.fixes(uri));
  }
  return actions;
}

/** Findings in document order (by start position), as editors list them. */
export function inDocumentOrder(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.diagnostic.range.start.line - b.diagnostic.range.start.line || a.diagnostic.range.start.character - b.diagnostic.range.start.character);
}
