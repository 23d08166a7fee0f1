/**
 * Device specs, CPU lists and passthrough resources, read as xl reads them
 * (tools/xl/xl_parse.c). The table below is the behaviour of xl 4.17 (Debian's,
 * the oracle's) case by case: `refused` is an error, `warned` a warning,
 * `clean` nothing. With the oracle installed each case is also run through
 * `xl -N create`, which must agree: the table is the tool's, not ours.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Severity } from '../../../server/src/common/diagnostics';
import { problems, PV_HEAD, xl } from './helpers';
import { inPool, ORACLE_XEN_VERSION, runOracle, XL_ORACLE } from './oracle';

type Verdict = 'refused' | 'warned' | 'clean';

/**
 * [lines after the PV head, what xl 4.17 does]. A third element says how to
 * read the oracle: `xl` (only xl's exit status: libxlu's own rdm check is
 * stricter than xl, which drops a bad rdm and goes on), `none` (the oracle
 * cannot judge: node: forms need a NUMA host, its fake one makes xl crash).
 */
const CASES: [string, Verdict, ('xl' | 'none')?][] = [
  // vif (parse_nic_config: its result is not checked, only rate, devid and mtu make xl exit)
  ["vif = [ 'mac=00:16:3e:00:00:01, brigde=xenbr0' ]", 'warned'],
  ["vif = [ 'mac=00:16:3e:00:00:01, type=netfront' ]", 'warned'],
  ["vif = [ 'mac=zz:16:3e:00:00:01' ]", 'warned'],
  ["vif = [ 'mac=01:16:3e:00:00:01' ]", 'warned'],
  ["vif = [ 'mac=00:16:3e:00:00:01, rate=10Mx/s' ]", 'refused'],
  ["vif = [ 'mac=00:16:3e:00:00:01, rate=10Mb/s@20ms' ]", 'clean'],
  ["vif = [ 'mac=00:16:3e:00:00:01, mtu=abc' ]", 'refused'],
  ["vif = [ 'mac=00:16:3e:00:00:01, mtu=1500x' ]", 'clean'],
  ["vif = [ 'mac=00:16:3e:00:00:01, devid=x' ]", 'refused'],
  ["vif = [ 'mac=00:16:3e:00:00:01, vlan=10' ]", 'warned'],
  ["vif = [ 'mac=00:16:3e:00:00:01, bogusflag' ]", 'warned'],
  // vfb: unknown keys skipped without a word; a part without `=` ends the spec
  ["vfb = [ 'vnc=1, foo=2' ]", 'warned'],
  ["vfb = [ 'vnc=1, bare, sdl=1' ]", 'warned'],
  // vkb
  ["vkb = [ 'backend-type=qemu, foo=1' ]", 'refused'],
  ["vkb = [ 'backend-type=bogus' ]", 'refused'],
  ["vkb = [ 'backend-type=QEMU' ]", 'clean'],
  ["vkb = [ 'backend=0' ]", 'refused'],
  ["vkb = [ 'backend-type=linux, feature-multi-touch=1' ]", 'refused'],
  ["vkb = [ 'backend-type=linux, feature-multi-touch=1, multi-touch-width=10' ]", 'clean'],
  ["vkb = [ 'backend-type=linux, width=abc' ]", 'clean'],
  // vtpm: unknown keys refused, a part without `=` ends the spec, backend is required
  ["vtpm = [ 'backend=0, uid=1' ]", 'refused'],
  ["vtpm = [ 'backend=0, uuid=nope' ]", 'refused'],
  ["vtpm = [ 'backend=0, uuid=b7a4e7f6-5f8e-4a9b-9a7d-0123456789ab' ]", 'clean'],
  ["vtpm = [ 'uuid=b7a4e7f6-5f8e-4a9b-9a7d-0123456789ab' ]", 'refused'],
  ["vtpm = [ 'backend=0, bare, foo=1' ]", 'warned'],
  ["vtpm = [ 'bare, backend=0' ]", 'refused'],
  // usbctrl, usbdev
  ["usbctrl = [ 'type=pv, foo=1' ]", 'refused'],
  ["usbctrl = [ 'type=bogus' ]", 'refused'],
  ["usbctrl = [ 'type=PV, version=2' ]", 'clean'],
  ["usbctrl = [ 'type=pv , version=2' ]", 'refused'],
  ["usbctrl = [ 'version=x, ports=y' ]", 'clean'],
  ["usbctrl = [ 'bare' ]", 'refused'],
  ["usbdev = [ 'type=hostdev, hostbus=1, hostaddr=2, foo=1' ]", 'refused'],
  ["usbdev = [ 'type=bogus, hostbus=1, hostaddr=2' ]", 'refused'],
  ["usbdev = [ 'hostbus=1, hostaddr=2' ]", 'clean'],
  // channel: trimmed pairs; unknown keys only reported; connection required, socket needs path
  ["channel = [ 'name=a, connection=pty, foo=1' ]", 'warned'],
  ["channel = [ 'name=a, connection=pipe' ]", 'refused'],
  ["channel = [ 'name=a' ]", 'refused'],
  ["channel = [ 'name=a, connection=socket' ]", 'refused'],
  ["channel = [ 'name=a, connection=socket, path=/run/a.sock' ]", 'clean'],
  ["channel = [ 'name=a, connection=pty, bare' ]", 'refused'],
  ["channel = [ 'name=, connection=pty' ]", 'refused'],
  ["channel = [ ' name = a , connection = pty ' ]", 'clean'],
  ["channel = [ 'name=a,, connection=pty' ]", 'clean'],
  // p9 (4.17: strtok; tag, path and security_model required; type= only from 4.19)
  ["p9 = [ 'tag=t, security_model=none, path=/p, foo=1' ]", 'refused'],
  ["p9 = [ 'tag=t, security_model=none' ]", 'refused'],
  ["p9 = [ 'tag=t, security_model=none, path=/p, bare, foo=1' ]", 'warned'],
  ["p9 = [ 'tag=t, security_model=none, path=/p, type=xen_9pfsd' ]", 'refused'],
  ["p9 = [ 'tag=t, security_model=none, path=/p' ]", 'clean'],
  // pvcalls
  ["pvcalls = [ 'backend=0, foo=1' ]", 'refused'],
  ["pvcalls = [ 'bare, foo=1' ]", 'warned'],
  // vdispl
  ["vdispl = [ 'backend=0, beAlloc=0, connectors=c0:1024x768' ]", 'refused'],
  ["vdispl = [ 'backend=0, be-alloc=0, connectors=c0:1024x768' ]", 'clean'],
  ["vdispl = [ 'backend=0' ]", 'refused'],
  ["vdispl = [ 'connectors=c0:1024' ]", 'refused'],
  ["vdispl = [ 'connectors=c0' ]", 'refused'],
  ["vdispl = [ 'connectors=c0:1024x768;c1:800x600, be-alloc=x' ]", 'clean'],
  ["vdispl = [ 'connectors=c0:1024x768, bare' ]", 'refused'],
  // vsnd: a list of cards, each a list of entries
  ["vsnd = [ [ 'card, backend=0, short-name=c', 'pcm, name=p', 'stream, unique-id=s, type=p' ] ]", 'clean'],
  ["vsnd = [ [ 'card, backend=0, colour=red' ] ]", 'refused'],
  ["vsnd = [ [ 'cord, backend=0' ] ]", 'refused'],
  ["vsnd = [ [ 'stream, unique-id=s, type=x' ] ]", 'refused'],
  ["vsnd = [ [ 'pcm, sample-formats=s16_le;s99' ] ]", 'refused'],
  ["vsnd = [ 'card, backend=0' ]", 'refused'],
  // pci (libxlu_pci.c)
  ["pci = [ '1:0.0' ]", 'clean'],
  ["pci = [ '01:00.0, permissive=1' ]", 'refused'],
  ["pci = [ '01:00.0,permissive=1' ]", 'clean'],
  ["pci = [ '01:20.0' ]", 'refused'],
  ["pci = [ '01:1f.7@1f' ]", 'clean'],
  ["pci = [ '01:1f.7@20' ]", 'refused'],
  ["pci = [ '01:00.8' ]", 'refused'],
  ["pci = [ '0000:01:00.*' ]", 'clean'],
  ["pci = [ '01:00.0,foo' ]", 'refused'],
  ["pci = [ 'bdf=01:00.0,vslot=3' ]", 'clean'],
  ["pci = [ 'name=gpu0' ]", 'clean'],
  ["pci = [ 'permissive=1' ]", 'refused'],
  ["pci = [ '01:00.0,name=x' ]", 'refused'],
  ["pci = [ '01:00.0,rdm_policy=bogus' ]", 'refused'],
  ["pci = [ '01:00.0,rdm_policy=relaxed,msitranslate=yes' ]", 'clean'],
  ["pci = [ ' 01:00.0' ]", 'refused'],
  ["pci = [ '01:00.0,,permissive=1' ]", 'refused'],
  // rdm: xl never fails on it, it drops the setting (libxlu's own check refuses, hence `xl`)
  ["type = 'hvm'\nrdm = 'strategy=host,policy=relaxed'", 'warned', 'xl'],
  ["type = 'hvm'\nrdm = 'strategy=host'", 'clean'],
  ["type = 'hvm'\nrdm = 'strategy=host,policy=bogus'", 'warned'],
  ["type = 'hvm'\nrdm = 'strategy=guest'", 'warned', 'xl'],
  ["type = 'hvm'\nrdm = 'foo=bar'", 'warned', 'xl'],
  ["type = 'hvm'\nrdm = 'strategy=host,'", 'warned', 'xl'],
  // cpus and cpus_soft (parse_cpurange)
  ["cpus = '0-3'", 'clean'],
  ["cpus = '3-1'", 'refused'],
  ["cpus = 'all'", 'clean'],
  ["cpus = '^all'", 'refused'],
  ["cpus = 'nodes:all'", 'clean'],
  ["cpus = '^nodes:all'", 'refused'],
  ["cpus = 'node:0'", 'clean', 'none'],
  ["cpus = 'nodes:0-1,^node:1'", 'clean', 'none'],
  ["cpus = '0-3,^1'", 'clean'],
  ["cpus = 'node:^1'", 'refused'],
  ["cpus = '0, 2'", 'clean'],
  ["cpus = '0 ,2'", 'refused'],
  ["cpus = '0,,2'", 'clean'],
  ["cpus = ''", 'clean'],
  ["cpus = '3-'", 'refused'],
  ["cpus = '-1'", 'refused'],
  ["cpus = 'All'", 'refused'],
  ["cpus = 3", 'clean'],
  ["cpus = 0x3", 'refused'],
  ["cpus_soft = '0-x'", 'refused'],
  ["cpus = [ '0', 'bad' ]", 'warned'],
  ["vcpus = 2\ncpus = [ '0', 'bad' ]", 'refused'],
  ["vcpus = 2\ncpus = [ '0', '1', 'bad' ]", 'warned'],
  ["maxvcpus = 3\nvcpus = 2\ncpus = [ '0', '1', 'bad' ]", 'refused'],
  ["vcpus = 2\ncpus = [ [ '1' ], '2' ]", 'refused'],
  ["vcpus = 2\ncpus = [ '1-2,4', 'all' ]", 'clean'],
  // each vCPU's hard affinity must keep a CPU ("vcpu hard affinity map is empty"); without vcpus 4.17 reads none
  ["cpus = '^1'", 'clean'],
  ["vcpus = 1\ncpus = '^1'", 'refused'],
  ["vcpus = 1\ncpus = [ '' ]", 'refused'],
  ["vcpus = 2\ncpus = [ '0', '^1' ]", 'refused'],
  ["vcpus = 1\ncpus = '0-3,^0-3'", 'refused'],
  ["vcpus = 1\ncpus = 'all,^0'", 'clean'],
  ["vcpus = 1\ncpus_soft = '^1'", 'clean'],
  // iomem, ioports, irqs
  ["iomem = [ 'fe000,10' ]", 'clean'],
  ["iomem = [ '0xfe000,0x10@0x100' ]", 'clean'],
  ["iomem = [ 'fe000, 10' ]", 'clean'],
  ["iomem = [ 'fe000 ,10' ]", 'refused'],
  ["iomem = [ 'fe000,10 ' ]", 'refused'],
  ["iomem = [ 'fe000,10@' ]", 'refused'],
  ["iomem = [ 'fe000' ]", 'refused'],
  ["iomem = [ 'fe000,10,4' ]", 'refused'],
  ["iomem = [ [ 'fe000,10' ] ]", 'refused'],
  ["ioports = [ '3f8-3ff' ]", 'clean'],
  ["ioports = [ '3f8x' ]", 'warned'],
  ["ioports = [ '3f8-' ]", 'refused'],
  ["ioports = [ '3f8-3ffx' ]", 'refused'],
  ["ioports = [ 'zz' ]", 'refused'],
  ["ioports = [ 'ffffffff' ]", 'refused'],
  ["ioports = [ '3ff-3f8' ]", 'warned'],
  ["irqs = [ 5, 7 ]", 'clean'],
  ["irqs = [ 0x5 ]", 'refused'],
  ["irqs = [ '5x' ]", 'refused'],
  ["irqs = [ '4294967295' ]", 'refused'],
  ["irqs = [ '-1' ]", 'refused'],
];

const AT_ORACLE_VERSION = { settings: { xen: { version: ORACLE_XEN_VERSION } } };

function ourVerdict(text: string): Verdict {
  const found = xl.diagnostics(text, AT_ORACLE_VERSION);
  if (found.some((d) => d.severity === Severity.Error)) return 'refused';
  return found.some((d) => d.severity === Severity.Warning) ? 'warned' : 'clean';
}

describe('xl-config device specs, CPU lists and resources, as xl 4.17 reads them', () => {
  it('gives each case of the table its verdict (error where xl refuses, warning where it ignores)', () => {
    const wrong = CASES.map(([lines, expected]) => ({ lines, expected, actual: ourVerdict(`${PV_HEAD}${lines}\n`) })).filter((c) => c.actual !== c.expected);
    assert.deepEqual(wrong, []);
  });

  it('the table is what the real xl does (xl -N create through the oracle)', async (t) => {
    if (!XL_ORACLE) return t.skip('xl oracle not found (set XEN_CONFIG_ORACLES or install ../shared/oracles)');
    const dir = mkdtempSync(join(tmpdir(), 'xl-specs-'));
    try {
      const disagreements = (
        await inPool(CASES, 6, async ([lines, expected, read], index) => {
          if (read === 'none') return undefined;
          const path = join(dir, `case-${index}.cfg`);
          writeFileSync(path, `${PV_HEAD}${lines}\n`);
          const out = await runOracle(path);
          if (out.valid === null) return `${lines}: oracle unavailable (${out.unavailable})`;
          const accepted = read === 'xl' ? out.xl?.exit === 0 : out.valid;
          return accepted === (expected !== 'refused') ? undefined : `${lines}: table says ${expected}, xl ${accepted ? 'accepts' : 'refuses'} (${JSON.stringify(out.xl?.messages ?? [])})`;
        })
      ).filter((d) => d !== undefined);
      assert.deepEqual(disagreements, []);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('xl-config device spec messages', () => {
  const at417 = (lines: string) => problems(`${PV_HEAD}${lines}\n`, AT_ORACLE_VERSION);

  it('vdispl: an unknown key is refused, in xl\'s words, with did-you-mean and its fix', () => {
    const text = `${PV_HEAD}vdispl = [ 'backend=0, beAlloc=0, connectors=c0:1024x768' ]\n`;
    assert.deepEqual(problems(text), ['4:24-31 error xl/spec-unknown-key unknown vdispl setting `beAlloc`: xl refuses the domain ("Unknown string "beAlloc=0" in vdispl spec"); did you mean \'be-alloc\'?']);
    assert.equal(xl.fix(text, { line: 3, character: 24 }, "Change to 'be-alloc'"), `${PV_HEAD}vdispl = [ 'backend=0, be-alloc=0, connectors=c0:1024x768' ]\n`);
  });

  it('vtpm, vkb, channel, p9, vdispl: the keys xl requires', () => {
    assert.deepEqual(at417("vtpm = [ 'bare, backend=0' ]\nvkb = [ 'backend=0' ]\nchannel = [ 'name=a, connection=socket' ]\np9 = [ 'tag=t' ]\nvdispl = [ 'backend=0' ]"), [
      '4:10-27 error xl/spec-missing this vtpm has no `backend=`: xl refuses the domain ("vtpm spec missing required backend field!"); add `backend=` with the vTPM domain',
      '4:11-15 warning xl/spec-unknown-key `bare` has no `=`: xl stops reading this vtpm spec here, so it ignores this and everything after it',
      '5:9-20 error xl/spec-missing this vkb has no `backend-type=`: xl refuses the domain ("backend-type should be set in vkb spec"); add `backend-type=qemu` or `backend-type=linux`',
      '6:13-40 error xl/spec-missing `connection=socket` needs `path=` (the socket in dom0): xl refuses the domain ("channel connection \'socket\' requires path=..")',
      '7:8-15 error xl/spec-missing this 9pfs share has no `path=`, `security_model=`: xl refuses the domain ("9pfs spec missing required field!")',
      '8:12-23 error xl/spec-missing this vdispl has no `connectors=`: xl refuses the domain ("At least one connector should be specified."); add `connectors=ID:WIDTHxHEIGHT`',
    ]);
  });

  it('usbctrl keeps the blank after a value (strtok), channel trims it', () => {
    assert.deepEqual(at417("usbctrl = [ 'type=pv , version=2' ]\nchannel = [ ' name = a , connection = pty ' ]"), [
      '4:19-22 error xl/spec-value `pv ` (xl keeps the blank after it) is not a valid usbctrl `type`: xl refuses the domain; use one of auto, pv, devicemodel, qusb',
    ]);
  });

  it('follows the target release: p9 `type=` is refused by 4.17, read by 4.19', () => {
    const line = "p9 = [ 'tag=t, security_model=none, path=/p, type=xen_9pfsd' ]";
    assert.deepEqual(at417(line), ['4:46-50 error xl/spec-unknown-key p9 setting `type` needs Xen 4.19 or later; the target is Xen 4.17 (setting xenConfig.xen.version), whose xl refuses the domain ("Unknown string `type\' in 9pfs spec")']);
    assert.deepEqual(problems(`${PV_HEAD}${line}\n`), []);
    assert.deepEqual(problems(`${PV_HEAD}p9 = [ 'tag=t, security_model=none, path=/p, max-files=10' ]\n`), [
      '4:8-59 error xl/spec-missing `max-files` only works with `type=xen_9pfsd`: libxl refuses the domain ("Illegal 9pfs parameter combination")',
    ]);
  });

  it('pci: a blank after the comma is part of the option name', () => {
    const text = `${PV_HEAD}pci = [ '01:00.0, permissive=1' ]\n`;
    assert.deepEqual(problems(text), ['4:18-29 error xl/pci-spec ` permissive` is not `permissive`: xl reads the blank as part of the option name; remove it: xl refuses the device ("Unknown PCI_SPEC_STRING option")']);
    assert.equal(xl.fix(text, { line: 3, character: 18 }, "Change to 'permissive'"), `${PV_HEAD}pci = [ '01:00.0,permissive=1' ]\n`);
  });

  it('rdm: xl drops the whole setting on any valid policy (an upstream parser bug), so it is a warning', () => {
    assert.deepEqual(problems("name = 'w'\ntype = 'hvm'\nrdm = 'strategy=host,policy=relaxed'\n"), [
      '3:22-36 warning xl/spec-value libxlutil\'s rdm parser fails on every valid `policy=` (an upstream bug); write `rdm = "strategy=host"` and set the policy per device with `rdm_policy=` in `pci`: xl then ignores the whole `rdm` setting, so no RDM is reserved',
    ]);
  });

  it('cpus: the range xl cannot read, in its words', () => {
    assert.deepEqual(at417("cpus = '3-1,0 ,^all'\nvcpus = 1\ncpus_soft = [ 'x', 'node:1' ]"), [
      '4:9-12 error xl/cpu-range `3-1` in `cpus` runs backwards: write 1-3: xl refuses the domain ("Invalid pcpu range: 3-1.")',
      '4:13-15 error xl/cpu-range `0 ` in `cpus` ends with a blank, which xl reads as part of the range: remove the blank before the comma: xl refuses the domain ("Invalid pcpu range: 0 .")',
      '4:16-20 error xl/cpu-range `^all` in `cpus` excludes everything: `^` cannot be combined with `all`: xl refuses the domain ("Can\'t combine "^" and "all".")',
      '6:16-17 error xl/cpu-range `x` in `cpus_soft` is not a CPU range: write N, N-M, all, node:N or nodes:N-M, and ^… to leave CPUs out (e.g. "0-3,^1"): xl refuses the domain ("Invalid pcpu range: x.")',
    ]);
  });

  it('cpus: a vCPU left with no CPU at all', () => {
    assert.deepEqual(at417("vcpus = 2\ncpus = [ '0-1', '^1' ]"), [
      '5:17-21 error xl/cpu-range `^1` leaves the vCPU no CPU to run on (nothing is added, or everything added is taken away again): xl refuses the domain ("vcpu hard affinity map is empty")',
    ]);
  });

  it('iomem, ioports, irqs: each entry as xl reads it', () => {
    assert.deepEqual(at417("iomem = [ 'fe000,10', 'fe000 ,10', 'fe000,10@' ]\nioports = [ '3f8-3ff', '3f8x', '3f8-3ffx' ]\nirqs = [ 5, 0x5 ]"), [
      '4:24-33 error xl/resource-range `fe000 ,10` has a blank before the comma: xl refuses the domain ("Invalid argument parsing iomem"); write IOMEM_START,NUM_PAGES[@GFN] in hex, e.g. "fe000,10" or "fe000,10@c0000"',
      '4:37-46 error xl/resource-range `fe000,10@` has no hex guest frame number after `@`: xl refuses the domain ("Invalid argument parsing iomem"); write IOMEM_START,NUM_PAGES[@GFN] in hex, e.g. "fe000,10" or "fe000,10@c0000"',
      '5:25-29 warning xl/resource-range `3f8x` has `x` after the port: xl says "Invalid argument parsing ioport" and uses only port 3f8; write FROM-TO for a range',
      '5:33-41 error xl/resource-range `3f8-3ffx` has `x` after the range: xl refuses the domain ("Invalid argument parsing ioport"); write a hex port or FROM-TO, e.g. "3f8-3ff"',
      '6:13-16 error xl/resource-range `0x5` is not a decimal IRQ number (xl reads IRQs in decimal only): xl refuses the domain ("Invalid argument parsing irq")',
    ]);
  });
});
