/** Option-level checks: unknown names, types, duplicates, lost escapes; then security (validateSecurity.ts) and the xend-removed note (validateRemoval.ts). */
import { Diagnostic, DiagnosticSeverity, TextEdit } from 'vscode-languageserver-types';
import { quickFix, Severity } from '../../common/diagnostics';
import { didYouMean, suggestionSuffix } from '../../common/didYouMean';
import { Finding, Fixes, inDocumentOrder, memoizeFindings, Reporter } from '../../common/report';
import type { FileContext } from '../types';
import { Code } from './codes';
import { SOURCE, XendDocument, XendOption } from './parse';
import { legacyOption, OPTION_NAMES, releaseSpan } from './schema';
import { SexpAtom, SexpNode, walkSexp } from '../../../../shared/src/sexp';
import { validateRemoval } from './validateRemoval';
import { validateSecurity } from './validateSecurity';
import { readBoolean, readInteger } from './values';

export const findings = memoizeFindings((doc: XendDocument, ctx: FileContext): Finding[] => {
  const r = new Reporter(doc.lines, SOURCE);
  for (const d of doc.syntaxErrors) r.add(d);
  checkStrays(doc, r);
  const firstByName = new Map<string, XendOption>();
  for (const option of doc.options) {
    const first = firstByName.get(option.name);
    if (first) duplicate(option, first, r);
    else firstByName.set(option.name, option);
    checkOption(option, r);
  }
  checkLostEscapes(doc, r);
  validateSecurity(doc, r);
  validateRemoval(doc, ctx, r);
  return inDocumentOrder(r.findings);
});

export function validate(doc: XendDocument, ctx: FileContext): Diagnostic[] {
  return findings(doc, ctx).map((f) => f.diagnostic);
}

/** Reports on a node: an atom, or a list by its `(` (the whole list when it fits on one line and `whole` is set). */
function on(r: Reporter, node: SexpNode, severity: DiagnosticSeverity, code: string, message: string, fixes?: Fixes, whole = false): void {
  const oneLine = node.range.start.line === node.range.end.line;
  const end = node.kind === 'atom' || (whole && oneLine) ? node.end : node.start + 1;
  r.report(node.start, end, severity, code, message, fixes);
}

function checkStrays(doc: XendDocument, r: Reporter): void {
  for (const node of doc.strays) {
    on(
      r,
      node,
      Severity.Warning,
      Code.notAnOption,
      node.kind === 'atom'
        ? `'${node.value}' stands outside any '( … )': xend ignores it; write options as '(name value)'`
        : "this list does not start with an option name: xend ignores it; write options as '(name value)'",
    );
  }
}

function duplicate(option: XendOption, first: XendOption, r: Reporter): void {
  on(r, option.nameAtom, Severity.Warning, Code.duplicateOption, `'${option.name}' is already set on line ${r.lineOf(first.nameAtom.start)}; xend uses that first one and ignores this one`);
}

function checkOption(option: XendOption, r: Reporter): void {
  const { spec, nameAtom } = option;
  if (!spec) {
    const legacy = legacyOption(option.name);
    if (legacy) {
      const later = legacy.later ? `; from 3.0 on, ${legacy.later}` : '';
      on(r, nameAtom, Severity.Information, Code.legacyOption, `'${option.name}' was read by the xend of Xen ${releaseSpan(legacy.readBy)} only; xend of Xen 3.0 and later ignores it${later}`);
      return;
    }
    const suggestions = didYouMean(option.name, OPTION_NAMES);
    on(r, nameAtom, Severity.Warning, Code.unknownOption, `unknown option '${option.name}': xend ignores it${suggestionSuffix(suggestions)}`, ({ uri }) =>
      suggestions.map((s, i) => quickFix(`Change to '${s}'`, uri, [TextEdit.replace(nameAtom.range, s)], [], i === 0)),
    );
    return;
  }
  const [value, ...extra] = option.values;
  if (!value) {
    if (spec.default !== undefined && spec.type !== 'sxp') on(r, nameAtom, Severity.Warning, Code.missingValue, `'(${option.name})' has no value: xend uses the default, ${spec.default}`);
    return;
  }
  if (extra.length > 0) extraValues(option, value, extra, r);
  if (spec.role === 'xen-api') checkXenApiEntries(value, r);
  else if (spec.type === 'sxp') return;
  else if (value.kind === 'list') on(r, value, Severity.Error, Code.wrongType, `'${option.name}' takes ${article(spec.type)}, not a list`, undefined, true);
  else checkAtomType(option, value, r);
}

/** `((PORT-or-ADDRESS:PORT-or-unix AUTH HOSTS [KEY CERT]) …)`: what xend's Xen-API server can listen on. */
function checkXenApiEntries(value: SexpNode, r: Reporter): void {
  if (value.kind === 'atom') {
    on(r, value, Severity.Error, Code.wrongType, "'xen-api-server' takes a list of listeners such as ((unix) (9363 pam '^localhost$')), not an atom");
    return;
  }
  for (const entry of value.items) {
    const [where, auth] = entry.kind === 'list' ? entry.items : [];
    if (where?.kind !== 'atom' || !/^(unix|\d+|[^:\s]+:\d+)$/.test(where.value)) {
      on(r, where ?? entry, Severity.Warning, Code.badXenApiEntry, "a Xen-API listener starts with 'unix', a port or ADDRESS:PORT, inside its own parentheses: (9363 pam '^localhost$')");
    } else if (auth?.kind === 'atom' && !['pam', 'none', ''].includes(auth.value)) {
      on(r, auth, Severity.Warning, Code.badXenApiEntry, `authentication '${auth.value}' is neither 'pam' nor 'none'`, ({ uri }) => [quickFix("Change to 'pam'", uri, [TextEdit.replace(auth.range, 'pam')], [], true)]);
    }
  }
}

function article(type: string): string {
  return type === 'integer' ? 'an integer' : `a ${type}`;
}

function checkAtomType(option: XendOption, value: SexpAtom, r: Reporter): void {
  const spec = option.spec!;
  if (spec.type === 'boolean' && readBoolean(value.value) === undefined) {
    on(r, value, Severity.Error, Code.wrongType, `'${option.name}' takes yes or no, not '${value.value}' (xend refuses to start: "expected bool")`, ({ uri }) => [
      quickFix("Change to 'yes'", uri, [TextEdit.replace(value.range, 'yes')]),
      quickFix("Change to 'no'", uri, [TextEdit.replace(value.range, 'no')]),
    ]);
    return;
  }
  if (spec.type === 'integer') {
    const number = readInteger(value.value);
    if (number === undefined) {
      const digits = /^\d+/.exec(value.value)?.[0];
      on(r, value, Severity.Error, Code.wrongType, `'${option.name}' takes a whole number, not '${value.value}' (xend refuses to start: "expected int")`, digits ? ({ uri }) => [quickFix(`Change to '${digits}'`, uri, [TextEdit.replace(value.range, digits)], [], true)] : undefined);
      return;
    }
    if (spec.role === 'port' && (number < 1 || number > 65535)) {
      on(r, value, Severity.Error, Code.portOutOfRange, `port ${number} of '${option.name}' is outside 1-65535; the server cannot listen there`);
      return;
    }
  }
  if (spec.role === 'loglevel' && !(spec.suggestions ?? []).includes(value.value.toUpperCase())) {
    on(r, value, Severity.Warning, Code.badValue, `log level '${value.value}' is not one of ${spec.suggestions!.join(', ')}`);
  }
}

/** `(network-script network-bridge netdev=eth1)`: xend reads `network-bridge` only. */
function extraValues(option: XendOption, value: SexpNode, extra: SexpNode[], r: Reporter): void {
  const last = extra[extra.length - 1];
  const words = [value, ...extra];
  const allBareOnOneLine = words.every((w) => w.kind === 'atom' && !w.quote) && value.range.start.line === last.range.end.line;
  const joined = words.map((w) => (w.kind === 'atom' ? w.value : '')).join(' ');
  const first = value.kind === 'atom' ? `'${value.value}'` : 'the first value';
  on(
    r,
    extra[0],
    Severity.Warning,
    Code.extraValue,
    `'${option.name}' takes one value: xend reads ${first} and ignores the rest${allBareOnOneLine ? `; to pass arguments, quote the whole command: '${joined}'` : ''}`,
    allBareOnOneLine
      ? ({ uri }) => [quickFix(`Quote as one value: '${joined}'`, uri, [TextEdit.replace({ start: value.range.start, end: last.range.end }, `'${joined}'`)], [], true)]
      : undefined,
  );
}

function checkLostEscapes(doc: XendDocument, r: Reporter): void {
  for (const node of walkSexp(doc.tree.nodes)) {
    if (node.kind !== 'atom') continue;
    for (const escape of node.lostEscapes) {
      const sequence = doc.text.slice(escape.start, escape.end);
      const at = doc.lines.positionAt(escape.start);
      r.report(escape.start, escape.end, Severity.Warning, Code.lostEscape, `'${sequence}' in a quoted string: xend's reader keeps the backslash but drops '${sequence[1]}'; write '\\${sequence}'`, ({ uri }) => [
        quickFix(`Write '\\${sequence}'`, uri, [TextEdit.insert(at, '\\')], [], true),
      ]);
    }
  }
}
