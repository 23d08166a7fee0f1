import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-types';
import { iftabService } from '../../../server/src/languages/iftab';
import { SELECTORS } from '../../../server/src/languages/iftab/selectors';
import { readFixture, upstreamFacts } from '../../helpers/fixtures';
import { EXAMPLE_DOMAINS, iftabContext } from './helpers';

const guestCtx = iftabContext('/repo/guests/vm01-web/etc/iftab', EXAMPLE_DOMAINS);

function complete(text: string, line: number, character: number, ctx = iftabContext()) {
  return iftabService.complete(iftabService.parse(text, ctx), { line, character }, ctx);
}

function hoverText(text: string, line: number, character: number, ctx = iftabContext()): string | undefined {
  const hover = iftabService.hover(iftabService.parse(text, ctx), { line, character }, ctx);
  return hover ? (hover.contents as MarkupContent).value : undefined;
}

describe('iftab selector table', () => {
  it('knows every selector of ifrename (facts of wireless-tools), with its aliases', () => {
    const facts = upstreamFacts('iftab-selectors.json') as { selectors: { name: string; aliases?: string[] }[] };
    assert.deepEqual(SELECTORS.map((s) => s.name), facts.selectors.map((s) => s.name));
    for (const fact of facts.selectors) {
      const handler = SELECTORS.find((s) => s.name === fact.name)!.handler;
      for (const alias of fact.aliases ?? []) assert.equal(SELECTORS.find((s) => s.name === alias)!.handler, handler, `${alias} aliases ${fact.name}`);
    }
  });
});

describe('iftab completion', () => {
  it('offers every selector after the interface name, replacing the typed prefix', () => {
    const items = complete('eth0 ma', 0, 7);
    assert.equal(items.length, SELECTORS.length);
    assert.deepEqual(items.find((i) => i.label === 'mac')!.textEdit, { range: { start: { line: 0, character: 5 }, end: { line: 0, character: 7 } }, newText: 'mac' });
    assert.equal(items.find((i) => i.label === 'SYSFS{…}')!.textEdit!.newText, 'SYSFS{address}');
    assert.equal(complete('eth0 mac 00:16:3e:00:01:01 ', 0, 27).length, SELECTORS.length);
  });

  it("offers the guest's vif MACs after mac, vif N first for ethN", () => {
    const items = complete('eth1 mac ', 0, 9, guestCtx);
    assert.deepEqual(items.map((i) => [i.label, i.detail, i.preselect]), [
      ['00:16:3e:00:01:01', 'vif 0 of vm01-web', false],
      ['00:16:3e:00:02:01', 'vif 1 of vm01-web', true],
    ]);
    assert.ok(items[1].sortText! < items[0].sortText!);
  });

  it('offers nothing for the interface name or inside a comment', () => {
    assert.deepEqual(complete('eth', 0, 3), []);
    assert.deepEqual(complete('# eth0 ', 0, 7), []);
  });
});

describe('iftab hover', () => {
  it('documents a selector, also when abbreviated', () => {
    assert.match(hoverText('eth0 ma 00:16:3e:00:01:01', 0, 6)!, /^\*\*mac\*\* \(written 'ma'\): `mac 00:16:3e:00:01:01`\n\nThe interface's hardware \(MAC\) address/);
    assert.match(hoverText('eth0 interrupt 5', 0, 7)!, /Same as `irq`\./);
  });

  it('says which vif of the guest an ethN name pins', () => {
    assert.equal(hoverText('eth1 mac 00:16:3e:00:02:01', 0, 2, guestCtx), '**eth1**: the name ifrename gives the interface that matches every selector of this line.\n\nIn guest **vm01-web**, vif 1 has 00:16:3e:00:02:01 on bridge xenbr1.');
    assert.match(hoverText('lan* driver e1000', 0, 2)!, /`\*` becomes the lowest free number/);
  });

  it("names the domain and vif that carry a MAC", () => {
    const text = hoverText('eth1 mac 00:16:3E:00:02:01', 0, 12, guestCtx)!;
    assert.equal(text, '**00:16:3e:00:02:01**: Xen guest range (OUI 00:16:3e, assigned to the Xen project); unicast; globally unique (IEEE-assigned).\n\nCarried by vif 1 of domain **vm01-web** on bridge xenbr1 (file:///repo/etc/xen/vm01-web.cfg).');
  });
});

describe('iftab symbols and facts', () => {
  const text = readFixture('iftab', 'seed-000.iftab');
  const ctx = iftabContext();
  const doc = iftabService.parse(text, ctx);

  it('lists one symbol per mapping', () => {
    assert.deepEqual(iftabService.symbols(doc, ctx).map((s) => [s.name, s.detail, s.range.start.line]), [['eth0', 'mac 00:16:3e:00:01:01', 1], ['eth1', 'mac 00:16:3e:00:02:01', 2]]);
  });

  it('gives the workspace each interface with its MAC', () => {
    assert.deepEqual(iftabService.facts(doc, ctx).iftab!.map((e) => [e.interfaceName.value, e.mac?.value, e.mac?.range.start]), [
      ['eth0', '00:16:3e:00:01:01', { line: 1, character: 9 }],
      ['eth1', '00:16:3e:00:02:01', { line: 2, character: 9 }],
    ]);
  });
});
