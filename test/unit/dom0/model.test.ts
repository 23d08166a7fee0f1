import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildHostModel, DomainModel, HostModel, stateOfFlags } from '../../../shared/src/dom0/model';
import { capture, labSections, refreshOutput, testHost, xmCapture } from '../../helpers/dom0';

const summary = (model: HostModel) => model.domains.map((d: DomainModel) => `${d.name}#${d.id ?? '-'} ${d.state} ${d.memoryMiB ?? '-'}MiB ${d.vcpus ?? '-'}/${d.maxVcpus ?? '-'}vcpu${d.note ? ` (${d.note})` : ''}`);
const host = testHost('root@an-node01', { name: 'node 1' });

describe('host model from a refresh of the lab dom0', () => {
  const model = buildHostModel(host, refreshOutput('xl', labSections()));

  it('has the host facts of xl info', () => {
    assert.deepEqual([model.reachable, model.toolstack, model.xenVersion, model.freeMemoryMiB, model.totalMemoryMiB, model.cpus, model.error, model.warnings], [true, 'xl', '4.17.5', 1757, 3071, 2, undefined, []]);
  });

  it('joins xl list and xl list -l by id, adds uptime, and lists the stopped config', () => {
    assert.deepEqual(summary(model), ['Domain-0#0 running 1024MiB 2/-vcpu', 'domu1#1 blocked 128MiB 1/1vcpu', 'domu2#2 running 128MiB 2/2vcpu', 'domu3#- stopped -MiB -/-vcpu']);
    const domu1 = model.domains[1];
    assert.deepEqual([domu1.uptimeSeconds, domu1.type, domu1.configPath, domu1.configFound, domu1.cpuTimeSeconds], [65, 'pv', '/etc/xen/domu1.cfg', true, 10.9]);
    assert.deepEqual(domu1.disks, [{ vdev: 'xvda', target: '/var/lib/xen/images/domu1.img', mode: 'w', cdrom: false }]);
    assert.deepEqual(domu1.nics, [{ devid: 0, mac: '00:16:3e:00:01:01', bridge: 'xenbr0', ip: undefined, model: undefined }]);
  });

  it('reads Domain-0 from its sparse JSON entry, without a config path', () => {
    const dom0 = model.domains[0];
    assert.deepEqual([dom0.isDom0, dom0.configPath, dom0.disks, dom0.nics, dom0.uuid], [true, undefined, [], [], undefined]);
  });
});

describe('domains in transition (real captures)', () => {
  it('shows a paused guest as paused', () => {
    const model = buildHostModel(host, refreshOutput('xl', labSections({ list: capture('24-xl-list-paused.stdout') })));
    assert.equal(model.domains[2].state, 'paused');
  });

  it('keeps a domain that xl list still shows but xl list -l no longer does, with a note', () => {
    const model = buildHostModel(host, refreshOutput('xl', labSections({ list: capture('31-xl-list-right-after-shutdown.stdout'), long: capture('04-xl-list-l-domu1.stdout').replace('"domid": 1', '"domid": 0').replace('domu1', 'Domain-0') + '' })));
    assert.deepEqual(summary(model).slice(1, 3), [
      'domu1#1 blocked 128MiB 1/-vcpu (changing state: listed by the short listing but not by the long one)',
      'domu2#2 blocked 128MiB 2/-vcpu (changing state: listed by the short listing but not by the long one)',
    ]);
  });

  it('shows a domain that only the long listing has as building', () => {
    const model = buildHostModel(host, refreshOutput('xl', labSections({ list: capture('32-xl-list-after-shutdown.stdout') })));
    assert.deepEqual(summary(model).slice(1, 3), ['domu1#1 blocked 128MiB 1/1vcpu', 'domu2#2 building 128MiB -/2vcpu (changing state: listed by the long listing but not by the short one)']);
  });

  it('shows a guest being built (paused, no memory, no vCPUs yet) as building', () => {
    const model = buildHostModel(host, refreshOutput('xl', labSections({ list: capture('extra/during-boot-xl-list.3.stdout') })));
    assert.deepEqual(summary(model).slice(1, 3), ['domu1#1 blocked 128MiB 1/1vcpu', 'domu2#2 building 0MiB 0/2vcpu']);
  });

  it('follows the whole capture sequence: destroy, create, recreate with new ids', () => {
    const after = (list: string, long: string) => summary(buildHostModel(host, refreshOutput('xl', labSections({ list: capture(list), long: capture(long) }))));
    assert.deepEqual(after('35-xl-list-after-destroy.stdout', '05-xl-list-l-dom0.stdout'), ['Domain-0#0 running 1024MiB 2/-vcpu', 'domu1#- stopped -MiB -/-vcpu', 'domu2#- stopped -MiB -/-vcpu', 'domu3#- stopped -MiB -/-vcpu']);
    assert.deepEqual(after('45-xl-list-final.stdout', '46-xl-list-l-final.stdout').slice(1, 3), ['domu1#5 blocked 128MiB 1/1vcpu', 'domu2#6 running 128MiB 1/2vcpu']);
  });
});

describe('failures become one error on the host', () => {
  const error = (toolstack: 'xl' | 'xm' | 'none', sections: Record<string, string | { stdout: string; stderr: string; exitCode: number }>) => buildHostModel(host, refreshOutput(toolstack, sections)).error;

  it('no toolstack on the host', () => {
    assert.deepEqual(error('none', {}), {
      kind: 'no-toolstack',
      message: 'node 1 (root@an-node01): no `xl` or `xm` command on the host',
      hint: "Is this a Xen dom0? Install the Xen tools there (xen-utils) or set the host's toolstack in xenConfig.dom0.hosts.",
    });
  });

  it('not permitted (not root)', () => {
    const stderr = capture('extra/nonroot-xl-list.stderr');
    const e = error('xl', labSections({ list: { stdout: '', stderr, exitCode: 1 } }));
    assert.equal(e?.kind, 'not-permitted');
    assert.equal(e?.message, 'node 1 (root@an-node01): `xl list` was not permitted (xencall: error: Could not obtain handle on privileged command interface: Permission denied)');
  });

  it('garbage instead of the domain list', () => {
    assert.equal(error('xl', labSections({ list: 'Segmentation fault\n' }))?.message, 'node 1 (root@an-node01): cannot read the output of `xl list`: the domain list does not start with the "Name ID Mem VCPUs State Time(s)" header: "Segmentation fault"');
  });
});

describe('one odd domain or a cut-off listing never empties the host', () => {
  const build = (sections: Parameters<typeof labSections>[0]) => buildHostModel(host, refreshOutput('xl', labSections(sections)));
  const header = capture('02-xl-list.stdout').split('\n')[0];
  const row = (name: string, id: number) => `${name.padEnd(40)}${String(id).padStart(6)}   128     1     -b----       1.0`;

  it('reads a domain named "my vm" (xl pads names, it does not quote them)', () => {
    const long = JSON.parse(capture('03-xl-list-l.stdout'));
    long[1].config.c_info.name = 'my vm';
    const model = build({ list: [header, row('Domain-0', 0), row('my vm', 1), row('domu2', 2)].join('\n') + '\n', long: JSON.stringify(long) });
    assert.equal(model.error, undefined);
    assert.deepEqual(model.warnings, []);
    assert.deepEqual(summary(model).slice(0, 3), ['Domain-0#0 blocked 128MiB 1/-vcpu', 'my vm#1 blocked 128MiB 1/1vcpu', 'domu2#2 blocked 128MiB 1/2vcpu']);
    assert.equal(model.domains[1].disks.length, 1);
  });

  it('keeps every domain of a long listing cut off in the middle, and says which lost its details', () => {
    const text = capture('03-xl-list-l.stdout');
    const cut = text.slice(0, text.indexOf('"domid": 2') + 40);
    const model = build({ long: cut });
    assert.equal(model.error, undefined);
    assert.deepEqual(summary(model).slice(0, 3), [
      'Domain-0#0 running 1024MiB 2/-vcpu',
      'domu1#1 blocked 128MiB 1/1vcpu',
      'domu2#2 running 128MiB 2/-vcpu (no details: the long domain list ends in the middle of entry 3 (output cut off))',
    ]);
    assert.equal(model.domains[1].disks.length, 1, 'the complete entries keep their devices');
  });

  it('a long listing cut off before a domain, or with an entry without a name, marks only that domain', () => {
    const cutBefore = build({ long: '[{"domid": 0, "config": {"c_info": {"name": "Domain-0"}}}' });
    assert.deepEqual(summary(cutBefore).slice(1, 3), [
      'domu1#1 blocked 128MiB 1/-vcpu (no details: the long listing was cut off before this domain)',
      'domu2#2 running 128MiB 2/-vcpu (no details: the long listing was cut off before this domain)',
    ]);
    assert.deepEqual(cutBefore.warnings.map((w) => w.message), ['node 1 (root@an-node01): cannot read the output of the domain listings: one part could not be read: "the long domain list ends after 1 entry without its closing "]" (output cut off)"']);
    const nameless = build({ long: '[{"domid": 1}]' });
    assert.deepEqual(summary(nameless)[1], 'domu1#1 blocked 128MiB 1/-vcpu (no details: entry 1 of the long domain list has no config.c_info.name)');
  });

  it('a long listing that is not JSON at all is a warning: the short listing still shows every domain', () => {
    const model = build({ long: '<html>502 Bad Gateway</html>\n' });
    assert.equal(model.error, undefined);
    assert.match(model.warnings[0]?.message ?? '', /^node 1 \(root@an-node01\): cannot read the output of `xl list -l`: the long domain list is not JSON/);
    assert.deepEqual(summary(model).slice(0, 3), ['Domain-0#0 running 1024MiB 2/-vcpu', 'domu1#1 blocked 128MiB 1/-vcpu (no details: `xl list -l` could not be read)', 'domu2#2 running 128MiB 2/-vcpu (no details: `xl list -l` could not be read)']);
  });

  it('takes the exact name from the long listing when the short one breaks it (a newline in a name)', () => {
    const long = JSON.parse(capture('03-xl-list-l.stdout'));
    long[2].config.c_info.name = 'line1\nline2';
    const model = build({ list: [header, row('Domain-0', 0), row('domu1', 1), 'line1', row('line2', 2)].join('\n') + '\n', long: JSON.stringify(long) });
    assert.deepEqual(model.warnings, []);
    assert.deepEqual(model.domains.map((d) => [d.name, d.id]).slice(0, 3), [['Domain-0', 0], ['domu1', 1], ['line1\nline2', 2]]);
  });

  it('gives a domain whose name holds "/" no config path (it would point out of /etc/xen)', () => {
    const long = JSON.parse(capture('03-xl-list-l.stdout'));
    long[1].config.c_info.name = '../../root/.ssh/x';
    const model = build({ list: [header, row('Domain-0', 0), row('../../root/.ssh/x', 1), row('domu2', 2)].join('\n') + '\n', long: JSON.stringify(long) });
    assert.deepEqual(model.domains.slice(1, 3).map((d) => [d.name, d.configPath]), [['../../root/.ssh/x', undefined], ['domu2', '/etc/xen/domu2.cfg']]);
  });

  it('reports a line of xl list that is no row, and keeps the others', () => {
    const model = build({ list: capture('02-xl-list.stdout') + 'garbage line\n' });
    assert.deepEqual(summary(model).slice(0, 3), ['Domain-0#0 running 1024MiB 2/-vcpu', 'domu1#1 blocked 128MiB 1/1vcpu', 'domu2#2 running 128MiB 2/2vcpu']);
    assert.deepEqual(model.warnings.map((w) => w.message), ['node 1 (root@an-node01): cannot read the output of `xl list`: one part could not be read: "garbage line"']);
  });
  it('a failing xl info or uptime is a warning, the domains still show', () => {
    const model = buildHostModel(host, refreshOutput('xl', labSections({ uptime: { stdout: '', stderr: 'boom', exitCode: 1 } })));
    assert.equal(model.error, undefined);
    assert.equal(model.domains.length, 4);
    assert.deepEqual(model.warnings.map((w) => w.message), ['node 1 (root@an-node01): `xl uptime` failed with exit status 1: boom']);
  });
});

describe('xm hosts (hand-written xend output, see test/fixtures/xm-captures/README.md)', () => {
  const model = buildHostModel(testHost('root@old', { toolstack: 'xm' }), refreshOutput('xm', {
    info: xmCapture('xm-info.stdout'),
    list: xmCapture('xm-list.stdout'),
    long: xmCapture('xm-list-long.stdout'),
    uptime: xmCapture('xm-uptime.stdout'),
    configs: '',
  }));

  it('reads the S-expressions of xm list --long and the version from xen_major/minor/extra', () => {
    assert.equal(model.xenVersion, '3.1.2-238.el5');
    assert.deepEqual(summary(model), ['Domain-0#0 running 1024MiB 2/2vcpu', 'vm01-web#3 blocked 1024MiB 2/2vcpu']);
    const vm = model.domains[1];
    assert.deepEqual([vm.type, vm.uptimeSeconds, model.domains[0].uptimeSeconds], ['pv', 7201, 12 * 86400 + 3 * 3600 + 4 * 60 + 5]);
    assert.deepEqual(vm.disks, [
      { vdev: 'xvda', target: 'phy:/dev/drbd0', mode: 'w', cdrom: false },
      { vdev: 'xvdc', target: 'tap:aio:/srv/iso/install.iso', mode: 'r', cdrom: true },
    ]);
    assert.deepEqual(vm.nics.map((n) => `${n.mac}@${n.bridge}`), ['00:16:3e:00:01:01@xenbr0', '00:16:3e:00:02:01@xenbr1']);
  });

  it('reports a cut-off S-expression, and keeps the domains of the short listing', () => {
    const broken = buildHostModel(testHost('root@old'), refreshOutput('xm', { list: xmCapture('xm-list.stdout'), long: '(domain (name x)' }));
    assert.equal(broken.error, undefined);
    assert.deepEqual(broken.warnings.map((w) => w.message).slice(-1), ['root@old: cannot read the output of the domain listings: one part could not be read: "the long domain list ends in the middle of domain 1 (output cut off)"']);
    assert.ok(broken.domains.length > 1);
  });
});

describe('state flags', () => {
  it('maps each of xl\'s flags to one state, the most significant first', () => {
    assert.deepEqual(['r-----', '-b----', '--p---', '---s--', '----c-', '-----d', '------', '-bp---'].map(stateOfFlags), ['running', 'blocked', 'paused', 'shutdown', 'crashed', 'dying', 'runnable', 'paused']);
  });
});
