/** Option-level checks: unknown names, types, duplicates, lost escapes. */
import { Range, TextEdit } from 'vscode-languageserver-types';
import { diagnostic, quickFix, Severity } from '../../common/diagnostics';
import { didYouMean, suggestionSuffix } from '../../common/didYouMean';
import { Finding, inDocumentOrder } from '../../common/report';
import type { ServiceContext } from '../types';
import { OPTION_NAMES } from './options';
import { SOURCE, XendDocument, XendOption } from './parse';
import { checkRemoval } from './removal';
import { checkSecurity } from './security';
import { SexpAtom, SexpNode, walkSexp } from '../../../../shared/src/sexp';
import { readBoolean, readInteger } from './values';

export function xendFindings(doc: XendDocument, ctx: ServiceContext): Finding[] {
  const findings: Finding[] = doc.syntaxErrors.map((d) => ({ diagnostic: d }));
  findings.push(...checkStrays(doc));
  const firstByName = new Map<string, XendOption>();
  for (const option of doc.options) {
    const first = firstByName.get(option.name);
    if (first) findings.push(duplicate(option, first, doc));
    else firstByName.set(option.name, option);
    findings.push(...checkOption(option, doc));
  }
  findings.push(...checkLostEscapes(doc));
  findings.push(...checkSecurity(doc, ctx));
  findings.push(...checkRemoval(doc, ctx));
  return inDocumentOrder(findings);
}

function warning(range: Range, code: string, message: string, fixes?: Finding['fixes']): Finding {
  return { diagnostic: diagnostic(range, Severity.Warning, code, message, SOURCE), fixes };
}

function error(range: Range, code: string, message: string, fixes?: Finding['fixes']): Finding {
  return { diagnostic: diagnostic(range, Severity.Error, code, message, SOURCE), fixes };
}

/** The first line of a node: a list is pointed at by its `(`. */
function headRange(node: SexpNode, doc: XendDocument): Range {
  return node.kind === 'atom' ? node.range : doc.lines.range(node.start, node.start + 1);
}

function checkStrays(doc: XendDocument): Finding[] {
  return doc.strays.map((node) =>
    warning(
      headRange(node, doc),
      'xend/not-an-option',
      node.kind === 'atom'
        ? `'${node.value}' stands outside any '( … )': xend ignores it; write options as '(name value)'`
        : "this list does not start with an option name: xend ignores it; write options as '(name value)'",
    ),
  );
}

function duplicate(option: XendOption, first: XendOption, doc: XendDocument): Finding {
  const line = doc.lines.positionAt(first.nameAtom.start).line + 1;
  return warning(option.nameAtom.range, 'xend/duplicate-option', `'${option.name}' is already set on line ${line}; xend uses that first one and ignores this one`);
}

function checkOption(option: XendOption, doc: XendDocument): Finding[] {
  const { spec, nameAtom } = option;
  if (!spec) {
    const suggestions = didYouMean(option.name, OPTION_NAMES);
    return [
      warning(nameAtom.range, 'xend/unknown-option', `unknown option '${option.name}': xend ignores it${suggestionSuffix(suggestions)}`, ({ uri }) =>
        suggestions.map((s, i) => quickFix(`Change to '${s}'`, uri, [TextEdit.replace(nameAtom.range, s)], [], i === 0)),
      ),
    ];
  }
  const [value, ...extra] = option.values;
  if (!value) {
    if (spec.default === undefined || spec.type === 'sxp') return [];
    return [warning(nameAtom.range, 'xend/missing-value', `'(${option.name})' has no value: xend uses the default, ${spec.default}`)];
  }
  const findings: Finding[] = [];
  if (extra.length > 0) findings.push(extraValues(option, value, extra, doc));
  if (spec.role === 'xen-api') return [...findings, ...checkXenApiEntries(value, doc)];
  if (spec.type === 'sxp') return findings;
  if (value.kind === 'list') {
    findings.push(error(value.range.start.line === value.range.end.line ? value.range : headRange(value, doc), 'xend/wrong-type', `'${option.name}' takes ${article(spec.type)}, not a list`));
    return findings;
  }
  findings.push(...checkAtomType(option, value));
  return findings;
}

/** `((PORT-or-ADDRESS:PORT-or-unix AUTH HOSTS [KEY CERT]) …)`: what xend's Xen-API server can listen on. */
function checkXenApiEntries(value: SexpNode, doc: XendDocument): Finding[] {
  if (value.kind === 'atom') return [error(value.range, 'xend/wrong-type', "'xen-api-server' takes a list of listeners such as ((unix) (9363 pam '^localhost$')), not an atom")];
  const findings: Finding[] = [];
  for (const entry of value.items) {
    const [where, auth] = entry.kind === 'list' ? entry.items : [];
    if (where?.kind !== 'atom' || !/^(unix|\d+|[^:\s]+:\d+)$/.test(where.value)) {
      findings.push(warning(headRange(where ?? entry, doc), 'xend/bad-xen-api-entry', "a Xen-API listener starts with 'unix', a port or ADDRESS:PORT, inside its own parentheses: (9363 pam '^localhost$')"));
    } else if (auth?.kind === 'atom' && !['pam', 'none', ''].includes(auth.value)) {
      findings.push(warning(auth.range, 'xend/bad-xen-api-entry', `authentication '${auth.value}' is neither 'pam' nor 'none'`, ({ uri }) => [quickFix("Change to 'pam'", uri, [TextEdit.replace(auth.range, 'pam')], [], true)]));
    }
  }
  return findings;
}

function article(type: string): string {
  return type === 'integer' ? 'an integer' : `a ${type}`;
}

function checkAtomType(option: XendOption, value: SexpAtom): Finding[] {
  const spec = option.spec!;
  if (spec.type === 'boolean' && readBoolean(value.value) === undefined) {
    return [
      error(value.range, 'xend/wrong-type', `'${option.name}' takes yes or no, not '${value.value}' (xend refuses to start: "expected bool")`, ({ uri }) => [
        quickFix("Change to 'yes'", uri, [TextEdit.replace(value.range, 'yes')]),
        quickFix("Change to 'no'", uri, [TextEdit.replace(value.range, 'no')]),
      ]),
    ];
  }
  if (spec.type === 'integer') {
    const number = readInteger(value.value);
    if (number === undefined) {
      const digits = /^\d+/.exec(value.value)?.[0];
      return [
        error(value.range, 'xend/wrong-type', `'${option.name}' takes a whole number, not '${value.value}' (xend refuses to start: "expected int")`, digits ? ({ uri }) => [quickFix(`Change to ${digits}`, uri, [TextEdit.replace(value.range, digits)], [], true)] : undefined),
      ];
    }
    if (spec.role === 'port' && (number < 1 || number > 65535)) {
      return [error(value.range, 'xend/port-out-of-range', `port ${number} of '${option.name}' is outside 1-65535; the server cannot listen there`)];
    }
  }
  if (spec.role === 'loglevel' && !(spec.suggestions ?? []).includes(value.value.toUpperCase())) {
    return [warning(value.range, 'xend/bad-value', `log level '${value.value}' is not one of ${spec.suggestions!.join(', ')}`)];
  }
  return [];
}

/** `(network-script network-bridge netdev=eth1)`: xend reads `network-bridge` only. */
function extraValues(option: XendOption, value: SexpNode, extra: SexpNode[], doc: XendDocument): Finding {
  const last = extra[extra.length - 1];
  const words = [value, ...extra];
  const allBareOnOneLine = words.every((w) => w.kind === 'atom' && !w.quote) && value.range.start.line === last.range.end.line;
  const joined = words.map((w) => (w.kind === 'atom' ? w.value : '')).join(' ');
  const first = value.kind === 'atom' ? `'${value.value}'` : 'the first value';
  return warning(
    headRange(extra[0], doc),
    'xend/extra-value',
    `'${option.name}' takes one value: xend reads ${first} and ignores the rest${allBareOnOneLine ? `; to pass arguments, quote the whole command: '${joined}'` : ''}`,
    allBareOnOneLine
      ? ({ uri }) => [quickFix(`Quote as one value: '${joined}'`, uri, [TextEdit.replace({ start: value.range.start, end: last.range.end }, `'${joined}'`)], [], true)]
      : undefined,
  );
}

function checkLostEscapes(doc: XendDocument): Finding[] {
  const findings: Finding[] = [];
  for (const node of walkSexp(doc.tree.nodes)) {
    if (node.kind !== 'atom') continue;
    for (const escape of node.lostEscapes) {
      const range = doc.lines.range(escape.start, escape.end);
      const sequence = doc.text.slice(escape.start, escape.end);
      findings.push(
        warning(range, 'xend/lost-escape', `'${sequence}' in a quoted string: xend's reader keeps the backslash but drops '${sequence[1]}'; write '\\${sequence}'`, ({ uri }) => [
          quickFix(`Write '\\${sequence}'`, uri, [TextEdit.insert(range.start, '\\')], [], true),
        ]),
      );
    }
  }
  return findings;
}
