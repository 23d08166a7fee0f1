import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseHostSetting, parseHostSettings, sshDestination } from '../../../shared/src/dom0/hosts';

const ok = (setting: Parameters<typeof parseHostSetting>[0]) => {
  const result = parseHostSetting(setting);
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.host;
};
const error = (setting: Parameters<typeof parseHostSetting>[0]) => {
  const result = parseHostSetting(setting);
  assert.ok(!result.ok, `accepted ${JSON.stringify(setting)}`);
  return result.error;
};

describe('host settings', () => {
  it('reads user@host, an ssh_config alias, user@host:port and [IPv6]:port', () => {
    assert.deepEqual(ok('root@an-node01'), { spec: 'root@an-node01', label: 'root@an-node01', toolstack: 'auto', user: 'root', hostname: 'an-node01' });
    assert.deepEqual(ok('an-node02.alteeve.com'), { spec: 'an-node02.alteeve.com', label: 'an-node02.alteeve.com', toolstack: 'auto', hostname: 'an-node02.alteeve.com' });
    assert.deepEqual(ok('admin@10.0.0.5:2222'), { spec: 'admin@10.0.0.5:2222', label: 'admin@10.0.0.5:2222', toolstack: 'auto', user: 'admin', hostname: '10.0.0.5', port: 2222 });
    assert.deepEqual(ok('root@[fe80::1%eth0]:22'), { spec: 'root@[fe80::1%eth0]:22', label: 'root@[fe80::1%eth0]:22', toolstack: 'auto', user: 'root', hostname: 'fe80::1%eth0', port: 22 });
  });

  it('takes a display name and a toolstack from the object form', () => {
    const host = ok({ host: 'root@old-dom0', name: 'Old Xen 3.4', toolstack: 'xm' });
    assert.equal(host.label, 'Old Xen 3.4');
    assert.equal(host.toolstack, 'xm');
    assert.equal(sshDestination(host), 'root@old-dom0');
  });

  it('refuses anything ssh could take for an option or a shell could interpret', () => {
    assert.equal(error('-oProxyCommand=touch x'), 'host "-oProxyCommand=touch x": "-oProxyCommand=touch x" is not a host name, address or ssh_config alias (letters, digits, \'.\', \'_\' and \'-\', not first)');
    assert.match(error('root@-x'), /"-x" is not a host name/);
    assert.match(error("a'b@host"), /the user name "a'b" may only contain/);
    assert.match(error('host;reboot'), /"host;reboot" is not a host name/);
    assert.match(error('$(touch x)'), /is not a host name/);
    assert.match(error('host\nother'), /is not a host name/);
    assert.match(error('-l@host'), /the user name "-l" may only contain/);
    assert.equal(error('host:0'), 'host "host:0": the port "0" is not a number from 1 to 65535');
    assert.equal(error('host:ssh'), 'host "host:ssh": the port "ssh" is not a number from 1 to 65535');
    assert.equal(error(''), 'a host entry is empty: write it as user@host, host:port or an ssh_config alias');
    assert.equal(error({ host: 'h', toolstack: 'xe' }), 'host "h": toolstack "xe" is not one of auto, xl, xm');
  });

  it('keeps good entries, reports bad ones and drops duplicates', () => {
    const { hosts, errors } = parseHostSettings(['root@a', 'root@a', { host: 'b', name: 'B' }, 'bad host']);
    assert.deepEqual(hosts.map((h) => h.label), ['root@a', 'B']);
    assert.deepEqual(errors, ['host "bad host": "bad host" is not a host name, address or ssh_config alias (letters, digits, \'.\', \'_\' and \'-\', not first)']);
  });
});
