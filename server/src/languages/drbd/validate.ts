/**
 * Every diagnostic of a DRBD file on its own: syntax, sections and option
 * values (validateStructure.ts), resources and their hosts
 * (validateResources.ts), includes (validateIncludes.ts). File-local: what
 * depends on another file (collisions across files, fencing inherited from
 * another file's `common`) is a cross-file rule (crossFile.ts).
 */
import type { CodeAction, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { LineIndex } from '../../../../shared/src/lineIndex';
import { Finding, memoizeFindings, Reporter } from '../../common/report';
import type { FileContext, ServiceContext } from '../types';
import type { DrbdCode } from './codes';
import { detectDialect } from './dialect';
import { insertSemicolon } from './fixes';
import type { Token } from './lexer';
import { DrbdDocument, SOURCE } from './parse';
import { validateIncludes } from './validateIncludes';
import { validateResources } from './validateResources';
import { validateStructure } from './validateStructure';

/** A finding, with the line drbdadm reports the same problem on when that is another line (0-based; the parity test compares it). */
export interface DrbdFinding extends Finding {
  oracleLine?: number;
}

/** Builds the quick fixes of a diagnostic, which each fix names as what it repairs. */
export type FixesFor = (diagnostic: Diagnostic, ctx: ServiceContext) => CodeAction[];

export interface ReportOptions {
  fixes?: FixesFor;
  oracleLine?: number;
}

/** The common Reporter, on tokens, keeping drbdadm's line of each finding. */
export class TokenReporter {
  private readonly reporter: Reporter;
  private readonly oracleLines = new Map<Diagnostic, number>();

  constructor(lines: LineIndex) {
    this.reporter = new Reporter(lines, SOURCE);
  }

  report(token: Token, severity: DiagnosticSeverity, code: DrbdCode, message: string, options: ReportOptions = {}): Diagnostic {
    const { fixes, oracleLine } = options;
    const found: Diagnostic = this.reporter.report(token.start, token.end, severity, code, message, fixes && ((ctx) => fixes(found, ctx)));
    if (oracleLine !== undefined) this.oracleLines.set(found, oracleLine);
    return found;
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

function computeFindings(doc: DrbdDocument, ctx: FileContext): DrbdFinding[] {
  const out = new TokenReporter(doc.lines);
  for (const problem of doc.syntaxProblems) {
    out.add(problem.diagnostic, { oracleLine: problem.oracleLine, fixes: problem.semicolonAt === undefined ? undefined : insertSemicolon(doc, problem.semicolonAt) });
  }
  const choice = detectDialect(doc, ctx.settings);
  validateStructure(doc, choice, out);
  validateResources(doc, choice.dialect, out);
  validateIncludes(doc, ctx.path, ctx.files, out);
  return out.findings;
}

/** The file's findings, with their fixes and drbdadm's lines; computed once per document and settings. */
export const findings = memoizeFindings(computeFindings) as (doc: DrbdDocument, ctx: FileContext) => DrbdFinding[];

/** Every diagnostic of the file on its own, syntax errors first; includes are looked up through `ctx.files`. */
export function validate(doc: DrbdDocument, ctx: FileContext): Diagnostic[] {
  return findings(doc, ctx).map((finding) => finding.diagnostic);
}
