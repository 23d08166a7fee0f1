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
import { parseXlList } from '../../shared/src/dom0/parse/xlList';
import { parseXlListLong } from '../../shared/src/dom0/parse/xlListLong';
import { parseXlUptime } from '../../shared/src/dom0/parse/xlUptime';
import { parseXmListLong } from '../../shared/src/dom0/parse/xmListLong';
import { splitSections } from '../../shared/src/dom0/refreshScript';
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
