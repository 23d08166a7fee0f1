/**
 * The fields both sides know (memory, vCPUs, type, disks, vifs): from real `xl -N create` JSON
 * (test/fixtures/host-check/xl-good.reply) and a real `xl list -l` entry (xl-captures), from our
 * own reading of a config, and the sentences where two disagree.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareSummaries, summarizeLibxlConfig } from '../../../shared/src/hostCheck/domainSummary';
import { parseHostScriptOutput } from '../../../shared/src/hostCheck/output';
import { summarizeConfigText } from '../../../server/src/common/domainReading';
import { capture } from '../../helpers/dom0';
import { readFixture } from '../../helpers/fixtures';

function effectiveJson(): string {
  const output = parseHostScriptOutput(readFixture('host-check', 'xl-good.reply'), '0123abcd');
  assert.ok(output && output.kind === 'ran');
  return output.stdout;
}

describe('domain summaries', () => {
  it("reads xl -N create's JSON, with the defaults xl applied", () => {
    const summary = summarizeLibxlConfig(effectiveJson());
    assert.ok(summary.ok);
    assert.deepEqual(summary.summary, {
      type: 'pv',
      memoryMiB: 256,
      maxMemoryMiB: 256,
      maxVcpus: 2,
      disks: [{ vdev: 'xvda', target: '/dev/vg0/vm1', mode: 'w' }],
      vifs: [{ bridge: 'xenbr0' }],
    });
  });

  it('reads an xl list -l answer (the running domain)', () => {
    const summary = summarizeLibxlConfig(capture('04-xl-list-l-domu1.stdout'));
    assert.ok(summary.ok);
    assert.deepEqual(summary.summary.disks, [{ vdev: 'xvda', target: '/var/lib/xen/images/domu1.img', mode: 'w' }]);
    assert.deepEqual(summary.summary.vifs, [{ mac: '00:16:3e:00:01:01', bridge: 'xenbr0' }]);
    assert.equal(summary.summary.memoryMiB, 128);
  });

  it('says why text is not a domain config', () => {
    assert.deepEqual(summarizeLibxlConfig('Parsing config'), { ok: false, error: 'not JSON (Unexpected token \'P\', "Parsing config" is not valid JSON)' });
    assert.deepEqual(summarizeLibxlConfig('{"b_info": {}}'), { ok: false, error: 'no domain config with c_info.name in it' });
  });

  it('our reading of the same config agrees with the host on every field', () => {
    const ours = summarizeConfigText(readFixture('host-check', 'xl-good.input'));
    const theirs = summarizeLibxlConfig(effectiveJson());
    assert.ok(theirs.ok);
    assert.deepEqual(compareSummaries(ours, theirs.summary, { left: 'ours', right: 'xl' }), []);
  });

  it('names each disagreement: ballooned memory, a vif added, a disk detached, another type', () => {
    const file = summarizeConfigText('type = "pvh"\nmemory = 512\nmaxmem = 1024\nvcpus = 2\nmaxvcpus = 4\ndisk = ["/img/a.raw,raw,xvda,rw", "/img/b.iso,raw,xvdb,r"]\nvif = ["mac=00:16:3e:00:00:01,bridge=xenbr0"]\n');
    assert.deepEqual(file, {
      type: 'pvh',
      memoryMiB: 512,
      maxMemoryMiB: 1024,
      maxVcpus: 4,
      disks: [
        { vdev: 'xvda', target: '/img/a.raw', mode: 'w' },
        { vdev: 'xvdb', target: '/img/b.iso', mode: 'r' },
      ],
      vifs: [{ mac: '00:16:3e:00:00:01', bridge: 'xenbr0' }],
    });
    const running = { type: 'pv', memoryMiB: 300, maxMemoryMiB: 1024, maxVcpus: 4, disks: [{ vdev: 'xvda', target: '/img/a.raw', mode: 'w' }], vifs: [{ mac: '00:16:3E:00:00:01', bridge: 'xenbr0' }, { mac: '00:16:3e:00:00:02', bridge: 'xenbr1' }] };
    assert.deepEqual(compareSummaries(file, running, { left: 'the config file', right: 'the running domain' }), [
      'type: the config file has pvh, the running domain has pv',
      'memory: the config file has 512 MiB, the running domain has 300 MiB',
      'disk xvdb (/img/b.iso): only the config file has it',
      'vif 1 (00:16:3e:00:00:02): only the running domain has it',
    ]);
  });

  it('leaves out what our reading does not state (a default only xl knows)', () => {
    const theirs = summarizeLibxlConfig(effectiveJson());
    assert.ok(theirs.ok);
    assert.deepEqual(compareSummaries(summarizeConfigText('name = "vm1"\n'), theirs.summary, { left: 'a', right: 'b' }), ['disk xvda (/dev/vg0/vm1): only b has it', 'vif 0: only b has it']);
  });
});
