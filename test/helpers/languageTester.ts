/**
 * The one way language tests talk to a service: one diagnostic format, one
 * cursor marker (`|`), one way to run and apply a quick fix. Each language's
 * test/unit/<id>/helpers.ts builds its tester from its definition, with the
 * file path and settings that language's files usually have.
 */
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, FormattingOptions, Hover, MarkupContent, Position, Range, TextEdit } from 'vscode-languageserver-types';
import type { FileReader, LanguageDefinition, ParsedDocument, ServiceContext, Settings } from '../../server/src/languages/types';
import type { FileFacts } from '../../server/src/workspace/facts';
import { testContext } from './fixtures';
import { applyEdits, editsOf } from './lspClient';

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

/** `line:col-endCol severity code`, 1-based like the CLI: compact expectations for many diagnostics at once. */
export function summary(d: Diagnostic): string {
  const { start, end } = d.range;
  const endText = end.line === start.line ? `${end.character + 1}` : `${end.line + 1}:${end.character + 1}`;
  return `${start.line + 1}:${start.character + 1}-${endText} ${SEVERITY[d.severity ?? 1]} ${String(d.code)}`;
}

/** `summary` followed by the message: what a user reads in the Problems panel. */
export function problem(d: Diagnostic): string {
  return `${summary(d)} ${d.message}`;
}

/** Diagnostics in document order, as editors list them. */
export function inOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The text without its cursor marker `|`, and the marker's offset. */
export function withCursor(textWithCursor: string, marker = '|'): { text: string; offset: number } {
  const offset = textWithCursor.indexOf(marker);
  if (offset < 0) throw new Error(`no cursor marker '${marker}' in ${JSON.stringify(textWithCursor.slice(0, 80))}`);
  return { text: textWithCursor.slice(0, offset) + textWithCursor.slice(offset + marker.length), offset };
}

/** The range of columns `from`..`to` (1-based, end exclusive) on 1-based line `n`. */
export function lineRange(n: number, from: number, to: number): Range {
  return { start: { line: n - 1, character: from - 1 }, end: { line: n - 1, character: to - 1 } };
}

/** A range as `line:col-line:col`, 1-based like the CLI. */
export function rangeText({ start, end }: Range): string {
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/**
 * The outline as a user reads it, one line per symbol, indented by depth:
 * `name (detail) range @selection` (the selection is what a click on the
 * symbol selects).
 */
export function outline(symbols: readonly DocumentSymbol[], depth = 0): string[] {
  return symbols.flatMap((s) => [
    `${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''} ${rangeText(s.range)} @${rangeText(s.selectionRange)}`,
    ...outline(s.children ?? [], depth + 1),
  ]);
}

export function hoverText(hover: Hover | null): string {
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

export interface TestOptions {
  path?: string;
  settings?: { xen?: Partial<Settings['xen']>; drbd?: Partial<Settings['drbd']> };
  /** The other files of the workspace, by their facts. */
  others?: { uri: string; facts: FileFacts }[];
  /** The workspace root (a path), for hovers that name other files relative to it. */
  root?: string;
  files?: FileReader;
}

export interface LanguageTester<Doc extends ParsedDocument> {
  context(options?: TestOptions): ServiceContext;
  parse(text: string, options?: TestOptions): Doc;
  /** The formatting edits (of `range`, or of the whole file) and the text they make; 4 spaces unless `formatting` says. */
  format(text: string, formatting?: Partial<FormattingOptions>, range?: Range): { edits: TextEdit[]; text: string };
  /** The file's own diagnostics, in document order. */
  diagnostics(text: string, options?: TestOptions): Diagnostic[];
  /** `summary` of each own diagnostic. */
  check(text: string, options?: TestOptions): string[];
  /** The file's ignore comments, each as `line L: CODE@line:col-endCol, …` (`file L` for a whole-file one; `after code` when it follows code on line L), 1-based. */
  ignores(text: string, options?: TestOptions): string[];
  complete(textWithCursor: string, options?: TestOptions): CompletionItem[];
  hover(textWithCursor: string, options?: TestOptions): Hover | null;
  /** The code actions at the cursor (or at `range`), given the file's own diagnostics there, as an editor asks. */
  actions(text: string, at: Range | Position, options?: TestOptions): CodeAction[];
  /** Applies the action titled `title` at `at`, and returns the new text. */
  fix(text: string, at: Range | Position, title: string, options?: TestOptions): string;
}

export function languageTester<Doc extends ParsedDocument>(definition: LanguageDefinition<Doc>, defaultPath: string): LanguageTester<Doc> {
  const { service } = definition;
  const context = (options: TestOptions = {}): ServiceContext => {
    const base = testContext(options.path ?? defaultPath, { workspace: { otherFiles: (uri) => (options.others ?? []).filter((f) => f.uri !== uri), root: options.root }, files: options.files });
    const settings = options.settings ?? {};
    return { ...base, settings: { xen: { ...base.settings.xen, ...settings.xen }, drbd: { ...base.settings.drbd, ...settings.drbd } } };
  };
  const at = (textWithCursor: string, options?: TestOptions) => {
    const { text, offset } = withCursor(textWithCursor);
    const ctx = context(options);
    const doc = service.parse(text, ctx);
    return { ctx, doc, position: doc.lines.positionAt(offset) };
  };
  const toRange = (where: Range | Position): Range => ('start' in where ? where : { start: where, end: where });
  const tester: LanguageTester<Doc> = {
    context,
    parse: (text, options) => service.parse(text, context(options)),
    format(text, formatting, range) {
      const edits = service.format(service.parse(text, context()), { tabSize: 4, insertSpaces: true, ...formatting }, range);
      return { edits, text: applyEdits(text, edits) };
    },
    diagnostics(text, options) {
      const ctx = context(options);
      return inOrder(service.validate(service.parse(text, ctx), ctx));
    },
    check: (text, options) => tester.diagnostics(text, options).map(summary),
    ignores(text, options) {
      const place = ({ start, end }: Range) => `${start.line + 1}:${start.character + 1}-${end.character + 1}`;
      return service.ignoreComments(service.parse(text, context(options))).map((d) => `${d.scope} ${d.line + 1}${d.afterCode ? ' after code' : ''}: ${d.codes.map((c) => `${c.code}@${place(c.range)}`).join(', ') || `(no code)@${place(d.keyword)}`}`);
    },
    complete(textWithCursor, options) {
      const { ctx, doc, position } = at(textWithCursor, options);
      return service.complete(doc, position, ctx);
    },
    hover(textWithCursor, options) {
      const { ctx, doc, position } = at(textWithCursor, options);
      return service.hover(doc, position, ctx);
    },
    actions(text, where, options) {
      const ctx = context(options);
      const doc = service.parse(text, ctx);
      const range = toRange(where);
      const touching = service.validate(doc, ctx).filter((d) => !(d.range.end.line < range.start.line || d.range.start.line > range.end.line));
      return service.codeActions(doc, range, touching, ctx);
    },
    fix(text, where, title, options) {
      const ctx = context(options);
      const actions = tester.actions(text, where, options);
      const action = actions.find((a) => a.title === title);
      if (!action) throw new Error(`no action '${title}' among ${JSON.stringify(actions.map((a) => a.title))}`);
      return applyEdits(text, editsOf(action, ctx.uri));
    },
  };
  return tester;
}
