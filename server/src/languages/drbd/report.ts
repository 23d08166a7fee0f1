import type { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnostic } from '../../common/diagnostics';
import type { Token } from './lexer';
import { DrbdDocument, MissingSemicolonData, SOURCE } from './parse';
import type { Rename } from './schema';

/** Extra data some diagnostics carry for their quick fixes and for the parity test. */
export interface DrbdDiagnosticData {
  /** Replacement words for the diagnostic's range (did-you-mean). */
  suggestions?: string[];
  /** The 8.4/9 home of an 8.3 option. */
  rename?: Rename;
  /** The line drbdadm reports the same problem on, when it is not the range's line. */
  oracleLine?: number;
}

/** Collects the diagnostics of one validation run, each on one token. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  constructor(private readonly doc: DrbdDocument) {}

  report(token: Token, severity: DiagnosticSeverity, code: string, message: string, data?: DrbdDiagnosticData | MissingSemicolonData): void {
    const d = diagnostic(this.doc.lines.range(token.start, token.end), severity, code, message, SOURCE);
    if (data) d.data = data;
    this.diagnostics.push(d);
  }
}
