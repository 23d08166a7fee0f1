/** The outline, folding and the facts the workspace index keeps of a domain config. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xlConfigService } from '../../../server/src/languages/xl-config';
import { outline } from '../../helpers/languageTester';
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

  it('shows each device of a list, named by its vdev or MAC, with the exact range of its item', () => {
    assert.deepEqual(outline(xlConfigService.symbols(doc, ctx)), [
      'vm01-web (domain) 1:1-7:1 @1:8-1:18',
      '  name (vm01-web) 1:1-1:18 @1:1-1:5',
      '  vif ([2 items]) 4:1-5:49 @4:1-4:4',
      '    00:16:3e:00:01:01 (mac=00:16:3e:00:01:01, bridge=xenbr0) 4:9-4:47 @4:14-4:31',
      '    00:16:3e:00:02:01 (mac=00:16:3e:00:02:01, bridge=xenbr1) 5:9-5:47 @5:14-5:31',
      '  disk ([1 item]) 6:1-6:35 @6:1-6:5',
      '    xvda (phy:/dev/drbd0,xvda,w) 6:10-6:33 @6:26-6:30',
    ]);
  });

  it('names a vif without a MAC by its bridge, a PCI device by its address or name, other items by their text', () => {
    const other = xl.parse(
      ["name = 'db'", "vif = [ 'bridge=xenbr1,model=e1000' ]", "disk = [ 'format=raw, vdev=xvdb, target=/srv/db.img' ]", "pci = [ '0000:03:00.0,permissive=1', 'name=gpu' ]", "channel = [ 'name=org.qemu.guest_agent.0,connection=socket' ]", "cpus = [ 2, '4-7' ]", ''].join('\n'),
    );
    const [domain] = xlConfigService.symbols(other, ctx);
    assert.deepEqual(outline(domain.children!.slice(1)), [
      'vif ([1 item]) 2:1-2:38 @2:1-2:4',
      '  xenbr1 (bridge=xenbr1,model=e1000) 2:9-2:36 @2:17-2:23',
      'disk ([1 item]) 3:1-3:55 @3:1-3:5',
      '  xvdb (format=raw, vdev=xvdb, target=/srv/db.img) 3:10-3:53 @3:28-3:32',
      'pci ([2 items]) 4:1-4:50 @4:1-4:4',
      '  0000:03:00.0 (0000:03:00.0,permissive=1) 4:9-4:36 @4:10-4:22',
      '  gpu (name=gpu) 4:38-4:48 @4:44-4:47',
      'channel ([1 item]) 5:1-5:62 @5:1-5:8',
      '  org.qemu.guest_agent.0 (name=org.qemu.guest_agent.0,connection=socket) 5:13-5:60 @5:19-5:41',
      'cpus ([2 items]) 6:1-6:20 @6:1-6:5',
      '  2 6:10-6:11 @6:10-6:11',
      '  4-7 6:13-6:18 @6:13-6:18',
    ]);
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
