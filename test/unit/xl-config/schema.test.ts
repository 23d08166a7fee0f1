/** Completeness against the upstream facts (data/upstream/facts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEVICE_SPECS, DISK_SPEC, DOMAIN_KEYS, PCI_SPEC, VIF_SPEC, XL_CONF_KEYS, XM_KEYS } from '../../../server/src/languages/xl-config/schema';
import { specParserKeys } from '../../../server/src/languages/xl-config/schema/specParsers';
import { upstreamFacts } from '../../helpers/fixtures';

const facts = (name: string) => upstreamFacts(name);
const missing = (names: string[], known: { has(name: string): boolean }) => names.filter((n) => !known.has(n));

describe('xl-config schema covers every upstream key', () => {
  it('all 172 xl.cfg keys, and the historical ones', () => {
    const cfg = facts('xl-cfg-keys.json');
    assert.equal(cfg.keys.length, 172);
    assert.deepEqual(missing(cfg.keys.map((k: { name: string }) => k.name), DOMAIN_KEYS), []);
    assert.deepEqual(missing(cfg.historical_keys_not_in_head.map((k: { name: string }) => k.name), DOMAIN_KEYS), []);
  });

  it('every xm variable', () => {
    const xm = facts('xm-keys.json');
    assert.deepEqual(missing(xm.vars.map((k: { name: string }) => k.name), XM_KEYS), []);
  });

  it('every xl.conf key', () => {
    assert.deepEqual(missing(facts('xl-conf-keys.json').keys.map((k: { name: string }) => k.name), XL_CONF_KEYS), []);
  });

  it('every disk parameter, vif key and PCI option', () => {
    assert.deepEqual(missing(facts('xl-disk-keys.json').params.map((k: { name: string }) => k.name), DISK_SPEC.subKeys), []);
    const vif = facts('xl-vif-keys.json');
    assert.deepEqual(missing(vif.keys.map((k: { name: string }) => k.name), VIF_SPEC.subKeys), []);
    assert.deepEqual(missing(vif.pci_spec.keys.map((k: { name: string }) => k.name), PCI_SPEC.subKeys), []);
  });

  it('the sub-keys of the other device specs', () => {
    for (const key of ['vfb', 'vtpm', 'usbdev', 'channel', 'p9']) {
      const fact = facts('xl-cfg-keys.json').keys.find((k: { name: string }) => k.name === key);
      const names = [...(fact.spec_sub_keys_doc ?? []), ...(fact.spec_sub_keys_parser ?? [])].map((s: { name: string }) => s.name);
      assert.deepEqual(missing(names, DEVICE_SPECS.get(key)!.subKeys), [], key);
    }
  });

  it('the validation table of each spec (how xl reads it) knows exactly the sub-keys completion offers', () => {
    for (const key of ['vfb', 'vkb', 'vtpm', 'usbctrl', 'usbdev', 'channel', 'p9', 'pvcalls', 'vdispl', 'virtio']) {
      // vfb's `type` is xm's: completion lists it as deprecated, xl does not read it.
      const offered = [...DEVICE_SPECS.get(key)!.subKeys.keys()].filter((name) => !(key === 'vfb' && name === 'type'));
      assert.deepEqual(specParserKeys(key).sort(), offered.sort(), key);
    }
  });

  it('documents every commonly used key in its own words', () => {
    for (const name of ['name', 'memory', 'maxmem', 'vcpus', 'kernel', 'disk', 'vif', 'type', 'builder', 'on_crash', 'bootloader', 'vnc']) {
      assert.doesNotMatch(DOMAIN_KEYS.get(name)!.doc, /^`/, name);
    }
  });
});
