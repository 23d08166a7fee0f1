/** The common Reporter on tokens, keeping the line drbdadm reports each finding on. */
import type { CodeAction, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { LineIndex } from '../../../../shared/src/lineIndex';
import { Finding, Reporter } from '../../common/report';
import type { ServiceContext } from '../types';
import type { DrbdCode } from './codes';
import type { Token } from './lexer';
import { SOURCE } from './parse';

/** A finding, with the line drbdadm reports the same problem on when that is another line (0-based; the parity test compares it). */
export interface DrbdFinding extends Finding {
  oracleLine?: number;
}

/** Builds the quick fixes of a diagnostic, which each fix names as what it repairs. */
export type FixesFor = (diagnostic: Diagnostic, ctx: ServiceContext) => CodeAction[];

export interface ReportOptions {
  fixes?: FixesFor;
  oracleLine?: number;
  /** Other places in the file the finding is about (the first of two conflicting statements). */
  related?: { token: Token; message: string }[];
}

/** The common Reporter, on tokens, keeping drbdadm's line of each finding. */
export class TokenReporter {
  private readonly reporter: Reporter;
  private readonly oracleLines = new Map<Diagnostic, number>();

  /** `uri` is the file's, for related information. */
  constructor(
    private readonly lines: LineIndex,
    private readonly uri = '',
  ) {
    this.reporter = new Reporter(lines, SOURCE);
  }

  /**
   * Past the MAX_PROBLEMS listed, a finding is only counted: its related information and drbdadm's line are
   * not kept, and a message given as a function is never written (a check that may fire once per resource
   * of a huge file passes one).
   */
  report(token: Token, severity: DiagnosticSeverity, code: DrbdCode, message: string | (() => string), options: ReportOptions = {}): void {
    const { fixes, related } = options;
    const found: Diagnostic | undefined = this.reporter.reportIfListed(token.start, token.end, severity, code, typeof message === 'string' ? () => message : message, fixes && ((ctx) => fixes(found!, ctx)));
    if (!found) return;
    const oracleLine = options.oracleLine ?? (token.lag ? token.line - token.lag : undefined);
    if (oracleLine !== undefined) this.oracleLines.set(found, oracleLine);
    if (related?.length) found.relatedInformation = related.map((r): DiagnosticRelatedInformation => ({ location: { uri: this.uri, range: this.lines.range(r.token.start, r.token.end) }, message: r.message }));
  }

  /** Adds a diagnostic made elsewhere (a syntax error of the parser). */
  add(found: Diagnostic, options: ReportOptions = {}): void {
    const { fixes, oracleLine } = options;
    this.reporter.add(found, fixes && ((ctx) => fixes(found, ctx)));
    if (oracleLine !== undefined) this.oracleLines.set(found, oracleLine);
  }

  get findings(): DrbdFinding[] {
    return this.reporter.findings.map((finding) => {
      const oracleLine = this.oracleLines.get(finding.diagnostic);
      return oracleLine === undefined ? finding : { ...finding, oracleLine };
    });
  }
}

