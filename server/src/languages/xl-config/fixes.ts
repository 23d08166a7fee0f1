/**
 * The quick fixes xl-config findings carry (see common/report.ts `Finding`):
 * each is built when the editor asks, from the same analysis as the problem it
 * repairs, and edits only the characters that must change.
 */
import type { CodeAction, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextEdit } from 'vscode-languageserver-types';
import { quickFix } from '../../common/diagnostics';
import type { Reporter } from '../../common/report';
import type { ServiceContext } from '../types';
import type { Setting, Span, XlDocument } from './ast';
import type { XlCode } from './codes';
import { freshMac } from './complete';

/** The quick fixes of one finding; they get the diagnostic they repair. */
export type FixesFor = (found: Diagnostic, ctx: ServiceContext) => CodeAction[];

/** Reports on `span` (a multi-line span is cut at its first line's end), with the finding's fixes. */
export function reportOn(report: Reporter, span: Span, severity: DiagnosticSeverity, code: XlCode, message: string, fixes?: FixesFor): Diagnostic {
  const found: Diagnostic = report.report(span.start, span.end, severity, code, message, fixes && ((ctx) => fixes(found, ctx)));
  return found;
}

/** The fixes of each of `fixes`, in order. */
export function allOf(...fixes: (FixesFor | undefined)[]): FixesFor {
  return (found, ctx) => fixes.flatMap((fix) => fix?.(found, ctx) ?? []);
}

/** One action per replacement of the diagnostic's range (the first preferred); none when there is no candidate. */
function replaceRange(replacements: readonly string[], title: (replacement: string) => string): FixesFor | undefined {
  if (replacements.length === 0) return undefined;
  return (found, { uri }) => replacements.map((replacement, index) => quickFix(title(replacement), uri, [TextEdit.replace(found.range, replacement)], [found], index === 0));
}

/** Did-you-mean: each candidate replaces the misspelt word. */
export function changeTo(candidates: readonly string[]): FixesFor | undefined {
  return replaceRange(candidates, (candidate) => `Change to '${candidate}'`);
}

/** Another disk access mode for the access value. */
export function useAccess(modes: readonly string[]): FixesFor | undefined {
  return replaceRange(modes, (mode) => `Use access mode '${mode}' (${mode.startsWith('r') ? 'read-only' : 'read-write'})`);
}

/** The same last three octets in the Xen range 00:16:3e. */
export function moveIntoXenRange(mac: string): FixesFor | undefined {
  return replaceRange([mac], (replacement) => `Move the MAC into the Xen range: '${replacement}'`);
}

/** Replaces the whole setting (key to end of value) with `text`. */
export function rewriteSetting(doc: XlDocument, setting: Setting, text: string): FixesFor {
  return (found, { uri }) => [quickFix(`Replace with '${text}'`, uri, [TextEdit.replace(doc.lines.range(setting.start, setting.end), text)], [found], true)];
}

/** Deletes the diagnostic's whole line, its line break included. */
export function deleteLine(doc: XlDocument): FixesFor {
  return (found, { uri }) => {
    const line = found.range.start.line;
    const end = line + 1 < doc.lines.lineCount ? { line: line + 1, character: 0 } : doc.lines.positionAt(doc.lines.lineEnd(line));
    return [quickFix('Delete this line', uri, [TextEdit.del({ start: { line, character: 0 }, end })], [found])];
  };
}

/** Replaces the MAC with a fresh random Xen MAC that no domain of the workspace uses. */
export function newMac(doc: XlDocument): FixesFor {
  return (found, ctx) => {
    const mac = freshMac(doc, ctx);
    return [quickFix(`Use a new random Xen MAC '${mac}'`, ctx.uri, [TextEdit.replace(found.range, mac)], [found])];
  };
}

/** Puts `mac=<fresh Xen MAC>` first in the vif spec the diagnostic covers (the quote is its first character). */
export function addMac(doc: XlDocument): FixesFor {
  return (found, ctx) => {
    const start = doc.lines.offsetAt(found.range.start) + 1;
    const empty = doc.text[start] === doc.text[start - 1];
    const mac = freshMac(doc, ctx);
    const insert = empty ? `mac=${mac}` : `mac=${mac}, `;
    return [quickFix(`Add a fixed Xen MAC '${mac}'`, ctx.uri, [TextEdit.insert(doc.lines.positionAt(start), insert)], [found], true)];
  };
}

const TYPOGRAPHIC: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"' };

/** Replaces each typographic quote of the line with its ASCII twin (one edit per character). */
export function asciiQuotes(doc: XlDocument): FixesFor {
  return (found, { uri }) => {
    const line = found.range.start.line;
    const text = doc.lines.lineText(line);
    const edits: TextEdit[] = [];
    for (let i = 0; i < text.length; i++) {
      const ascii = TYPOGRAPHIC[text[i]];
      if (ascii) edits.push(TextEdit.replace({ start: { line, character: i }, end: { line, character: i + 1 } }, ascii));
    }
    return [quickFix('Replace typographic quotes with ASCII quotes on this line', uri, edits, [found], true)];
  };
}
