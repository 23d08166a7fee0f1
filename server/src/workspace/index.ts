import type { Diagnostic } from 'vscode-languageserver-types';
import type { LanguageService, ParsedDocument, ServiceContext } from '../languages/types';
import { crossFileRulesOf } from '../languages/registry';
import { CrossFileOptions, crossFileDiagnostics } from './crossFile';
import type { FileFacts } from './facts';
import { WorkspaceModel } from './model';
import type { WorkspaceView } from './view';

/**
 * The one place cross-file facts live: every file's facts by URI. The
 * runner (runner.ts) keeps it current from every file's current text, open
 * or on disk. Open documents win over disk.
 */
export class WorkspaceIndex implements WorkspaceView {
  private readonly files = new Map<string, { facts: FileFacts; open: boolean }>();
  private cachedModel: WorkspaceModel | undefined;
  /** Bumped on every change, so callers can tell whether cross-file results may have changed. */
  generation = 0;

  constructor(readonly root?: string) {}

  /**
   * Records the facts of `uri`; a disk update never overwrites an open
   * document's facts. Facts equal to the recorded ones change nothing, so
   * typing that does not touch a cross-file name costs no cross-file work.
   */
  update(uri: string, facts: FileFacts, fromOpenDocument: boolean): void {
    const existing = this.files.get(uri);
    if (!fromOpenDocument && existing?.open) return;
    const same = existing !== undefined && sameData(existing.facts, facts);
    this.files.set(uri, { facts, open: fromOpenDocument });
    if (!same) this.changed();
  }

  /** Forgets `uri` (deleted from disk). */
  remove(uri: string): void {
    if (this.files.delete(uri)) this.changed();
  }

  /** The document was closed: disk may update its facts again. */
  markClosed(uri: string): void {
    const existing = this.files.get(uri);
    if (existing) existing.open = false;
  }

  factsOf(uri: string): FileFacts | undefined {
    return this.files.get(uri)?.facts;
  }

  has(uri: string): boolean {
    return this.files.has(uri);
  }

  *allFiles(): Iterable<{ uri: string; facts: FileFacts }> {
    for (const [uri, entry] of this.files) yield { uri, facts: entry.facts };
  }

  *otherFiles(excludeUri: string): Iterable<{ uri: string; facts: FileFacts }> {
    for (const [uri, entry] of this.files) {
      if (uri !== excludeUri) yield { uri, facts: entry.facts };
    }
  }

  /** The cross-file model, rebuilt lazily after changes. */
  model(): WorkspaceModel {
    this.cachedModel ??= new WorkspaceModel(this.allFiles());
    return this.cachedModel;
  }

  /**
   * The cross-file diagnostics of `uri`, a file of `languageId`, by that language's rules over the
   * current model; none for a file the index does not hold. With `onRuleError`, a rule that throws
   * is reported there and the other rules still answer.
   */
  crossFileDiagnostics(uri: string, languageId: string, onRuleError?: CrossFileOptions['onRuleError']): Diagnostic[] {
    const facts = this.factsOf(uri);
    return facts ? crossFileDiagnostics(uri, facts, this.model(), crossFileRulesOf(languageId), { root: this.root, onRuleError }) : [];
  }

  get size(): number {
    return this.files.size;
  }

  private changed(): void {
    this.cachedModel = undefined;
    this.generation++;
  }
}

/**
 * A file's own diagnostics plus the cross-file ones, over an index a caller
 * filled by hand (unit tests). The server and the CLI go through
 * `WorkspaceRunner.diagnose` (runner.ts), which caches the own part.
 */
export function diagnose(service: LanguageService, doc: ParsedDocument, ctx: ServiceContext, index: WorkspaceIndex): Diagnostic[] {
  return [...service.validate(doc, ctx), ...index.crossFileDiagnostics(ctx.uri, service.id)];
}

/**
 * Whether two pieces of plain data (facts: objects, arrays, strings, numbers,
 * booleans) are equal, a property left undefined counting as absent. Compared
 * in place, not through JSON.stringify: a large domain config has thousands of
 * facts, compared on every keystroke, and keeping each file's serialised form
 * doubled what the index holds.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key in left) {
    if (left[key] === undefined) continue;
    if (!sameData(left[key], right[key])) return false;
    count++;
  }
  for (const key in right) if (right[key] !== undefined) count--;
  return count === 0;
}
