import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverText } from '../../helpers/languageTester';
import { iftab, IN_GUEST } from './helpers';

describe('iftab hover', () => {
  it('documents a selector, also when abbreviated', () => {
    assert.equal(
      hoverText(iftab.hover('eth0 m|a 00:16:3e:00:01:01')),
      [
        '**mac** (written `ma`): `mac 00:16:3e:00:01:01`',
        '',
        "The interface's hardware (MAC) address, as six pairs of hex digits separated by colons. With a `*` in it, it is a case-insensitive glob (`00:16:3e:*` matches every Xen guest NIC).",
        '',
        'Same as `ethaddr`.',
        '',
        'Find it with `ip link show IFNAME` (link/ether).',
        '',
        'Manual: [iftab(5)](https://manpages.debian.org/unstable/ifrename/iftab.5.en.html)',
      ].join('\n'),
    );
    assert.match(hoverText(iftab.hover('eth0 in|terrupt 5')), /Same as `irq`\./);
  });

  it('says which vif of the guest an ethN name pins', () => {
    assert.equal(hoverText(iftab.hover('et|h1 mac 00:16:3e:00:02:01', IN_GUEST)), '**eth1**: the name ifrename gives the interface that matches every selector of this line.\n\nIn guest **vm01-web**, vif 1 has `00:16:3e:00:02:01` on bridge `xenbr1`.');
    assert.match(hoverText(iftab.hover('la|n* driver e1000')), /`\*` becomes the lowest free number/);
  });

  it('names the domain and vif that carry a MAC, linking to the line by a path relative to the workspace', () => {
    const text = hoverText(iftab.hover('eth1 mac 00:|16:3E:00:02:01', IN_GUEST));
    assert.equal(
      text,
      '**00:16:3e:00:02:01**: Xen guest range (OUI 00:16:3e, assigned to the Xen project); unicast; globally unique (IEEE-assigned).\n\nCarried by vif 1 of domain **vm01-web** on bridge `xenbr1` ([etc/xen/vm01-web.cfg:3](file:///repo/etc/xen/vm01-web.cfg#L3)).',
    );
  });
});
