/** Checks the device spec strings inside `disk`, `vif`, `pci`, `vfb`, … lists. */
import { didYouMean, suggestionSuffix } from '../../common/didYouMean';
import { Severity } from '../../common/diagnostics';
import { parseMac, toXenRange } from '../../common/mac';
import { compareVersions } from '../../common/version';
import { lastSetting, stringItems, XlDocument } from './ast';
import { Code, XlCode } from './codes';
import { diskSpecOf, isWritable } from './devices/diskSpec';
import { SpecPart, splitSpec } from './devices/keyValueSpec';
import type { Reporter } from '../../common/report';
import { addMac, allOf, changeTo, moveIntoXenRange, newMac, reportOn, useAccess } from './fixes';
import { DEVICE_SPECS, DeviceSpec, DISK_SPEC, SubKeySpec, VIF_SPEC } from './schema';

/** A MAC as xl writes it: six 1–2 digit hex octets separated by colons. */
const MAC_SYNTAX = /^[0-9a-f]{1,2}(:[0-9a-f]{1,2}){5}$/i;
/** libxlu_vif.c: RATE/s with an optional @INTERVAL. */
const RATE_SYNTAX = /^[0-9]+[GMK]?[Bb]\/s(@[0-9]+[mu]?s?)?$/;
/** A backend name left behind by `virsh domxml-to-native` for a stopped domain (vif-1.0): it collides. */
const STALE_VIFNAME = /^vif-?\d+\.\d+$/;

/** `version` is the target Xen release of xl (undefined for xm): sub-keys newer than it are flagged. */
export function validateDevices(doc: XlDocument, version: string | undefined, report: Reporter): void {
  validateDisks(doc, version, report);
  validateVifs(doc, version, report);
  validatePci(doc, report);
  for (const [key, spec] of DEVICE_SPECS) {
    if (key === 'disk' || key === 'vif' || key === 'pci') continue;
    const setting = lastSetting(doc, key);
    for (const item of stringItems(setting?.value)) checkSpecKeys(splitSpec(doc.text, item), spec, version, report, OTHER_SPEC_CODES);
  }
}

/** compareVersions per (target, since) pair: a big config asks the same question thousands of times. */
const knownByTarget = new Map<string, boolean>();

function reportTooNew(span: { start: number; end: number }, device: string, sub: SubKeySpec | undefined, version: string | undefined, report: Reporter): void {
  if (!version || !sub?.since) return;
  const pair = `${version}/${sub.since}`;
  let known = knownByTarget.get(pair);
  if (known === undefined) {
    known = compareVersions(version, sub.since) >= 0;
    knownByTarget.set(pair, known);
  }
  if (known) return;
  reportOn(report, span, Severity.Warning, Code.keyTooNew, `${device} parameter \`${sub.name}\` needs Xen ${sub.since} or later; the target is Xen ${version} (setting xenConfig.xen.version), whose xl rejects or ignores it`);
}

function validateDisks(doc: XlDocument, version: string | undefined, report: Reporter): void {
  const vdevs = new Map<string, number>();
  for (const item of stringItems(lastSetting(doc, 'disk')?.value)) {
    const disk = diskSpecOf(doc.text, item);
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
    const parts = splitSpec(doc.text, item);
    checkSpecKeys(parts, VIF_SPEC, version, report, VIF_CODES);
    if (!parts.some((p) => p.key.name === 'mac')) {
      reportOn(report, item, Severity.Hint, Code.vifNoMac, 'this vif has no `mac=`: xl picks a random MAC at every start, so DHCP leases and the guest\'s interface names (udev, iftab) change; set a fixed 00:16:3e MAC', addMac(doc));
    }
    for (const part of parts) {
      const value = part.value;
      if (!value) continue;
      if (part.key.name === 'mac') {
        const normalized = checkMac(doc, value, report);
        if (!normalized) continue;
        const first = macs.get(normalized);
        if (first !== undefined) reportOn(report, value, Severity.Error, Code.vifMacDuplicate, `MAC ${normalized} is already used by the vif at line ${doc.lines.positionAt(first).line + 1}: two interfaces with one MAC break both`, newMac(doc));
        else macs.set(normalized, value.start);
      } else if (part.key.name === 'rate' && !RATE_SYNTAX.test(value.text)) {
        reportOn(report, value, Severity.Error, Code.vifValue, `invalid rate \`${value.text}\`: xl refuses it; write RATE/s with an optional @INTERVAL, e.g. \`10Mb/s\` or \`1MB/s@20ms\``);
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
    reportOn(report, value, Severity.Error, Code.vifMacMalformed, `\`${value.text}\` is not a MAC address: write six hex octets separated by colons, e.g. 00:16:3e:12:34:56`, newMac(doc));
    return undefined;
  }
  if (mac.multicast) {
    reportOn(report, value, Severity.Error, Code.vifMacMulticast, `MAC ${mac.normalized} has the multicast bit set (first octet odd): a NIC cannot use it; use ${toXenRange(mac)} (Xen range)`, allOf(moveIntoXenRange(toXenRange(mac)), newMac(doc)));
  } else if (!mac.xenRange) {
    reportOn(report, value, Severity.Warning, Code.vifMacNotXen, `MAC ${mac.normalized} is outside the Xen range 00:16:3e: it may collide with real hardware on the LAN; use ${toXenRange(mac)}`, allOf(moveIntoXenRange(toXenRange(mac)), newMac(doc)));
  }
  return mac.normalized;
}

/** The codes a spec's key checks report with: vif has its own, the smaller specs share one pair. */
interface SpecCodes {
  unknownKey: XlCode;
  value: XlCode;
}
const VIF_CODES: SpecCodes = { unknownKey: Code.vifUnknownKey, value: Code.vifValue };
const OTHER_SPEC_CODES: SpecCodes = { unknownKey: Code.specUnknownKey, value: Code.specValue };

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

const BDF = /^([0-9a-f]{4}:)?[0-9a-f]{2}:[0-9a-f]{2}\.([0-7]|\*)(@[0-9a-f]+)?$/i;

function validatePci(doc: XlDocument, report: Reporter): void {
  const spec = DEVICE_SPECS.get('pci')!;
  for (const item of stringItems(lastSetting(doc, 'pci')?.value)) {
    const parts = splitSpec(doc.text, item);
    const [first, ...rest] = parts;
    if (first && !first.value && !BDF.test(first.key.name)) {
      reportOn(report, first.key, Severity.Error, Code.pciSpec, `\`${first.key.name}\` is not a PCI address: write [DDDD:]BB:DD.F, e.g. 0000:01:00.0 (optionally @VSLOT)`);
    }
    for (const part of first && !first.value ? rest : parts) {
      if (!spec.subKeys.has(part.key.name) || !part.value) {
        reportOn(report, part.key, Severity.Error, Code.pciSpec, `unknown PCI option \`${part.key.name}\`: xl refuses the device${suggestionSuffix(didYouMean(part.key.name, spec.subKeys.keys()))}`);
      }
    }
  }
}
