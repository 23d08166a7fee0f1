/** Completion on plain text: keys, values, spec sub-keys, the workspace's bridges and a fresh MAC. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver-types';
import { otherDomain, xl } from './helpers';

const complete = xl.complete;
const edit = (item: CompletionItem | undefined) => (item?.textEdit && 'range' in item.textEdit ? item.textEdit.newText : undefined);

/** Another domain of the workspace, with a bridge this file does not use. */
const others = [otherDomain('file:///etc/xen/vm02.cfg', { bridges: ['xenbr1'] })];

describe('xl-config completion', () => {
  it('completes keys with a value snippet, replacing the typed word', () => {
    const items = complete('name = "a"\nmemo|\n');
    const memory = items.find((i) => i.label === 'memory');
    assert.equal(edit(memory), 'memory = ${1:0}');
    assert.deepEqual(memory?.textEdit && 'range' in memory.textEdit ? memory.textEdit.range : undefined, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
    assert.equal(edit(items.find((i) => i.label === 'on_crash')), 'on_crash = "${1|destroy,restart,rename-restart,preserve,coredump-destroy,coredump-restart,soft-reset|}"');
    assert.match(edit(items.find((i) => i.label === 'vif')) ?? '', /^vif = \[ 'mac=\$\{1:00:16:3e:[0-9a-f:]{8}\},bridge=\$\{2:xenbr0\}' \]$/);
    assert.deepEqual(items.find((i) => i.label === 'builder')?.tags, [1]);
    assert.equal(items.find((i) => i.label === 'pvh'), undefined, 'keys removed long ago are not offered');
  });

  it('completes xl.conf keys in xl.conf', () => {
    const labels = complete('vif.def|\n', { path: '/etc/xen/xl.conf' }).map((i) => i.label);
    assert.ok(labels.includes('vif.default.bridge'));
    assert.ok(!labels.includes('memory'));
  });

  it('completes enum values after `=`', () => {
    assert.deepEqual(complete('type = |\n').map((i) => edit(i)), ['"pv"', '"pvh"', '"hvm"']);
  });

  it('completes disk and vif sub-keys and their values', () => {
    assert.ok(complete("disk = [ 'phy:/dev/vg/a,xvda,w,|' ]\n").some((i) => i.label === 'devtype='));
    assert.deepEqual(complete("disk = [ 'vdev=xvda, access=|' ]\n").map((i) => i.label), ['r', 'ro', 'w', 'rw']);
    assert.ok(complete("vif = [ 'bri|' ]\n").some((i) => edit(i) === 'bridge='));
    assert.deepEqual(complete("vif = [ 'model=e1000, type=|' ]\n").map((i) => i.label), ['ioemu', 'vif']);
  });

  it('offers the bridges used in the workspace, and a fresh Xen MAC', () => {
    assert.deepEqual(complete("vif = [ 'mac=00:16:3e:00:00:01, bridge=xenbr2', 'bridge=|' ]\n", { others }).map((i) => i.label), ['xenbr0', 'xenbr1', 'xenbr2']);
    const [mac] = complete("vif = [ 'mac=|' ]\n");
    assert.match(mac.label, /^00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}$/);
    assert.equal(mac.preselect, true);
  });

  it('works inside a list still being typed (unclosed string, no closing bracket)', () => {
    assert.ok(complete("name = \"a\"\ndisk = [ 'phy:/dev/vg/a,xvda,w',\n         'vdev=xvdb, form|").some((i) => i.label === 'format='));
  });
});
