/**
 * Formatting never changes what a file means. For every fixture of every
 * language (the corpus copies included), the examples, and generated inputs:
 *  - only white space changes (the text without white space is the same);
 *  - our own parser reads the same meaning from the result (keys and values,
 *    sections and options, elements, attributes and text, iftab mappings),
 *    and the file's own diagnostics keep their codes;
 *  - the real tool's report agrees, where its oracle is installed (it says
 *    when it skips);
 *  - formatting the result again changes nothing, and a range formats to the
 *    full formatting's edits on its lines;
 *  - a file with syntax errors gets no edit at all.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { ClusterDoc, XmlElement } from '../../server/src/languages/cluster-conf/parse';
import type { DrbdDocument, Node as DrbdNode } from '../../server/src/languages/drbd/parse';
import type { IftabDocument } from '../../server/src/languages/iftab/parse';
import { LANGUAGE_IDS, languageForPath, serviceFor } from '../../server/src/languages/registry';
import type { LanguageId, ParsedDocument } from '../../server/src/languages/types';
import type { XendDocument } from '../../server/src/languages/xend-sxp/parse';
import type { Value, XlDocument } from '../../server/src/languages/xl-config/ast';
import type { SexpNode } from '../../shared/src/sexp';
import { fixtureFiles, REPO_ROOT, SAMPLE_PATHS, testContext } from '../helpers/fixtures';
import { oracleFor, oracleReport } from '../helpers/oracles';

const SEED = Number(process.env.PROPERTY_SEED ?? 15);
fc.configureGlobal({ seed: SEED });

const OPTIONS: FormattingOptions[] = [
  { tabSize: 4, insertSpaces: true },
  { tabSize: 2, insertSpaces: true },
  { tabSize: 8, insertSpaces: false },
];

/** What each language's file means to our parser: everything but the white space between tokens. */
const MEANING: Record<LanguageId, (doc: ParsedDocument) => unknown> = {
  'xl-config': (doc) => {
    const xl = doc as XlDocument;
    const value = (v: Value | undefined): unknown => (!v ? null : v.kind === 'list' ? v.items.map(value) : v.kind === 'string' ? { string: v.value } : { number: v.raw });
    return { settings: xl.settings.map((s) => [s.key.name, s.operator, value(s.value)]), comments: xl.comments.map((c) => xl.text.slice(c.start, c.end).trimEnd()) };
  },
  drbd: (doc) => {
    const node = (n: DrbdNode): unknown =>
      n.kind === 'option' ? ['option', n.keyword.value, n.args.map((a) => a.value), !!n.terminator] : ['section', n.name, n.args.map((a) => a.value), n.children.map(node)];
    return (doc as DrbdDocument).root.children.map(node);
  },
  'xend-sxp': (doc) => {
    const node = (n: SexpNode): unknown => (n.kind === 'atom' ? [n.quote ?? '', n.value] : n.items.map(node));
    return (doc as XendDocument).tree.nodes.map(node);
  },
  iftab: (doc) =>
    (doc as IftabDocument).entries.map((e) => [e.name.text, e.incomplete, e.selectors.map((u) => [u.name.text, u.attribute?.text, u.value?.text, u.value?.quoted])]),
  'cluster-conf': (doc) => {
    const cluster = doc as ClusterDoc;
    const element = (e: XmlElement): unknown => ({
      name: e.name,
      attributes: e.attributes.map((a) => [a.name, a.value, a.quoted]),
      texts: e.texts.map((t) => cluster.text.slice(t.start, t.end)),
      children: e.children.map(element),
    });
    return { root: cluster.root && element(cluster.root), elements: cluster.elements.length, comments: cluster.comments.map((c) => cluster.text.slice(c.start, c.end)) };
  },
};

/** The edits applied as an LSP client does (a lone CR ends a line too, as in LSP and VS Code). */
const applyEdits = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 0, text), edits);

const withoutWhiteSpace = (text: string) => text.replace(/\s+/g, '');

function formatted(id: LanguageId, text: string, options: FormattingOptions, range?: Range): { doc: ParsedDocument; edits: TextEdit[]; result: string } {
  const service = serviceFor(id)!;
  const doc = service.parse(text, testContext(SAMPLE_PATHS[id]));
  const edits = service.format(doc, options, range);
  return { doc, edits, result: applyEdits(text, edits) };
}

const codesOf = (id: LanguageId, doc: ParsedDocument) => {
  const ctx = testContext(SAMPLE_PATHS[id]);
  return serviceFor(id)!.validate(doc, ctx).map((d) => String(d.code)).sort();
};

/** Every property but the oracle's, for one input and one set of options; returns the formatted text. */
function checkFormatting(id: LanguageId, text: string, options: FormattingOptions, what: string): string {
  const { doc, edits, result } = formatted(id, text, options);
  const service = serviceFor(id)!;
  if (doc.syntaxErrors.length > 0) {
    assert.deepEqual(edits, [], `${what}: a file with syntax errors got edits`);
    return text;
  }
  for (const edit of edits) {
    const start = doc.lines.offsetAt(edit.range.start);
    const end = doc.lines.offsetAt(edit.range.end);
    assert.notEqual(text.slice(start, end), edit.newText, `${what}: an edit that changes nothing at ${JSON.stringify(edit.range)}`);
  }
  assert.equal(withoutWhiteSpace(result), withoutWhiteSpace(text), `${what}: formatting changed more than white space`);
  const after = service.parse(result, testContext(SAMPLE_PATHS[id]));
  assert.deepEqual(after.syntaxErrors, [], `${what}: the formatted file has syntax errors`);
  assert.deepEqual(MEANING[id](after), MEANING[id](doc), `${what}: the formatted file means something else`);
  assert.deepEqual(codesOf(id, after), codesOf(id, doc), `${what}: the formatted file has other diagnostics`);
  assert.deepEqual(service.format(after, options), [], `${what}: formatting twice changes the file again`);
  return result;
}

/** A range formatting's edits are the document formatting's edits on the lines of the range. */
function checkRange(id: LanguageId, text: string, options: FormattingOptions, firstLine: number, lineCount: number, what: string): void {
  const whole = formatted(id, text, options).edits;
  const range: Range = { start: { line: firstLine, character: 0 }, end: { line: firstLine + lineCount, character: 0 } };
  const lastLine = lineCount > 0 ? firstLine + lineCount - 1 : firstLine;
  const inside = whole.filter((e) => e.range.start.line >= firstLine && e.range.end.line <= lastLine);
  assert.deepEqual(formatted(id, text, options, range).edits, inside, `${what}: range formatting of lines ${firstLine}..${lastLine}`);
}

/** The example workspace's files, by the language the registry gives their paths. */
function exampleFiles(): { id: LanguageId; path: string }[] {
  const found: { id: LanguageId; path: string }[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) visit(path);
      else {
        const id = languageForPath(path);
        if (id) found.push({ id, path });
      }
    }
  };
  visit(join(REPO_ROOT, 'examples'));
  return found;
}

const inputsOf = (id: LanguageId) => [
  ...fixtureFiles(id).filter((path) => !/\.(md|json|tsv)$/.test(path)),
  ...exampleFiles().filter((f) => f.id === id).map((f) => f.path),
];

/** An oracle's report with what differs between any two files taken out: the file's path and line numbers. */
function placeless(report: { json: unknown; path: string }): unknown {
  const strip = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return value
        .split(report.path).join('FILE')
        .split(dirname(report.path)).join('DIR')
        .split('\n').filter((line) => !line.startsWith('#')).join('\n')
        .replace(/\bline \d+/g, 'line N').replace(/:\d+(:\d+)?\b/g, ':N');
    }
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'line' && key !== 'file').map(([key, v]) => [key, strip(v)]));
    }
    return value;
  };
  return strip(report.json);
}

/** Random blanks in place of each run of blanks (and a random indentation), lines kept: the layouts users type. */
const reSpaced = (seed: string) =>
  fc.array(fc.constantFrom(' ', '  ', '\t', '    ', ' \t'), { minLength: 64, maxLength: 64 }).map((blanks) => {
    let n = 0;
    return seed.replace(/(^|[ \t]+)/gm, (run) => (run === '' ? (n++ % 3 === 0 ? blanks[n % 64] : '') : blanks[n++ % 64]));
  });

/** A slice deleted, duplicated or replaced by syntax characters: a file half-typed or pasted badly. */
const mutated = (seed: string) =>
  fc.tuple(fc.nat(seed.length), fc.nat(seed.length), fc.boolean(), fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '(', ')', ';', ',', '"', '#', '\n', ' ', '<', '/', '>'), maxLength: 4 })).map(([a, b, duplicate, insert]) => {
    const [from, to] = a <= b ? [a, b] : [b, a];
    return duplicate ? seed.slice(0, to) + seed.slice(from, to) + seed.slice(to) : seed.slice(0, from) + insert + seed.slice(to);
  });

for (const id of LANGUAGE_IDS) {
  describe(`${id} formatting keeps the meaning`, () => {
    const inputs = inputsOf(id);

    it(`formats each of its ${inputs.length} fixtures and examples to the same meaning, idempotently`, (t) => {
      let changed = 0;
      for (const path of inputs) {
        const text = readFileSync(path, 'utf8');
        for (const options of OPTIONS) if (checkFormatting(id, text, options, `${path} ${JSON.stringify(options)}`) !== text) changed++;
      }
      // Not every fixture is already laid out as the formatter would: the properties above were tested on real changes.
      assert.ok(changed > 0, `no fixture of ${id} changed under formatting`);
      t.diagnostic(`${changed} of ${inputs.length * OPTIONS.length} formattings changed the text`);
    });

    it('formats a range to the edits of the whole file on those lines', () => {
      const texts = inputs.map((path) => readFileSync(path, 'utf8')).filter((text) => text.length > 0);
      fc.assert(
        fc.property(fc.nat(texts.length - 1), fc.nat(60), fc.nat(8), fc.constantFrom(...OPTIONS), (index, firstLine, lineCount, options) => {
          const text = texts[index];
          checkRange(id, text, options, firstLine % (text.split('\n').length + 1), lineCount, `fixture ${index}`);
        }),
        { numRuns: 150 },
      );
    });

    it('keeps the meaning of re-spaced and of broken fixtures', () => {
      const seeds = inputs.map((path) => readFileSync(path, 'utf8'));
      for (const [index, seed] of seeds.entries()) {
        fc.assert(
          fc.property(fc.oneof(reSpaced(seed), mutated(seed)), fc.constantFrom(...OPTIONS), (text, options) => {
            checkFormatting(id, text, options, `fixture ${index} varied`);
          }),
          { numRuns: 12 },
        );
      }
    });

    const oracle = oracleFor(id);
    it('gets the same report from the real tool before and after', { skip: oracle ? false : `no oracle for ${id} (shared/oracles not installed, or none exists)` }, (t) => {
      let compared = 0;
      for (const path of inputs) {
        const text = readFileSync(path, 'utf8');
        const result = checkFormatting(id, text, OPTIONS[0], path);
        if (result === text) continue;
        const name = basename(SAMPLE_PATHS[id]);
        assert.deepEqual(placeless(oracleReport(oracle!, result, name)), placeless(oracleReport(oracle!, text, name)), `${path}: the real tool reads the formatted file otherwise`);
        compared++;
      }
      assert.ok(compared > 0, `no formatted fixture of ${id} went to the oracle`);
      t.diagnostic(`${compared} formatted files read alike by ${basename(oracle!)}`);
    });
  });
}

/** xl settings in the shapes people write, with any spacing, comments and line breaks inside lists. */
const xlFile = (() => {
  const blank = fc.constantFrom('', ' ', '  ', '\t');
  const value = fc.oneof(fc.constantFrom("'phy:/dev/vg/a,xvda,w'", '"bridge=xenbr0"', "'01:00.0'", '512', '0x10', "''"));
  const gap = fc.tuple(blank, fc.constantFrom('', '', '\n', ' # note\n', '\n# own line\n')).map(([b, br]) => b + br);
  const list = fc.tuple(fc.array(fc.tuple(value, gap, gap), { maxLength: 4 }), fc.boolean(), gap, gap).map(([items, trailing, open, close]) => {
    const body = items.map(([v, g1, g2], i) => `${g1}${v}${i < items.length - 1 || trailing ? `,${g2}` : ''}`).join('');
    return `[${open}${body}${items.length === 0 ? '' : close}]`;
  });
  const setting = fc.tuple(blank, fc.constantFrom('disk', 'vif', 'pci', 'cpus', 'memory', 'name', 'vcpus', 'serial'), blank, fc.constantFrom('=', '+='), blank, fc.oneof(value, list, list.map((l) => `[ ${l} ]`)), blank)
    .map(([b1, key, b2, op, b3, v, b4]) => `${b1}${key}${b2}${op}${b3}${v}${b4}`);
  return fc.array(fc.tuple(setting, fc.constantFrom('\n', '\n\n', ' # end\n', ';', '; ')), { maxLength: 8 }).map((lines) => lines.map(([s, end]) => s + end).join('') + '\n');
})();

/** DRBD sections nested a few deep, indented at random, options continued on the next line now and then. */
const drbdFile = (() => {
  const blank = fc.constantFrom('', ' ', '    ', '\t', '  \t');
  const option = fc.tuple(blank, fc.constantFrom('protocol C', 'device /dev/drbd0', 'address\n 10.0.0.1:7789', 'meta-disk internal', 'become-primary-on both', 'after-sb-0pri "discard-zero-changes"'), blank, fc.constantFrom('\n', ' # why\n', '\n\n'))
    .map(([b1, o, b2, end]) => `${b1}${o}${b2};${end}`);
  const section: fc.Memo<string> = fc.memo((n) =>
    fc.tuple(blank, fc.constantFrom('resource r0', 'net', 'disk', 'on alpha', 'volume 0'), fc.array(n > 1 ? fc.oneof(option, section(n - 1)) : option, { maxLength: 4 }), blank, fc.constantFrom('', '  # close\n'))
      .map(([b1, head, body, b2, comment]) => `${b1}${head} {\n${body.join('')}${comment}${b2}}\n`),
  );
  return fc.array(section(3), { maxLength: 3 }).map((parts) => parts.join(''));
})();

/** cluster.conf trees with any white space between markup (none, blanks, line breaks), comments, and attributes over lines. */
const clusterFile = (() => {
  const gap = fc.constantFrom('', ' ', '\n', '\n    ', '\t\t', '\n\n  ');
  const between = fc.constantFrom(' ', '  ', '\n      ', '\t');
  const attributes = fc.array(fc.tuple(between, fc.constantFrom('name="a"', "nodeid='1'", 'agent="fence_apc"', 'passwd="x  y"', 'ipaddr = "10.0.0.1"')), { maxLength: 3 })
    .map((list) => list.map(([b, a]) => b + a).join(''));
  const comment = fc.constantFrom('<!-- note -->', '<!-- two\n  lines -->');
  const element: fc.Memo<string> = fc.memo((n) =>
    fc.tuple(fc.constantFrom('clusternodes', 'clusternode', 'fence', 'method', 'device', 'rm'), attributes, fc.constantFrom('', ' '), fc.array(fc.tuple(gap, n > 1 ? fc.oneof(element(n - 1), comment) : comment), { maxLength: 3 }), gap)
      .map(([name, attrs, beforeClose, children, last]) => (children.length === 0 && attrs.length % 2 === 0 ? `<${name}${attrs}${beforeClose}/>` : `<${name}${attrs}>${children.map(([g, c]) => g + c).join('')}${last}</${name}>`)),
  );
  return fc.tuple(fc.constantFrom('', '<?xml version="1.0"?>', '<?xml version="1.0"?>\n'), gap, fc.array(fc.tuple(gap, element(3)), { maxLength: 4 }), gap)
    .map(([declaration, g1, children, g2]) => `${declaration}${g1}<cluster name="c" config_version="1">${children.map(([g, c]) => g + c).join('')}${g2}</cluster>\n`);
})();

describe('formatting generated files', () => {
  it('cluster.conf: any layout formats to the same elements, attributes and comments, idempotently', () => {
    fc.assert(fc.property(clusterFile, fc.constantFrom(...OPTIONS), (text, options) => void checkFormatting('cluster-conf', text, options, JSON.stringify(text))), { numRuns: 300 });
  });

  it('xl: any spacing and list layout formats to the same settings, idempotently', () => {
    fc.assert(fc.property(xlFile, fc.constantFrom(...OPTIONS), (text, options) => void checkFormatting('xl-config', text, options, JSON.stringify(text))), { numRuns: 400 });
  });

  it('drbd: any indentation formats to the same sections and options, idempotently', () => {
    fc.assert(fc.property(drbdFile, fc.constantFrom(...OPTIONS), (text, options) => void checkFormatting('drbd', text, options, JSON.stringify(text))), { numRuns: 300 });
  });
});
