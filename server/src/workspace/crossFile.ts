/**
 * Runs the cross-file rules: the checks that look at more than one file. Each
 * language owns the rules for which its facts are the subject
 * (languages/<id>/crossFile.ts); this runs them over the workspace model for
 * one file. Every diagnostic names the other file and line, and carries it as
 * related information so editors can jump there.
 */
import type { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { CrossFileRule } from '../languages/types';
import { displayLocation } from './displayPath';
import type { FileFacts, Located } from './facts';
import { location, WorkspaceModel } from './model';

const SOURCE = 'workspace';

export interface CrossFileOptions {
  /** Workspace root, to show other files by a short relative path. */
  root?: string;
  /** When given, a rule that throws is reported here and the other rules still run. */
  onRuleError?: (rule: CrossFileRule, error: unknown) => void;
}

/** Related information that points at a fact of another file. */
export function related(placed: { uri: string; fact: Located<unknown> }, message: string): DiagnosticRelatedInformation {
  return { location: location(placed), message };
}

/** A cross-file diagnostic: source `workspace`, with the places of the other files it names. */
export function crossFileDiagnostic(range: Range, severity: DiagnosticSeverity, code: string, message: string, relatedInformation: DiagnosticRelatedInformation[]): Diagnostic {
  return { range, severity, code, source: SOURCE, message, relatedInformation };
}

/** All cross-file diagnostics for the file `uri` (whose facts are `facts`). */
export function crossFileDiagnostics(uri: string, facts: FileFacts, model: WorkspaceModel, rules: readonly CrossFileRule[], options: CrossFileOptions = {}): Diagnostic[] {
  const ctx = { model, at: (placed: { uri: string; fact: Located<unknown> }) => displayLocation(placed.uri, placed.fact.range.start.line, options.root) };
  const { onRuleError } = options;
  if (!onRuleError) return rules.flatMap((rule) => rule.check(uri, facts, ctx));
  return rules.flatMap((rule) => {
    try {
      return rule.check(uri, facts, ctx);
    } catch (error) {
      onRuleError(rule, error);
      return [];
    }
  });
}
