import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionArgv, availableActions, readFileArgv, writeFileArgv } from '../../../shared/src/dom0/actions';
import { buildHostModel, DomainModel } from '../../../shared/src/dom0/model';
import { capture, labSections, refreshOutput, testHost } from '../../helpers/dom0';

const lab = buildHostModel(testHost(), refreshOutput('xl', labSections({ list: capture('24-xl-list-paused.stdout'), configs: '/etc/xen/domu1.cfg\n/etc/xen/domu2.cfg\n/etc/xen/domu3.cfg\n' })));
const domain = (name: string) => lab.domains.find((d) => d.name === name) as DomainModel;

describe('actions offered by state', () => {
  it('offers nothing that would stop or change Domain-0', () => {
    assert.deepEqual(availableActions(domain('Domain-0')), []);
  });
  it('offers shutdown, reboot, destroy, pause, console and migrate on a running guest', () => {
    assert.deepEqual(availableActions(domain('domu1')), ['shutdown', 'reboot', 'destroy', 'pause', 'console', 'migrate']);
  });
  it('offers unpause, destroy and console on a paused guest', () => {
    assert.deepEqual(availableActions(domain('domu2')), ['destroy', 'unpause', 'console']);
  });
  it('offers start on a config with nothing running', () => {
    assert.deepEqual(availableActions(domain('domu3')), ['start']);
  });
});

describe('exact remote argv of each action', () => {
  const domu1 = domain('domu1');
  it('runs the toolstack with the domain name as one argument', () => {
    assert.deepEqual(actionArgv('xl', 'shutdown', domu1), ['xl', 'shutdown', 'domu1']);
    assert.deepEqual(actionArgv('xl', 'reboot', domu1), ['xl', 'reboot', 'domu1']);
    assert.deepEqual(actionArgv('xl', 'destroy', domu1), ['xl', 'destroy', 'domu1']);
    assert.deepEqual(actionArgv('xl', 'pause', domu1), ['xl', 'pause', 'domu1']);
    assert.deepEqual(actionArgv('xm', 'unpause', domu1), ['xm', 'unpause', 'domu1']);
    assert.deepEqual(actionArgv('xl', 'console', domu1), ['xl', 'console', 'domu1']);
    assert.deepEqual(actionArgv('xl', 'start', domain('domu3')), ['xl', 'create', '/etc/xen/domu3.cfg']);
  });
  it('ends option parsing before a name that starts with "-"', () => {
    assert.deepEqual(actionArgv('xl', 'destroy', { name: '-a' }), ['xl', 'destroy', '--', '-a']);
  });
  it('migrates to the target host name, with its port as the ssh command', () => {
    assert.deepEqual(actionArgv('xl', 'migrate', domu1, testHost('root@an-node02')), ['xl', 'migrate', 'domu1', 'root@an-node02']);
    assert.deepEqual(actionArgv('xl', 'migrate', domu1, testHost('an-node02:2222')), ['xl', 'migrate', '-s', 'ssh -p 2222', 'domu1', 'an-node02']);
    assert.deepEqual(actionArgv('xm', 'migrate', domu1, testHost('an-node02')), ['xm', 'migrate', '--live', 'domu1', 'an-node02']);
  });
  it('reads and writes files through a constant script with the path as an argument', () => {
    assert.deepEqual(readFileArgv('/etc/xen/a b.cfg'), ['cat', '--', '/etc/xen/a b.cfg']);
    const write = writeFileArgv('/etc/xen/x.cfg', 'abc');
    assert.deepEqual([write[0], write[1], write[3], write[4], write[5]], ['sh', '-c', 'xen-dom0-save', '/etc/xen/x.cfg', 'abc']);
    assert.doesNotMatch(write[2], /x\.cfg|abc/);
  });
});
