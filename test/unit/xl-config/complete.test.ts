/** Completion on plain text: keys, values, spec sub-keys, the workspace's bridges and a fresh MAC. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CompletionItem, CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import { otherDomain, xl } from './helpers';

const complete = xl.complete;
/** Labels in the order an editor lists them: by sortText, then label. */
const ranked = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label)).map((i) => i.label);
const edit = (item: CompletionItem | undefined) => (item?.textEdit && 'range' in item.textEdit ? item.textEdit.newText : undefined);

/** Another domain of the workspace, with a bridge this file does not use. */
const others = [otherDomain('file:///etc/xen/vm02.cfg', { bridges: ['xenbr1'] })];

describe('xl-config completion', () => {
  it('completes keys with a value snippet, replacing the typed word', () => {
    const items = complete('name = "a"\nmemo|\n');
    const memory = items.find((i) => i.label === 'memory');
    assert.equal(edit(memory), 'memory = ${1:512}', 'xl refuses memory = 0: the placeholder is a working size');
    assert.deepEqual(memory?.textEdit && 'range' in memory.textEdit ? memory.textEdit.range : undefined, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
    assert.equal(edit(items.find((i) => i.label === 'on_crash')), 'on_crash = "${1|destroy,restart,rename-restart,preserve,coredump-destroy,coredump-restart,soft-reset|}"');
    assert.match(edit(items.find((i) => i.label === 'vif')) ?? '', /^vif = \[ 'mac=\$\{1:00:16:3e:[0-9a-f:]{8}\}, bridge=\$\{2:xenbr0\}' \]$/);
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

  it('ranks keys by relevance: required and common first; set, other-guest-type and deprecated keys last', () => {
    const labels = ranked(complete('name = "web"\ntype = "pvh"\n|\n'));
    assert.deepEqual(labels.slice(0, 8), ['memory', 'vcpus', 'disk', 'vif', 'kernel', 'ramdisk', 'extra', 'cmdline']);
    const at = (label: string) => labels.indexOf(label);
    assert.ok(at('kernel') < at('acpi'), 'a common key before an ordinary one');
    assert.ok(at('bios') > at('cap'), 'bios is HVM-only: it does not lead for a PVH guest');
    assert.ok(at('name') > at('cap') && at('type') > at('cap'), 'keys already set come late');
    assert.ok(at('builder') > at('name'), 'deprecated keys come last');
    assert.equal(ranked(complete('kernel = "/boot/vmlinuz"\n|\n'))[0], 'name', 'name is required: it leads in a file that has none');
  });

  it('inserts a valid value: the default, a working size, the file name, a choice', () => {
    const items = complete('type = "pv"\n|\n', { path: '/etc/xen/vm03-mail.cfg' });
    const inserted = (label: string) => edit(items.find((i) => i.label === label));
    assert.equal(inserted('name'), 'name = "${1:vm03-mail}"');
    assert.equal(inserted('vcpus'), 'vcpus = ${1:1}');
    assert.equal(inserted('cpu_weight'), 'cpu_weight = ${1:256}');
    assert.equal(inserted('on_reboot'), 'on_reboot = "${1|restart,destroy,rename-restart,preserve,coredump-destroy,coredump-restart,soft-reset|}"');
    assert.equal(inserted('acpi'), 'acpi = ${1|1,0|}');
    assert.equal(inserted('disk'), "disk = [ '${1:format=raw}, ${2:vdev=xvda}, ${3:access=rw}, target=${4:/dev/vg/lv}' ]");
    assert.equal(items.find((i) => i.label === 'memory')?.insertTextFormat, InsertTextFormat.Snippet);
  });

  it('renames only the key when the setting under the cursor already has a value', () => {
    assert.equal(edit(complete('memo|ry = 512\n').find((i) => i.label === 'maxmem')), 'maxmem');
  });

  it('orders vif keys: mac, bridge, model, ip first; accel (deprecated) and the colo_* keys last', () => {
    const labels = ranked(complete("vif = [ '|' ]\n"));
    assert.deepEqual(labels.slice(0, 4), ['mac=', 'bridge=', 'model=', 'ip=']);
    const colo = labels.filter((l) => l.startsWith('colo_'));
    assert.equal(colo.length, 48);
    assert.ok(labels.indexOf(colo[0]) > labels.indexOf('vlan='), 'the colo_* keys after the ordinary ones');
    assert.equal(labels[labels.length - 1], 'accel=', 'the deprecated accel= is last');
    assert.ok(ranked(complete("vif = [ 'mac=00:16:3e:00:00:01, |' ]\n")).indexOf('mac=') > 40, 'a key written in the same spec comes late');
  });

  it('documents every value it offers, in Markdown, with no backticks in the plain-text detail', () => {
    const access = complete("disk = [ 'vdev=xvda, access=|' ]\n");
    assert.deepEqual(access.map((i) => [i.label, (i.documentation as { value: string }).value]), [
      ['r', '`r` (disk access): Read-only.'],
      ['ro', '`ro` (disk access): Read-only.'],
      ['w', '`w` (disk access): Read-write (default).'],
      ['rw', '`rw` (disk access): Read-write (default).'],
    ]);
    const types = complete('type = |\n');
    assert.equal((types[1].documentation as { value: string }).value, '`pvh` (type): PV guest in an HVM container: hardware virtualisation, no device model.');
    for (const item of complete('|\n')) assert.ok(!(item.detail ?? '').includes('`'), `${item.label}: ${item.detail}`);
  });

  it('offers the domain templates only in an empty config, named after the file, with a MAC no guest uses', () => {
    const used = otherDomain('file:///etc/xen/vm02.cfg', { macs: ['00:16:3e:00:00:02'] });
    const items = complete('# a new guest\n|', { path: '/etc/xen/vm03-mail.cfg', others: [used] });
    const snippets = items.filter((i) => i.kind === CompletionItemKind.Snippet);
    assert.deepEqual(snippets.map((i) => i.label), ['xl-pv', 'xl-hvm', 'xl-pvh']);
    assert.deepEqual(ranked(items).slice(0, 3), ['xl-hvm', 'xl-pv', 'xl-pvh'], 'templates lead in an empty file');
    const pvh = edit(snippets[2])!;
    assert.match(pvh, /^# PVH guest, see xl\.cfg\(5\)\nname = "\$\{1:vm03-mail\}"\ntype = "pvh"\n/);
    assert.match(pvh, /vif = \[ 'mac=\$\{7:00:16:3e:[0-7][0-9a-f]:[0-9a-f]{2}:[0-9a-f]{2}\}, bridge=\$\{8\|xenbr0,xenbr1\|\}' \]/);
    assert.ok(!pvh.includes('00:16:3e:00:00:02'));
    assert.deepEqual(complete('name = "a"\n|').filter((i) => i.kind === CompletionItemKind.Snippet), [], 'no template once the file has a setting');
    assert.deepEqual(complete('|', { path: '/etc/xen/xl.conf' }).filter((i) => i.kind === CompletionItemKind.Snippet), [], 'no domain template in xl.conf');
  });
});
