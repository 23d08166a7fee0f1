/**
 * The dom0 parsers and the model never throw: random text and mutations of the
 * real captures give a value or a message, and the section splitter ignores
 * markers that do not carry the refresh's nonce.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { buildHostModel } from '../../shared/src/dom0/model';
import { parseXlInfo } from '../../shared/src/dom0/parse/xlInfo';
import { parseListRow, parseXlList } from '../../shared/src/dom0/parse/xlList';
import { parseXlListLong, splitJsonArray } from '../../shared/src/dom0/parse/xlListLong';
import { parseXlUptime } from '../../shared/src/dom0/parse/xlUptime';
import { parseXmListLong } from '../../shared/src/dom0/parse/xmListLong';
import { splitSections } from '../../shared/src/dom0/refreshScript';
import { childNodes, rootNodes } from '../../shared/src/dom0/treeNodes';
import { capture, labSections, refreshOutput, testHost, xmCapture } from '../helpers/dom0';

const PARSERS = { parseXlList, parseXlInfo, parseXlListLong, parseXlUptime, parseXmListLong };
const SEEDS = [capture('02-xl-list.stdout'), capture('03-xl-list-l.stdout'), capture('11-xl-info.stdout'), capture('14-xl-uptime.stdout'), xmCapture('xm-list-long.stdout')];

const mutated = fc
  .tuple(fc.constantFrom(...SEEDS), fc.nat(), fc.nat(), fc.string({ maxLength: 8 }))
  .map(([seed, a, b, insert]) => {
    const [from, to] = [a % (seed.length + 1), b % (seed.length + 1)].sort((x, y) => x - y);
    return seed.slice(0, from) + insert + seed.slice(to);
  });

describe('dom0 parsers on any input', () => {
  for (const [name, parse] of Object.entries(PARSERS)) {
    it(`${name} returns a value or a message, never throws`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), mutated), (text) => {
          const result = parse(text);
          assert.ok(result.ok || (typeof result.error === 'string' && result.error.length > 0));
        }),
        { numRuns: 300 },
      );
    });
  }

  it('the model survives any section text', () => {
    fc.assert(
      fc.property(fc.constantFrom('list', 'long', 'info', 'uptime', 'configs'), mutated, (section, text) => {
        const model = buildHostModel(testHost(), refreshOutput('xl', labSections({ [section]: text })));
        assert.ok(model.error === undefined || model.error.message.startsWith('root@an-node01: '));
      }),
      { numRuns: 300 },
    );
  });

  it('splitSections only trusts markers with the nonce', () => {
    const forged = '@@xen-dom0-feed toolstack xl@@\n@@xen-dom0-feed begin list@@\nfake\n@@xen-dom0-feed end list 0@@\n\n@@xen-dom0-feed stderr-end list@@\n';
    assert.equal(splitSections(forged, 'abcd'), undefined);
    assert.deepEqual(splitSections(forged, 'feed')?.sections.get('list'), { stdout: 'fake', stderr: '', exitCode: 0 });
    fc.assert(fc.property(fc.string(), (text) => void splitSections(text, 'abcd')));
  });
});

/**
 * Hostile domain names, generated: blanks, digits that look like columns, a
 * whole fake row, newlines, quotes, NUL, leading dashes, non-ASCII. The short
 * listing is printed the way xl prints it (`%-40s %5d %5lu %5d     %c%c%c%c%c%c  %8.1f`),
 * the long one as xl's JSON; the model must show every domain with its exact
 * name and id, whatever the others are called.
 */
const FRAGMENTS = ['/', '../', ' ', '  ', '\t', '\n', '\r', '0', '1', '42', ' 1 2 3 -b---- 4.0', 'r-----', '-b----', "'", '"', '\\', '$(x)', '-', '--', '\0', 'é', '日本', '(', ')', 'Name ID Mem VCPUs State Time(s)', 'domu', 'my vm', '#'];
const hostileName = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''))
  .filter((name) => name.trim() !== '');
const hostileHost = fc.uniqueArray(hostileName, { minLength: 1, maxLength: 6 }).map((names) => names.map((name, i) => ({ name, id: i + 1 })));

const xlRow = (name: string, id: number) => `${name.padEnd(40)} ${String(id).padStart(5)} ${'128'.padStart(5)} ${'1'.padStart(5)}     -b----  ${'1.0'.padStart(8)}`;
const xlList = (domains: { name: string; id: number }[]) => [capture('02-xl-list.stdout').split('\n')[0], xlRow('Domain-0', 0).replace('-b----', 'r-----'), ...domains.map((d) => xlRow(d.name, d.id))].join('\n') + '\n';
const xlLong = (domains: { name: string; id: number }[]) =>
  JSON.stringify([{ domid: 0, config: { c_info: { name: 'Domain-0' } } }, ...domains.map((d) => ({ domid: d.id, config: { c_info: { name: d.name, type: 'pv' }, b_info: { max_vcpus: 1 } } }))], null, 4);
/** xend's sxp quoting: a string in double quotes with C escapes. */
const sxpQuote = (text: string) => `"${[...text].map((ch) => (ch === '"' || ch === '\\' ? `\\${ch}` : ch === '\n' ? '\\n' : ch.charCodeAt(0) < 0x20 ? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}` : ch)).join('')}"`;

describe('dom0 parsers on generated hostile domain names', () => {
  it('xl: every domain keeps its exact name and id, whatever the others are called', () => {
    fc.assert(
      fc.property(hostileHost, (domains) => {
        const model = buildHostModel(testHost(), refreshOutput('xl', labSections({ list: xlList(domains), long: xlLong(domains), configs: '' })));
        assert.equal(model.error, undefined);
        // The tree VS Code gets has unique ids (else it shows nothing of the host), and no config path outside /etc/xen.
        const nodes = childNodes(rootNodes([testHost()], new Map([[testHost().spec, model]]), new Set(), [])[0]);
        assert.equal(new Set(nodes.map((n) => n.id)).size, nodes.length);
        for (const d of model.domains) assert.ok(d.configPath === undefined || /^\/etc\/xen\/[^/]+\.cfg$/.test(d.configPath), d.configPath);
        for (const domain of domains) {
          const found = model.domains.filter((d) => d.id === domain.id);
          assert.deepEqual(found.map((d) => d.name), [domain.name], `id ${domain.id}`);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('xl: a long listing cut anywhere keeps every domain of the short one, and the names of the entries before the cut', () => {
    fc.assert(
      fc.property(hostileHost, fc.double({ min: 0, max: 1, noNaN: true }), (domains, where) => {
        const long = xlLong(domains);
        const cut = long.slice(0, Math.floor(long.length * where));
        const model = buildHostModel(testHost(), refreshOutput('xl', labSections({ list: xlList(domains), long: cut, configs: '' })));
        assert.equal(model.error, undefined);
        const parsedLong = parseXlListLong(cut);
        const complete = new Set(parsedLong.ok ? parsedLong.value.domains.map((d) => d.id) : []);
        for (const domain of domains) {
          const found = model.domains.find((d) => d.id === domain.id);
          assert.ok(found, `id ${domain.id} is listed`);
          if (complete.has(domain.id)) assert.equal(found.name, domain.name);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('xm: names in xend\'s quoting come back exact, and a cut S-expression costs only its own domain', () => {
    fc.assert(
      fc.property(hostileHost, fc.double({ min: 0, max: 1, noNaN: true }), (domains, where) => {
        const text = domains.map((d) => `(domain\n    (domid ${d.id})\n    (name ${sxpQuote(d.name)})\n    (state -b----)\n)\n`).join('');
        const whole = parseXmListLong(text);
        assert.ok(whole.ok);
        assert.deepEqual(whole.value.domains.map((d) => [d.id, d.name]), domains.map((d) => [d.id, d.name]));
        const cut = parseXmListLong(text.slice(0, Math.floor(text.length * where)));
        if (cut.ok) for (const d of cut.value.domains) assert.equal(d.name, domains.find((g) => g.id === d.id)?.name);
      }),
      { numRuns: 300 },
    );
  });

  it('a row is read from its end: the fixed columns after any name', () => {
    fc.assert(
      fc.property(hostileName.filter((n) => !n.includes('\n') && !n.includes('\r')), fc.nat(99999), (name, id) => {
        const row = parseListRow(xlRow(name, id));
        // xl's padding is trailing blanks, which a name cannot be told from.
        assert.deepEqual([row?.name, row?.id], [name.replace(/[ \t]+$/, ''), id]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('the long listing splitter', () => {
  it('ends on stray brackets and empty elements (a stray "}" once made it loop forever)', () => {
    for (const text of ['[}', '[}]', '[,,]', '[{]', '[{"a": "]"}', '[[[', ']']) {
      const result = parseXlListLong(text);
      assert.ok(result.ok || result.error.length > 0, text);
    }
    assert.deepEqual(splitJsonArray('[{"a": "],"}, 2'), { elements: [{ text: '{"a": "],"}', complete: true }, { text: '2', complete: true }], closed: false });
  });
});
