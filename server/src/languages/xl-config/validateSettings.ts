/** Checks each setting's key and value against the key tables and the target Xen/toolstack. */
import { didYouMean, suggestionSuffix } from '../../common/didYouMean';
import { Severity } from '../../common/diagnostics';
import { compareVersions } from '../../common/version';
import { lastSetting, scalarText, Setting, Value, XlDocument } from './ast';
import { Code } from './codes';
import { GuestTypeInfo, typeForBuilder } from './guestType';
import type { Reporter } from '../../common/report';
import { changeTo, deleteLine, reportOn, rewriteSetting } from './fixes';
import type { KeySpec } from './schema';

/** What the settings of one file are checked against. */
export interface SettingsRules {
  /** The keys the file may contain. */
  table: ReadonlyMap<string, KeySpec>;
  /** The other toolstack's keys, to say "xm setting that xl ignores" (or the reverse). */
  otherToolstack?: ReadonlyMap<string, KeySpec & { xlReplacement?: string }>;
  toolstack: 'xl' | 'xm';
  /** Target Xen release. */
  version: string;
  /** The domain's guest type (domain configs only). */
  guest?: GuestTypeInfo;
}

export function validateSettings(doc: XlDocument, rules: SettingsRules, report: Reporter): void {
  const { table, toolstack, version, guest } = rules;
  for (const setting of doc.settings) {
    // A key without a value sits on a broken line (the syntax error says what is wrong there).
    if (!setting.value) continue;
    const spec = table.get(setting.key.name);
    if (!spec) {
      reportUnknownKey(setting, table, report, toolstack, rules.otherToolstack?.get(setting.key.name));
      continue;
    }
    if (toolstack === 'xl') {
      checkVersion(doc, setting, spec, version, report);
      checkDeprecation(doc, setting, spec, report);
      if (guest && spec.guestTypes && !spec.guestTypes.includes(guest.type)) {
        const why = guest.decidedBy ? `this is a ${guest.type.toUpperCase()} guest (line ${doc.lines.positionAt(guest.decidedBy.start).line + 1})` : 'without `type` this is a PV guest';
        reportOn(report, setting.key, Severity.Warning, Code.wrongGuestType, `\`${spec.name}\` only has an effect for ${spec.guestTypes.map((t) => t.toUpperCase()).join('/')} guests; ${why}, so xl ignores it`);
      }
      checkValue(setting, spec, rules, report);
    }
  }
  reportOverridden(doc, report);
}

function reportUnknownKey(setting: Setting, table: ReadonlyMap<string, KeySpec>, report: Reporter, toolstack: 'xl' | 'xm', otherToolstackKey?: KeySpec & { xlReplacement?: string }): void {
  const name = setting.key.name;
  if (otherToolstackKey && toolstack === 'xl') {
    const instead = otherToolstackKey.xlReplacement ? `; use ${otherToolstackKey.xlReplacement} instead` : '';
    reportOn(report, setting.key, Severity.Warning, Code.xmOnlyKey, `\`${name}\` is an xm setting that xl ignores${instead}`);
    return;
  }
  if (otherToolstackKey && toolstack === 'xm') {
    reportOn(report, setting.key, Severity.Warning, Code.xmOnlyKey, `\`${name}\` is an xl setting that xm does not know; it has no effect with the xm toolstack`);
    return;
  }
  const suggestions = didYouMean(name, table.keys());
  const consequence = toolstack === 'xl' ? 'xl silently ignores it' : 'xm silently ignores it';
  reportOn(report, setting.key, Severity.Warning, Code.unknownKey, `unknown setting \`${name}\`: ${consequence}${suggestionSuffix(suggestions)}`, changeTo(suggestions));
}

function checkVersion(doc: XlDocument, setting: Setting, spec: KeySpec, version: string, report: Reporter): void {
  if (spec.since && compareVersions(version, spec.since) < 0) {
    reportOn(report, setting.key, Severity.Warning, Code.keyTooNew, `\`${spec.name}\` needs Xen ${spec.since} or later; the target is Xen ${version} (setting xenConfig.xen.version), whose xl ignores it`);
  }
  if (spec.until && compareVersions(version, spec.until) > 0) {
    const instead = spec.deprecation?.replacement ? `; use \`${spec.deprecation.replacement}\`` : '';
    reportOn(report, setting.key, Severity.Warning, Code.removedKey, `\`${spec.name}\` was removed after Xen ${spec.until}; the target is Xen ${version}${instead}`, spec.deprecation?.replacement ? rewriteSetting(doc, setting, spec.deprecation.replacement) : undefined);
  }
}

function checkDeprecation(doc: XlDocument, setting: Setting, spec: KeySpec, report: Reporter): void {
  const deprecation = spec.deprecation;
  if (!deprecation || spec.until) return;
  if (spec.name === 'builder') {
    const type = typeForBuilder(scalarText(setting.value));
    const rewrite = `type = "${type}"`;
    reportOn(report, setting.key, Severity.Warning, Code.deprecatedKey, `\`builder\` is deprecated since Xen 4.10: write \`${rewrite}\``, rewriteSetting(doc, setting, rewrite));
    return;
  }
  if (spec.name === 'stdvga') {
    const rewrite = scalarText(setting.value) === '0' ? 'vga = "cirrus"' : 'vga = "stdvga"';
    reportOn(report, setting.key, Severity.Warning, Code.deprecatedKey, `\`stdvga\` is deprecated: write \`${rewrite}\``, rewriteSetting(doc, setting, rewrite));
    return;
  }
  if (deprecation.ignored) {
    const instead = deprecation.replacement ? ` (${deprecation.replacement} if you really need it)` : '';
    reportOn(report, setting.key, Severity.Warning, Code.deprecatedKey, `xl ignores \`${spec.name}\`: delete this line${instead}`, deleteLine(doc));
    return;
  }
  const instead = deprecation.replacement ? `: use \`${deprecation.replacement}\`` : '';
  const fix = deprecation.replacement && /^[a-z_]+$/.test(deprecation.replacement) ? changeTo([deprecation.replacement]) : undefined;
  reportOn(report, setting.key, Severity.Warning, Code.deprecatedKey, `\`${spec.name}\` is deprecated${instead}`, fix);
}

/** strtol(…, 0) as xl's number accessor uses it: decimal, 0x hex or 0 octal, optional sign. */
export function parseXlNumber(text: string): number | undefined {
  const match = /^\s*([+-]?)(0x[0-9a-f]+|0[0-7]*|[1-9][0-9]*)$/i.exec(text);
  if (!match) return undefined;
  const digits = match[2];
  const value = /^0x/i.test(digits) ? parseInt(digits.slice(2), 16) : digits.length > 1 && digits[0] === '0' ? parseInt(digits, 8) : parseInt(digits, 10);
  return match[1] === '-' ? -value : value;
}

function checkValue(setting: Setting, spec: KeySpec, rules: SettingsRules, report: Reporter): void {
  const value = setting.value;
  if (!value) return;
  const accepts = (kind: KeySpec['kinds'][number]) => spec.kinds.includes(kind);
  const numeric = accepts('number') || accepts('boolean');
  // xl warns about a value of the wrong shape and goes on without it, except for the few keys it reads strictly.
  const strict = spec.strictNumber ? Severity.Error : Severity.Warning;
  if (value.kind === 'list') {
    if (!accepts('list')) reportOn(report, value, strict, Code.valueType, `\`${spec.name}\` takes a single value, not a list: ${spec.strictNumber ? 'xl refuses the domain' : 'xl ignores this setting'}`);
    else if (spec.enum) for (const item of value.items) checkEnum(item, spec, rules, report);
    return;
  }
  if (accepts('list') && !accepts('string') && !numeric) {
    reportOn(report, value, Severity.Warning, Code.valueType, `\`${spec.name}\` takes a list: write [ ${value.kind === 'string' ? JSON.stringify(value.value) : value.raw} ]; xl ignores a single value here`, changeTo([`[ ${value.kind === 'string' ? JSON.stringify(value.value) : value.raw} ]`]));
    return;
  }
  const text = scalarText(value)!;
  const number = parseXlNumber(text);
  if (setting.operator === '+=' && numeric && !accepts('string')) {
    reportOn(report, setting.key, Severity.Warning, Code.appendNumber, `\`+=\` cannot add to a number: xl ignores \`${spec.name}\` here; write \`${spec.name} = …\` with the total`);
    return;
  }
  if (numeric && !accepts('string')) {
    if (number === undefined) {
      const expected = accepts('boolean') && !accepts('number') ? '1 (on) or 0 (off)' : `a whole number${spec.units ? ` (${spec.units})` : ''}`;
      reportOn(report, value, strict, Code.valueType, `\`${spec.name}\` needs ${expected}, not \`${text}\`: ${spec.strictNumber ? 'xl refuses the domain' : 'xl ignores this value'}`);
      return;
    }
    checkRange(value, number, spec, report);
    return;
  }
  if (number !== undefined && numeric) {
    if (spec.removedValues?.length || spec.name === 'tsc_mode' || spec.name === 'timer_mode') {
      reportOn(report, value, Severity.Warning, Code.deprecatedValue, `a number for \`${spec.name}\` is deprecated: use the named value${spec.enum ? ` (${spec.enum.slice(0, 4).map((e) => `"${e}"`).join(', ')})` : ''}`);
    }
    return;
  }
  checkEnum(value, spec, rules, report);
}

function checkEnum(value: Value, spec: KeySpec, rules: SettingsRules, report: Reporter): void {
  if (!spec.enum || value.kind === 'list') return;
  const text = scalarText(value)!;
  if (spec.removedValues?.includes(text)) {
    const instead = spec.enum.filter((e) => e !== text).map((e) => `"${e}"`).join(' or ');
    const since = spec.removedSince?.[text];
    if (since && compareVersions(rules.version, since) < 0) {
      reportOn(report, value, Severity.Warning, Code.deprecatedValue, `Xen ${since} removes \`${text}\` (the target is Xen ${rules.version}, setting xenConfig.xen.version): use ${instead}`);
    } else reportOn(report, value, Severity.Error, Code.enumValue, `\`${text}\` is no longer supported for \`${spec.name}\`${since ? ` (removed in Xen ${since})` : ''}: use ${instead}`);
    return;
  }
  if (spec.name === 'firmware') {
    if (firmwareAccepted(text, rules.guest?.type)) return;
    const type = (rules.guest?.type ?? 'pv').toUpperCase();
    reportOn(report, value, Severity.Error, Code.enumValue, `\`${text}\` is not a ${type} firmware: xl takes only "pvgrub32" or "pvgrub64" for a ${type} guest ("only pvgrub{32|64} supported as firmware options")`, changeTo(['"pvgrub64"', '"pvgrub32"']));
    return;
  }
  if (spec.enum.includes(text) || (value.kind === 'number' && spec.kinds.includes('number'))) return;
  const suggestions = didYouMean(text, spec.enum);
  const choices = spec.enum.length <= 8 ? `: use one of ${spec.enum.map((e) => `"${e}"`).join(', ')}` : '';
  const consequence = spec.enumIgnored ? ' (xl reports it and goes on with its default)' : '';
  reportOn(report, value, spec.enumIgnored ? Severity.Warning : Severity.Error, Code.enumValue, `\`${text}\` is not a valid \`${spec.name}\`${consequence}${choices}${suggestionSuffix(suggestions)}`,
    changeTo((suggestions.length ? suggestions : spec.enum.length <= 8 ? spec.enum : []).map((s) => JSON.stringify(s))),
  );
}

/**
 * firmware (xl_parse.c): for an HVM guest, a name xl does not know is the path
 * of a custom firmware; for PV and PVH only pvgrub32/pvgrub64 (xl compares
 * just the length written, so a prefix such as `pvgrub` passes).
 */
function firmwareAccepted(text: string, type: string | undefined): boolean {
  if (type === 'hvm') return true;
  return 'pvgrub32'.startsWith(text) || 'pvgrub64'.startsWith(text);
}

function checkRange(value: Value, number: number, spec: KeySpec, report: Reporter): void {
  const range = spec.range;
  if (!range) return;
  const severity = range.refused ? Severity.Error : Severity.Warning;
  if (range.min !== undefined && number < range.min) reportOn(report, value, severity, Code.range, `\`${spec.name}\` must be at least ${range.min}, not ${number}`);
  else if (range.max !== undefined && number > range.max) reportOn(report, value, severity, Code.range, `\`${spec.name}\` must be at most ${range.max}, not ${number}`);
}

/** Settings written twice: xl keeps the last one, so the earlier ones do nothing. */
function reportOverridden(doc: XlDocument, report: Reporter): void {
  const last = new Map<string, Setting>();
  for (let i = doc.settings.length - 1; i >= 0; i--) {
    const setting = doc.settings[i];
    const later = last.get(setting.key.name);
    if (later && later.operator === '=') {
      const line = doc.lines.positionAt(later.start).line + 1;
      reportOn(report, setting.key, Severity.Warning, Code.duplicateKey, `\`${setting.key.name}\` is set again at line ${line}; xl uses the last value, so this one has no effect`);
    }
    if (!later || later.operator === '=') last.set(setting.key.name, setting);
  }
}

/** Relations between two settings: memory ≤ maxmem, vcpus ≤ maxvcpus. */
export function validateRelations(doc: XlDocument, report: Reporter): void {
  const number = (name: string) => {
    const setting = lastSetting(doc, name);
    const text = scalarText(setting?.value);
    const value = text === undefined ? undefined : parseXlNumber(text);
    return setting && value !== undefined ? { setting, value } : undefined;
  };
  const memory = number('memory');
  const maxmem = number('maxmem');
  if (memory && maxmem && maxmem.value < memory.value) {
    reportOn(report, maxmem.setting.value!, Severity.Warning, Code.relation, `maxmem (${maxmem.value} MiB) is below memory (${memory.value} MiB): the guest cannot balloon above maxmem; raise maxmem to at least ${memory.value} or lower memory`);
  }
  const vcpus = number('vcpus');
  const maxvcpus = number('maxvcpus');
  if (vcpus && maxvcpus && maxvcpus.value < vcpus.value) {
    reportOn(report, maxvcpus.setting.value!, Severity.Error, Code.relation, `maxvcpus (${maxvcpus.value}) is below vcpus (${vcpus.value}): xl refuses to create the domain; raise maxvcpus to at least ${vcpus.value}`);
  }
}
