import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnostic } from '../../common/diagnostics';
import type { Span, XlDocument } from './ast';
import { SOURCE } from './parse';

/** Collects diagnostics for one document, turning spans into one-line ranges. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly doc: XlDocument) {}

  add(span: Span, severity: DiagnosticSeverity, code: string, message: string, data?: unknown): Diagnostic {
    const lines = this.doc.lines;
    const start = lines.positionAt(span.start);
    // Ranges stay on one line: a multi-line span (a list) is cut at its first line's end.
    const end = Math.min(span.end, lines.lineEnd(start.line));
    const result = diagnostic(lines.range(span.start, Math.max(span.start, end)), severity, code, message, SOURCE);
    if (data !== undefined) result.data = data;
    this.diagnostics.push(result);
    return result;
  }
}
