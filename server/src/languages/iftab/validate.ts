import { DiagnosticRelatedInformation, DiagnosticSeverity, Location, Range, TextEdit } from 'vscode-languageserver-types';
import { diagnostic, quickFix, Severity } from '../../common/diagnostics';
import { didYouMean, suggestionSuffix } from '../../common/didYouMean';
import { Finding, inDocumentOrder } from '../../common/report';
import { parseMac } from '../../common/mac';
import type { ServiceContext } from '../types';
import { exactMacs } from './facts';
import { guestTree, GuestTree } from './guest';
import { IftabDocument, IftabEntry, SelectorUse, SOURCE, Token } from './parse';
import { MAX_SYSFS_ATTRIBUTES, SELECTOR_NAMES, SelectorSpec } from './selectors';
import { illegalNameCharacter, isBaseAddress, isDecimal, macPatternCanMatch, MAX_NAME_LENGTH, readMac } from './values';

function finding(range: Range, severity: DiagnosticSeverity, code: string, message: string, fixes?: Finding['fixes']): Finding {
  return { diagnostic: diagnostic(range, severity, code, message, SOURCE), fixes };
}

const replaceWith = (range: Range, text: string, title: string, preferred = true): Finding['fixes'] => ({ uri }) => [quickFix(title, uri, [TextEdit.replace(range, text)], [], preferred)];

export function iftabFindings(doc: IftabDocument, ctx: ServiceContext): Finding[] {
  const findings: Finding[] = doc.syntaxErrors.map((d) => ({ diagnostic: d }));
  const macs = exactMacs(doc);
  const guest = guestTree(ctx, macs.map((m) => m.value));
  const sysfsAttributes = new Set<string>();
  for (const entry of doc.entries) {
    findings.push(...checkName(entry));
    if (entry.selectors.length === 0 && !entry.incomplete) findings.push(finding(entry.name.range, Severity.Error, 'iftab/no-selectors', `'${entry.name.text}' has no selectors: write 'NAME mac 00:16:3e:…' (ifrename drops this line)`));
    // ifrename stops reading a line at its first error, so later SYSFS files on it are never registered.
    let lineOk = ifrenameTakesName(entry.name.text);
    for (const use of entry.selectors) {
      const found = checkSelector(use, entry, guest, { names: sysfsAttributes, register: lineOk });
      if (found.some((f) => f.diagnostic.severity === Severity.Error)) lineOk = false;
      findings.push(...found);
    }
  }
  findings.push(...checkDuplicates(doc, macs, ctx));
  return inDocumentOrder(findings);
}

/** ifrename's own length check (it allows one character more than the kernel, and counts `*` as two). */
function ifrenameTakesName(name: string): boolean {
  return name.length + (name.includes('*') ? 1 : 0) <= MAX_NAME_LENGTH + 1;
}

function checkName(entry: IftabEntry): Finding[] {
  const { name } = entry;
  const findings: Finding[] = [];
  if (name.text.length > MAX_NAME_LENGTH) {
    findings.push(finding(name.range, Severity.Error, 'iftab/name-too-long', `interface name '${name.text}' has ${name.text.length} characters; the kernel allows at most ${MAX_NAME_LENGTH}`));
  }
  const illegal = illegalNameCharacter(name.text);
  if (illegal !== undefined || name.text === '.' || name.text === '..') {
    findings.push(finding(name.range, Severity.Error, 'iftab/name-invalid', illegal !== undefined ? `interface name '${name.text}' contains '${illegal}', which the kernel refuses in a name (no '/', ':' or blanks)` : `'${name.text}' cannot be an interface name`));
  }
  if ((name.text.match(/\*/g) ?? []).length > 1) {
    findings.push(finding(name.range, Severity.Warning, 'iftab/name-wildcard', `only the first '*' of '${name.text}' is a wildcard (replaced by the lowest free number); the others stay literal`));
  }
  if (name.text === 'eth0' || name.text === 'wlan0') {
    findings.push(finding(name.range, Severity.Hint, 'iftab/unreliable-name', `ifrename warns that '${name.text}' cannot be mapped reliably: at boot another card may already hold this kernel-assigned name (unless ifrename runs with -t); a name such as 'lan0' avoids the race`));
  }
  return findings;
}

function checkSelector(use: SelectorUse, entry: IftabEntry, guest: GuestTree | undefined, sysfsAttributes: SysfsTable): Finding[] {
  const { name, lookup } = use;
  if (lookup.kind === 'unknown') {
    const suggestions = didYouMean(name.text, SELECTOR_NAMES);
    return [
      finding(name.range, Severity.Error, 'iftab/unknown-selector', `unknown selector '${name.text}' (ifrename drops this line)${suggestionSuffix(suggestions)}`, ({ uri }) =>
        suggestions.map((s, i) => quickFix(`Change to '${s}'`, uri, [TextEdit.replace(name.range, s)], [], i === 0)),
      ),
    ];
  }
  if (lookup.kind === 'ambiguous') {
    const names = lookup.candidates.map((c) => c.name);
    return [
      finding(name.range, Severity.Error, 'iftab/ambiguous-selector', `'${name.text}' is ambiguous: it abbreviates ${names.join(', ')} (ifrename drops this line)`, ({ uri }) =>
        names.map((n) => quickFix(`Change to '${n}'`, uri, [TextEdit.replace(name.range, n)])),
      ),
    ];
  }
  const spec = lookup.spec;
  const findings: Finding[] = [];
  if (lookup.kind === 'prefix') {
    findings.push(finding(name.range, Severity.Hint, 'iftab/abbreviated-selector', `'${name.text}' abbreviates '${spec.name}'; ifrename accepts it, but the full name reads better`, replaceWith(name.range, spec.name, `Write '${spec.name}'`)));
  }
  if (spec.value === 'sysfs') findings.push(...checkSysfsAttribute(use, sysfsAttributes));
  else if (use.attribute) findings.push(finding(use.attribute.range, Severity.Warning, 'iftab/attribute-ignored', `'{${use.attribute.text}}' means nothing to '${spec.name}' (only SYSFS takes an attribute); ifrename ignores it`));
  if (use.value) findings.push(...checkValue(spec, use.value, entry, guest));
  return findings;
}

/** ifrename's file-wide table of SYSFS file names; `register` is false once the line has failed (ifrename stopped reading it). */
interface SysfsTable {
  names: Set<string>;
  register: boolean;
}

function checkSysfsAttribute(use: SelectorUse, table: SysfsTable): Finding[] {
  if (!use.attribute) {
    return [finding(use.name.range, Severity.Error, 'iftab/sysfs-attribute-missing', `SYSFS needs the file to read in braces, e.g. 'SYSFS{address}' (ifrename drops this line)`)];
  }
  // ifrename registers the file name when it reads the value, and not at all once the table is full.
  const { names } = table;
  if (!use.value || names.has(use.attribute.text)) return [];
  if (names.size >= MAX_SYSFS_ATTRIBUTES) {
    return [finding(use.attribute.range, Severity.Error, 'iftab/too-many-sysfs-attributes', `ifrename handles at most ${MAX_SYSFS_ATTRIBUTES} different SYSFS files per iftab (${[...names].join(', ')}); '${use.attribute.text}' would be one more (ifrename drops this line)`)];
  }
  if (table.register) names.add(use.attribute.text);
  return [];
}

function checkValue(spec: SelectorSpec, value: Token, entry: IftabEntry, guest: GuestTree | undefined): Finding[] {
  const text = value.text;
  switch (spec.value) {
    case 'mac':
      return checkMac(value, entry, guest);
    case 'decimal':
      return isDecimal(text) ? [] : [finding(value.range, Severity.Error, 'iftab/invalid-number', `'${spec.name}' takes a decimal number, not '${text}' (ifrename drops this line)`)];
    case 'hex-address': {
      if (isBaseAddress(text)) return [];
      const fixable = /^[0-9A-Fa-f]+$/.test(text);
      return [finding(value.range, Severity.Error, 'iftab/invalid-base-address', `'baseaddress' takes a hex number with a 0x prefix, not '${text}' (ifrename drops this line)`, fixable ? replaceWith(value.range, `0x${text}`, `Write 0x${text}`) : undefined)];
    }
    default:
      if (spec.maxLength !== undefined && text.length >= spec.maxLength) {
        return [finding(value.range, Severity.Error, 'iftab/value-too-long', `'${spec.name}' values hold at most ${spec.maxLength - 1} characters; '${text}' has ${text.length} (ifrename drops this line)`)];
      }
      return [];
  }
}

function checkMac(value: Token, entry: IftabEntry, guest: GuestTree | undefined): Finding[] {
  const reading = readMac(value.text);
  if (reading.kind === 'invalid') {
    const parsed = parseMac(value.text);
    const fix = parsed ? replaceWith(value.range, parsed.normalized, `Write ${parsed.normalized}`) : undefined;
    return [finding(value.range, Severity.Error, 'iftab/invalid-mac', `'${value.text}' is not a MAC address: ${reading.reason} (ifrename drops this line)`, fix)];
  }
  if (reading.kind === 'pattern') {
    return macPatternCanMatch(value.text) ? [] : [finding(value.range, Severity.Warning, 'iftab/invalid-mac-pattern', `MAC pattern '${value.text}' can never match an address written as hh:hh:hh:hh:hh:hh (check the colons and digit pairs)`)];
  }
  if (reading.octets !== 6) {
    return [finding(value.range, Severity.Warning, 'iftab/mac-length', `'${value.text}' has ${reading.octets} bytes; an Ethernet or Xen vif address has 6 (ifrename takes other lengths only for FireWire and IrDA)`)];
  }
  const mac = parseMac(value.text)!;
  if (mac.octets.every((o) => o === 0)) return [finding(value.range, Severity.Warning, 'iftab/null-mac', 'the null MAC 00:00:00:00:00:00 matches cards whose driver has not set an address; ifrename warns this is dangerous')];
  if (mac.multicast) return [finding(value.range, Severity.Warning, 'iftab/multicast-mac', `${value.text} has the multicast bit set (first byte odd): no network card has such an address`)];
  if (guest && !mac.xenRange) return [outsideXenRange(value, mac.normalized, entry, guest)];
  if (guest?.domain && !guest.domain.macs.some((m) => m.value.toLowerCase() === mac.normalized)) return [notOnGuest(value, mac.normalized, entry, guest)];
  return [];
}

/** The vif MAC at the index of `ethN`, from the guest's domain config. */
function vifMacFor(entry: IftabEntry, guest: GuestTree): { index: string; mac: string } | undefined {
  const index = /^eth(\d+)$/.exec(entry.name.text)?.[1];
  const mac = index !== undefined ? guest.domain?.macs[Number(index)]?.value : undefined;
  return index !== undefined && mac ? { index, mac } : undefined;
}

/** A Xen MAC that no vif of the guest carries: usually the vif line changed and the iftab did not follow. */
function notOnGuest(value: Token, normalized: string, entry: IftabEntry, guest: GuestTree): Finding {
  const vif = vifMacFor(entry, guest);
  return finding(
    value.range,
    Severity.Warning,
    'iftab/mac-not-on-guest',
    `no vif of '${guest.name}' has ${normalized}, so this line never applies${vif ? `; vif ${vif.index} has ${vif.mac}` : ''}`,
    vif ? replaceWith(value.range, vif.mac, `Use vif ${vif.index}'s MAC ${vif.mac}`) : undefined,
  );
}

/** In a guest, the vif MACs come from the domain config: 00:16:3e unless someone picked another. */
function outsideXenRange(value: Token, normalized: string, entry: IftabEntry, guest: GuestTree): Finding {
  const vif = vifMacFor(entry, guest);
  return finding(
    value.range,
    Severity.Hint,
    'iftab/mac-outside-xen-range',
    `${normalized} is outside the Xen range 00:16:3e, but this iftab belongs to guest '${guest.name}', whose vifs normally carry 00:16:3e addresses${vif ? `; vif ${vif.index} of its config has ${vif.mac}` : ''}`,
    vif ? replaceWith(value.range, vif.mac, `Use vif ${vif.index}'s MAC ${vif.mac}`) : undefined,
  );
}

function checkDuplicates(doc: IftabDocument, macs: ReturnType<typeof exactMacs>, ctx: ServiceContext): Finding[] {
  const findings: Finding[] = [];
  const byName = new Map<string, IftabEntry>();
  for (const entry of doc.entries) {
    // `eth*` twice is normal: each line takes the next free number.
    if (entry.name.text.includes('*')) continue;
    const first = byName.get(entry.name.text);
    if (!first) {
      byName.set(entry.name.text, entry);
      continue;
    }
    findings.push({
      diagnostic: {
        ...diagnostic(entry.name.range, Severity.Information, 'iftab/duplicate-name', `'${entry.name.text}' is already defined on line ${first.line + 1}; fine if this file serves several machines, otherwise only one of the cards can get the name`, SOURCE),
        relatedInformation: [DiagnosticRelatedInformation.create(Location.create(ctx.uri, first.name.range), `first definition of '${entry.name.text}'`)],
      },
    });
  }
  const byMac = new Map<string, { entry: IftabEntry; range: Range }>();
  for (const { value, range, entry } of macs) {
    const first = byMac.get(value);
    if (!first) {
      byMac.set(value, { entry, range });
      continue;
    }
    if (first.entry.name.text === entry.name.text) continue;
    findings.push({
      diagnostic: {
        ...diagnostic(range, Severity.Warning, 'iftab/duplicate-mac', `${value} is already claimed by '${first.entry.name.text}' on line ${first.entry.line + 1}; ifrename uses the last matching line, so the card becomes '${entry.name.text}' and line ${first.entry.line + 1} never applies`, SOURCE),
        relatedInformation: [DiagnosticRelatedInformation.create(Location.create(ctx.uri, first.range), `${value} claimed by '${first.entry.name.text}'`)],
      },
    });
  }
  return findings;
}
