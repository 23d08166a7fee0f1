// Generates server/src/languages/xl-config/schema/facts.generated.ts from the upstream facts in
// data/upstream/facts. Only facts are carried over (names, kinds, enums, guest types, versions,
// defaults); the documentation sentences live in schema/docs.ts.
// Usage: npm run gen, or node scripts/gen/xl-config.mjs [--in DIR] [--out DIR] (scripts/gen/options.mjs).
// The output is deterministic: same facts, same file.
import { readFileSync } from 'node:fs';
import { generatorOptions } from './options.mjs';

const { input, write } = generatorOptions();
const read = (name) => JSON.parse(readFileSync(input('facts', name), 'utf8'));
const OUT = 'server/src/languages/xl-config/schema/facts.generated.ts';

const GUEST_TYPES = ['pv', 'pvh', 'hvm'];
const normalizeGuestTypes = (list) => [...new Set((list ?? []).map((t) => t.replace(/\(.*\)$/, '')).filter((t) => GUEST_TYPES.includes(t)))];
const shortVersion = (v) => (v ? v.split('.').slice(0, 2).join('.') : undefined);
/**
 * The id pod2html (Pod::Simple::XHTML's idify) gives a manual's `=item B<key=SYNTAX>`: entities and
 * tags dropped, every run of other characters turned into `-`, trailing punctuation cut. Hovers
 * link a key to its section with it.
 */
const podAnchor = (heading) =>
  heading.replace(/"/g, '').replace(/^[^a-zA-Z]+/, '').replace(/[^-a-zA-Z0-9_:.]+/g, '-').replace(/[-:.]+$/, '');
const clean = (object) => Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));

const cfg = read('xl-cfg-keys.json');
const domainKeys = cfg.keys.map((k) => {
  const parserTypes = normalizeGuestTypes(k.guest_types_parser);
  const docTypes = normalizeGuestTypes(k.guest_types_doc);
  const dep = k.deprecation ?? {};
  // Sub-keys of device specs: the parser's list wins (its enums are the accepted values), the manual adds the rest.
  const subKeys = [];
  for (const sub of [...(k.spec_sub_keys_parser ?? []), ...(k.spec_sub_keys_doc ?? [])]) {
    if (subKeys.some((known) => known.name === sub.name)) continue;
    const values = sub.enum ?? sub.values;
    subKeys.push(clean({ name: sub.name, enum: values?.map((v) => v.toLowerCase()) }));
  }
  return clean({
    name: k.name,
    kinds: k.kind,
    enum: k.enum,
    parserGuestTypes: parserTypes,
    docGuestTypes: docTypes,
    arch: k.arch,
    since: shortVersion(k.since?.parser ?? k.since?.doc),
    units: k.units,
    default: k.default_doc ?? undefined,
    valueSyntax: k.doc_value_syntax?.[0],
    manualAnchor: k.in_doc && k.doc_value_syntax?.[0] ? podAnchor(`${k.name}=${k.doc_value_syntax[0]}`) : undefined,
    documented: k.in_doc,
    deprecated: k.deprecated || dep.deprecated ? true : undefined,
    ignored: dep.ignored,
    replacement: dep.replacement,
    deprecatedSince: dep.since,
    removedValues: dep.removed_values,
    deprecatedForm: dep.deprecated_form,
    subKeys,
  });
});
const historicalKeys = cfg.historical_keys_not_in_head.map((k) =>
  clean({ name: k.name, since: shortVersion(k.parser_first ?? k.doc_first), until: shortVersion(k.parser_last ?? k.doc_last), note: k.note }),
);

const conf = read('xl-conf-keys.json');
const xlConfKeys = conf.keys.map((k) =>
  clean({
    name: k.name,
    kinds: k.kind,
    enum: k.enum,
    since: shortVersion(k.since_parser ?? k.since_doc),
    default: k.default_doc,
    valueSyntax: k.doc_value_syntax,
    manualAnchor: k.in_doc && k.doc_value_syntax ? podAnchor(`${k.name}=${k.doc_value_syntax}`) : undefined,
    documented: k.in_doc,
    deprecated: k.deprecated,
    replacement: k.replacement,
  }),
);

const xm = read('xm-keys.json');
const xmKeys = xm.vars.map((v) =>
  clean({ name: v.name, kind: v.kind.startsWith('list') ? 'list' : v.kind, enum: v.enum, valueSyntax: v.val ?? undefined, hvmImageArg: v.hvm_image_arg }),
);

const disk = read('xl-disk-keys.json');
const diskParams = disk.params.map((p) =>
  clean({
    name: p.name,
    kind: p.kind,
    enum: p.enum ?? p.enum_lexer,
    positionalIndex: p.positional_index,
    // The manual heads the positional parameters with their bare name; the others with varying forms (`devtype=DEVTYPE`, `discard / no-discard`).
    manualAnchor: p.in_doc && p.positional_index !== undefined ? podAnchor(p.name) : undefined,
    default: p.default_doc,
    since: shortVersion(p.since_lexer),
    documented: p.in_doc,
    group: p.group,
    aliasOf: p.alias_of,
  }),
);
const diskPrefixes = {
  format: disk.deprecated_prefixes.format.lexer.map((p) => p.replace(/:$/, '')),
  script: disk.deprecated_prefixes.script.lexer.map((p) => p.replace(/:$/, '')),
  ignored: disk.deprecated_prefixes.ignored.lexer.map((p) => p.replace(/:$/, '')),
};

const vif = read('xl-vif-keys.json');
const vifKeys = vif.keys.map((k) =>
  clean({
    name: k.name,
    kind: k.kind,
    enum: k.enum ?? k.enum_doc,
    openEnum: k.open_enum,
    manualAnchor: vif.doc_headings.includes(k.name) ? podAnchor(k.name) : undefined,
    default: k.default_doc,
    since: shortVersion(k.since_parser),
    documented: k.in_doc,
    group: k.group,
    deprecated: k.deprecated,
    replacement: k.replacement,
    ignored: k.ignored,
  }),
);
const pciKeys = vif.pci_spec.keys.map((k) => clean({ name: k.name, kind: k.kind, enum: k.enum, default: k.default_doc, positionalIndex: k.positional_index }));

const lines = (items) => items.map((item) => `  ${JSON.stringify(item)},`).join('\n');
const text = `// GENERATED by scripts/gen/xl-config.mjs from the upstream facts in
// data/upstream/facts (${cfg.source.repo} @ ${cfg.source.commit.slice(0, 10)}). Do not edit by hand:
// change the generator and run \`npm run gen\`.
/* eslint-disable */
import type { DiskParamFact, DomainKeyFact, HistoricalKeyFact, PciKeyFact, SpecKeyFact, XlConfKeyFact, XmKeyFact } from './factTypes';

export const DOMAIN_KEY_FACTS: DomainKeyFact[] = [
${lines(domainKeys)}
];

export const HISTORICAL_KEY_FACTS: HistoricalKeyFact[] = [
${lines(historicalKeys)}
];

export const XL_CONF_KEY_FACTS: XlConfKeyFact[] = [
${lines(xlConfKeys)}
];

export const XM_KEY_FACTS: XmKeyFact[] = [
${lines(xmKeys)}
];

export const DISK_PARAM_FACTS: DiskParamFact[] = [
${lines(diskParams)}
];

export const DISK_PREFIX_FACTS = ${JSON.stringify(diskPrefixes)};

export const VIF_KEY_FACTS: SpecKeyFact[] = [
${lines(vifKeys)}
];

export const PCI_KEY_FACTS: PciKeyFact[] = [
${lines(pciKeys)}
];
`;
console.log(`wrote ${write(OUT, text)}: ${domainKeys.length} domain keys, ${xlConfKeys.length} xl.conf keys, ${xmKeys.length} xm keys, ${diskParams.length} disk params, ${vifKeys.length} vif keys`);
