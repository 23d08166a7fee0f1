/**
 * Rule control: what the user says about the diagnostics, applied to every
 * diagnostic of a file, its own and the cross-file ones alike, in one place
 * (the runner's `diagnose`), so the editor and the CLI agree.
 *
 * 1. The file's ignore comments (`xcc-ignore`, `xcc-ignore-file`) drop the
 *    diagnostics they name; a named code that silences nothing, or that is no
 *    code at all, gets a hint.
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

const SEVERITY_OF_LEVEL: Record<Level, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The codes there are (the catalog): for telling an unknown code in a comment, and its did-you-mean. */
export interface KnownCodes {
  has(code: string): boolean;
  keys(): Iterable<string>;
}

/**
 * A file's ignore comments as the runner keeps them with the file's analysis:
 * they depend on its text alone, so the did-you-mean work is done once per
 * text, not at every diagnose.
 */
export interface FileIgnores {
  /** Each comment with the line it silences and the codes it names that exist. */
  silencers: readonly Silencer[];
  /** A hint for each named code that is none of ours, and for each comment that names no code. */
  hints: readonly Diagnostic[];
}

interface Silencer {
  scope: IgnoreDirective['scope'];
  /** The 0-based line a `line` comment silences. */
  target: number;
  codes: IgnoreDirective['codes'];
}

export const NO_IGNORES: FileIgnores = { silencers: [], hints: [] };

/** Unknown codes past this many in one file get their hint without a did-you-mean: a real file has a few, and each costs a search of every code. */
const MAX_SUGGESTED = 100;

/** The file's ignore comments checked against the known codes. */
export function readIgnores(directives: readonly IgnoreDirective[], known: KnownCodes): FileIgnores {
  if (directives.length === 0) return NO_IGNORES;
  const targets = targetLines(directives);
  const hints: Diagnostic[] = [];
  const silencers = directives.map((directive): Silencer => {
    if (directive.codes.length === 0) hints.push(noCodeHint(directive));
    for (const named of directive.codes) if (!known.has(named.code)) hints.push(unknownCodeHint(directive, named, hints.length < MAX_SUGGESTED ? known : undefined));
    return { scope: directive.scope, target: targets.get(directive)!, codes: directive.codes.filter((named) => known.has(named.code)) };
  });
  return { silencers, hints };
}

/** `diagnostics` after the file's ignore comments, then the user's severities. */
export function applyRuleControl(diagnostics: readonly Diagnostic[], ignores: FileIgnores, severities: SeverityOverrides | undefined): Diagnostic[] {
  const kept = ignores.silencers.length > 0 ? [...withoutIgnored(diagnostics, ignores), ...ignores.hints] : [...diagnostics];
  return severities && Object.keys(severities).length > 0 ? withSeverities(kept, severities) : kept;
}

/** One code an ignore comment names, and whether it silenced anything. */
interface Named {
  silencer: Silencer;
  code: string;
  range: Range;
  used: boolean;
}

function* withoutIgnored(diagnostics: readonly Diagnostic[], ignores: FileIgnores): Generator<Diagnostic> {
  const named: Named[] = [];
  const fileWide = new Map<string, Named>();
  const byLine = new Map<number, Map<string, Named>>();
  for (const silencer of ignores.silencers) {
    const table = silencer.scope === 'file' ? fileWide : mapOf(byLine, silencer.target);
    for (const { code, range } of silencer.codes) {
      const entry: Named = { silencer, code, range, used: false };
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
  for (const entry of named) if (!entry.used) yield unusedHint(entry);
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

const keywordOf = (scope: IgnoreDirective['scope']) => (scope === 'file' ? 'xcc-ignore-file' : 'xcc-ignore');

function unusedHint({ silencer, code, range }: Named): Diagnostic {
  const where = silencer.scope === 'file' ? 'in this file' : `on line ${silencer.target + 1}`;
  return {
    range,
    severity: DiagnosticSeverity.Hint,
    code: Code.unusedIgnore,
    source: SOURCE,
    message: `'${code}' is not reported ${where}, so this ${keywordOf(silencer.scope)} silences nothing: remove it`,
    tags: [DiagnosticTag.Unnecessary],
  };
}

/** The hint for a code that is none of ours, with a did-you-mean from `known` when given. */
function unknownCodeHint(directive: IgnoreDirective, named: IgnoreDirective['codes'][number], known: KnownCodes | undefined): Diagnostic {
  return {
    range: named.range,
    severity: DiagnosticSeverity.Hint,
    code: Code.unknownIgnoreCode,
    source: SOURCE,
    message: `'${named.code}' is no code of this extension, so this ${keywordOf(directive.scope)} silences nothing${known ? suggestionSuffix(didYouMean(named.code, known.keys())) : ''}`,
  };
}

function noCodeHint(directive: IgnoreDirective): Diagnostic {
  const keyword = keywordOf(directive.scope);
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
