import type { CodeAction, Diagnostic, DiagnosticSeverity, Range, TextEdit } from 'vscode-languageserver-types';
import type { FileContext, ServiceContext } from '../languages/types';
import { diagnostic, rangesTouch } from './diagnostics';
import { LineIndex } from '../../../shared/src/lineIndex';

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

/**
 * Keeps the actions whose edit leaves no more errors of any code than the
 * file had: a did-you-mean can be one letter away from a name that does not
 * fit where it stands (an element not allowed there, a key whose type
 * refuses the value), and a fix that trades one error for another is no fix.
 * `errorsOf` checks a text the way the language's validate does.
 */
export function withoutNewErrors(actions: CodeAction[], text: string, uri: string, errorsOf: (text: string) => Diagnostic[]): CodeAction[] {
  if (actions.length === 0) return actions;
  const count = (diagnostics: Diagnostic[]) => {
    const byCode = new Map<string, number>();
    for (const d of diagnostics) if (d.severity === 1) byCode.set(String(d.code), (byCode.get(String(d.code)) ?? 0) + 1);
    return byCode;
  };
  const before = count(errorsOf(text));
  return actions.filter((action) => {
    const edits = action.edit?.changes?.[uri];
    if (!edits || Object.keys(action.edit?.changes ?? {}).length !== 1) return true;
    const after = count(errorsOf(applyTextEdits(text, edits)));
    return [...after].every(([code, n]) => n <= (before.get(code) ?? 0));
  });
}

/** `text` with non-overlapping `edits` applied (offsets are taken before any edit). */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const placed = edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const e of placed) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return result;
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
