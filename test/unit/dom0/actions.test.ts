import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actedCommand, actionArgv, availableActions, GUARD_MISMATCH_EXIT, unaddressable } from '../../../shared/src/dom0/actions';
import { digestsOf, readFileArgv, saveFileArgv } from '../../../shared/src/dom0/remoteFile';
import { describeCommand } from '../../../shared/src/dom0/session';
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

const guard = (ts: string, mode: string, key: string, expected: string) => (argv: string[]) => {
  assert.deepEqual([argv[0], argv[1], argv[3], ...argv.slice(4, 8)], ['sh', '-c', 'xen-dom0-guard', ts, mode, key, expected]);
  return argv.slice(8);
};

describe('exact remote argv of each action', () => {
  const domu1 = domain('domu1');
  it('xl: acts by domid, behind a guard that checks the id still has the name', () => {
    const byId = guard('xl', 'domname', '1', 'domu1');
    assert.deepEqual(byId(actionArgv('xl', 'shutdown', domu1)), ['xl', 'shutdown', '1']);
    assert.deepEqual(byId(actionArgv('xl', 'reboot', domu1)), ['xl', 'reboot', '1']);
    assert.deepEqual(byId(actionArgv('xl', 'destroy', domu1)), ['xl', 'destroy', '1']);
    assert.deepEqual(byId(actionArgv('xl', 'pause', domu1)), ['xl', 'pause', '1']);
    assert.deepEqual(byId(actionArgv('xl', 'unpause', domu1)), ['xl', 'unpause', '1']);
    assert.deepEqual(byId(actionArgv('xl', 'console', domu1)), ['xl', 'console', '1']);
    assert.deepEqual(actionArgv('xl', 'start', domain('domu3')), ['xl', 'create', '/etc/xen/domu3.cfg']);
  });

  it('a domain NAMED "2" with id 1 gets `xl destroy 1`, never `xl destroy 2` (libxl reads digits as a domid)', () => {
    const two = { name: '2', id: 1 };
    for (const action of ['pause', 'unpause', 'shutdown', 'reboot', 'destroy', 'console'] as const) {
      assert.deepEqual(guard('xl', 'domname', '1', '2')(actionArgv('xl', action, two)), ['xl', action, '1']);
    }
    assert.deepEqual(guard('xl', 'domname', '1', '2')(actionArgv('xl', 'migrate', two, testHost('root@an-node02'))), ['xl', 'migrate', '1', 'root@an-node02']);
    assert.equal(describeCommand(actionArgv('xl', 'destroy', two)), 'xl destroy 1 (only if id 1 is still named 2)');
  });

  it('refuses to build anything for an all-digit name without a known id', () => {
    assert.match(unaddressable('xl', 'destroy', { name: '2' }) ?? '', /xl would read the name 2 as a domain id/);
    assert.throws(() => actionArgv('xl', 'destroy', { name: '2' }), /refresh the view first/);
    assert.deepEqual(actionArgv('xl', 'destroy', { name: 'domu9' }), ['xl', 'destroy', 'domu9']);
  });

  it('xm: acts by name (xend looks names up first), behind a guard that checks the name still has the id', () => {
    const byName = guard('xm', 'domid', 'domu1', '1');
    assert.deepEqual(byName(actionArgv('xm', 'unpause', domu1)), ['xm', 'unpause', 'domu1']);
    assert.deepEqual(guard('xm', 'domid', '2', '1')(actionArgv('xm', 'destroy', { name: '2', id: 1 })), ['xm', 'destroy', '2']);
    assert.deepEqual(byName(actionArgv('xm', 'migrate', domu1, testHost('an-node02'))), ['xm', 'migrate', '--live', 'domu1', 'an-node02']);
  });

  it('ends option parsing before a name that starts with "-", where the subcommand parses options', () => {
    assert.deepEqual(actionArgv('xl', 'destroy', { name: '-a' }), ['xl', 'destroy', '--', '-a']);
    assert.deepEqual(guard('xl', 'domname', '3', '-a')(actionArgv('xl', 'destroy', { name: '-a', id: 3 })), ['xl', 'destroy', '3']);
    // xm destroy/pause/unpause take exactly one argument: a "--" would be a second one.
    assert.deepEqual(actedCommand(actionArgv('xm', 'destroy', { name: '-a', id: 3 })), ['xm', 'destroy', '-a']);
    assert.deepEqual(actedCommand(actionArgv('xm', 'shutdown', { name: '-a', id: 3 })), ['xm', 'shutdown', '--', '-a']);
  });

  it('migrates to the target host name, with its port as the ssh command', () => {
    assert.deepEqual(actedCommand(actionArgv('xl', 'migrate', domu1, testHost('root@an-node02'))), ['xl', 'migrate', '1', 'root@an-node02']);
    assert.deepEqual(actedCommand(actionArgv('xl', 'migrate', domu1, testHost('an-node02:2222'))), ['xl', 'migrate', '-s', 'ssh -p 2222', '1', 'an-node02']);
    assert.deepEqual(actedCommand(actionArgv('xm', 'migrate', domu1, testHost('an-node02'))), ['xm', 'migrate', '--live', 'domu1', 'an-node02']);
  });

  it('the guard is a constant script: the name and id are its quoted arguments', () => {
    const argv = actionArgv('xl', 'destroy', { name: "a'b $(x)", id: 7 });
    assert.doesNotMatch(argv[2], /a'b|\$\(x\)|\b7\b/);
    assert.match(argv[2], new RegExp(`exit ${GUARD_MISMATCH_EXIT}`));
  });

  it('reads and writes files through constant scripts with the path and checksums as arguments', () => {
    assert.deepEqual(readFileArgv('/etc/xen/a b.cfg').filter((_, i) => i !== 2), ['sh', '-c', 'xen-dom0-read', '/etc/xen/a b.cfg']);
    const content = new TextEncoder().encode('memory = 1\n');
    const write = saveFileArgv({ path: '/etc/xen/x.cfg', content, expected: { sha256: 'aa', md5: 'bb' }, token: 'beef', backups: 5 });
    const sent = digestsOf(content);
    assert.deepEqual(write.filter((_, i) => i !== 2), ['sh', '-c', 'xen-dom0-save', '/etc/xen/x.cfg', '11', sent.sha256, sent.md5, 'aa', 'bb', 'beef', '5']);
    assert.deepEqual(saveFileArgv({ path: '/etc/xen/new.cfg', content, expected: undefined, token: 'beef', backups: 5 }).slice(8, 10), ['-', '-']);
    assert.doesNotMatch(write[2], /x\.cfg|beef/);
    assert.throws(() => saveFileArgv({ path: '/x', content, expected: undefined, token: 'not hex', backups: 5 }));
  });
});
