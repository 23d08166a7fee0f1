import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TestOptions } from '../../helpers/languageTester';
import { drbd, HOSTS } from './helpers';

const labels = (textWithCursor: string, options?: TestOptions) => drbd.complete(textWithCursor, options).map((i) => i.label);

describe('drbd completion', () => {
  it('offers the options and sections valid in the section at the cursor', () => {
    const items = labels(`resource r0 {\n  net {\n|    \n  }\n${HOSTS}\n}\n`);
    assert.ok(items.includes('allow-two-primaries') && items.includes('protocol') && items.includes('after-sb-0pri'));
    assert.ok(!items.includes('fencing') && !items.includes('resync-rate'));
    const inResource = labels(`resource r0 {\n|  net {\n    \n  }\n${HOSTS}\n}\n`);
    assert.ok(inResource.includes('on') && inResource.includes('volume') && inResource.includes('device'));
    assert.ok(!inResource.includes('connection'), 'connection is DRBD 9 only');
  });

  it('offers enum and boolean values for the option being written', () => {
    assert.deepEqual(labels(`resource r0 {\n  net { after-sb-2pri | }\n  disk { disk-flushes  }\n${HOSTS}\n}\n`), ['disconnect', 'violently-as0p', 'call-pri-lost-after-sb']);
    assert.deepEqual(labels(`resource r0 {\n  net { after-sb-2pri  }\n  disk { disk-flushes | }\n${HOSTS}\n}\n`), ['yes', 'no']);
  });

  it('offers host names from other on sections and from a workspace cluster.conf', () => {
    const others = [{ uri: 'file:///etc/cluster/cluster.conf', facts: { cluster: { nodes: [{ value: 'an-node03.alteeve.com', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }], fenceDevices: [], fenceDeviceRefs: [], services: [], vms: [] } } }];
    assert.deepEqual(labels(`resource r0 {\n${HOSTS}\n  on |\n}\nresource r1 {\n  startup { become-primary-on  }\n}\n`, { others }), ['a', 'b', 'an-node03.alteeve.com']);
    assert.deepEqual(labels(`resource r0 {\n${HOSTS}\n  startup { become-primary-on | }\n}\n`), ['both', 'a', 'b']);
  });
});
