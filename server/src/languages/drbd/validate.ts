/**
 * Every diagnostic of a DRBD file on its own: syntax, sections and option
 * values (validateStructure.ts), statements and sections written twice
 * (validateRepeats.ts), resources and their hosts (validateResources.ts),
 * includes (validateIncludes.ts). File-local: what depends on another file
 * (collisions and resource names across files, fencing inherited from another
 * file's `common`) is a cross-file rule (crossFile.ts).
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { Severity } from '../../common/diagnostics';
import { memoizeFindings } from '../../common/report';
import type { FileContext } from '../types';
import { Code } from './codes';
import { detectDialect } from './dialect';
import type { DialectChoice } from './dialectChoice';
import { insertSemicolon } from './fixes';
import type { DrbdDocument } from './parse';
import { DrbdFinding, TokenReporter } from './reporter';
import { validateIncludes } from './validateIncludes';
import { validateRepeats } from './validateRepeats';
import { validateResources } from './validateResources';
import { validateStructure } from './validateStructure';

export type { DrbdFinding } from './reporter';

/**
 * Says which dialect a file that mixes two is checked as, and why, at the
 * statement where they begin to disagree. The diagnostics of the other
 * dialect's statements (an 8.3 `syncer` that moved) say what changed, not
 * which version the whole file is held to: if the hosts run another, every
 * other verdict on the file is off, so the guess is worth one info.
 */
function reportGuess(choice: DialectChoice, out: TokenReporter): void {
  if (!choice.guess) return;
  const { first, second } = choice.guess;
  out.report(second.token, Severity.Information, Code.dialectGuess, `This file mixes DRBD ${first.dialects.join('/')} syntax ('${first.text}', line ${first.token.line + 1}) with DRBD ${second.dialects.join('/')} syntax ('${second.text}'); it is checked as DRBD ${choice.dialect}, whose drbdadm reads all of it. Set xenConfig.drbd.dialect (CLI --drbd-dialect) if the hosts run another DRBD version.`, {
    related: [{ token: first.token, message: `DRBD ${first.dialects.join('/')} syntax` }],
  });
}

function computeFindings(doc: DrbdDocument, ctx: FileContext): DrbdFinding[] {
  const out = new TokenReporter(doc.lines, ctx.uri);
  for (const problem of doc.syntaxProblems) {
    out.add(problem.diagnostic, { oracleLine: problem.oracleLine, fixes: problem.semicolonAt === undefined ? undefined : insertSemicolon(doc, problem.semicolonAt) });
  }
  const choice = detectDialect(doc, ctx.settings);
  reportGuess(choice, out);
  validateStructure(doc, choice, out, ctx.settings.drbd.utilsVersion);
  validateRepeats(doc, choice.dialect, out);
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
