/** Hover on keys, their values, spec sub-keys and MACs. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverText } from '../../helpers/languageTester';
import { xl } from './helpers';

const hover = xl.hover;

describe('xl-config hover', () => {
  it('explains a key with its facts', () => {
    const text = hoverText(hover('mem|ory = 512\n'));
    assert.match(text, /^\*\*memory\*\*\n\nMemory given to the guest at boot, in MiB\./);
    assert.match(text, /- Syntax: `MBYTES` \(MiB\)/);
    assert.match(text, /- Since Xen 4\.0/);
  });

  it('explains the value, then its key, with the key\'s manual section', () => {
    const h = hover('type = "h|vm"\n');
    assert.equal(
      hoverText(h),
      [
        '`hvm` (type): Fully virtualised guest with firmware and emulated devices (any OS).',
        '',
        '---',
        '',
        '**type**',
        '',
        'Guest type: `pv` (paravirtualised kernel), `pvh` (PV in an HVM container, no emulator) or `hvm` (fully virtualised, firmware and emulated devices). Replaces `builder`.',
        '',
        '- Syntax: `"pv"`',
        '- One of: `pv`, `pvh`, `hvm`',
        '- Since Xen 4.10',
        '',
        'Manual: [xl.cfg(5)](https://xenbits.xen.org/docs/unstable/man/xl.cfg.5.html#type-pv)',
      ].join('\n'),
    );
    assert.deepEqual(h?.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 12 } });
  });

  it('links each key to its section of xl.cfg(5), and disk and vif keys to their manuals', () => {
    assert.match(hoverText(hover('mem|ory = 512\n')), /\n\nManual: \[xl\.cfg\(5\)\]\(https:\/\/xenbits\.xen\.org\/docs\/unstable\/man\/xl\.cfg\.5\.html#memory-MBYTES\)$/);
    assert.match(hoverText(hover('vi|f = [ ]\n')), /Manual: \[xl\.cfg\(5\)\]\(https:\/\/xenbits\.xen\.org\/docs\/unstable\/man\/xl\.cfg\.5\.html#vif-NET_SPEC_STRING-NET_SPEC_STRING\)$/);
    assert.match(hoverText(hover("vif = [ 'bri|dge=xenbr0' ]\n")), /Manual: \[xl-network-configuration\(5\)\]\(https:\/\/xenbits\.xen\.org\/docs\/unstable\/man\/xl-network-configuration\.5\.html#bridge\)$/);
    assert.match(hoverText(hover("disk = [ 'vdev=xvda, acc|ess=rw' ]\n")), /Manual: \[xl-disk-configuration\(5\)\]\(https:\/\/xenbits\.xen\.org\/docs\/unstable\/man\/xl-disk-configuration\.5\.html#access\)$/);
    assert.match(hoverText(hover('autoball|oon = "auto"\n', { path: '/etc/xen/xl.conf' })), /Manual: \[xl\.conf\(5\)\]\(https:\/\/xenbits\.xen\.org\/docs\/unstable\/man\/xl\.conf\.5\.html#autoballoon-off-on-auto\)$/);
  });

  it('explains a disk access value', () => {
    assert.match(hoverText(hover("disk = [ 'vdev=xvda, access=r|o' ]\n")), /^`ro` \(disk access\): Read-only\.\n\n---\n\n\*\*disk: access\*\*/);
  });

  it('explains a deprecated key and what replaces it', () => {
    assert.match(hoverText(hover('buil|der = "hvm"\n')), /\*\*Deprecated\*\*: use `type`/);
  });

  it('explains an xm key under xl', () => {
    assert.match(hoverText(hover('vnccon|sole = 1\n')), /start a VNC viewer/);
  });

  it('explains disk parameters, positional ones included', () => {
    assert.match(hoverText(hover("disk = [ 'phy:/dev/vg/a,xv|da,w' ]\n")), /^\*\*disk: vdev\*\*[\s\S]*\(positional value `xvda`\)/);
    assert.match(hoverText(hover("disk = [ 'phy:/dev/vg/a,xvda,w|!' ]\n")), /\*\*disk: access\*\*[\s\S]*no `w!`/);
  });

  it('explains vif keys and MACs (range, multicast and local bits)', () => {
    assert.match(hoverText(hover("vif = [ 'bri|dge=xenbr0' ]\n")), /^\*\*vif: bridge\*\*/);
    assert.equal(hoverText(hover("vif = [ 'mac=00:16:3e:0|0:01:01' ]\n")), '**MAC 00:16:3e:00:01:01**\n\nXen guest range (OUI 00:16:3e, assigned to the Xen project); unicast; globally unique (IEEE-assigned)');
    assert.match(hoverText(hover("vif = [ 'mac=03:00:00:0|0:01:01' ]\n")), /multicast \(group\) bit set[\s\S]*locally administered/);
  });
});
