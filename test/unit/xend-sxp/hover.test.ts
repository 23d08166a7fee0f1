import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverText } from '../../helpers/languageTester';
import { xend, XM_HOST } from './helpers';

const hover = (textWithCursor: string) => hoverText(xend.hover(textWithCursor, XM_HOST));

describe('xend-sxp hover', () => {
  it('documents an option with type, default and what replaces it under xl', () => {
    const text = hover('(xend|-relocation-hosts-allow "")');
    assert.match(text, /^\*\*xend-relocation-hosts-allow\*\* \(string, default ''\)\n\nWho may migrate domains onto/);
    assert.match(text, /Since Xen 4\.5 \(no xend\): `xl migrate` runs over SSH/);
  });

  it('documents an option only Xen 2.0 read, and what replaced it', () => {
    const text = hover('(vif-br|idge xenbr1)');
    assert.match(text, /^\*\*vif-bridge\*\* \(Xen 2\.0\.0–2\.0\.6 only, default xen-br0\)\n\nBridge that every guest interface/);
    assert.match(text, /Read by the xend of Xen 2\.0\.0–2\.0\.6; xend of Xen 3\.0 and later ignores it\. From 3\.0 on, name the bridge as an argument/);
    assert.match(hover('(block-f|ile block-file)'), /^\*\*block-file\*\* \(Xen 2\.0\.0–2\.0\.6 only, default ''\)\n\nScript that sets up a disk of that type/);
  });

  it('says how xend reads a boolean', () => {
    assert.equal(hover('(xend-http-server O|n)'), '`On` reads as **yes**.');
  });

  it('explains network-bridge and each of its arguments', () => {
    const text = "(network-script 'network-bridge netdev=eth1 bridge=xenbr1 vifnum=1')";
    const at = (character: number) => hover(`${text.slice(0, character)}|${text.slice(character)}`);
    assert.match(at(20), /^\*\*network-bridge\*\*: Bridged networking/);
    assert.match(at(35), /^\*\*netdev=\*\* \(argument of `network-bridge`\): Physical interface/);
    assert.match(at(47), /^\*\*bridge=\*\* \(argument of `network-bridge`\)/);
    assert.match(at(62), /^\*\*vifnum=\*\* \(argument of `network-bridge`\)/);
  });

  it('accepts a custom script and says how xend runs it', () => {
    assert.match(hover('(network-script an-n|etwork-script)'), /^Custom network script `an-network-script`/);
  });

  it('explains network-route and network-nat', () => {
    assert.match(hover('(network-script netw|ork-route)'), /^\*\*network-route\*\*: Routed networking/);
    assert.match(hover("(network-script 'network-nat dhc|p=yes')"), /^\*\*dhcp=\*\* \(argument of `network-nat`\)/);
  });

  it('explains a value completion offers', () => {
    assert.equal(hover('(vif-script vif-r|oute)'), "`vif-route` (vif-script): Route each vif's traffic through dom0.");
  });
});
