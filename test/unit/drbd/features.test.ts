import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { readFixture } from '../../helpers/fixtures';
import { definition } from '../../../server/src/languages/drbd/definition';
import { drbdService } from '../../../server/src/languages/drbd/index';
import { ctxFor, HOSTS } from './helpers';

function at(text: string, marker: string, delta = 0) {
  const offset = text.indexOf(marker) + delta;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const labels = (text: string, marker: string, delta = 0, workspace?: Parameters<typeof ctxFor>[1]) => {
  const ctx = ctxFor('auto', workspace);
  return drbdService.complete(drbdService.parse(text, ctx), at(text, marker, delta), ctx).map((i) => i.label);
};

describe('drbd completion', () => {
  it('offers the options and sections valid in the section at the cursor', () => {
    const text = `resource r0 {\n  net {\n    \n  }\n${HOSTS}\n}\n`;
    const items = labels(text, '    \n');
    assert.ok(items.includes('allow-two-primaries') && items.includes('protocol') && items.includes('after-sb-0pri'));
    assert.ok(!items.includes('fencing') && !items.includes('resync-rate'));
    const inResource = labels(text, '  net');
    assert.ok(inResource.includes('on') && inResource.includes('volume') && inResource.includes('device'));
    assert.ok(!inResource.includes('connection'), 'connection is DRBD 9 only');
  });

  it('offers enum and boolean values for the option being written', () => {
    const text = `resource r0 {\n  net { after-sb-2pri  }\n  disk { disk-flushes  }\n${HOSTS}\n}\n`;
    assert.deepEqual(labels(text, 'after-sb-2pri ', 'after-sb-2pri '.length), ['disconnect', 'violently-as0p', 'call-pri-lost-after-sb']);
    assert.deepEqual(labels(text, 'disk-flushes ', 'disk-flushes '.length), ['yes', 'no']);
  });

  it('offers host names from other on sections and from a workspace cluster.conf', () => {
    const workspace = { otherFiles: () => [{ uri: 'file:///etc/cluster/cluster.conf', facts: { cluster: { nodes: [{ value: 'an-node03.alteeve.com', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }], fenceDevices: [], fenceDeviceRefs: [], services: [], vms: [] } } }] };
    const text = `resource r0 {\n${HOSTS}\n  on \n}\nresource r1 {\n  startup { become-primary-on  }\n}\n`;
    assert.deepEqual(labels(text, '  on \n', 5, workspace), ['a', 'b', 'an-node03.alteeve.com']);
    const text2 = `resource r0 {\n${HOSTS}\n  startup { become-primary-on  }\n}\n`;
    assert.deepEqual(labels(text2, 'become-primary-on ', 'become-primary-on '.length), ['both', 'a', 'b']);
  });
});

describe('drbd hover', () => {
  const hover = (text: string, marker: string, dialect: Parameters<typeof ctxFor>[0] = 'auto') => {
    const ctx = ctxFor(dialect);
    const result = drbdService.hover(drbdService.parse(text, ctx), at(text, marker, 1), ctx);
    return result ? (result.contents as MarkupContent).value : null;
  };

  it('explains an option with its unit, range and default for the dialect', () => {
    const text = `resource r0 {\n  disk { resync-rate 40M; }\n${HOSTS}\n}\n`;
    const value = hover(text, 'resync-rate')!;
    assert.match(value, /^\*\*resync-rate\*\* — `disk` option, DRBD 8\.4 \(detected from 'resync-rate' on line 2\)/);
    assert.match(value, /range: 1\.\.4194304 KiB · suffixes k, M, G, s accepted · default: `250` KiB/);
    assert.match(hover(text, 'resync-rate', '9')!, /range: 1\.\.8388608 KiB/);
  });

  it('explains sections and says how the dialect was found', () => {
    const text = `resource r0 {\n  syncer { rate 10M; }\n${HOSTS}\n}\n`;
    assert.match(hover(text, 'syncer')!, /^\*\*syncer\*\* section\n\nDRBD 8\.3 resynchronisation settings/);
    assert.match(hover(text, 'rate')!, /DRBD 8\.3 \(detected from 'syncer' on line 2\)/);
    assert.equal(hover(text, '10M'), null);
  });
});

describe('drbd symbols, folding, facts and definition', () => {
  const text = readFixture('drbd', 'clean-84.res');
  const ctx = ctxFor();
  const doc = drbdService.parse(text, ctx);

  it('outlines resources with their volumes and hosts', () => {
    const [resource] = drbdService.symbols(doc, ctx);
    assert.equal(resource.name, 'data');
    assert.deepEqual(resource.children!.map((c) => c.name), ['volume 0', 'volume 1', 'on alpha.example.com', 'on bravo.example.com']);
    assert.deepEqual(resource.selectionRange, { start: { line: 1, character: 9 }, end: { line: 1, character: 13 } });
  });

  it('folds every multi-line section', () => {
    assert.deepEqual(drbdService.folding(doc, ctx).slice(0, 3), [{ startLine: 1, endLine: 33 }, { startLine: 2, endLine: 7 }, { startLine: 8, endLine: 13 }]);
  });

  it('records resources with hosts, addresses, minors, devices and disks', () => {
    const facts = drbdService.facts(doc, ctx).drbdResources!;
    assert.equal(facts.length, 1);
    assert.deepEqual(facts[0].hosts.map((h) => h.value), ['alpha.example.com', 'bravo.example.com']);
    assert.deepEqual(facts[0].addresses.map((a) => `${a.host} ${a.value}`), ['alpha.example.com 10.1.1.31:7790', 'bravo.example.com 10.1.1.32:7790']);
    assert.equal(facts[0].dualPrimary, false);
    const seed = drbdService.facts(drbdService.parse(readFixture('drbd', 'seed-003-r0.res'), ctx), ctx).drbdResources![0];
    assert.equal(seed.dualPrimary, true);
    assert.deepEqual(seed.minors.map((m) => `${m.host} ${m.value}`), ['an-node01.alteeve.com 0', 'an-node02.alteeve.com 0']);
    assert.deepEqual(seed.devices.map((d) => d.value), ['/dev/drbd0', '/dev/drbd0']);
    assert.deepEqual(seed.disks.map((d) => d.value), ['/dev/md3', '/dev/md3']);
  });

  it('goes from an include to the files it names and from a resource reference to the resource', () => {
    const files = { listFiles: (dir: string) => (dir === '/etc/drbd.d' ? ['r0.res', 'r1.res', 'notes.txt'] : []), exists: () => false };
    const conf = 'include "drbd.d/*.res";\n';
    const confCtx = ctxFor('auto', undefined, '/etc/drbd.conf', files);
    assert.deepEqual(
      definition(drbdService.parse(conf, confCtx), { line: 0, character: 12 }, confCtx).map((l) => l.uri),
      ['file:///etc/drbd.d/r0.res', 'file:///etc/drbd.d/r1.res'],
    );
    const stacked = `resource lower {\n${HOSTS}\n}\nresource upper {\n  disk { resync-after lower; }\n}\n`;
    const locations = definition(drbdService.parse(stacked, ctx), at(stacked, 'lower;', 1), { ...ctx, files });
    assert.deepEqual(locations, [{ uri: ctx.uri, range: { start: { line: 0, character: 9 }, end: { line: 0, character: 14 } } }]);
  });
});
