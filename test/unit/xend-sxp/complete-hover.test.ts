import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { xendSxpService } from '../../../server/src/languages/xend-sxp';
import { XEND_OPTIONS } from '../../../server/src/languages/xend-sxp/options';
import { xendContext } from './helpers';

const ctx = xendContext();

function complete(text: string, line: number, character: number) {
  return xendSxpService.complete(xendSxpService.parse(text, ctx), { line, character }, ctx);
}

function hoverText(text: string, line: number, character: number): string | undefined {
  const hover: Hover | null = xendSxpService.hover(xendSxpService.parse(text, ctx), { line, character }, ctx);
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

describe('xend-sxp completion', () => {
  it('offers every option after "(" and replaces the typed part of the name', () => {
    const items = complete('(dom0-min-mem 512)\n(xend-rel', 1, 9);
    assert.equal(items.length, XEND_OPTIONS.length);
    const item = items.find((i) => i.label === 'xend-relocation-hosts-allow')!;
    assert.deepEqual(item.textEdit, { range: { start: { line: 1, character: 1 }, end: { line: 1, character: 9 } }, newText: 'xend-relocation-hosts-allow' });
    assert.equal(complete('(', 0, 1).length, XEND_OPTIONS.length);
  });

  it('offers yes/no for a boolean and the known scripts for network-script', () => {
    assert.deepEqual(complete('(xend-relocation-server )', 0, 24).map((i) => i.label), ['yes', 'no']);
    const scripts = complete('(network-script net)', 0, 19);
    assert.deepEqual(scripts.map((i) => i.label), ['network-bridge', "'network-bridge netdev=eth0'", 'network-route', 'network-nat', '/bin/true']);
    assert.deepEqual(scripts[0].textEdit, { range: { start: { line: 0, character: 16 }, end: { line: 0, character: 19 } }, newText: 'network-bridge' });
  });

  it('offers nothing in a comment-free gap between forms', () => {
    assert.deepEqual(complete('(xend-port 8000)\n\n', 1, 0), []);
  });
});

describe('xend-sxp hover', () => {
  it('documents an option with type, default and what replaces it under xl', () => {
    const text = hoverText('(xend-relocation-hosts-allow "")', 0, 5)!;
    assert.match(text, /^\*\*xend-relocation-hosts-allow\*\* \(string, default ''\)\n\nWho may migrate domains onto/);
    assert.match(text, /Since Xen 4\.5 \(no xend\): `xl migrate` runs over SSH/);
  });

  it('says how xend reads a boolean', () => {
    assert.equal(hoverText('(xend-http-server On)', 0, 19), "'On' reads as **yes**.");
  });

  it('explains network-bridge and each of its arguments', () => {
    const text = "(network-script 'network-bridge netdev=eth1 bridge=xenbr1 vifnum=1')";
    assert.match(hoverText(text, 0, 20)!, /^\*\*network-bridge\*\*: Bridged networking/);
    assert.match(hoverText(text, 0, 35)!, /^\*\*netdev=\*\* \(argument of network-bridge\): Physical interface/);
    assert.match(hoverText(text, 0, 47)!, /^\*\*bridge=\*\* \(argument of network-bridge\)/);
    assert.match(hoverText(text, 0, 62)!, /^\*\*vifnum=\*\* \(argument of network-bridge\)/);
  });

  it('accepts a custom script and says how xend runs it', () => {
    assert.match(hoverText('(network-script an-network-script)', 0, 20)!, /^Custom network script 'an-network-script'/);
  });

  it('explains network-route and network-nat', () => {
    assert.match(hoverText('(network-script network-route)', 0, 20)!, /^\*\*network-route\*\*: Routed networking/);
    assert.match(hoverText("(network-script 'network-nat dhcp=yes')", 0, 32)!, /^\*\*dhcp=\*\* \(argument of network-nat\)/);
  });
});

describe('xend-sxp symbols and folding', () => {
  it('lists options with their values and folds multi-line lists', () => {
    const text = "(xend-port 8000)\n(xen-api-server ((9363 pam '^localhost$')\n                 (unix none)))\n";
    const doc = xendSxpService.parse(text, ctx);
    assert.deepEqual(xendSxpService.symbols(doc, ctx).map((s) => [s.name, s.detail]), [['xend-port', '8000'], ['xen-api-server', '( … )']]);
    assert.deepEqual(xendSxpService.folding(doc, ctx), [{ startLine: 1, endLine: 2 }]);
  });
});
