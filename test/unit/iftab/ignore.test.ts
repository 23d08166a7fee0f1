/** `# xcc-ignore` comments in an iftab: ifrename ends a line at its first `#`, quoted or not. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { iftab } from './helpers';

describe('iftab ignore comments', () => {
  it('reads a directive on its own line and after a mapping', () => {
    const text = ['# xcc-ignore iftab/unreliable-name', 'eth0 mac 00:16:3e:00:00:01', 'lan1 mac 00:16:3e:00:00:02 # xcc-ignore-file workspace/iftab-mac-unknown', ''].join('\n');
    assert.deepEqual(iftab.ignores(text), ['line 1: iftab/unreliable-name@1:14-35', 'file 3 after code: workspace/iftab-mac-unknown@3:46-73']);
  });

  it('starts the comment at the first # of the line, as ifrename does: inside quotes too', () => {
    assert.deepEqual(iftab.ignores('lan0 driver "e1000#" xcc-ignore iftab/unreliable-name\n'), [], 'the first # is followed by a quote, not by the keyword');
    assert.deepEqual(iftab.ignores('lan1 driver "x # xcc-ignore iftab/unknown-selector"\n'), ['line 1 after code: iftab/unknown-selector@1:29-51']);
  });

  it('reads CRLF lines without taking the CR into a code', () => {
    assert.deepEqual(iftab.ignores('# xcc-ignore iftab/unreliable-name\r\neth0 mac 00:16:3e:00:00:01\r\n'), ['line 1: iftab/unreliable-name@1:14-35']);
  });
});
