/** Checks the device spec strings inside `disk`, `vif`, `pci`, `vfb`, … lists. */
import { didYouMean, suggestionSuffix } from '../../common/didYouMean';
import { Severity } from '../../common/diagnostics';
import { parseMac, toXenRange } from '../../common/mac';
import { compareVersions } from '../../common/version';
import type { Reporter } from '../../common/report';
import { lastSetting, Span, stringItems, XlDocument } from './ast';
import { scanHex } from './cNumbers';
import { Code } from './codes';
import { isWritable, parseDiskSpec } from './devices/diskSpec';
import { SpecPart, xlParts } from './devices/keyValueSpec';
import { addMac, allOf, changeTo, moveIntoXenRange, newMac, reportOn, useAccess } from './fixes';
import { DEVICE_SPECS, DeviceSpec, DISK_SPEC, PCI_SPEC, SubKeySpec, VIF_SPEC } from './schema';
import { VIF_VALUE_RULES } from './schema/specParsers';
import { checkValue, SpecCodes, validateSpecs } from './validateSpecs';

/** A MAC as xl writes it: six 1–2 digit hex octets separated by colons. */
const MAC_SYNTAX = /^[0-9a-f]{1,2}(:[0-9a-f]{1,2}){5}$/i;
/** A backend name left behind by `virsh domxml-to-native` for a stopped domain (vif-1.0): it collides. */
const STALE_VIFNAME = /^vif-?\d+\.\d+$/;

/** `version` is the target Xen release of xl (undefined for xm): sub-keys newer than it are flagged. */
export function validateDevices(doc: XlDocument, version: string | undefined, report: Reporter): void {
  validateDisks(doc, version, report);
  validateVifs(doc, version, report);
  validatePci(doc, version, report);
  validateSpecs(doc, { version, report }, DEVICE_SPECS);
}

/**
 * compareVersions per target, then per `since`: a big config asks the same question thousands of
 * times. Two levels, not one key `${version}/${since}`: hashing a string built per question was
 * nearly all of reportTooNew's time (3.5 % of parse+validate on 4,500 disks and 3,000 vifs).
 */
const knownByTarget = new Map<string, Map<string, boolean>>();

function reportTooNew(span: { start: number; end: number }, device: string, sub: SubKeySpec | undefined, version: string | undefined, report: Reporter): void {
  if (!version || !sub?.since) return;
  let knownBySince = knownByTarget.get(version);
  if (!knownBySince) knownByTarget.set(version, (knownBySince = new Map()));
  let known = knownBySince.get(sub.since);
  if (known === undefined) {
    known = compareVersions(version, sub.since) >= 0;
    knownBySince.set(sub.since, known);
  }
  if (known) return;
  reportOn(report, span, Severity.Warning, Code.keyTooNew, `${device} parameter \`${sub.name}\` needs Xen ${sub.since} or later; the target is Xen ${version} (setting xenConfig.xen.version), whose xl rejects or ignores it`);
}

function validateDisks(doc: XlDocument, version: string | undefined, report: Reporter): void {
  const vdevs = new Map<string, number>();
  for (const item of stringItems(lastSetting(doc, 'disk')?.value)) {
    const disk = parseDiskSpec(doc.text, item);
    for (const param of disk.params) if (param.keySpan) reportTooNew(param.keySpan, 'disk', DISK_SPEC.subKeys.get(param.name), version, report);
    for (const error of disk.errors) {
      reportOn(report, error, Severity.Error, error.code, error.message, error.code === Code.diskAccess ? useAccess(['w', 'r']) : undefined);
    }
    if (disk.errors.length === 0 && !disk.cdrom && !disk.target?.value.trim()) {
      reportOn(report, item, Severity.Error, Code.diskNoTarget, `disk ${disk.vdev?.value ?? ''} has no target: only an empty CD-ROM drive may lack one; add the device or image path (target=… last, or first positional value)`);
    }
    if (disk.vdev && disk.vdev.value) {
      const first = vdevs.get(disk.vdev.value);
      if (first !== undefined) {
        reportOn(report, disk.vdev.valueSpan, Severity.Error, Code.diskDuplicateVdev, `vdev \`${disk.vdev.value}\` is already used by the disk at line ${doc.lines.positionAt(first).line + 1}: each disk needs its own device name`);
      } else vdevs.set(disk.vdev.value, disk.vdev.valueSpan.start);
    }
    if (disk.cdrom && disk.access && isWritable(disk)) {
      reportOn(report, disk.access.valueSpan, Severity.Warning, Code.diskCdromWritable, `a CD-ROM is read-only: access \`${disk.access.value}\` asks for write access; use \`r\``, useAccess(['r']));
    }
  }
}

function validateVifs(doc: XlDocument, version: string | undefined, report: Reporter): void {
  const macs = new Map<string, number>();
  for (const item of stringItems(lastSetting(doc, 'vif')?.value)) {
    const parts = xlParts(doc.text, item, 'strtok');
    checkSpecKeys(parts, VIF_SPEC, version, report, VIF_CODES);
    if (!parts.some((p) => p.key.name === 'mac')) {
      reportOn(report, item, Severity.Hint, Code.vifNoMac, 'this vif has no `mac=`: xl picks a random MAC at every start, so DHCP leases and the guest\'s interface names (udev, iftab) change; set a fixed 00:16:3e MAC', addMac(doc));
    }
    for (const part of parts) {
      let value = part.value;
      if (!value) continue;
      const rule = VIF_VALUE_RULES[part.key.name]?.value;
      if (rule && (rule.kind === 'rate' || rule.kind === 'ulong')) checkValue(part, rule, 'vif', { version, report }, VIF_CODES);
      else if (part.key.name === 'mac') {
        // xl reads a MAC octet by octet and stops at a blank; other values keep theirs.
        if (/\s$/.test(value.text)) value = { ...value, text: value.text.trimEnd(), end: value.start + value.text.trimEnd().length };
        const normalized = checkMac(doc, value, report);
        if (!normalized) continue;
        const first = macs.get(normalized);
        if (first !== undefined) reportOn(report, value, Severity.Warning, Code.vifMacDuplicate, `MAC ${normalized} is already used by the vif at line ${doc.lines.positionAt(first).line + 1}: two interfaces with one MAC break both`, newMac(doc));
        else macs.set(normalized, value.start);
      } else if (part.key.name === 'vifname' && STALE_VIFNAME.test(value.text)) {
        reportOn(report, value, Severity.Warning, Code.vifStaleName, `vifname \`${value.text}\` looks copied from a stopped domain's generated name (as virsh domxml-to-native writes it): a fixed name clashes when two guests use it; remove \`vifname=\` and let xl name it vifDOMID.N`);
      }
    }
  }
}

/** Reports what is wrong with a MAC; returns its normalized form when it is usable. */
function checkMac(doc: XlDocument, value: { text: string; start: number; end: number }, report: Reporter): string | undefined {
  const mac = MAC_SYNTAX.test(value.text) ? parseMac(value.text) : undefined;
  if (!mac) {
    reportOn(report, value, Severity.Warning, Code.vifMacMalformed, `\`${value.text}\` is not a MAC address: xl does not refuse it but reads only what it can, so the interface gets another MAC; write six hex octets separated by colons, e.g. 00:16:3e:12:34:56`, newMac(doc));
    return undefined;
  }
  if (mac.multicast) {
    reportOn(report, value, Severity.Warning, Code.vifMacMulticast, `MAC ${mac.normalized} has the multicast bit set (first octet odd): a NIC cannot use it; use ${toXenRange(mac)} (Xen range)`, allOf(moveIntoXenRange(toXenRange(mac)), newMac(doc)));
  } else if (!mac.xenRange) {
    reportOn(report, value, Severity.Warning, Code.vifMacNotXen, `MAC ${mac.normalized} is outside the Xen range 00:16:3e: it may collide with real hardware on the LAN; use ${toXenRange(mac)}`, allOf(moveIntoXenRange(toXenRange(mac)), newMac(doc)));
  }
  return mac.normalized;
}

/** vif's own codes (the other specs share spec-unknown-key and spec-value). */
const VIF_CODES: SpecCodes = { unknownKey: Code.vifUnknownKey, value: Code.vifValue };

function checkSpecKeys(parts: SpecPart[], spec: DeviceSpec, version: string | undefined, report: Reporter, codes: SpecCodes): void {
  for (const part of parts) {
    const sub = spec.subKeys.get(part.key.name);
    if (!sub) {
      const suggestions = didYouMean(part.key.name, spec.subKeys.keys());
      const what = part.value ? `unknown ${spec.key} setting \`${part.key.name}\`` : `\`${part.key.name}\` is not a ${spec.key} setting (write \`key=value\`)`;
      reportOn(report, part.key, Severity.Warning, codes.unknownKey, `${what}: xl ignores it${suggestionSuffix(suggestions)}`, changeTo(suggestions));
      continue;
    }
    reportTooNew(part.key, spec.key, sub, version, report);
    if (sub.deprecation) {
      const instead = sub.deprecation.replacement ? `; use \`${sub.deprecation.replacement}\`` : '';
      const message = sub.deprecation.ignored ? `xl ignores \`${sub.name}\` in a ${spec.key} spec${instead}` : `\`${sub.name}\` is deprecated in a ${spec.key} spec${instead}`;
      reportOn(report, part.key, Severity.Warning, codes.value, message);
      continue;
    }
    if (sub.kind === 'enum' && sub.enum && !sub.openEnum && part.value && !sub.enum.includes(part.value.text.toLowerCase())) {
      const message = `\`${part.value.text}\` is not a valid ${spec.key} \`${sub.name}\`: xl ignores it; use one of ${sub.enum.join(', ')}`;
      reportOn(report, part.value, Severity.Warning, codes.value, message, changeTo(didYouMean(part.value.text, sub.enum)));
    }
  }
}

/**
 * pci (xlu_pci_parse_spec_string, libxlu_pci.c): an optional positional
 * `[DDDD:]BB:DD.F[@VSLOT]`, then `key=value` options cut at commas with the
 * key taken as written (a blank after the comma is part of it). Anything it
 * cannot read makes xl refuse the domain; exactly one of a BDF and `name=`.
 */
function validatePci(doc: XlDocument, version: string | undefined, report: Reporter): void {
  const severity = version ? Severity.Error : Severity.Warning;
  const fail = (span: Span, message: string) => reportOn(report, span, severity, Code.pciSpec, message);
  const names = [...PCI_SPEC.subKeys.keys()];
  for (const item of stringItems(lastSetting(doc, 'pci')?.value)) {
    const raw = doc.text.slice(item.inner.start, item.inner.end);
    const at = (start: number, end: number): Span => ({ start: item.inner.start + start, end: item.inner.start + Math.max(end, start + 1) });
    let i = 0;
    let bdf = false;
    let name = false;
    const positional = parseBdf(raw, 0);
    if (positional.ok) {
      bdf = true;
      i = positional.end;
      if (raw[i] === '@') {
        const slot = parseVslot(raw, i + 1);
        if (!slot.ok) {
          fail(at(i, slot.end), `\`${raw.slice(i, slot.end)}\` is not a virtual slot: write @ and a hex slot from 0 to 1f; xl refuses the domain ("unable to parse PCI_SPEC_STRING")`);
          continue;
        }
        i = slot.end;
      }
      if (raw[i] === ',') i++;
      else if (i < raw.length) {
        fail(at(i, raw.length), `\`${raw.slice(i)}\` after the PCI address: options follow a comma (\`${raw.slice(0, i)},permissive=1\`); xl refuses the domain`);
        continue;
      }
    }
    let failed = false;
    while (i < raw.length && !failed) {
      const equals = raw.indexOf('=', i);
      if (equals < 0) {
        const text = raw.slice(i);
        const why = i === 0 ? `\`${text}\` is not a PCI address: write [DDDD:]BB:DD.F (hex, device ≤ 1f, function ≤ 7), e.g. 0000:01:00.0, optionally @VSLOT` : `\`${text}\` is not \`key=value\``;
        fail(at(i, raw.length), `${why}; xl refuses the domain ("unable to parse PCI_SPEC_STRING")`);
        break;
      }
      const key = raw.slice(i, equals);
      const comma = raw.indexOf(',', equals + 1);
      const valueEnd = comma < 0 ? raw.length : comma;
      const value = raw.slice(equals + 1, valueEnd);
      const keySpan = at(i, equals);
      if (key === 'bdf') {
        const parsed = parseBdf(value, 0);
        if (!parsed.ok) {
          fail(at(equals + 1, valueEnd), `\`${value}\` is not a PCI address: write [DDDD:]BB:DD.F, e.g. 0000:01:00.0; xl refuses the domain`);
          failed = true;
        }
        bdf = true;
      } else if (key === 'vslot') {
        if (!parseVslot(value, 0).ok) {
          fail(at(equals + 1, valueEnd), `\`${value}\` is not a virtual slot (hex, 0 to 1f): xl refuses the domain`);
          failed = true;
        }
      } else if (key === 'rdm_policy') {
        if (!['strict', 'relaxed', 'invalid'].includes(value.toLowerCase())) {
          fail(at(equals + 1, valueEnd), `\`${value}\` is not an RDM policy: use \`strict\` or \`relaxed\`; xl refuses the domain ("Unknown RDM policy")`);
          failed = true;
        }
      } else if (key === 'name') name = true;
      else if (!PCI_SPEC.subKeys.has(key)) {
        const trimmed = key.trim();
        const blank = trimmed !== key && PCI_SPEC.subKeys.has(trimmed);
        const suggestions = blank ? [trimmed] : didYouMean(key, names);
        const what = blank ? `\`${key}\` is not \`${trimmed}\`: xl reads the blank as part of the option name; remove it` : `unknown PCI option \`${key}\``;
        reportOn(report, keySpan, severity, Code.pciSpec, `${what}: xl refuses the device ("Unknown PCI_SPEC_STRING option")${blank ? '' : suggestionSuffix(suggestions)}`, changeTo(suggestions));
        failed = true;
      }
      i = comma < 0 ? raw.length : comma + 1;
    }
    if (failed) continue;
    if (bdf === name) {
      fail(item, bdf ? 'a PCI device is named by its address or by `name=`, not both: xl refuses the domain' : 'this PCI spec has no device: start it with the address ([DDDD:]BB:DD.F) or give `name=`; xl refuses the domain');
    }
  }
}

/** sscanf-style hex field at `i`; undefined when none. */
function hexAt(s: string, i: number): { value: number; end: number } | undefined {
  const read = scanHex(s, i);
  return read && { value: Number(read.value > 0xffffffffn ? 0xffffffffn : read.value), end: read.end };
}

/** parse_bdf: DDDD:BB:DD.F or BB:DD.F (hex), F may be `*`; the colons are counted on the leading [hex:] run. */
function parseBdf(s: string, start: number): { ok: boolean; end: number } {
  let colons = 0;
  for (let j = start; j < s.length && /[0-9a-f:]/i.test(s[j]); j++) if (s[j] === ':') colons++;
  if (colons !== 1 && colons !== 2) return { ok: false, end: start };
  const fields: number[] = [];
  let i = start;
  for (let f = 0; f <= colons; f++) {
    const read = hexAt(s, i);
    if (!read) return { ok: false, end: start };
    fields.push(read.value);
    i = read.end;
    const separator = f < colons ? ':' : '.';
    if (s[i] !== separator) return { ok: false, end: start };
    i++;
  }
  const [domain, bus, dev] = colons === 2 ? fields : [0, ...fields];
  if (domain > 0xffff || bus > 0xff || dev > 0x1f) return { ok: false, end: start };
  if (s[i] === '*') return { ok: true, end: i + 1 };
  const func = hexAt(s, i);
  if (!func || func.value > 7) return { ok: false, end: start };
  return { ok: true, end: func.end };
}

/** parse_vslot: a hex slot up to 0x1f (what follows is not looked at). */
function parseVslot(s: string, start: number): { ok: boolean; end: number } {
  const read = hexAt(s, start);
  return read && read.value <= 0x1f ? { ok: true, end: read.end } : { ok: false, end: Math.max(read?.end ?? start, start + 1) };
}
