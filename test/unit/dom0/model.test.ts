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

  it('garbage instead of the domain list or the JSON', () => {
    assert.equal(error('xl', labSections({ list: 'Segmentation fault\n' }))?.message, 'node 1 (root@an-node01): cannot read the output of `xl list`: the domain list does not start with the "Name ID Mem VCPUs State Time(s)" header: "Segmentation fault"');
    assert.match(error('xl', labSections({ long: '[{"domid": 1, "config": ' }))?.message ?? '', /^node 1 \(root@an-node01\): cannot read the output of `xl list -l`: the long domain list is not JSON \(.*\): "\[\{"domid": 1, "config":"$/);
    assert.equal(error('xl', labSections({ long: '[{"domid": 1}]' }))?.message, 'node 1 (root@an-node01): cannot read the output of `xl list -l`: entry 1 of the long domain list has no config.c_info.name');
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

  it('reports a broken S-expression', () => {
    const broken = buildHostModel(testHost('root@old'), refreshOutput('xm', { list: xmCapture('xm-list.stdout'), long: '(domain (name x)' }));
    assert.equal(broken.error?.message, 'root@old: cannot read the output of `xm list --long`: the long domain list is not a valid S-expression: a "(" is never closed (line 1, column 1)');
  });
});

describe('state flags', () => {
  it('maps each of xl\'s flags to one state, the most significant first', () => {
    assert.deepEqual(['r-----', '-b----', '--p---', '---s--', '----c-', '-----d', '------', '-bp---'].map(stateOfFlags), ['running', 'blocked', 'paused', 'shutdown', 'crashed', 'dying', 'runnable', 'paused']);
  });
});
