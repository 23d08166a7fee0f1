/**
 * The file's own checks: the lines ifrename drops and the mistakes it warns
 * about (names, selectors, values, duplicates). Which guest the file belongs
 * to, and the checks that need its domain config, are cross-file rules
 * (crossFile.ts).
 */
import { Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, Range, TextEdit } from 'vscode-languageserver-types';
import { quickFix, Severity } from '../../common/diagnostics';
import { didYouMean, suggestionSuffix } from '../../common/didYouMean';
import { parseMac } from '../../common/mac';
import { Finding, Fixes, inDocumentOrder, memoizeFindings, Reporter } from '../../common/report';
import type { FileContext } from '../types';
import { Code } from './codes';
import { exactMacs } from './facts';
import { renameKernelName } from './fixes';
import { IftabDocument, IftabEntry, SelectorUse, SOURCE, Token } from './parse';
import { MAX_SYSFS_ATTRIBUTES, SELECTOR_NAMES, SelectorSpec } from './schema';
import { illegalNameCharacter, isBaseAddress, isDecimal, isNullMac, macPatternCanMatch, MAX_NAME_LENGTH, readMac } from './values';

const replaceWith = (range: Range, text: string, title: string, preferred = true): Fixes => ({ uri }) => [quickFix(title, uri, [TextEdit.replace(range, text)], [], preferred)];

export const findings = memoizeFindings((doc: IftabDocument, ctx: FileContext): Finding[] => {
  const r = new Reporter(doc.lines, SOURCE);
  for (const d of doc.syntaxErrors) r.add(d);
  const sysfsAttributes = new Set<string>();
  for (const entry of doc.entries) {
    checkName(doc, entry, r);
    if (entry.selectors.length === 0 && !entry.incomplete) r.report(entry.name.start, entry.name.end, Severity.Error, Code.noSelectors, `'${entry.name.text}' has no selectors: write 'NAME mac 00:16:3e:…' (ifrename drops this line)`);
    // ifrename stops reading a line at its first error, so later SYSFS files on it are never registered.
    let lineOk = ifrenameTakesName(entry.name.text);
    for (const use of entry.selectors) {
      const errorsBefore = r.errorCount;
      checkSelector(use, { names: sysfsAttributes, register: lineOk }, r);
      if (r.errorCount > errorsBefore) lineOk = false;
    }
  }
  checkDuplicates(doc, ctx, r);
  return inDocumentOrder(r.findings);
});

export function validate(doc: IftabDocument, ctx: FileContext): Diagnostic[] {
  return findings(doc, ctx).map((f) => f.diagnostic);
}

/** ifrename's own length check (it allows one character more than the kernel, and counts `*` as two). */
function ifrenameTakesName(name: string): boolean {
  return name.length + (name.includes('*') ? 1 : 0) <= MAX_NAME_LENGTH + 1;
}

function checkName(doc: IftabDocument, entry: IftabEntry, r: Reporter): void {
  const { name } = entry;
  const on = (severity: DiagnosticSeverity, code: string, message: string, fixes?: Fixes) => r.report(name.start, name.end, severity, code, message, fixes);
  if (name.text.length > MAX_NAME_LENGTH) on(Severity.Error, Code.nameTooLong, `interface name '${name.text}' has ${name.text.length} characters; the kernel allows at most ${MAX_NAME_LENGTH}`);
  const illegal = illegalNameCharacter(name.text);
  if (illegal !== undefined || name.text === '.' || name.text === '..') {
    on(Severity.Error, Code.nameInvalid, illegal !== undefined ? `interface name '${name.text}' contains '${illegal}', which the kernel refuses in a name (no '/', ':' or blanks)` : `'${name.text}' cannot be an interface name`);
  }
  // More than one '*': the first and the last are not the same (without a regex match array per line).
  if (name.text.indexOf('*') !== name.text.lastIndexOf('*')) on(Severity.Warning, Code.nameWildcard, `only the first '*' of '${name.text}' is a wildcard (replaced by the lowest free number); the others stay literal`);
  if (name.text === 'eth0' || name.text === 'wlan0') {
    const message = () => `ifrename warns that '${name.text}' cannot be mapped reliably: at boot another card may already hold this kernel-assigned name (unless ifrename runs with -t); a name such as 'lan0' avoids the race`;
    // A wireless card has no name as settled as lanN for a wired one: wlan0 gets the advice only. A file may name eth0 on every line: past the problems listed, only counted.
    const found: Diagnostic | undefined = r.reportIfListed(name.start, name.end, Severity.Hint, Code.unreliableName, message, name.text === 'eth0' ? (ctx) => renameKernelName(doc, name, found!, ctx) : undefined);
  }
}

function checkSelector(use: SelectorUse, sysfsAttributes: SysfsTable, r: Reporter): void {
  const { name, lookup } = use;
  if (lookup.kind === 'unknown') {
    const suggestions = didYouMean(name.text, SELECTOR_NAMES);
    r.report(name.start, name.end, Severity.Error, Code.unknownSelector, `unknown selector '${name.text}' (ifrename drops this line)${suggestionSuffix(suggestions)}`, ({ uri }) =>
      suggestions.map((s, i) => quickFix(`Change to '${s}'`, uri, [TextEdit.replace(name.range, s)], [], i === 0)),
    );
    return;
  }
  if (lookup.kind === 'ambiguous') {
    const names = lookup.candidates.map((c) => c.name);
    r.report(name.start, name.end, Severity.Error, Code.ambiguousSelector, `'${name.text}' is ambiguous: it abbreviates ${names.join(', ')} (ifrename drops this line)`, ({ uri }) =>
      names.map((n) => quickFix(`Change to '${n}'`, uri, [TextEdit.replace(name.range, n)])),
    );
    return;
  }
  const spec = lookup.spec;
  if (lookup.kind === 'prefix') {
    r.report(name.start, name.end, Severity.Hint, Code.abbreviatedSelector, `'${name.text}' abbreviates '${spec.name}'; ifrename accepts it, but the full name reads better`, replaceWith(name.range, spec.name, `Write '${spec.name}'`));
  }
  if (spec.value === 'sysfs') checkSysfsAttribute(use, sysfsAttributes, r);
  else if (use.attribute) r.report(use.attribute.start, use.attribute.end, Severity.Warning, Code.attributeIgnored, `'{${use.attribute.text}}' means nothing to '${spec.name}' (only SYSFS takes an attribute); ifrename ignores it`);
  if (use.value) checkValue(spec, use.value, r);
}

/** ifrename's file-wide table of SYSFS file names; `register` is false once the line has failed (ifrename stopped reading it). */
interface SysfsTable {
  names: Set<string>;
  register: boolean;
}

function checkSysfsAttribute(use: SelectorUse, table: SysfsTable, r: Reporter): void {
  const { attribute } = use;
  if (!attribute) {
    r.report(use.name.start, use.name.end, Severity.Error, Code.sysfsAttributeMissing, `SYSFS needs the file to read in braces, e.g. 'SYSFS{address}' (ifrename drops this line)`);
    return;
  }
  // ifrename registers the file name when it reads the value, and not at all once the table is full.
  const { names } = table;
  if (!use.value || names.has(attribute.text)) return;
  if (names.size >= MAX_SYSFS_ATTRIBUTES) {
    r.report(attribute.start, attribute.end, Severity.Error, Code.tooManySysfsAttributes, `ifrename handles at most ${MAX_SYSFS_ATTRIBUTES} different SYSFS files per iftab (${[...names].join(', ')}); '${attribute.text}' would be one more (ifrename drops this line)`);
    return;
  }
  if (table.register) names.add(attribute.text);
}

function checkValue(spec: SelectorSpec, value: Token, r: Reporter): void {
  const text = value.text;
  const on = (severity: DiagnosticSeverity, code: string, message: string, fixes?: Fixes) => r.report(value.start, value.end, severity, code, message, fixes);
  switch (spec.value) {
    case 'mac':
      checkMac(value, r);
      return;
    case 'decimal':
      if (!isDecimal(text)) on(Severity.Error, Code.invalidNumber, `'${spec.name}' takes a decimal number, not '${text}' (ifrename drops this line)`);
      return;
    case 'hex-address': {
      if (isBaseAddress(text)) return;
      const fixable = /^[0-9A-Fa-f]+$/.test(text);
      on(Severity.Error, Code.invalidBaseAddress, `'baseaddress' takes a hex number with a 0x prefix, not '${text}' (ifrename drops this line)`, fixable ? replaceWith(value.range, `0x${text}`, `Write '0x${text}'`) : undefined);
      return;
    }
    default:
      if (spec.maxLength !== undefined && text.length >= spec.maxLength) {
        on(Severity.Error, Code.valueTooLong, `'${spec.name}' values hold at most ${spec.maxLength - 1} characters; '${text}' has ${text.length} (ifrename drops this line)`);
      }
  }
}

/**
 * What ifrename makes of a MAC. A valid unicast address passes here; whether
 * it belongs in the file depends on the guest's domain config (crossFile.ts).
 */
function checkMac(value: Token, r: Reporter): void {
  const on = (severity: DiagnosticSeverity, code: string, message: string, fixes?: Fixes) => r.report(value.start, value.end, severity, code, message, fixes);
  const reading = readMac(value.text);
  if (reading.kind === 'invalid') {
    const parsed = parseMac(value.text);
    const fix = parsed ? replaceWith(value.range, parsed.normalized, `Write '${parsed.normalized}'`) : undefined;
    on(Severity.Error, Code.invalidMac, `'${value.text}' is not a MAC address: ${reading.reason} (ifrename drops this line)`, fix);
  } else if (reading.kind === 'pattern') {
    if (!macPatternCanMatch(value.text)) on(Severity.Warning, Code.invalidMacPattern, `MAC pattern '${value.text}' can never match an address written as hh:hh:hh:hh:hh:hh (check the colons and digit pairs)`);
  } else if (reading.octets !== 6) {
    on(Severity.Warning, Code.macLength, `'${value.text}' has ${reading.octets} bytes; an Ethernet or Xen vif address has 6 (ifrename takes other lengths only for FireWire and IrDA)`);
  } else {
    const mac = parseMac(value.text)!;
    if (isNullMac(mac)) on(Severity.Warning, Code.nullMac, 'the null MAC 00:00:00:00:00:00 matches cards whose driver has not set an address; ifrename warns this is dangerous');
    else if (mac.multicast) on(Severity.Warning, Code.multicastMac, `${value.text} has the multicast bit set (first byte odd): no network card has such an address`);
  }
}

/** A generated or copied iftab may repeat one line throughout: past the problems listed, duplicates are only counted (Reporter.reportIfListed). */
function checkDuplicates(doc: IftabDocument, ctx: FileContext, r: Reporter): void {
  const byName = new Map<string, IftabEntry>();
  for (const entry of doc.entries) {
    // `eth*` twice is normal: each line takes the next free number.
    if (entry.name.text.includes('*')) continue;
    const first = byName.get(entry.name.text);
    if (!first) {
      byName.set(entry.name.text, entry);
      continue;
    }
    const found = r.reportIfListed(entry.name.start, entry.name.end, Severity.Information, Code.duplicateName, () => `'${entry.name.text}' is already defined on line ${first.line + 1}; fine if this file serves several machines, otherwise only one of the cards can get the name`);
    if (found) found.relatedInformation = [DiagnosticRelatedInformation.create(Location.create(ctx.uri, first.name.range), `first definition of '${entry.name.text}'`)];
  }
  const byMac = new Map<string, { entry: IftabEntry; range: Range }>();
  for (const { value, token, entry } of exactMacs(doc)) {
    const first = byMac.get(value);
    if (!first) {
      byMac.set(value, { entry, range: token.range });
      continue;
    }
    if (first.entry.name.text === entry.name.text) continue;
    const found = r.reportIfListed(token.start, token.end, Severity.Warning, Code.duplicateMac, () => `${value} is already claimed by '${first.entry.name.text}' on line ${first.entry.line + 1}; ifrename uses the last matching line, so the card becomes '${entry.name.text}' and line ${first.entry.line + 1} never applies`);
    if (found) found.relatedInformation = [DiagnosticRelatedInformation.create(Location.create(ctx.uri, first.range), `${value} claimed by '${first.entry.name.text}'`)];
  }
}
