/** `migrate --to xl` on the shapes users have: xm's Python examples, blog configs, one line per rule. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from '../../../server/src/languages/xl-config/parse';
import { convertXm } from '../../../server/src/migrate/xl';
import { fixtureFiles, readFixture } from '../../helpers/fixtures';

function convert(text: string, path = 'vm.cfg') {
  const result = convertXm(text, { path });
  return { text: result.outputs[0].text, name: result.outputs[0].name, notes: result.notes.map((n) => `${n.line}: ${n.kind}: ${n.message}`) };
}

const manualCount = (notes: string[]) => notes.filter((n) => n.includes(': manual: ')).length;

describe('migrate --to xl: every rule', () => {
  const { text, notes, name } = convert(readFixture('migrate', 'xm', 'every-rule.cfg'), '/etc/xen/every-rule.cfg');

  it('writes the xl config a person would, keeping comments, order, UUID, MAC and disks', () => {
    assert.equal(name, 'every-rule.cfg');
    assert.equal(
      text,
      [
        '#  -*- mode: python; -*-',
        '# A PV guest written for xm, one line per conversion rule.',
        'kernel = "/srv/xen/vmlinuz-2.6.32-xen"',
        'ramdisk = "/srv/xen/initrd-2.6.32-xen.img"',
        'memory = 512',
        'name = "web07"',
        'uuid = "6b2a51c2-0d2e-4b8e-a0c4-8f53b6a1e0c9"',
        'vcpus = 2',
        'maxvcpus = 4',
        'cpus = [ "2" ]',
        'cap = 50',
        "type = 'pv'",
        "disk = [ 'phy:/dev/vg0/web07,xvda,w',   # root",
        "         'phy:/dev/vg0/shared,xvdb,w' ]",
        "vif = [ 'mac=00:16:3e:12:34:56, bridge=xenbr0' ]",
        'on_poweroff = "destroy"',
        'on_reboot = "restart"',
        'on_crash = "destroy"',
        'root = "/dev/xvda ro"',
        'extra = "ip=192.0.2.7:127.0.255.255:192.0.2.1:255.255.255.0:web07:eth0:off console=hvc0"',
        'localtime = 0',
        '',
      ].join('\n'),
    );
    assert.deepEqual(parse(text).syntaxErrors, []);
  });

  it('says what it changed, and leaves w! to a person', () => {
    assert.equal(manualCount(notes), 1);
    assert.match(notes.find((n) => n.includes('manual'))!, /^14: manual: disk `phy:\/dev\/vg0\/shared,xvdb,w!`: `w!` became `w`, as xl has no mode that forces writing a device another domain uses\. If guests share this disk, that is safe only with a cluster file system/);
    for (const expected of [
      '3: note: Python variable `base` removed: its value is written where it was used',
      '10: note: `vcpu_avail = 3` (2 vCPUs online) is `vcpus = 2` with `maxvcpus = 4` in xl',
      '11: note: xm\'s `cpu = 2` (vCPU 0 on CPU 2) is `cpus = ["2"]` in xl',
      '12: note: xm\'s `cpu_cap` is `cap` in xl',
      '13: note: `builder = linux` is `type = "pv"` in xl',
      '17: note: `restart = onreboot` is on_poweroff = "destroy", on_reboot = "restart", on_crash = "destroy" in xl',
      '18: note: `root` without its `root=`: xl adds it (xm stripped it)',
      '24: note: `nics` dropped: in xl the `vif` list alone decides the interfaces',
      '25: note: `vncconsole` dropped: start the viewer with `xl create -V`',
      '27: note: `bootloader = None` dropped: None means unset',
    ]) {
      assert.ok(notes.includes(expected), `missing note: ${expected}\n${notes.join('\n')}`);
    }
  });
});

describe('migrate --to xl: xm\'s HVM examples', () => {
  it('drops the Python that only fed device_model, hvmloader and ioemu, and changes nothing else', () => {
    const original = readFixture('migrate', 'xm', 'xen-project__xen__2006-01-31__tools__examples__xmexample.hvm');
    const { text, notes } = convert(original);
    const removed = original.split('\n').filter((line) => !text.split('\n').includes(line));
    assert.deepEqual(removed, [
      'import os, re',
      'arch = os.uname()[4]',
      "if re.search('64', arch):",
      "    arch_libdir = 'lib64'",
      'else:',
      "    arch_libdir = 'lib'",
      'kernel = "/usr/lib/xen/boot/hvmloader"',
      "builder='hvm'",
      "vif = [ 'type=ioemu, bridge=xenbr0' ]",
      "device_model = '/usr/' + arch_libdir + '/xen/bin/qemu-dm'",
      'vncviewer=1',
    ]);
    assert.ok(text.includes("type='hvm'\n") && text.includes("vif = [ 'bridge=xenbr0' ]\n"));
    assert.equal(manualCount(notes), 0, notes.join('\n'));
    assert.ok(notes.includes("9: note: removed (`import os` is a Python import): it only computed `os`, `re`, which no setting xl reads needs"));
    assert.ok(notes.includes('11: note: removed (`if` is a Python statement): it only computed `arch_libdir`, which no setting xl reads needs'));
    assert.deepEqual(parse(text).syntaxErrors, []);
  });

  it('turns xm\'s stub-domain device model into device_model_stubdomain_override', () => {
    const { text, notes } = convert(readFixture('migrate', 'xm', 'xen-project__xen__RELEASE-4.1.0__tools__examples__xmexample.hvm-stubdom'));
    assert.match(text, /^device_model_stubdomain_override = 1$/m);
    assert.doesNotMatch(text, /^(kernel|builder|device_model) *=/m);
    assert.ok(notes.some((n) => n.includes("xm's `device_model = stubdom-dm` is `device_model_stubdomain_override = 1` in xl")));
  });

  it('leaves a kernel that is not hvmloader to a person (it may be firmware)', () => {
    const { text, notes } = convert(readFixture('migrate', 'xm', 'xen-project__xen__RELEASE-4.1.0__tools__examples__xmexample.vti'));
    assert.match(text, /^kernel = "guest_firmware.bin"$/m);
    assert.deepEqual(notes.filter((n) => n.includes('manual')), ['15: manual: xl ignores `kernel` for an HVM guest: if `guest_firmware.bin` is firmware, write `firmware_override` instead; else delete the line']);
  });

  it('writes numbered tsc_mode as its name', () => {
    const { text, notes } = convert('builder = "hvm"\nname = "w"\ntsc_mode = 1\n');
    assert.equal(text, 'type = "hvm"\nname = "w"\ntsc_mode = "always_emulate"\n');
    assert.ok(notes.includes('3: note: `tsc_mode = 1` is `tsc_mode = "always_emulate"` in xl (the number form is deprecated)'));
  });
});

describe('migrate --to xl: Python it will not guess', () => {
  it('comments out a setting that needs a function call, with a manual note on its line', () => {
    const { text, notes } = convert('import os\nname = "vm"\nmemory = int(os.environ["MEM"])\n');
    assert.equal(text, 'import os\n'.replace('import os\n', '# import os\n') + 'name = "vm"\n# memory = int(os.environ["MEM"])\n');
    assert.deepEqual(notes.filter((n) => n.includes('manual')), [
      '1: manual: commented out (`import os` is a Python import): xl reads no Python; write its effect as plain settings',
      '3: manual: `memory` needs Python (`int(…)` is a Python function call): commented out; write its value as a plain number',
    ]);
  });

  it('refuses a conditional that sets a key', () => {
    const { text, notes } = convert('name = "vm"\nif 1:\n    memory = 512\nelse:\n    memory = 256\n');
    assert.equal(text, 'name = "vm"\n# if 1:\n#     memory = 512\n# else:\n#     memory = 256\n');
    assert.deepEqual(notes, ['2: manual: commented out (`if` is a Python statement): xl reads no Python; write its effect as plain settings']);
  });

  it('names xm_vars as what it is: a variable of the xm command line', () => {
    const { notes } = convert(readFixture('xl-config', 'corpus', 'xen-project__xen__RELEASE-4.1.0__tools__examples__xmexample2'));
    assert.ok(notes.includes('30: manual: commented out: `xm_vars` declares a variable set on the xm command line (`xm create vmid=1`); xl has none, so write one config per value (or generate them)'));
    assert.ok(notes.includes('56: manual: `name` needs Python (`vmid` is not defined by a plain assignment above): commented out; write its value as a plain string'));
  });

  it('evaluates concatenation, arithmetic, formatting and lists as Python 2 did', () => {
    const { text } = convert('n = 3\nname = "vm-%s-%03d" % ("a", n)\nmemory = 1024 / 3 + 2 ** 0\ndisk = [ "phy:/dev/vg/" + "d%d,xvd%s,w" % (i, c) ]\n');
    // `**` and a name bound by a comprehension are not plain data: only the first two evaluate.
    assert.match(text, /^name = "vm-a-003"$/m);
    assert.match(text, /^# memory = 1024 \/ 3 \+ 2 \*\* 0$/m);
    assert.equal(convert('memory = 1024 / 3\n').text, 'memory = 341\n');
    assert.equal(convert('vif = [ "bridge=br" + str(0) ]\n').text, '# vif = [ "bridge=br" + str(0) ]\n');
    assert.equal(convert("cpus = [2, 3] + [4]\n").text, 'cpus = [ "2", "3", "4" ]\n');
    // A name's list is copied by `+`, never grown: both settings keep their own items.
    assert.equal(convert('d = [ "a" ] + [ "b" ]\ndisk = d + [ "c" ] + [ "e" ]\nvif = d\n').text, 'disk = [ "a", "b", "c", "e" ]\nvif = [ "a", "b" ]\n');
  });

  it('says a line that xm refused too is not Python (typographic quotes, settings run together)', () => {
    const { notes } = convert(readFixture('xl-config', 'seeds', '001-iscsitest-oneline.cfg'));
    assert.ok(notes.includes('2: manual: `memory`: `name` after a complete value: one setting per line. Not valid Python either (xm refused it too): commented out, fix it by hand'), notes.join('\n'));
  });
});

describe('migrate --to xl: every fixture', () => {
  const files = [...fixtureFiles('migrate', 'xm'), ...fixtureFiles('xl-config', 'corpus'), ...fixtureFiles('xl-config', 'seeds')].filter((f) => !f.endsWith('.md') && !f.endsWith('xl.conf'));
  for (const file of files) {
    it(`${basename(file)}: the result parses as xl, or a person is told why not`, () => {
      const { text, notes } = convert(readFileSync(file, 'utf8'), file);
      const errors = parse(text).syntaxErrors;
      if (manualCount(notes) === 0) assert.deepEqual(errors.map((e) => e.message), [], notes.join('\n'));
      // Nothing already valid xl is rewritten: a file xl reads without Python keeps every setting line it keeps.
      if (!notes.some((n) => /Python|evaluated/.test(n))) {
        const keptLines = text.split('\n').filter((line) => line.trim() && !line.startsWith('#'));
        const originalLines = new Set(readFileSync(file, 'utf8').split('\n'));
        const rewritten = keptLines.filter((line) => !originalLines.has(line));
        assert.ok(rewritten.every((line) => /^(type|disk|vif|cpus|tsc_mode|timer_mode|vga|cap|root|extra|on_\w+|vcpus|maxvcpus|device_model_stubdomain_override)\b|^\s*'/.test(line)), rewritten.join('\n'));
      }
    });
  }
});

describe('migrate --to xl: hostile input', () => {
  it('survives any bytes, deep brackets and long lines, in linear time', () => {
    const inputs = ['('.repeat(50_000), '['.repeat(50_000) + ']'.repeat(50_000), 'x = ' + '"a" + '.repeat(20_000) + '"b"\n', 'a = "%' + '0'.repeat(100_000) + 'd" % 1\n', '\n'.repeat(100_000) + 'x', String.fromCharCode(...Array.from({ length: 5000 }, (_, i) => (i * 7919) % 65536)), 'if x:\n' + '  y = 1\n'.repeat(20_000), '"""' + 'a\n'.repeat(10_000), 'cpus = ' + '[1] + '.repeat(100_000) + '[2]\n', 'name = "a" * 4096 * 4096 * 4096\n', 'if x:\n' + '# c\n  y = 1\n'.repeat(20_000), Array.from({ length: 20_000 }, (_, i) => `a${i + 1} = f(a${i})\n`).join('') + 'name = a20000\n'];
    for (const input of inputs) {
      const started = Date.now();
      const result = convertXm(input, { path: 'x.cfg' });
      assert.ok(result.outputs.length === 1);
      assert.ok(Date.now() - started < 5000, `slow on ${JSON.stringify(input.slice(0, 20))}`);
    }
  });
});
