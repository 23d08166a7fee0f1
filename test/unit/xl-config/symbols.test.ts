/** The outline, folding and the facts the workspace index keeps of a domain config. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xlConfigService } from '../../../server/src/languages/xl-config';
import { xl } from './helpers';

describe('xl-config symbols, folding and facts', () => {
  const text = 'name = "vm01-web"\n# network\n# two NICs\nvif = [ \'mac=00:16:3e:00:01:01, bridge=xenbr0\',\n        \'mac=00:16:3e:00:02:01, bridge=xenbr1\' ]\ndisk = [ "phy:/dev/drbd0,xvda,w" ]\n';
  const ctx = xl.context();
  const doc = xl.parse(text);

  it('outlines the domain and its settings', () => {
    const [domain] = xlConfigService.symbols(doc, ctx);
    assert.equal(domain.name, 'vm01-web');
    assert.deepEqual(domain.children?.map((c) => `${c.name} ${c.detail}`), ['name vm01-web', 'vif [2 items]', 'disk [1 item]']);
  });

  it('folds multi-line lists and comment blocks', () => {
    assert.deepEqual(xlConfigService.folding(doc, ctx), [
      { startLine: 1, endLine: 2, kind: 'comment' },
      { startLine: 3, endLine: 4 },
    ]);
  });

  it('reports the domain fact: name, MACs in order, bridges, disk targets', () => {
    const facts = xlConfigService.facts(doc, ctx);
    assert.equal(facts.domain?.name?.value, 'vm01-web');
    assert.deepEqual(facts.domain?.macs.map((m) => `${m.value}@${m.range.start.line}:${m.range.start.character}`), ['00:16:3e:00:01:01@3:13', '00:16:3e:00:02:01@4:13']);
    assert.deepEqual(facts.domain?.bridges.map((b) => b.value), ['xenbr0', 'xenbr1']);
    assert.deepEqual(facts.domain?.disks.map((d) => d.value), ['/dev/drbd0']);
  });

  it('xl.conf defines no domain', () => {
    const conf = xl.parse('autoballoon = "off"\n', { path: '/etc/xen/xl.conf' });
    assert.deepEqual(xlConfigService.facts(conf, ctx), {});
  });
});
