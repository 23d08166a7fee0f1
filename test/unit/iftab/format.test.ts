import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iftab } from './helpers';

describe('iftab formatting', () => {
  const text = [
    '# This is a comment',
    'eth2\t\tmac 08:00:09:DE:82:0E',
    '  eth3 driver wavelan interrupt 15 baseaddress 0x390',
    'air*\t\tmac 00:07:0E:* arp 1   # the wireless card',
    'myvpn\tSYSFS{address} 00:10:83:* SYSFS{type} 1',
    '',
  ].join('\n');

  it('aligns the name, each selector and each value in columns across the file', () => {
    assert.equal(
      iftab.format(text).text,
      [
        '# This is a comment',
        'eth2  mac            08:00:09:DE:82:0E',
        'eth3  driver         wavelan           interrupt   15 baseaddress 0x390',
        'air*  mac            00:07:0E:*        arp         1   # the wireless card',
        'myvpn SYSFS{address} 00:10:83:*        SYSFS{type} 1',
        '',
      ].join('\n'),
    );
  });

  it('aligns with tabs to the tab stops when the editor indents with tabs', () => {
    assert.equal(
      iftab.format('eth0 mac 00:16:3e:00:01:01\nbackbone0 mac 00:16:3e:00:02:01 arp 1\n', { insertSpaces: false, tabSize: 8 }).text,
      'eth0\t\tmac\t00:16:3e:00:01:01\nbackbone0\tmac\t00:16:3e:00:02:01\tarp\t1\n',
    );
  });

  it('gives an aligned file no edit, and keeps quoted values as written', () => {
    assert.deepEqual(iftab.format('eth0 mac      00:16:3e:00:01:01\nwan0 firmware "1.2 beta"\n').edits, []);
  });

  it('leaves a file with syntax errors alone', () => {
    assert.deepEqual(iftab.format('eth0 mac\neth1   mac 00:16:3e:00:02:01\n').edits, []);
  });
});
