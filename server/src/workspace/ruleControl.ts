/**
 * Rule control: what the user says about the diagnostics, applied to every
 * diagnostic of a file, its own and the cross-file ones alike, in one place
 * (the runner's `diagnose`), so the editor and the CLI agree.
 *
 * 1. The file's ignore comments (`xcc-ignore`, `xcc-ignore-file`) drop the
 *    diagnostics they name; a named code that silences nothing gets a hint.
 *    They are read before the severities are applied, so whether a comment is
 *    needed depends on the file alone, not on the settings of whoever checks it.
 * 2. The user's severities (`xenConfig.diagnostics.severity`, CLI `--severity`)
 *    change a code's severity, or drop it (`off`); the hints of step 1 too.
 *
 * Codes are a stable interface: never rename one (docs/severity.md shows them).
 */
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type Range } from 'vscode-languageserver-types';
import { defineCodes, type Level } from '../common/codes';
import { didYouMean, suggestionSuffix } from '../common/didYouMean';
import type { IgnoreDirective } from '../common/ignoreComments';
import type { SeverityOverrides } from '../languages/types';

export const { Code, codes } = defineCodes({
  unusedIgnore: {
    code: 'workspace/unused-ignore',
    severity: 'hint',
    why: 'No tool reads these comments; one that silences nothing is stale (the problem was fixed or moved) and would hide a later problem nobody meant to hide.',
  },
  unknownIgnoreCode: {
    code: 'workspace/unknown-ignore-code',
    severity: 'hint',
    why: 'No tool reads these comments; one that names no code of this extension (a typo, or no code at all) silences nothing.',
  },
});

const SOURCE = 'workspace';

export const SEVERITY_OF_LEVEL: Record<Level, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What the runner hands over: the known codes (for the did-you-mean of an unknown one). */
export interface KnownCodes {
  has(code: string): boolean;
  keys(): Iterable<string>;
}

/** `diagnostics` after the file's ignore comments and the user's severities. */
export function applyRuleControl(diagnostics: readonly Diagnostic[], directives: readonly IgnoreDirective[], severities: SeverityOverrides | undefined, known: KnownCodes): Diagnostic[] {
  const kept = directives.length > 0 ? [...withoutIgnored(diagnostics, directives, known)] : [...diagnostics];
  return severities && Object.keys(severities).length > 0 ? withSeverities(kept, severities) : kept;
}

function* withoutIgnored(diagnostics: readonly Diagnostic[], directives: readonly IgnoreDirective[], known: KnownCodes): Generator<Diagnostic> {
  const targets = targetLines(directives);
  const named: Named[] = [];
  const fileWide = new Map<string, Named>();
  const byLine = new Map<number, Map<string, Named>>();
  for (const directive of directives) {
    const table = directive.scope === 'file' ? fileWide : mapOf(byLine, targets.get(directive)!);
    for (const { code, range } of directive.codes) {
      const entry: Named = { directive, code, range, used: false };
      named.push(entry);
      // A code named twice for one place: the first silences, the second is left over.
      if (!table.has(code)) table.set(code, entry);
    }
  }
  for (const d of diagnostics) {
    const code = d.code === undefined ? undefined : String(d.code);
    const silencer = code === undefined ? undefined : (fileWide.get(code) ?? byLine.get(d.range.start.line)?.get(code));
    if (silencer) silencer.used = true;
    else yield d;
  }
  for (const entry of named) if (!entry.used) yield unusedHint(entry, targets, known);
  for (const directive of directives) if (directive.codes.length === 0) yield noCodeHint(directive);
}

/** One code an ignore comment names, and whether it silenced anything. */
interface Named {
  directive: IgnoreDirective;
  code: string;
  range: Range;
  used: boolean;
}

function mapOf<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let found = map.get(key);
  if (!found) map.set(key, (found = new Map()));
  return found;
}

/**
 * The line each line directive silences: its own when it follows code; else
 * the next line that holds no ignore comment of its own, so that comments may
 * be stacked above the line they are for.
 */
function targetLines(directives: readonly IgnoreDirective[]): Map<IgnoreDirective, number> {
  const commentLines = new Set(directives.filter((d) => !d.afterCode).map((d) => d.line));
  const below = new Map<number, number>();
  for (const line of [...commentLines].sort((a, b) => b - a)) below.set(line, commentLines.has(line + 1) ? below.get(line + 1)! : line + 1);
  return new Map(directives.map((d) => [d, d.afterCode ? d.line : below.get(d.line)!]));
}

function unusedHint(named: Named, targets: Map<IgnoreDirective, number>, known: KnownCodes): Diagnostic {
  const { directive } = named;
  const keyword = directive.scope === 'file' ? 'xcc-ignore-file' : 'xcc-ignore';
  if (!known.has(named.code)) {
    return {
      range: named.range,
      severity: DiagnosticSeverity.Hint,
      code: Code.unknownIgnoreCode,
      source: SOURCE,
      message: `'${named.code}' is no code of this extension, so this ${keyword} silences nothing${suggestionSuffix(didYouMean(named.code, known.keys()))}`,
    };
  }
  const where = directive.scope === 'file' ? 'in this file' : `on line ${targets.get(directive)! + 1}`;
  return {
    range: named.range,
    severity: DiagnosticSeverity.Hint,
    code: Code.unusedIgnore,
    source: SOURCE,
    message: `'${named.code}' is not reported ${where}, so this ${keyword} silences nothing: remove it`,
    tags: [DiagnosticTag.Unnecessary],
  };
}

function noCodeHint(directive: IgnoreDirective): Diagnostic {
  const keyword = directive.scope === 'file' ? 'xcc-ignore-file' : 'xcc-ignore';
  return {
    range: directive.keyword,
    severity: DiagnosticSeverity.Hint,
    code: Code.unknownIgnoreCode,
    source: SOURCE,
    message: `this ${keyword} names no code, so it silences nothing: write the codes to silence after it, such as '${keyword} xl/unknown-key'`,
  };
}

function withSeverities(diagnostics: Diagnostic[], severities: SeverityOverrides): Diagnostic[] {
  const result: Diagnostic[] = [];
  for (const d of diagnostics) {
    const level = d.code !== undefined && Object.hasOwn(severities, String(d.code)) ? severities[String(d.code)] : undefined;
    if (level === undefined) result.push(d);
    else if (level !== 'off') result.push({ ...d, severity: SEVERITY_OF_LEVEL[level] });
  }
  return result;
}
