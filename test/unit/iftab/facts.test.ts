import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iftabService } from '../../../server/src/languages/iftab';
import { readFixture } from '../../helpers/fixtures';
import { iftab } from './helpers';

describe('iftab facts', () => {
  it('gives the workspace each interface with its MAC', () => {
    const ctx = iftab.context();
    const doc = iftab.parse(readFixture('iftab', 'seed-000.iftab'));
    assert.deepEqual(iftabService.facts(doc, ctx).iftab!.map((e) => [e.interfaceName.value, e.mac?.value, e.mac?.range.start]), [
      ['eth0', '00:16:3e:00:01:01', { line: 1, character: 9 }],
      ['eth1', '00:16:3e:00:02:01', { line: 2, character: 9 }],
    ]);
  });

  it('gives the guest checks the folders of the path, the guest a guests/NAME/ folder names, and every exact MAC', () => {
    const path = '/srv/guests/web/etc/iftab';
    const text = 'eth0 mac 00:16:3E:00:01:01 ethaddr 00:16:3e:00:01:02\neth1 mac 00:16:3e:*\n';
    const facts = iftabService.facts(iftab.parse(text, { path }), iftab.context({ path }));
    assert.deepEqual(facts.iftabGuest!.folders, ['', 'srv', 'guests', 'web', 'etc']);
    assert.equal(facts.iftabGuest!.pathGuest, 'web');
    assert.deepEqual(facts.iftabGuest!.macs.map((m) => [m.interfaceName, m.value, m.range.start.character]), [
      ['eth0', '00:16:3e:00:01:01', 9],
      ['eth0', '00:16:3e:00:01:02', 35],
    ]);
  });

  it('names a guest only for a guests/ or domU/ folder with a folder below it, whatever the slashes', () => {
    const cases: [string, string | undefined][] = [
      ['/etc/iftab', undefined],
      ['/srv/guests/iftab', undefined],
      ['/srv/guests//etc/iftab', undefined],
      ['C:\\vms\\DomU\\web\\etc\\iftab', 'web'],
    ];
    for (const [path, guest] of cases) assert.equal(iftabService.facts(iftab.parse(''), iftab.context({ path })).iftabGuest!.pathGuest, guest, path);
  });
});
