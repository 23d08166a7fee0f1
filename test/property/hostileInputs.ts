/**
 * Generated hostile inputs, per language: one very long token, deep nesting,
 * many repeats of each of the language's delimiters, mismatched closers, and
 * the shapes that once took quadratic or worse time (issue 14). Each case
 * builds its text from a size `n` (about n repetitions of its unit), so a test
 * can compare the time for n and 2n (growth.test.ts) and the bench can run
 * every case at one size (bench/hostile.ts).
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { LANGUAGE_IDS, serviceFor } from '../../server/src/languages/registry';
import { DEFAULT_SETTINGS, type LanguageId } from '../../server/src/languages/types';
import { uriOfPath } from '../../server/src/common/uri';
import { describeFailure, RunnerFailure, WorkspaceRunner } from '../../server/src/workspace/runner';
import { CODE_CATALOG } from '../../server/src/workspace/codeCatalog';
import { applyRuleControl, readIgnores } from '../../server/src/workspace/ruleControl';
import { SAMPLE_PATHS, testContext } from '../helpers/fixtures';

export interface HostileCase {
  language: LanguageId;
  name: string;
  /** The input built from about `n` repetitions of the case's unit. */
  make(n: number): string;
}

const repeat = (unit: string) => (n: number) => unit.repeat(n);

/** The delimiters of each language: each is repeated on one line, and all take turns one per line. */
const DELIMITERS: Record<LanguageId, string[]> = {
  'xl-config': ['[', ']', ',', '=', '"', "'", '#', '\\', '(', '\u201c', '\r'],
  'xend-sxp': ['(', ')', '"', "'", '#', '\\', '['],
  iftab: ['{', '}', '"', '#', '*', '\r'],
  drbd: ['{', '}', ';', '"', '#', '\\'],
  'cluster-conf': ['<', '>', '</', '/>', '"', '=', '&', '&#', '<!--', '<?', '<![CDATA['],
};

/** An ignore comment in the language's own comments. */
const ignoreComment = (language: LanguageId, body: string) => (language === 'cluster-conf' ? `<!-- ${body} -->` : `# ${body}`);

/** Every property of Object.prototype (`constructor`, `toString`, `__proto__`, …): in a file, each is a word like any other. */
export const PROTOTYPE_NAMES: readonly string[] = Object.getOwnPropertyNames(Object.prototype);

/**
 * One name in every place each language has for a name: keys, options, sections, elements,
 * attributes, selectors, values (of enums, of device specs, of fence agents), ignore comments, and
 * what the migrations look up (xm's restart policies, DRBD 8.3's handlers, rgmanager's resource
 * types). cluster.conf's units go inside one `<cluster>` (its entity references are not here: an
 * unknown one leaves the file unread; prototypeNames.test.ts has them on their own).
 */
const NAME_POSITIONS: Record<LanguageId, { unit: (name: string) => string; around?: [string, string] }> = {
  'xl-config': {
    unit: (n) =>
      [
        `${n} = 1`,
        `${n} += 1`,
        `${n} = [ "${n}=1,${n}", 1 ]`,
        ...['type', 'builder', 'on_crash', 'vga', 'device_model_version', 'tsc_mode', 'cpus', 'restart', 'rdm', 'cpuid', 'extra'].map((key) => `${key} = "${n}"`),
        `rdm = "${n}=1"`,
        `cpuid = "host,${n}=1"`,
        `vif = [ "${n}=1,mac=00:16:3e:00:00:01,type=${n},model=${n},bridge=${n}" ]`,
        `disk = [ "${n}=1", "/dev/a,${n},xvda,w", "format=${n},vdev=xvdb,access=${n},target=/dev/a", "${n}:/dev/a,xvdc,w" ]`,
        `pci = [ "01:00.0,${n}=1", "${n}" ]`,
        ...['vfb', 'vkb', 'vtpm', 'usbctrl', 'usbdev', 'channel', 'vdispl', 'pvcalls', 'virtio', 'p9'].map((key) => `${key} = [ "${n}=1,type=${n},${n}" ]`),
        `vsnd = [ [ "${n}=1", "card, ${n}=1", "pcm, ${n}=1", "stream, ${n}=1, type=${n}" ] ]`,
        `vnuma = [ [ "${n}=1" ] ]`,
        `import ${n}`,
        `x = ${n}.${n}()`,
        `# xcc-ignore ${n} xl/${n}`,
        '',
      ].join('\n'),
  },
  'xend-sxp': {
    unit: (n) =>
      [
        `(${n} 1)`,
        `(${n})`,
        `(${n} (${n} ${n}))`,
        ...['xend-http-server', 'xend-relocation-server', 'network-script', 'vif-script', 'dom0-cpus', 'loglevel', 'xend-address', 'console-limit', 'logfile'].map((option) => `(${option} ${n})`),
        `(network-script 'network-bridge ${n}=x')`,
        `(xend-relocation-hosts-allow '${n}')`,
        `(xen-api-server ((${n} ${n} ${n})))`,
        `# xcc-ignore ${n}`,
        '',
      ].join('\n'),
  },
  iftab: {
    unit: (n) =>
      [
        `${n} mac 00:16:3e:00:00:01`,
        `eth0 ${n} 1`,
        `eth0 ${n}`,
        `eth0 SYSFS{${n}} 1`,
        `eth0 ${['driver', 'arp', 'mac', 'businfo', 'firmware', 'baseaddress', 'irq', 'iwproto', 'pcmciaslot', 'prevname'].map((selector) => `${selector} ${n}`).join(' ')}`,
        `# xcc-ignore ${n}`,
        '',
      ].join('\n'),
  },
  drbd: {
    unit: (n) =>
      [
        `${n} { ${n} { } }`,
        `${n};`,
        `${n} 1;`,
        `${n} r { }`,
        `global { ${n} 1; usage-count ${n}; }`,
        `common { ${n} { } ${n} 1; }`,
        `skip { ${n} { } }`,
        `include "${n}";`,
        `resource ${n} {`,
        `  ${n} 1; ${n} { } device ${n}; device minor ${n};`,
        `  on ${n} { ${n} 1; address ${n} 10.0.0.1:7789; meta-disk ${n}; volume ${n} { } }`,
        '  on b { address 10.0.0.2:7789; }',
        `  net { ${n} 1; ${n} { } protocol ${n}; after-sb-0pri ${n}; cram-hmac-alg ${n}; allow-two-primaries ${n}; }`,
        `  disk { ${n} 1; on-io-error ${n}; fencing ${n}; resync-rate ${n}; resync-rate 10${n}; }`,
        `  handlers { ${n} "/bin/true"; fence-peer ${n}; }`,
        `  startup { ${n} 1; } options { ${n} 1; } syncer { ${n} 1; } proxy { ${n} 1; }`,
        `  connection { ${n} 1; } connection-mesh { hosts ${n} ${n}; } stacked-on-top-of ${n} { }`,
        '}',
        `# xcc-ignore ${n}`,
        '',
      ].join('\n'),
  },
  'cluster-conf': {
    around: ['<cluster name="c" config_version="1">\n', '</cluster>\n'],
    unit: (n) =>
      [
        `<${n}/>`,
        `<${n} ${n}="1"><${n}/></${n}>`,
        `<cman ${n}="1" two_node="${n}" transport="${n}"/>`,
        `<clusternodes><clusternode name="${n}" nodeid="1" ${n}="1"><fence><method name="${n}"><device name="${n}" ${n}="1" port="${n}"/></method></fence></clusternode><${n}/></clusternodes>`,
        `<fencedevices><fencedevice name="${n}" agent="${n}" ${n}="1"/><fencedevice name="f" agent="fence_apc" ipaddr="a" login="b" passwd="c" ${n}="1" action="${n}"/></fencedevices>`,
        `<rm><${n}/><failoverdomains><failoverdomain name="${n}" ${n}="1"><failoverdomainnode name="${n}"/></failoverdomain></failoverdomains>`,
        `<resources><${n} name="x"/><ip address="${n}"/><script name="${n}" file="/etc/init.d/${n}"/></resources>`,
        `<service name="${n}" ${n}="1" recovery="${n}" domain="${n}"><${n}/><fs name="f" device="/dev/a" mountpoint="/m" ${n}="1" fstype="${n}" force_unmount="${n}"/><script ref="${n}"/></service>`,
        `<vm name="${n}" ${n}="1"/></rm>`,
        `<totem ${n}="1"/><quorumd ${n}="1"><heuristic program="a" ${n}="1"/></quorumd><logging><logging_daemon name="${n}"/></logging>`,
        `<!-- xcc-ignore ${n} -->`,
        '',
      ].join('\n'),
  },
};

/** `count` units of the language's name positions, each with the next of PROTOTYPE_NAMES (every one at the default count). */
export function prototypeNamesEverywhere(language: LanguageId, count = PROTOTYPE_NAMES.length): string {
  const { unit, around = ['', ''] } = NAME_POSITIONS[language];
  return around[0] + Array.from({ length: count }, (_, i) => unit(PROTOTYPE_NAMES[i % PROTOTYPE_NAMES.length])).join('') + around[1];
}

/** The shapes each language nests, and the ones that were slow (with the issue's figures for the old code). */
const SPECIFIC: HostileCase[] = [
  // xl-config
  { language: 'xl-config', name: 'list comprehension brackets `x = 1 [for [for …` (was cubic: 10 KB 6.4 s)', make: (n) => `x = 1 ${'[for '.repeat(n)}` },
  { language: 'xl-config', name: 'one long word on a broken line (function-call pattern, was quadratic: 100 KB 6.8 s)', make: (n) => `x = ${'a'.repeat(n * 4)}\n` },
  { language: 'xl-config', name: 'a word, many blanks, then `(`', make: (n) => `x = f${' '.repeat(n * 4)}(\n` },
  { language: 'xl-config', name: 'completion after a long word then a blank (prefix pattern, was 2–3 s on 60 KB)', make: (n) => `x = [ ${'a'.repeat(n * 4)} ` },
  { language: 'xl-config', name: 'lists nested n deep, never closed (stack overflow at 5,000)', make: (n) => `x = ${'['.repeat(n)}` },
  { language: 'xl-config', name: 'lists nested n deep, closed', make: (n) => `x = ${'['.repeat(n)}"a"${']'.repeat(n)}\n` },
  { language: 'xl-config', name: 'unknown keys, one per line (was 88 s for 20 MB)', make: (n) => Array.from({ length: n }, (_, i) => `key${i}x = ${i}\n`).join('') },
  { language: 'xl-config', name: 'the same unknown key on every line', make: repeat('memroy = 512\n') },
  { language: 'xl-config', name: 'a Python docstring on every line', make: repeat('x = """a"""\n') },
  { language: 'xl-config', name: 'many vifs with one MAC', make: (n) => `vif = [ ${"'mac=00:16:3e:00:00:01,bridge=xenbr0', ".repeat(n)}]\n` },
  { language: 'xl-config', name: 'many disks with one vdev', make: (n) => `disk = [ ${"'phy:/dev/vg/a,xvda,w', ".repeat(n)}]\n` },
  { language: 'xl-config', name: 'one long disk spec of commas', make: (n) => `disk = [ 'phy:/dev/a,xvda,w${',access=w'.repeat(n)}' ]\n` },
  { language: 'xl-config', name: 'one long unterminated string', make: (n) => `x = "${'a '.repeat(n * 2)}` },
  // xend-sxp
  { language: 'xend-sxp', name: 'lists nested n deep, never closed', make: repeat('(') },
  { language: 'xend-sxp', name: 'lists nested n deep, closed', make: (n) => `${'('.repeat(n)}a${')'.repeat(n)}\n` },
  { language: 'xend-sxp', name: 'completion after a long atom then a blank (prefix pattern, was 2–3 s on 60 KB)', make: (n) => `(xend-relocation-server ${'a'.repeat(n * 4)} ` },
  { language: 'xend-sxp', name: 'many options on one line', make: (n) => `(xend-port 1)${' (a b)'.repeat(n)}` },
  { language: 'xend-sxp', name: 'unknown options, one per line', make: (n) => Array.from({ length: n }, (_, i) => `(option-${i} ${i})\n`).join('') },
  { language: 'xend-sxp', name: 'the same option on every line', make: repeat('(xend-http-server yes)\n') },
  { language: 'xend-sxp', name: 'lost escapes in one string', make: (n) => `(network-script '${'\\.'.repeat(n)}')\n` },
  { language: 'xend-sxp', name: 'many hosts-allow patterns', make: (n) => `(xend-relocation-server yes)\n(xend-relocation-hosts-allow '${'^a[b '.repeat(n)}')\n` },
  { language: 'xend-sxp', name: 'a list on every line, each unclosed', make: repeat('(a b\n') },
  // iftab
  { language: 'iftab', name: 'many quoted values on one line (in-line searches)', make: (n) => `eth0${' driver "a"'.repeat(n)}\n` },
  { language: 'iftab', name: 'many SYSFS attributes on one line', make: (n) => `eth0${' SYSFS{a} 1'.repeat(n)}\n` },
  { language: 'iftab', name: 'an unclosed quote after many values', make: (n) => `eth0${' arp 1'.repeat(n)} driver "abc\n` },
  { language: 'iftab', name: 'the same MAC on every line', make: (n) => Array.from({ length: n }, (_, i) => `eth${i} mac 00:16:3e:00:00:01\n`).join('') },
  { language: 'iftab', name: 'the same name on every line', make: repeat('lan0 mac 00:16:3e:00:00:01 arp 1\n') },
  { language: 'iftab', name: 'an unknown selector on every line', make: repeat('eth0 nosuch 1\n') },
  { language: 'iftab', name: 'completion at the end of a long line', make: (n) => `eth0${' arp 1'.repeat(n)} ` },
  // drbd
  { language: 'drbd', name: 'sections nested n deep, never closed (stack overflow at 5,000)', make: repeat('a {\n') },
  { language: 'drbd', name: 'resource sections nested n deep, closed', make: (n) => `${'resource r {\n'.repeat(n)}${'}\n'.repeat(n)}` },
  { language: 'drbd', name: 'sections nested n deep on one line, closed', make: (n) => `${'on a { '.repeat(n)}${'} '.repeat(n)}` },
  { language: 'drbd', name: 'one option with many arguments', make: (n) => `resource r { net { protocol${' C'.repeat(n)}; } }\n` },
  { language: 'drbd', name: 'unknown options, one per line', make: (n) => `resource r {\n${Array.from({ length: n }, (_, i) => `  opt${i} 1;\n`).join('')}}\n` },
  { language: 'drbd', name: 'the same resource many times', make: repeat('resource r0 { device /dev/drbd0; disk /dev/sda1; meta-disk internal; on a { address 10.0.0.1:7789; } on b { address 10.0.0.2:7789; } }\n') },
  { language: 'drbd', name: 'missing semicolons on every line', make: (n) => `resource r { net {\n${'protocol C\n'.repeat(n)}} }\n` },
  // cluster-conf
  { language: 'cluster-conf', name: 'elements nested n deep, closed (documentSymbol broke at 10,000)', make: (n) => `<cluster name="c" config_version="1">${'<a>'.repeat(n)}${'</a>'.repeat(n)}</cluster>\n` },
  { language: 'cluster-conf', name: 'elements nested n deep, never closed', make: (n) => `<cluster name="c" config_version="1">\n${'<a>\n'.repeat(n)}` },
  { language: 'cluster-conf', name: 'resources nested n deep inside a service', make: (n) => `<cluster name="c" config_version="1"><rm><service name="s">${'<fs name="f" device="/dev/a" mountpoint="/m">'.repeat(n)}${'</fs>'.repeat(n)}</service></rm></cluster>\n` },
  { language: 'cluster-conf', name: 'mismatched end tags under deep elements (was 20,000: 6.4 s)', make: (n) => `<cluster>${'<a>'.repeat(n)}${'</b>'.repeat(n)}` },
  { language: 'cluster-conf', name: 'a long `</aaaa…` end tag at the end (was 80 KB: 4.6 s)', make: (n) => `<cluster name="c" config_version="1">\n</${'a'.repeat(n * 4)} ` },
  { language: 'cluster-conf', name: 'many attributes on one element', make: (n) => `<cluster name="c" config_version="1"><cman${Array.from({ length: n }, (_, i) => ` a${i}="1"`).join('')}/></cluster>\n` },
  { language: 'cluster-conf', name: 'one attribute repeated many times', make: (n) => `<cluster name="c" config_version="1"><fencedevices><fencedevice name="f" agent="fence_apc"${' ipaddr="1"'.repeat(n)}/></fencedevices></cluster>\n` },
  { language: 'cluster-conf', name: 'unclosed attribute quotes', make: (n) => `<cluster name="c" config_version="1">\n${'<a b="x\n'.repeat(n)}</cluster>\n` },
  { language: 'cluster-conf', name: 'character references in one value', make: (n) => `<cluster name="${'&#x41;&#65;&amp;'.repeat(n)}" config_version="1"/>\n` },
  { language: 'cluster-conf', name: 'bare ampersands in text', make: (n) => `<cluster name="c" config_version="1">${'& '.repeat(n)}</cluster>\n` },
  { language: 'cluster-conf', name: 'many fence devices and device references', make: (n) => clusterWithDevices(n) },
  { language: 'cluster-conf', name: 'many nodes with one name and one id', make: (n) => `<cluster name="c" config_version="1"><clusternodes>${'<clusternode name="n" nodeid="1"/>'.repeat(n)}</clusternodes><rm><failoverdomains><failoverdomain name="d">${'<failoverdomainnode name="x"/>'.repeat(n)}</failoverdomain></failoverdomains>${'<service name="s" domain="nod"/>'.repeat(n)}</rm></cluster>\n` },
  { language: 'cluster-conf', name: 'a comment on every line', make: repeat('<!-- a -->\n') },
];

function clusterWithDevices(n: number): string {
  const nodes = Array.from({ length: n }, (_, i) => `<clusternode name="n${i}" nodeid="${i + 1}"><fence><method name="1"><device name="f${i}" port="1"/></method></fence></clusternode>`).join('');
  const devices = Array.from({ length: n }, (_, i) => `<fencedevice name="f${n - i - 1}" agent="fence_apc" ipaddr="a" login="b" passwd="c"/><fencedevice name="u${i}" agent="fence_apc" ipaddr="a" login="b" passwd="c"/>`).join('');
  return `<cluster name="c" config_version="1"><clusternodes>${nodes}</clusternodes><fencedevices>${devices}</fencedevices></cluster>\n`;
}

/** Every case: the generic ones of each language (long token, its delimiters on one line and one per line), then the specific ones. */
export const HOSTILE_CASES: HostileCase[] = [
  ...LANGUAGE_IDS.flatMap((language): HostileCase[] => [
    { language, name: 'one very long token', make: (n) => 'a'.repeat(n * 4) },
    { language, name: 'one very long line of words', make: repeat('ab ') },
    { language, name: 'many empty lines', make: repeat('\n') },
    ...DELIMITERS[language].map((d): HostileCase => ({ language, name: `${JSON.stringify(d)} repeated on one line`, make: (n) => d.repeat(Math.ceil((n * 2) / d.length)) })),
    // One line each, in turn: a per-line cost that one of them triggers grows with n all the same.
    { language, name: `each of ${DELIMITERS[language].map((d) => JSON.stringify(d)).join(' ')} on a line of its own, in turn`, make: repeat(DELIMITERS[language].map((d) => `${d}\n`).join('')) },
    // Each names a code of its own that no table has: a did-you-mean for every one.
    { language, name: 'an ignore comment on every line, stacked, each naming an unknown code', make: (n) => Array.from({ length: n }, (_, i) => `${ignoreComment(language, `xcc-ignore x/code-${i}`)}\n`).join('') },
    { language, name: 'one ignore comment naming many codes', make: (n) => `${ignoreComment(language, `xcc-ignore-file ${'workspace/unused-ignore,'.repeat(n)}`)}\n` },
    // A table lookup by such a name once found a method of Object.prototype: DRBD's `constructor { x { } }` threw.
    { language, name: 'every Object.prototype name (constructor, __proto__, toString, …) in every name position', make: (n) => prototypeNamesEverywhere(language, n) },
  ]),
  ...SPECIFIC,
];

/** Positions the editing features are asked at: the start, the middle, the end, past the end of the last line, and a line past the end. */
function probes(text: string, end: Position): Position[] {
  const middle = Math.floor(text.length / 2);
  let line = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < middle; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return [{ line: 0, character: 0 }, { line, character: middle - lineStart }, end, { line: end.line, character: end.character + 5 }, { line: end.line + 3, character: 2 }];
}

/**
 * Runs every entry point a user reaches on `text`: parse, validate, symbols,
 * folding, facts, formatting, rule control, the cross-file rules (the runner's diagnose of the file
 * in a workspace of its own, with no size limit), and completion, hover, definition and code actions
 * at the probe positions. Throws when a service throws, the runner's included (which would
 * otherwise answer with a `workspace/check-failed` note). Returns a number that depends on every
 * result, so that nothing can be optimized away.
 */
export function exerciseAll(language: LanguageId, text: string): number {
  const service = serviceFor(language)!;
  const ctx = testContext(SAMPLE_PATHS[language]);
  const doc = service.parse(text, ctx);
  const diagnostics = service.validate(doc, ctx);
  let sum = doc.syntaxErrors.length + diagnostics.length;
  sum += service.symbols(doc, ctx).length + service.folding(doc, ctx).length;
  sum += Object.keys(service.facts(doc, ctx)).length;
  sum += service.format(doc, { tabSize: 4, insertSpaces: true }).length;
  // What the runner does last for every file: the ignore comments and the user's severities.
  sum += applyRuleControl(diagnostics, readIgnores(service.ignoreComments(doc), CODE_CATALOG), { 'workspace/unused-ignore': 'warning' }).length;
  // The whole of what a file shows, cross-file rules included (a file that repeats a name meets itself there).
  const failures: RunnerFailure[] = [];
  const runner = new WorkspaceRunner({ settings: { ...structuredClone(DEFAULT_SETTINGS), diagnostics: { maxFileSize: 0 } }, onFailure: (failure) => failures.push(failure) });
  const uri = uriOfPath(SAMPLE_PATHS[language]);
  runner.setDisk(uri, language, text);
  sum += runner.diagnose(uri)?.length ?? 0;
  if (failures.length > 0) throw new Error(describeFailure(failures[0]));
  const end = doc.lines.positionAt(text.length);
  for (const position of probes(text, end)) {
    sum += service.complete(doc, position, ctx).length;
    sum += service.hover(doc, position, ctx) ? 1 : 0;
    sum += service.definition?.(doc, position, ctx).length ?? 0;
    const range: Range = { start: position, end: position };
    sum += service.codeActions(doc, range, diagnostics.filter((d) => d.range.start.line === position.line), ctx).length;
  }
  return sum;
}
