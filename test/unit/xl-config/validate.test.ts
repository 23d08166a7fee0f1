/** Each diagnostic: exact range, severity, code and message. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xlConfigService } from '../../../server/src/languages/xl-config';
import type { LanguageService } from '../../../server/src/languages/types';
import { diagnose, WorkspaceIndex } from '../../../server/src/workspace/index';
import { testContext } from '../../helpers/fixtures';
import { summary } from '../../helpers/languageTester';
import { problems, PV_HEAD } from './helpers';

const pv = (lines: string) => problems(PV_HEAD + lines);

describe('xl-config keys', () => {
  it('warns about an unknown key with did-you-mean (xl would silently boot with the default)', () => {
    assert.deepEqual(pv('memroy = 64\n'), ["4:1-7 warning xl/unknown-key unknown setting `memroy`: xl silently ignores it; did you mean 'memory'?"]);
  });

  it('says which xm keys xl ignores and what replaces them', () => {
    assert.deepEqual(pv('vncconsole = 1\ncpu_cap = 50\n'), [
      '4:1-11 warning xl/xm-only-key `vncconsole` is an xm setting that xl ignores; use the `-V` option of `xl create` instead',
      '5:1-8 warning xl/xm-only-key `cpu_cap` is an xm setting that xl ignores; use `cap` instead',
    ]);
  });

  it('flags deprecated keys with their modern replacement', () => {
    assert.deepEqual(problems('name = "w"\nbuilder = "hvm"\nmemory = 1024\ndevice_model = "/usr/lib/xen/bin/qemu-dm"\n'), [
      '2:1-8 warning xl/deprecated-key `builder` is deprecated since Xen 4.10: write `type = "hvm"`',
      '4:1-13 warning xl/deprecated-key xl ignores `device_model`: delete this line (device_model_override if you really need it)',
    ]);
  });

  it('follows the target Xen version: too new, and removed', () => {
    assert.deepEqual(problems(`${PV_HEAD}bootloader_restrict = 1\n`, { settings: { xen: { version: '4.17' } } }), [
      '4:1-20 warning xl/key-too-new `bootloader_restrict` needs Xen 4.18 or later; the target is Xen 4.17 (setting xenConfig.xen.version), whose xl ignores it',
    ]);
    assert.deepEqual(pv('pvh = 1\n'), ['4:1-4 warning xl/removed-key `pvh` was removed after Xen 4.8; the target is Xen 4.19; use `type = "pvh"`']);
  });

  it('follows the target Xen version inside device specs too', () => {
    assert.deepEqual(problems(`${PV_HEAD}disk = [ '/x,raw,xvda,rw,trusted' ]\nvif = [ 'mac=00:16:3e:00:00:01, mtu=9000' ]\n`, { settings: { xen: { version: '4.14' } } }), [
      '4:26-33 warning xl/key-too-new disk parameter `trusted` needs Xen 4.17 or later; the target is Xen 4.14 (setting xenConfig.xen.version), whose xl rejects or ignores it',
      '5:33-36 warning xl/key-too-new vif parameter `mtu` needs Xen 4.15 or later; the target is Xen 4.14 (setting xenConfig.xen.version), whose xl rejects or ignores it',
    ]);
  });

  it('warns about keys that do nothing for the guest type', () => {
    assert.deepEqual(pv('boot = "dc"\n'), ['4:1-5 warning xl/wrong-guest-type `boot` only has an effect for HVM guests; without `type` this is a PV guest, so xl ignores it']);
    assert.deepEqual(problems('name = "w"\ntype = "hvm"\nbootloader = "pygrub"\n'), ['3:1-11 warning xl/wrong-guest-type `bootloader` only has an effect for PV/PVH guests; this is a HVM guest (line 2), so xl ignores it']);
  });

  it('warns when a key is set twice (xl takes the last), but not for `+=`', () => {
    assert.deepEqual(pv('memory = 1024\nextra = "a"\nextra += " b"\n'), ['3:1-7 warning xl/duplicate-key `memory` is set again at line 4; xl uses the last value, so this one has no effect']);
  });
});

describe('xl-config values', () => {
  // xl -N create accepts each of these files (exit 0), warning "is not a valid number" / "is a list but
  // should be a single value" / "is a single value but should be a list": warnings, not errors.
  it('checks numbers, booleans, lists and single values (xl warns and goes on without them)', () => {
    assert.deepEqual(pv('vcpus = "two"\nnomigrate = "yes"\npool = [ "a" ]\ndisk = "phy:/dev/vg/a,xvda,w"\n'), [
      '4:9-14 warning xl/value-type `vcpus` needs a whole number, not `two`: xl ignores this value',
      '5:13-18 warning xl/value-type `nomigrate` needs 1 (on) or 0 (off), not `yes`: xl ignores this value',
      '6:8-15 warning xl/value-type `pool` takes a single value, not a list: xl ignores this setting',
      '7:8-30 warning xl/value-type `disk` takes a list: write [ "phy:/dev/vg/a,xvda,w" ]; xl ignores a single value here',
    ]);
  });

  it('refuses what xl reads strictly: max_grant_frames is a number (xl exits), and a name or kernel in a list is lost', () => {
    assert.deepEqual(pv("max_grant_frames = 'x'\n"), ['4:20-23 error xl/value-type `max_grant_frames` needs a whole number, not `x`: xl refuses the domain']);
    assert.deepEqual(problems('name = [ "a" ]\nkernel = "/k"\n'), [
      '1:1-5 error xl/missing-name this domain config has no `name`: xl refuses it ("Domain name must be specified"); add `name = "…"`',
      '1:8-15 warning xl/value-type `name` takes a single value, not a list: xl ignores this setting',
    ]);
  });

  // xl refuses on_crash = "restrat" ("Unknown on_crash action"); it accepts vcpus = 0 (libxl makes it one vCPU)
  // but libxl refuses a cpu_weight above 65535 ("Cpu weight out of range").
  it('checks enumerations with did-you-mean, and ranges', () => {
    assert.deepEqual(pv('on_crash = "restrat"\nvcpus = 0\ncpu_weight = 70000\n'), [
      '4:12-21 error xl/enum-value `restrat` is not a valid `on_crash`: use one of "destroy", "restart", "rename-restart", "preserve", "coredump-destroy", "coredump-restart", "soft-reset"; did you mean \'restart\' or \'destroy\'?',
      '5:9-10 warning xl/range `vcpus` must be at least 1, not 0',
      '6:14-19 error xl/range `cpu_weight` must be at most 65535, not 70000',
    ]);
  });

  it('firmware: any path for an HVM guest, pvgrub32/pvgrub64 only for PV (xl refuses the rest, and kernel with it)', () => {
    assert.deepEqual(problems('name = "w"\ntype = "hvm"\nfirmware = "/usr/lib/xen/boot/ovmf.bin"\n'), []);
    assert.deepEqual(pv('firmware = "uefi"\n'), [
      '4:1-9 error xl/relation a PV/PVH guest takes `kernel` or `firmware`, not both: xl refuses it ("both kernel and firmware specified"); delete one',
      '4:12-18 error xl/enum-value `uefi` is not a PV firmware: xl takes only "pvgrub32" or "pvgrub64" for a PV guest ("only pvgrub{32|64} supported as firmware options")',
    ]);
  });

  // xl -N create accepts `memory += 64` with "warning: can't use += with numbers": a warning.
  it('+= on a number: xl warns and ignores the line', () => {
    assert.deepEqual(pv('memory += 64\n'), [
      '4:1-7 warning xl/append-number `+=` cannot add to a number: xl ignores `memory` here; write `memory = …` with the total',
    ]);
  });

  it('checks memory ≤ maxmem and vcpus ≤ maxvcpus', () => {
    assert.deepEqual(pv('maxmem = 256\nvcpus = 4\nmaxvcpus = 2\n'), [
      '4:10-13 warning xl/relation maxmem (256 MiB) is below memory (512 MiB): the guest cannot balloon above maxmem; raise maxmem to at least 512 or lower memory',
      '6:12-13 error xl/relation maxvcpus (2) is below vcpus (4): xl refuses to create the domain; raise maxvcpus to at least 4',
    ]);
  });

  // xl 4.17 accepts qemu-xen-traditional; xl_parse.c drops it in Xen 4.21 ("Unknown device_model_version").
  it('flags a numeric tsc_mode as deprecated and qemu-xen-traditional as gone from Xen 4.21', () => {
    const text = 'name = "w"\ntype = "hvm"\ntsc_mode = 0\ndevice_model_version = "qemu-xen-traditional"\n';
    assert.deepEqual(problems(text), [
      '3:12-13 warning xl/deprecated-value a number for `tsc_mode` is deprecated: use the named value ("default", "always_emulate", "native", "native_paravirt")',
      '4:24-46 warning xl/deprecated-value Xen 4.21 removes `qemu-xen-traditional` (the target is Xen 4.19, setting xenConfig.xen.version): use "qemu-xen"',
    ]);
    assert.deepEqual(problems(text, { settings: { xen: { version: '4.21' } } }).slice(1), [
      '4:24-46 error xl/enum-value `qemu-xen-traditional` is no longer supported for `device_model_version` (removed in Xen 4.21): use "qemu-xen"',
    ]);
  });
});

describe('xl-config required settings', () => {
  it('a config without name, and a PV guest without kernel', () => {
    assert.deepEqual(problems('memory = 64\n'), [
      '1:1-7 error xl/missing-name this domain config has no `name`: xl refuses it ("Domain name must be specified"); add `name = "…"`',
      '1:1-7 error xl/missing-kernel a PV guest needs `kernel` (or `bootloader`/`firmware`): xl refuses it ("Neither kernel nor bootloader specified")',
    ]);
  });

  it('kernel = hvmloader in an HVM guest is ignored by xl', () => {
    assert.deepEqual(problems('name = "w"\ntype = "hvm"\nkernel = "/usr/lib/xen/boot/hvmloader"\n'), ['3:1-7 warning xl/hvmloader-kernel xl ignores `kernel` for HVM guests (xm needed it to load hvmloader): delete this line']);
  });
});

describe('xl-config disks', () => {
  it("explains xm's w! and other bad access modes", () => {
    assert.deepEqual(pv("disk = [ 'phy:/dev/vg/san,hdd,w!', 'phy:/dev/vg/a,hda,rx' ]\n"), [
      '4:31-33 error xl/disk-access access mode `w!` is xm\'s "write even if another domain or dom0 already uses this device". xl has no such mode and refuses to create the domain (unknown value for access): use `w`, and share the device only with a cluster file system, or `r`',
      '4:55-57 error xl/disk-access unknown access mode `rx`: use `r` (read-only) or `w` (read-write)',
    ]);
  });

  it('finds duplicate vdevs, writable CD-ROMs and bad formats, prefixes and parameters', () => {
    assert.deepEqual(pv("disk = [ 'phy:/dev/vg/a,xvda,w', '/x.img,raw,xvda,w', 'file:/i.iso,hdc:cdrom,w', '/y,qcow7,xvdb', 'foo:/z,xvdc,w', 'vdev=xvdd, colour=red, target=/q' ]\n"), [
      '4:46-50 error xl/disk-duplicate-vdev vdev `xvda` is already used by the disk at line 4: each disk needs its own device name',
      '4:78-79 warning xl/disk-cdrom-writable a CD-ROM is read-only: access `w` asks for write access; use `r`',
      '4:86-91 error xl/disk-format unknown disk format `qcow7`: use one of raw, qcow, qcow2, vhd, qed',
      '4:100-104 error xl/disk-prefix unknown disk prefix `foo:`: xl knows tapdisk: tap: tap2: aio: ioemu: file: phy: raw: qcow: qcow2: vhd: iscsi: nbd: enbd: drbd:',
      '4:128-134 error xl/disk-unknown-param unknown disk parameter `colour`',
    ]);
  });

  it('checks the device type, positional or keyed', () => {
    assert.deepEqual(pv("disk = [ '/i.iso,raw,hdc:floppy,r', 'devtype=tape, vdev=hdd, target=/t' ]\n"), [
      '4:26-32 error xl/disk-devtype unknown device type `floppy` after the vdev: use `:cdrom` (or nothing)',
      '4:46-50 error xl/disk-devtype unknown devtype `tape`: use `cdrom` or `disk`',
    ]);
  });

  it('needs a target unless it is an empty CD-ROM drive', () => {
    assert.deepEqual(pv("disk = [ ',,xvda,w', ',hdc:cdrom,r' ]\n"), [
      '4:10-20 error xl/disk-no-target disk xvda has no target: only an empty CD-ROM drive may lack one; add the device or image path (target=… last, or first positional value)',
    ]);
  });

  it('needs a vdev', () => {
    assert.deepEqual(pv("disk = [ '/dev/vg/a' ]\n"), ['4:10-21 error xl/disk-syntax no vdev in this disk spec: xl needs the guest device name, e.g. `phy:/dev/vg/lv,xvda,w` or `vdev=xvda, access=rw, target=/dev/vg/lv`']);
  });
});

describe('xl-config network interfaces', () => {
  // xl -N create accepts each of these MACs (a malformed one is read in part, "Invalid parameter `mac'"
  // at worst): they hurt the guest's network, so they are warnings.
  it('checks MACs: malformed, multicast, outside the Xen range, twice', () => {
    assert.deepEqual(pv("vif = [ 'mac=00:16:3e:00:00:0g', 'mac=01:16:3e:00:00:01', 'mac=00:00:00:00:01:01', 'mac=00:16:3e:aa:bb:cc', 'mac=00:16:3E:AA:BB:CC' ]\n"), [
      '4:14-31 warning xl/vif-mac-malformed `00:16:3e:00:00:0g` is not a MAC address: xl does not refuse it but reads only what it can, so the interface gets another MAC; write six hex octets separated by colons, e.g. 00:16:3e:12:34:56',
      '4:39-56 warning xl/vif-mac-multicast MAC 01:16:3e:00:00:01 has the multicast bit set (first octet odd): a NIC cannot use it; use 00:16:3e:00:00:01 (Xen range)',
      '4:64-81 warning xl/vif-mac-not-xen MAC 00:00:00:00:01:01 is outside the Xen range 00:16:3e: it may collide with real hardware on the LAN; use 00:16:3e:00:01:01',
      '4:114-131 warning xl/vif-mac-duplicate MAC 00:16:3e:aa:bb:cc is already used by the vif at line 4: two interfaces with one MAC break both',
    ]);
  });

  it('checks vif keys and values', () => {
    assert.deepEqual(pv("vif = [ 'bridge=xenbr0, rate=10Mx/s, brigde=xenbr1, netdev=eth0, type=netfront' ]\n"), [
      "4:9-80 hint xl/vif-no-mac this vif has no `mac=`: xl picks a random MAC at every start, so DHCP leases and the guest's interface names (udev, iftab) change; set a fixed 00:16:3e MAC",
      '4:30-36 error xl/vif-value invalid rate `10Mx/s`: xl refuses it; write RATE/s with an optional @INTERVAL, e.g. `10Mb/s` or `1MB/s@20ms`',
      "4:38-44 warning xl/vif-unknown-key unknown vif setting `brigde`: xl ignores it; did you mean 'bridge'?",
      '4:53-59 warning xl/vif-value `netdev` is deprecated in a vif spec; use `gatewaydev`',
      '4:71-79 warning xl/vif-value `netfront` is not a valid vif `type`: xl ignores it; use one of ioemu, vif',
    ]);
  });

  // xl refuses both ("Unknown string `uid' in vtpm spec", "unknown channel connection 'pipe'").
  it('checks the keys of the other device specs (vfb, vtpm, channel, …)', () => {
    assert.deepEqual(pv("vtpm = [ 'backend=vtpmmgr, uid=0a1b' ]\nchannel = [ 'name=org.qemu.guest_agent.0, connection=pipe' ]\n"), [
      '4:28-31 error xl/spec-unknown-key unknown vtpm setting `uid`: xl refuses the domain ("Unknown string `uid\' in vtpm spec"); did you mean \'uuid\'?',
      '5:54-58 error xl/spec-value `pipe` is not a valid channel `connection`: xl refuses the domain; use one of pty, socket',
    ]);
  });

  // libxlu's parse_bdf reads `1:0.0` (bus 1, device 0, function 0): xl -N create accepts it.
  it('checks PCI addresses and options', () => {
    assert.deepEqual(pv("pci = [ '01:00.0,permissive=1', '1:0.0', '02:00.0,foo=1' ]\n"), [
      '4:51-54 error xl/pci-spec unknown PCI option `foo`: xl refuses the device ("Unknown PCI_SPEC_STRING option")',
    ]);
  });
});

describe('xl-config across the workspace', () => {
  // The xl service reports each domain's facts; the workspace model checks them against the other configs.
  function diagnoseBoth(first: string, second: string) {
    const index = new WorkspaceIndex('/etc/xen');
    const parsed = [
      { path: '/etc/xen/vm01-web.cfg', text: first },
      { path: '/etc/xen/vm02-db.cfg', text: second },
    ].map(({ path, text }) => {
      const ctx = testContext(path, { workspace: index });
      const doc = xlConfigService.parse(text, ctx);
      index.update(ctx.uri, xlConfigService.facts(doc, ctx), true);
      return { ctx, doc };
    });
    return parsed.map(({ ctx, doc }) => diagnose(xlConfigService as LanguageService, doc, ctx, index).map(summary));
  }

  it('finds a name, a MAC and a writable disk used by another domain, in both configs', () => {
    const text = 'name = "vm02-db"\nkernel = "/k"\nvif = [ "mac=00:16:3e:00:01:02" ]\ndisk = [ "phy:/dev/drbd0,xvda,w" ]\n';
    const [first, second] = diagnoseBoth(text, text);
    assert.deepEqual(first, ['1:9-16 error workspace/duplicate-domain-name', '3:14-31 warning workspace/duplicate-mac']);
    assert.deepEqual(second, first);
  });

  it('finds a writable disk shared by two differently named domains, and not a read-only one', () => {
    const vm01 = 'name = "vm01-web"\nkernel = "/k"\ndisk = [ "phy:/dev/drbd0,xvda,w" ]\n';
    const [first] = diagnoseBoth(vm01, 'name = "vm02-db"\nkernel = "/k"\ndisk = [ "phy:/dev/drbd0,xvda,w" ]\n');
    assert.deepEqual(first, ['3:15-25 warning workspace/shared-disk']);
    const [readOnly] = diagnoseBoth(vm01, 'name = "vm02-db"\nkernel = "/k"\ndisk = [ "phy:/dev/drbd0,xvda,r" ]\n');
    assert.deepEqual(readOnly, []);
  });
});

describe('xl.conf', () => {
  // xl.c parse_global_config only prints "invalid autoballoon option" and goes on: a warning.
  it('uses its own keys, with did-you-mean and enums', () => {
    assert.deepEqual(problems('autoballoon = "of"\nvif.default.brige = "xenbr0"\ndefaultbridge = "xenbr0"\n', { path: '/etc/xen/xl.conf' }), [
      '1:15-19 warning xl/enum-value `of` is not a valid `autoballoon` (xl reports it and goes on with its default): use one of "off", "on", "auto", "1", "0"; did you mean \'off\' or \'on\'?',
      "2:1-18 warning xl/unknown-key unknown setting `vif.default.brige`: xl silently ignores it; did you mean 'vif.default.bridge'?",
      '3:1-14 warning xl/deprecated-key `defaultbridge` is deprecated: use `vif.default.bridge`',
    ]);
  });

  it('checks the CPU masks as xl does, but only warns: xl reports a bad one and goes on', () => {
    assert.deepEqual(problems('vm.cpumask = "0-3,^x"\n', { path: '/etc/xen/xl.conf' }), [
      '1:19-21 warning xl/cpu-range `^x` in `vm.cpumask` is not a CPU range: write N, N-M, all, node:N or nodes:N-M, and ^… to leave CPUs out (e.g. "0-3,^1") (xl says "Invalid pcpu range" and keeps only the CPUs before it)',
    ]);
  });
});
