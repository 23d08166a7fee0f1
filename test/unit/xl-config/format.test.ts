import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/fixtures';
import { xl } from './helpers';

describe('xl-config formatting', () => {
  it('puts one space around = and after commas, settings in column 0, comments where they were', () => {
    const text = '# web front end\nname="vm01-web"\n  memory   =2048 # MB\nvcpus= 2\ncpus=["2","3"]\nextra+="console=hvc0"\n';
    assert.equal(xl.format(text).text, '# web front end\nname = "vm01-web"\nmemory = 2048 # MB\nvcpus = 2\ncpus = [ "2", "3" ]\nextra += "console=hvc0"\n');
  });

  it('writes a device list of two or more devices one per line, and a single device on one line', () => {
    const text = "disk=['phy:/dev/vg/windows,hda,w','file:/mnt/xen/iso/win.iso,hdc:cdrom,r']\nvif = ['bridge=xenbr0']\n";
    assert.equal(
      xl.format(text).text,
      "disk = [\n    'phy:/dev/vg/windows,hda,w',\n    'file:/mnt/xen/iso/win.iso,hdc:cdrom,r'\n]\nvif = [ 'bridge=xenbr0' ]\n",
    );
  });

  it('lays out the example guest\'s hanging vif list one item per line, with the editor\'s indentation', () => {
    const text = readFileSync(join(REPO_ROOT, 'examples', 'etc', 'xen', 'vm01-web.cfg'), 'utf8');
    const vif = "vif = [\n\t'mac=00:16:3e:00:01:01, bridge=xenbr0',\n\t'mac=00:16:3e:00:02:01, bridge=xenbr1'\n]\n";
    const formatted = xl.format(text, { tabSize: 8, insertSpaces: false });
    assert.ok(formatted.text.includes(vif), formatted.text);
    // Only the list changed: one edit after `[`, one before the second item, one before `]`.
    assert.deepEqual(formatted.edits.map((e) => e.range.start.line), [14, 15, 15]);
  });

  it('keeps a list written over several lines so, with its trailing comma and its comments', () => {
    const text = "pci = [\n  '01:00.0', # the NIC\n# not yet: '02:00.0',\n      '03:00.0',\n  ]\nserial = [\n'pty' ]\n";
    assert.equal(xl.format(text).text, "pci = [\n    '01:00.0', # the NIC\n    # not yet: '02:00.0',\n    '03:00.0',\n]\nserial = [\n    'pty'\n]\n");
  });

  it('writes an empty list as [], nested lists inline, and settings joined by ; with one space', () => {
    assert.equal(xl.format('usbctrl = [ ]\nvsnd = [[ "card,backend=0" , [ "pcm,name=p" ] ]]\na=1;b=2\n').text, 'usbctrl = []\nvsnd = [ [ "card,backend=0", [ "pcm,name=p" ] ] ]\na = 1; b = 2\n');
  });

  it('gives an already formatted file no edit', () => {
    assert.deepEqual(xl.format("name = \"a\"\ndisk = [\n    'phy:/dev/vg/a,xvda,w',\n    'phy:/dev/vg/b,xvdb,w'\n]\n").edits, []);
  });

  it('formats only the lines of a range', () => {
    const text = 'name="a"\nmemory=512\nvcpus=2\n';
    assert.equal(xl.format(text, {}, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } }).text, 'name="a"\nmemory = 512\nvcpus=2\n');
  });

  it('leaves a file with syntax errors alone, xm-era Python included', () => {
    assert.deepEqual(xl.format('name="a"\nmemory=\nvcpus=2\n').edits, []);
    assert.deepEqual(xl.format("name = 'a'\ndisk = ['phy:/dev/vg/a,xvda,w' ] + extra\n").edits, []);
  });
});
