import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hoverText } from '../../helpers/languageTester';
import { dialect, drbd, HOSTS } from './helpers';

describe('drbd hover', () => {
  it('explains an option with its unit, range and default for the dialect', () => {
    const text = `resource r0 {\n  disk { r|esync-rate 40M; }\n${HOSTS}\n}\n`;
    const value = hoverText(drbd.hover(text));
    assert.match(value, /^\*\*resync-rate\*\* — `disk` option, DRBD 8\.4 \(detected from 'resync-rate' on line 2\)/);
    assert.match(value, /range: 1\.\.4194304 KiB · suffixes k, M, G, s accepted · default: `250` KiB/);
    assert.match(hoverText(drbd.hover(text, dialect('9'))), /range: 1\.\.8388608 KiB/);
  });

  it('explains sections and says how the dialect was found', () => {
    const text = (cursorAt: string) => `resource r0 {\n  syncer { rate 10M; }\n${HOSTS}\n}\n`.replace(cursorAt, `${cursorAt[0]}|${cursorAt.slice(1)}`);
    assert.match(hoverText(drbd.hover(text('syncer'))), /^\*\*syncer\*\* section\n\nDRBD 8\.3 resynchronisation settings/);
    assert.match(hoverText(drbd.hover(text('rate'))), /DRBD 8\.3 \(detected from 'syncer' on line 2\)/);
    assert.equal(drbd.hover(text('10M')), null);
  });

  it('links to the dialect\'s drbd.conf(5) and explains a value', () => {
    const text = `resource r0 {\n  net { protocol C; }\n  disk { r|esync-rate 40M; }\n${HOSTS}\n}\n`;
    assert.match(hoverText(drbd.hover(text)), /\n\nManual: \[drbd\.conf\(5\), DRBD 8\.4\]\(https:\/\/manpages\.debian\.org\/unstable\/drbd-utils\/drbd\.conf-8\.4\.5\.en\.html\)$/);
    assert.match(hoverText(drbd.hover(text, dialect('9'))), /Manual: \[drbd\.conf\(5\), DRBD 9\]\(https:\/\/manpages\.debian\.org\/unstable\/drbd-utils\/drbd\.conf-9\.0\.5\.en\.html\)$/);
    assert.equal(hoverText(drbd.hover(text.replace('protocol C', 'protocol |C').replace('r|esync', 'resync'))), '`C` (protocol): Synchronous: done once both disks have the write. No data loss on a single failure; needed for dual-primary (default).');
  });
});
