import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture } from '../../helpers/fixtures';
import { lineRange } from '../../helpers/languageTester';
import { xendSxpService } from '../../../server/src/languages/xend-sxp';
import { xlConfigService } from '../../../server/src/languages/xl-config';
import { testContext } from '../../helpers/fixtures';
import { editsOf } from '../../helpers/lspClient';
import { iftab, IN_GUEST } from './helpers';

/** What a language's service says another file of the workspace holds. */
function factsOf(service: typeof xlConfigService | typeof xendSxpService, path: string, text: string) {
  const ctx = testContext(path);
  return { uri: ctx.uri, facts: service.facts(service.parse(text, ctx) as never, ctx) };
}

describe('iftab quick fixes', () => {
  const mistakes = readFixture('iftab', 'mistakes.iftab');
  const lineOf = (text: string, n: number) => text.split('\n')[n - 1];

  it('writes the full selector name for an abbreviation', () => {
    assert.equal(lineOf(iftab.fix(mistakes, lineRange(4, 6, 8), "Write 'mac'"), 4), 'eth2 mac 00:16:3e:00:02:02');
  });

  it('replaces an unknown or ambiguous selector', () => {
    const text = 'lan0 mca 00:16:3e:00:01:01\nlan1 i 5\n';
    assert.deepEqual(iftab.check(text), ['1:6-9 error iftab/unknown-selector', '2:6-7 error iftab/ambiguous-selector']);
    assert.equal(lineOf(iftab.fix(text, lineRange(1, 6, 9), "Change to 'mac'"), 1), 'lan0 mac 00:16:3e:00:01:01');
    assert.equal(lineOf(iftab.fix(text, lineRange(2, 6, 7), "Change to 'irq'"), 2), 'lan1 irq 5');
  });

  it('rewrites a MAC ifrename cannot read in the form it can', () => {
    assert.equal(lineOf(iftab.fix(mistakes, lineRange(36, 11, 28), "Write '00:16:3e:00:01:05'"), 36), 'eth31 mac 00:16:3e:00:01:05');
    assert.equal(lineOf(iftab.fix(mistakes, lineRange(37, 11, 24), "Write '00:16:3e:00:01:06'"), 37), 'eth32 mac 00:16:3e:00:01:06');
  });

  it('adds the 0x prefix to a base address', () => {
    assert.equal(lineOf(iftab.fix(mistakes, lineRange(18, 19, 22), "Write '0x300'"), 18), 'eth13 baseaddress 0x300');
  });

  it("renames a guest's eth0 to lan0 on every line that names it, and nowhere else (the guest's names are its own)", () => {
    const text = '# vm01-web\neth0 mac 00:16:3e:00:01:01\neth1 mac 00:16:3e:00:02:01\neth0 mac 00:16:3e:00:03:01\n';
    const hint = iftab.diagnostics(text, IN_GUEST).find((d) => d.code === 'iftab/unreliable-name')!;
    const [action] = iftab.actions(text, hint.range, IN_GUEST).filter((a) => a.title.startsWith('Rename'));
    assert.equal(action.title, "Rename 'eth0' to 'lan0'");
    assert.deepEqual(Object.keys(action.edit!.changes!), [iftab.context(IN_GUEST).uri]);
    assert.equal(iftab.fix(text, hint.range, "Rename 'eth0' to 'lan0'", IN_GUEST), '# vm01-web\nlan0 mac 00:16:3e:00:01:01\neth1 mac 00:16:3e:00:02:01\nlan0 mac 00:16:3e:00:03:01\n');
  });

  it("renames a dom0's eth0 to the first free lanN, with the vif bridges and xend's network-script that name it", () => {
    const domain = factsOf(xlConfigService, '/repo/etc/xen/web.cfg', "name = 'web'\nvif = [ 'mac=00:16:3e:00:01:01,bridge=eth0', 'mac=00:16:3e:00:01:02,bridge=lan0' ]\n");
    const xend = factsOf(xendSxpService, '/repo/etc/xen/xend-config.sxp', "(network-script 'network-bridge netdev=eth0 bridge=eth0')\n");
    const other = factsOf(xlConfigService, '/repo/etc/xen/db.cfg', "name = 'db'\nvif = [ 'bridge=xenbr0' ]\n");
    const options = { path: '/repo/etc/iftab', others: [domain, xend, other] };
    const text = 'eth0 mac 52:54:00:12:34:56\nlan1 mac 52:54:00:12:34:57\n';
    const hint = iftab.diagnostics(text, options).find((d) => d.code === 'iftab/unreliable-name')!;
    const [action] = iftab.actions(text, hint.range, options).filter((a) => a.title.startsWith('Rename'));
    // lan0 is a bridge of web.cfg and lan1 a name of this file: lan2 is the first free.
    assert.equal(action.title, "Rename 'eth0' to 'lan2' here and in 2 other files");
    assert.equal(action.isPreferred, undefined);
    const summary = (uri: string) => editsOf(action, uri).map((e) => `${e.range.start.line + 1}:${e.range.start.character + 1}-${e.range.end.character + 1}=${e.newText}`);
    assert.deepEqual(Object.keys(action.edit!.changes!).sort(), [domain.uri, xend.uri, iftab.context(options).uri].sort());
    assert.deepEqual(summary(iftab.context(options).uri), ['1:1-5=lan2']);
    assert.deepEqual(summary(domain.uri), ['2:39-43=lan2']);
    assert.deepEqual(summary(xend.uri), ['1:40-44=lan2', '1:52-56=lan2']);
  });

  it('offers no rename for wlan0: a wireless card has no settled stable name', () => {
    const text = 'wlan0 mac 52:54:00:12:34:56\n';
    const hint = iftab.diagnostics(text).find((d) => d.code === 'iftab/unreliable-name')!;
    assert.deepEqual(iftab.actions(text, hint.range).map((a) => a.title), []);
  });
});
