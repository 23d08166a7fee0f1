/**
 * The `key=value` device specs other than disk, vif and pci (vfb, vkb, vtpm,
 * usbctrl, usbdev, channel, p9, pvcalls, vdispl, virtio, vsnd) and the `rdm`
 * string, checked the way the target's xl reads them (schema/specParsers.ts):
 * what xl refuses is an error, what it ignores a warning.
 */
import type { DiagnosticSeverity } from 'vscode-languageserver-types';
import { didYouMean, suggestionSuffix } from '../../common/didYouMean';
import { Severity } from '../../common/diagnostics';
import type { Reporter } from '../../common/report';
import { compareVersions } from '../../common/version';
import { lastSetting, Span, StringValue, stringItems, Value, XlDocument } from './ast';
import { cValue, strtoul, ULONG_MAX } from './cNumbers';
import { Code, XlCode } from './codes';
import { XlPart, xlParts } from './devices/keyValueSpec';
import { changeTo, reportOn } from './fixes';
import type { DeviceSpec } from './schema';
import { Outcome, SpecKeyRule, SpecParser, specParser, SpecValueRule, SPEC_SINCE } from './schema/specParsers';

/** The codes one spec's findings are reported with (vif has its own). */
export interface SpecCodes {
  unknownKey: XlCode;
  value: XlCode;
}
export const OTHER_SPEC_CODES: SpecCodes = { unknownKey: Code.specUnknownKey, value: Code.specValue };

/** Where the checks run: the target release of xl (undefined with the xm toolstack: xl's refusals are then only warnings). */
export interface SpecTarget {
  version: string | undefined;
  report: Reporter;
}

const severityOf = (outcome: Outcome, target: SpecTarget): DiagnosticSeverity => (outcome === 'refused' && target.version ? Severity.Error : Severity.Warning);
const consequence = (outcome: Outcome) => (outcome === 'refused' ? 'xl refuses the domain' : 'xl ignores it');
const known = (rule: SpecKeyRule | undefined, version: string | undefined) => rule !== undefined && (!rule.since || !version || compareVersions(version, rule.since) >= 0);

/** Checks every item of the generic `key=value` device lists. */
export function validateSpecs(doc: XlDocument, target: SpecTarget, specs: ReadonlyMap<string, DeviceSpec>): void {
  for (const key of specs.keys()) {
    const parser = specParser(key, target.version);
    if (!parser) continue;
    const since = SPEC_SINCE[key];
    // An xl older than the key does not read the list at all (xl/key-too-new says so).
    if (since && target.version && compareVersions(target.version, since) < 0) continue;
    const carried = new Map<string, string>();
    for (const item of stringItems(lastSetting(doc, key)?.value)) {
      const read = checkSpecItem(doc, item, parser, target, OTHER_SPEC_CODES, specs.get(key));
      // Before Xen 4.18, xl kept p9's path, tag and security_model from one item to the next.
      if (key === 'p9' && parser.split === 'strtok') for (const [k, v] of carried) if (!read.has(k)) read.set(k, v);
      if (key === 'p9' && parser.split === 'strtok') for (const [k, v] of read) carried.set(k, v);
      checkRequired(key, item, read, target);
    }
  }
  validateVsnd(doc, target);
  validateRdm(doc, target);
}

/**
 * Checks one spec string part by part as xl reads it; returns the keys xl
 * read with their values (the last one of a repeated key).
 */
export function checkSpecItem(doc: XlDocument, item: StringValue, parser: SpecParser, target: SpecTarget, codes: SpecCodes, spec?: DeviceSpec): Map<string, string> {
  const { report, version } = target;
  const read = new Map<string, string>();
  const parts = xlParts(doc.text, item, parser.split);
  const names = Object.keys(parser.keys).filter((k) => known(parser.keys[k], version));
  for (let index = 0; index < parts.length; index++) {
    const part = parts[index];
    const xlSays = (shown: string) => (parser.unknownMessage ? ` ("${parser.unknownMessage.replace('%s', shown)}")` : '');
    if (!part.value) {
      const rule = parser.keys[part.key.name];
      if (rule?.value.kind === 'flag' && known(rule, version)) {
        read.set(part.key.name, '');
        continue;
      }
      const outcome: Outcome = parser.split === 'pairs' ? 'refused' : parser.bare;
      if (outcome === 'stops') {
        const rest = index + 1 < parts.length ? ' and everything after it' : '';
        reportOn(report, part.key, Severity.Warning, codes.unknownKey, `\`${part.key.name}\` has no \`=\`: xl stops reading this ${parser.key} spec here, so it ignores this${rest}`);
        break;
      }
      const said = parser.split === 'pairs' ? ` ("failed to parse ${parser.key === 'p9' ? '9pfs' : parser.key} configuration")` : xlSays(part.key.name);
      const suggestions = didYouMean(part.key.name, names);
      reportOn(report, part.key, severityOf(outcome, target), codes.unknownKey, `\`${part.key.name}\` is not a ${parser.key} setting (write \`key=value\`): ${consequence(outcome)}${outcome === 'refused' ? said : ''}${suggestionSuffix(suggestions)}`, changeTo(suggestions));
      continue;
    }
    const name = part.key.name;
    const rule = parser.keys[name];
    // A key only a later release reads (p9's `type=` before 4.19) is named as such.
    const later = rule ?? specParser(parser.key, undefined)?.keys[name];
    const legacy = spec?.subKeys.get(name)?.deprecation;
    if (!rule && legacy && parser.unknown === 'ignored') {
      const instead = legacy.replacement ? `; use \`${legacy.replacement}\`` : '';
      reportOn(report, part.key, Severity.Warning, codes.value, `xl ignores \`${name}\` in a ${parser.key} spec${instead}`);
      continue;
    }
    if (!known(rule, version)) {
      const outcome = parser.unknown;
      const said = outcome === 'refused' ? xlSays(parser.messageShows === 'part' ? doc.text.slice(part.span.start, part.span.end) : name) : '';
      const blank = name.trim() !== name && names.includes(name.trim());
      const suggestions = blank ? [name.trim()] : didYouMean(name, names);
      const what = later?.since
        ? `${parser.key} setting \`${name}\` needs Xen ${later.since} or later; the target is Xen ${version} (setting xenConfig.xen.version), whose xl ${outcome === 'refused' ? 'refuses the domain' : 'ignores it'}`
        : blank
          ? `\`${name}\` is not \`${name.trim()}\`: xl reads the blank before \`=\` as part of the name, so ${consequence(outcome)}`
          : `unknown ${parser.key} setting \`${name}\`: ${consequence(outcome)}`;
      const code = later?.since && outcome === 'ignored' ? Code.keyTooNew : codes.unknownKey;
      reportOn(report, part.key.start === part.key.end ? part.span : part.key, severityOf(outcome, target), code, `${what}${said}${suggestionSuffix(suggestions)}`, changeTo(suggestions));
      continue;
    }
    if (parser.split === 'pairs' && part.rawValue === '') {
      reportOn(report, part.span, severityOf('refused', target), codes.value, `\`${name}=\` has no value: xl refuses the domain ("failed to parse ${parser.key === 'p9' ? '9pfs' : parser.key} configuration")`);
      continue;
    }
    // virtio's `type=virtio,…` goes on past the next comma.
    if (parser.key === 'virtio' && name === 'type' && part.value.text.startsWith('virtio')) {
      if (index + 1 >= parts.length) reportOn(report, part.value, severityOf('refused', target), codes.value, 'xl reads the part after `type=virtio…` as the rest of the type (`type=virtio,device22`); here there is none, and xl crashes');
      index++;
    }
    read.set(name, part.value.text);
    checkValue(part, rule!.value, parser.key, target, codes);
  }
  return read;
}

export function checkValue(part: XlPart, rule: SpecValueRule, device: string, target: SpecTarget, codes: SpecCodes): void {
  const value = part.value!;
  const text = value.text;
  const name = part.key.name;
  const blank = /\s$/.test(text) && text.trim() !== '' ? ' (xl keeps the blank after it)' : '';
  const report = (outcome: Outcome, message: string, fixes?: ReturnType<typeof changeTo>) => reportOn(target.report, value.start === value.end ? part.span : value, severityOf(outcome, target), codes.value, message, fixes);
  switch (rule.kind) {
    case 'enum': {
      const matches = rule.caseInsensitive ? rule.values.some((v) => v.toLowerCase() === text.toLowerCase()) : rule.values.includes(text);
      if (matches) return;
      const suggestions = didYouMean(text.trim(), [...rule.values]);
      report(rule.bad, `\`${text}\`${blank} is not a valid ${device} \`${name}\`: ${consequence(rule.bad)}; use one of ${rule.values.join(', ')}`, changeTo(suggestions.length ? suggestions : text.trim() !== text && rule.values.includes(text.trim()) ? [text.trim()] : []));
      return;
    }
    case 'ulong': {
      const n = strtoul(text, 10);
      if (n.end > 0 && n.value !== ULONG_MAX) return;
      report('refused', `\`${name}\` needs a number, not \`${text}\`: xl refuses the domain ("failed to convert "${text}" to number")`);
      return;
    }
    case 'uuid':
      if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) return;
      report('refused', `\`${text}\`${blank} is not a UUID (8-4-4-4-12 hex digits, e.g. 0f6c5b3e-5c2d-4e8a-9b1f-2a3c4d5e6f70): xl refuses the domain ("Failed to parse ${device} UUID")`);
      return;
    case 'connectors': {
      const bad = text.split(';').filter((c) => c !== '').find((c) => !/^[^:]*:\s*[+-]?\d+x\s*[+-]?\d+/.test(c));
      if (text.split(';').every((c) => c === '')) report('refused', 'no connector: write `connectors=ID:WIDTHxHEIGHT[;…]`, e.g. `connectors=c0:1920x1080`; xl crashes on an empty list');
      else if (bad !== undefined) {
        const why = bad.includes(':') ? 'xl refuses the domain ("Can\'t parse connector resolution")' : 'without `:` xl crashes';
        report('refused', `connector \`${bad}\` is not \`ID:WIDTHxHEIGHT\` (e.g. \`c0:1920x1080\`): ${why}`);
      }
      return;
    }
    case 'rate':
      if (/^[0-9]+[GMK]?[Bb]\/s(@[0-9]+[mu]?s?)?$/.test(text)) return;
      report('refused', `invalid rate \`${text}\`: xl refuses it; write RATE/s with an optional @INTERVAL, e.g. \`10Mb/s\` or \`1MB/s@20ms\``);
      return;
    case 'flag':
    case 'any':
      return;
  }
}

/** What a spec must hold once xl (or libxl, when it creates the devices) has read it. */
function checkRequired(key: string, item: StringValue, read: Map<string, string>, target: SpecTarget): void {
  const missing = (message: string) => reportOn(target.report, item, severityOf('refused', target), Code.specMissing, message);
  switch (key) {
    case 'vkb': {
      const type = read.get('backend-type')?.toLowerCase();
      if (type === undefined) missing('this vkb has no `backend-type=`: xl refuses the domain ("backend-type should be set in vkb spec"); add `backend-type=qemu` or `backend-type=linux`');
      const touch = ['multi-touch-width', 'multi-touch-height', 'multi-touch-num-contacts'].some((k) => read.has(k) && cValue(read.get(k)!) !== 0n);
      if (read.has('feature-multi-touch') && cValue(read.get('feature-multi-touch')!) !== 0n && !touch) {
        missing('`feature-multi-touch` without `multi-touch-width`, `multi-touch-height` or `multi-touch-num-contacts`: xl refuses the domain ("… should be set for multi touch in vkb spec")');
      }
      return;
    }
    case 'vtpm':
      if (!read.has('backend')) missing('this vtpm has no `backend=`: xl refuses the domain ("vtpm spec missing required backend field!"); add `backend=` with the vTPM domain');
      return;
    case 'channel': {
      const connection = read.get('connection');
      if (connection === undefined) missing('this channel has no `connection=`: xl refuses the domain ("channel has unknown \'connection\'"); add `connection=pty` or `connection=socket, path=…`');
      else if (connection === 'socket' && !read.has('path')) missing('`connection=socket` needs `path=` (the socket in dom0): xl refuses the domain ("channel connection \'socket\' requires path=..")');
      return;
    }
    case 'p9': {
      const type = (read.get('type') ?? 'qemu').toLowerCase();
      const needed = type === 'xen_9pfsd' ? ['security_model'] : ['path', 'security_model', 'tag'];
      const absent = needed.filter((k) => !read.has(k));
      if (absent.length) missing(`this 9pfs share has no ${absent.map((k) => `\`${k}=\``).join(', ')}: xl refuses the domain ("9pfs spec missing required field!")`);
      const limits = ['max-files', 'max-open-files', 'max-space', 'auto-delete'].filter((k) => read.has(k) && cValue(read.get(k)!) !== 0n);
      if (type === 'qemu' && limits.length) missing(`${limits.map((k) => `\`${k}\``).join(', ')} only work${limits.length === 1 ? 's' : ''} with \`type=xen_9pfsd\`: libxl refuses the domain ("Illegal 9pfs parameter combination")`);
      return;
    }
    case 'vdispl':
      if (!read.has('connectors')) missing('this vdispl has no `connectors=`: xl refuses the domain ("At least one connector should be specified."); add `connectors=ID:WIDTHxHEIGHT`');
      return;
  }
}

/** vsnd (xl.cfg `VSND_SPEC`): a list of cards, each a list of `card,…`, `pcm,…` and `stream,…` strings. */
const VSND_COMMON = ['sample-rates', 'sample-formats', 'channels-min', 'channels-max', 'buffer-size'];
const VSND_ITEMS: Record<string, string[]> = {
  card: [...VSND_COMMON, 'backend', 'short-name', 'long-name'],
  pcm: [...VSND_COMMON, 'name'],
  stream: [...VSND_COMMON, 'unique-id', 'type'],
};
const PCM_FORMATS = ['s8', 'u8', 's16_le', 's16_be', 'u16_le', 'u16_be', 's24_le', 's24_be', 'u24_le', 'u24_be', 's32_le', 's32_be', 'u32_le', 'u32_be', 'f32_le', 'f32_be', 'f64_le', 'f64_be', 'iec958_subframe_le', 'iec958_subframe_be', 'mu_law', 'a_law', 'ima_adpcm', 'mpeg', 'gsm'];

function validateVsnd(doc: XlDocument, target: SpecTarget): void {
  const setting = lastSetting(doc, 'vsnd');
  if (setting?.value?.kind !== 'list') return;
  const fail = (span: Span, message: string) => reportOn(target.report, span, severityOf('refused', target), Code.specValue, message);
  for (const card of setting.value.items) {
    if (card.kind !== 'list') {
      fail(card, 'each vsnd card is a list: write `vsnd = [ [ \'card, …\', \'pcm, …\', \'stream, …\' ] ]`; xl refuses the domain ("Failed to get vsnd card list")');
      continue;
    }
    for (const entry of card.items) {
      // xl stops reading a card at its first entry that is not a string.
      if (entry.kind !== 'string') break;
      checkVsndEntry(doc, entry, target, fail);
    }
  }
}

function checkVsndEntry(doc: XlDocument, entry: StringValue, target: SpecTarget, fail: (span: Span, message: string) => void): void {
  const [head, ...params] = xlParts(doc.text, entry, 'strtok');
  if (!head) return;
  const kind = head.value ? undefined : Object.keys(VSND_ITEMS).find((k) => k === head.key.name.toLowerCase());
  if (!kind) {
    fail(head.key, `a vsnd entry starts with \`card\`, \`pcm\` or \`stream\`, not \`${doc.text.slice(head.span.start, head.span.end)}\`: xl refuses the domain ("Invalid key")`);
    return;
  }
  for (const param of params) {
    const name = param.key.name;
    if (!param.value || !VSND_ITEMS[kind].includes(name)) {
      const suggestions = didYouMean(name, VSND_ITEMS[kind]);
      reportOn(target.report, param.key, severityOf('refused', target), Code.specUnknownKey, `unknown vsnd ${kind} setting \`${name}\`: xl refuses the domain ("Invalid parameter")${suggestionSuffix(suggestions)}`, changeTo(suggestions));
    } else if (name === 'sample-formats') {
      const bad = param.value.text.split(';').filter((f) => f !== '' && !PCM_FORMATS.includes(f.toLowerCase()));
      if (bad.length) fail(param.value, `unknown sample format ${bad.map((f) => `\`${f}\``).join(', ')}: xl refuses the domain ("Invalid pcm format"); use e.g. s16_le, s24_le, s32_le, f32_le`);
    } else if (name === 'type' && !['p', 'c'].includes(param.value.text.toLowerCase())) {
      fail(param.value, `a vsnd stream \`type\` is \`p\` (playback) or \`c\` (capture), not \`${param.value.text}\`: xl refuses the domain ("Invalid stream type")`);
    }
  }
}

/**
 * `rdm` (xlu_rdm_parse). xl never refuses it: when the parser fails, xl
 * silently drops the whole setting, and so no RDM is reserved. The parser
 * fails on every valid `policy=` (it tests the policy lookup's result the
 * wrong way round, in every release up to master).
 */
function validateRdm(doc: XlDocument, target: SpecTarget): void {
  const setting = lastSetting(doc, 'rdm');
  const value: Value | undefined = setting?.value;
  if (value?.kind !== 'string') return;
  const raw = doc.text.slice(value.inner.start, value.inner.end);
  const at = (start: number, end: number): Span => ({ start: value.inner.start + start, end: value.inner.start + Math.max(end, start + 1) });
  const dropped = (span: Span, why: string) => reportOn(target.report, span, Severity.Warning, Code.specValue, `${why}: xl then ignores the whole \`rdm\` setting, so no RDM is reserved`);
  let state: 'type' | 'strategy' | 'policy' | 'done' = 'type';
  let token = 0;
  for (let i = 0; i <= raw.length; i++) {
    const c = i < raw.length ? raw[i] : '';
    if (state === 'type') {
      if (c !== '=') continue;
      const name = raw.slice(token, i);
      if (name === 'strategy' || name === 'policy') state = name;
      else {
        const suggestions = didYouMean(name, ['strategy', 'policy']);
        reportOn(target.report, at(token, i), Severity.Warning, Code.specUnknownKey, `unknown rdm setting \`${name}\` (only \`strategy=\` and \`policy=\`): xl then ignores the whole \`rdm\` setting, so no RDM is reserved${suggestionSuffix(suggestions)}`, changeTo(suggestions));
        return;
      }
      token = i + 1;
    } else if ((state === 'strategy' || state === 'policy') && (c === '' || c === ',')) {
      const word = raw.slice(token, i);
      if (state === 'strategy' && word !== 'host') {
        dropped(at(token, i), `\`${word}\` is not an rdm strategy (only \`host\`)`);
        return;
      }
      if (state === 'policy') {
        if (['strict', 'relaxed', 'invalid'].includes(word.toLowerCase())) {
          dropped(at(token - 'policy='.length, i), 'libxlutil\'s rdm parser fails on every valid `policy=` (an upstream bug); write `rdm = "strategy=host"` and set the policy per device with `rdm_policy=` in `pci`');
          return;
        }
        reportOn(target.report, at(token, i), Severity.Warning, Code.specValue, `\`${word}\` is not an rdm policy: xl says "Unknown RDM policy" and keeps its default; use \`strict\` or \`relaxed\` (per device, with \`rdm_policy=\` in \`pci\`)`);
      }
      state = c === ',' ? 'type' : 'done';
      token = i + 1;
    }
  }
  if (token !== raw.length + 1 || state !== 'done') dropped(at(Math.min(token, raw.length), raw.length), raw.endsWith(',') ? 'a comma ends this rdm setting' : 'this rdm setting is incomplete (write `strategy=host`)');
}
