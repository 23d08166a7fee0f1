import type { CodeAction, Diagnostic, DiagnosticSeverity, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { FileContext, ServiceContext } from '../languages/types';
import { CheckerCode } from './checkerCodes';
import { diagnostic, rangesTouch, Severity } from './diagnostics';
import { LineIndex } from '../../../shared/src/lineIndex';

/**
 * The most problems one file lists. Past it an editor's Problems panel is no
 * help (and a 20 MB generated file with one mistake per line would hold a
 * million diagnostics in memory and on the wire): the first ones in document
 * order are listed, then one information says how many more there are.
 */
export const MAX_PROBLEMS = 1000;

const isBefore = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

/** How many problems a "more problems" information stands for (FirstProblems.finish makes them). */
const moreProblemCounts = new WeakMap<Diagnostic, number>();

/**
 * The first MAX_PROBLEMS of a stream of problems in document order, whatever
 * order they arrive in, with only a count of the others: memory and time stay
 * proportional to the limit, not to how often a file repeats one mistake.
 * Ties keep the order of arrival, so the result is exactly the first
 * MAX_PROBLEMS of a stable sort of everything added.
 */
export class FirstProblems<T> {
  private items: T[] = [];
  /** Items at or after this position are past the limit: counted, not kept. */
  private cutoff?: Position;
  private dropped = 0;

  constructor(
    private readonly at: (item: T) => Position,
    private readonly limit = MAX_PROBLEMS,
  ) {}

  add(item: T): void {
    if (!this.keeps(this.at(item))) this.dropped++;
    else if (this.items.push(item) >= 2 * this.limit) this.trim();
  }

  /** Whether an item at `position` would be kept now; when not, `add` would only count it, and so does `countLeftOut`. */
  keeps(position: Position): boolean {
    return !this.cutoff || isBefore(position, this.cutoff);
  }

  /** Counts an item that `keeps` refused, without making it. */
  countLeftOut(): void {
    this.dropped++;
  }

  /** `count` problems at or after `position` were left out elsewhere: so is everything here from there on. */
  leaveOut(position: Position, count: number): void {
    this.dropped += count;
    if (this.cutoff && !isBefore(position, this.cutoff)) return;
    this.cutoff = position;
    const kept = this.items.filter((item) => isBefore(this.at(item), position));
    this.dropped += this.items.length - kept.length;
    this.items = kept;
  }

  /** The kept items (in document order once any was left out), and the number and start of the others. */
  result(): { items: T[]; more?: { count: number; from: Position } } {
    if (this.items.length > this.limit) this.trim();
    return { items: this.items, more: this.cutoff && this.dropped > 0 ? { count: this.dropped, from: this.cutoff } : undefined };
  }

  /** For diagnostics: the kept ones, then one information on the rest when any was left out. */
  static finish(problems: FirstProblems<Diagnostic>, source: string): Diagnostic[] {
    const { items, more } = problems.result();
    return more ? [...items, moreProblems(more.count, more.from, source)] : items;
  }

  private trim(): void {
    this.items.sort((a, b) => {
      const p = this.at(a);
      const q = this.at(b);
      return p.line - q.line || p.character - q.character;
    });
    const first = this.at(this.items[this.limit]);
    this.dropped += this.items.length - this.limit;
    this.items.length = this.limit;
    if (!this.cutoff || isBefore(first, this.cutoff)) this.cutoff = first;
  }
}

/** The information (`limits/too-many-problems`) that `count` more problems, from `from` on, are not listed; every language reports it through the Reporter, and a parser that keeps its own first MAX_PROBLEMS closes its list with it. */
export function moreProblems(count: number, from: Position, source: string): Diagnostic {
  const message = `${count.toLocaleString('en-US')} more problem${count === 1 ? '' : 's'} from line ${(from.line + 1).toLocaleString('en-US')} on ${count === 1 ? 'is' : 'are'} not listed: a file lists at most its first ${MAX_PROBLEMS.toLocaleString('en-US')}`;
  const found = diagnostic({ start: from, end: from }, Severity.Information, CheckerCode.tooManyProblems, message, source);
  moreProblemCounts.set(found, count);
  return found;
}

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
  private readonly first = new FirstProblems<Finding>((f) => f.diagnostic.range.start);
  private errors = 0;

  constructor(
    private readonly lines: LineIndex,
    private readonly source: string,
  ) {}

  /**
   * The first MAX_PROBLEMS findings in document order, then (when there were
   * more) one information that says how many more; the others are only counted.
   */
  get findings(): Finding[] {
    const { items, more } = this.first.result();
    return more ? [...items, { diagnostic: moreProblems(more.count, more.from, this.source) }] : items;
  }

  /** How many errors were reported so far, listed or not (a check may depend on whether its own part found one). */
  get errorCount(): number {
    return this.errors;
  }

  /** Reports on the offsets [start, end); returns the diagnostic so a caller can add related information. */
  report(start: number, end: number, severity: DiagnosticSeverity, code: string, message: string, fixes?: Fixes): Diagnostic {
    const line = this.lines.positionAt(start).line;
    const clipped = Math.max(start, Math.min(end, this.lines.lineEnd(line)));
    const found = diagnostic(this.lines.range(start, clipped), severity, code, message, this.source);
    this.add(found, fixes);
    return found;
  }

  /**
   * `report` for a problem a file may have on every line (a duplicate): once MAX_PROBLEMS earlier ones are
   * listed it is only counted, `message` is never called and the result is undefined. Each message would be
   * garbage at once, but making one per line of a 20 MB file was most of the time and memory of checking it.
   */
  reportIfListed(start: number, end: number, severity: DiagnosticSeverity, code: string, message: () => string, fixes?: Fixes): Diagnostic | undefined {
    if (this.first.keeps(this.lines.positionAt(start))) return this.report(start, end, severity, code, message(), fixes);
    if (severity === Severity.Error) this.errors++;
    this.first.countLeftOut();
    return undefined;
  }

  /** Adds a diagnostic made elsewhere (a syntax error of the parser), with its fixes. */
  add(found: Diagnostic, fixes?: Fixes): void {
    const more = moreProblemCounts.get(found);
    if (more !== undefined) return this.first.leaveOut(found.range.start, more);
    if (found.severity === Severity.Error) this.errors++;
    this.first.add(fixes ? { diagnostic: found, fixes } : { diagnostic: found });
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
