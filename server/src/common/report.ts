import type { CodeAction, Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import type { FileContext, ServiceContext } from '../languages/types';
import { diagnostic, rangesTouch } from './diagnostics';
import type { LineIndex } from '../../../shared/src/lineIndex';

/**
 * A diagnostic together with the quick fixes that repair it. Validation
 * produces findings; `validate` publishes their diagnostics and
 * `codeActions` offers the fixes of those at the cursor, so a fix is always
 * computed from the same analysis as the problem it repairs and never needs
 * the client to echo diagnostic data back (not every LSP client does).
 */
export type Fixes = (ctx: ServiceContext) => CodeAction[];

export interface Finding {
  diagnostic: Diagnostic;
  /**
   * Builds the fixes when the editor asks for them; omitted when there is no
   * safe automatic fix. It gets the full service context, so a fix may offer
   * names from the workspace (free MACs, cluster nodes) that validation must not read.
   */
  fixes?: Fixes;
}

/**
 * The one way every language reports a problem: offsets in, a diagnostic with
 * the language's source and a one-line range out (a multi-line span such as a
 * list is cut at its first line's end), kept with its quick fixes.
 */
export class Reporter {
  readonly findings: Finding[] = [];

  constructor(
    private readonly lines: LineIndex,
    private readonly source: string,
  ) {}

  /** Reports on the offsets [start, end); returns the diagnostic so a caller can add related information. */
  report(start: number, end: number, severity: DiagnosticSeverity, code: string, message: string, fixes?: Fixes): Diagnostic {
    const line = this.lines.positionAt(start).line;
    const clipped = Math.max(start, Math.min(end, this.lines.lineEnd(line)));
    const found = diagnostic(this.lines.range(start, clipped), severity, code, message, this.source);
    this.findings.push(fixes ? { diagnostic: found, fixes } : { diagnostic: found });
    return found;
  }

  /** Adds a diagnostic made elsewhere (a syntax error of the parser), with its fixes. */
  add(found: Diagnostic, fixes?: Fixes): void {
    this.findings.push(fixes ? { diagnostic: found, fixes } : { diagnostic: found });
  }

  /** 1-based line of an offset, for messages that point at another place in the file. */
  lineOf(offset: number): number {
    return this.lines.positionAt(offset).line + 1;
  }
}

/** The quick fixes of the findings whose range touches `range`. */
export function fixesAt(findings: readonly Finding[], range: Range, ctx: ServiceContext): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const finding of findings) {
    if (finding.fixes && rangesTouch(finding.diagnostic.range, range)) actions.push(...finding.fixes(ctx));
  }
  return actions;
}

/** Findings in document order (by start position), as editors list them. */
export function inDocumentOrder(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.diagnostic.range.start.line - b.diagnostic.range.start.line || a.diagnostic.range.start.character - b.diagnostic.range.start.character);
}

/**
 * Remembers a language's findings per parsed document (and the settings and
 * path they were computed for), so `codeActions` reuses the analysis of
 * `validate` instead of running it again.
 */
export function memoizeFindings<Doc extends object>(compute: (doc: Doc, ctx: FileContext) => Finding[]): (doc: Doc, ctx: FileContext) => Finding[] {
  const cache = new WeakMap<Doc, { key: string; findings: Finding[] }>();
  return (doc, ctx) => {
    const key = `${ctx.path}\n${JSON.stringify(ctx.settings)}`;
    const hit = cache.get(doc);
    if (hit && hit.key === key) return hit.findings;
    const findings = compute(doc, ctx);
    cache.set(doc, { key, findings });
    return findings;
  };
}
