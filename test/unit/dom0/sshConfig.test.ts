/** The Host entries "Add Host" offers, from ssh_config files as users write them. */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readSshConfigHosts, sshConfigHosts } from '../../../shared/src/dom0/sshConfig';

const scratch = mkdtempSync(join(tmpdir(), 'xen-dom0-sshconfig-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('ssh_config Host entries for Add Host', () => {
  it('lists the hosts of Host lines, several per line, once, without patterns', () => {
    const text = [
      '# lab',
      'Host xenlab',
      '  HostName 127.0.0.1',
      '  Port 2222',
      'Host an-node01 an-node02 an-node0?',
      'host=web1',
      '  User root',
      'Host *.example.org !bastion "quoted name"',
      'Host *',
      '  ServerAliveInterval 30',
      'Match host xenlab',
      'Host xenlab',
    ].join('\n');
    assert.deepEqual(sshConfigHosts(text), ['xenlab', 'an-node01', 'an-node02', 'web1', 'quoted name']);
  });

  it('follows Include (glob in the file name) and survives an include loop and missing files', () => {
    const dir = join(scratch, 'inc');
    mkdirSync(join(dir, 'conf.d'), { recursive: true });
    const main = join(dir, 'config');
    writeFileSync(main, `Include ${join(dir, 'conf.d', '*.conf')} ${join(dir, 'missing')}\nHost top\nInclude ${main}\n`);
    writeFileSync(join(dir, 'conf.d', 'b.conf'), 'Host b-node\n');
    writeFileSync(join(dir, 'conf.d', 'a.conf'), 'Host a-node\n');
    writeFileSync(join(dir, 'conf.d', 'skip.txt'), 'Host not-included\n');
    assert.deepEqual(readSshConfigHosts(main), ['a-node', 'b-node', 'top']);
    assert.deepEqual(readSshConfigHosts(join(dir, 'nope')), []);
  });
});
