/**
 * `xenConfig/domainSummary` through the real server: our reading of the editor's text of a domain
 * config, which "Show Effective Configuration" compares with the JSON the host's `xl -N create` printed
 * (here the real xl 4.17 reply in test/fixtures/host-check), the way `cli.js effective` does.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compareSummaries, summarizeLibxlConfig } from '../../shared/src/hostCheck/domainSummary';
import { parseHostScriptOutput } from '../../shared/src/hostCheck/output';
import { DOMAIN_SUMMARY_REQUEST, type DomainSummaryResult } from '../../shared/src/protocol';
import { readFixture } from '../helpers/fixtures';
import { LspTestClient } from '../helpers/lspClient';

/** What xl 4.17 built from xl-good.input: 256 MiB, 2 vCPUs, xvda on /dev/vg0/vm1, one vif on xenbr0. */
function hostSummary() {
  const output = parseHostScriptOutput(readFixture('host-check', 'xl-good.reply'), '0123abcd');
  assert.ok(output && output.kind === 'ran');
  const summary = summarizeLibxlConfig(output.stdout);
  assert.ok(summary.ok);
  return summary.summary;
}

describe('xenConfig/domainSummary over LSP (our reading, for Show Effective Configuration)', () => {
  let client: LspTestClient;
  const ask = (uri: string) => client.connection.sendRequest<DomainSummaryResult>(DOMAIN_SUMMARY_REQUEST, { uri });
  before(async () => {
    client = await LspTestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  it('reads the open config as xl does: no disagreement with the host on the file the host built', async () => {
    const uri = 'file:///work/etc/xen/vm1.cfg';
    await client.open(uri, 'xl-config', readFixture('host-check', 'xl-good.input'));
    const ours = await ask(uri);
    assert.deepEqual(ours, { type: 'pv', memoryMiB: 256, maxMemoryMiB: 256, maxVcpus: 2, disks: [{ vdev: 'xvda', target: '/dev/vg0/vm1', mode: 'w' }], vifs: [{ bridge: 'xenbr0' }] });
    assert.deepEqual(compareSummaries(ours!, hostSummary(), { left: 'our reading of the file', right: 'xl on vm-host' }), []);
  });

  it('answers from the unsaved editor text: each changed field is a disagreement with the host', async () => {
    const uri = 'file:///work/etc/xen/vm1-edited.cfg';
    const text = readFixture('host-check', 'xl-good.input');
    await client.open(uri, 'xl-config', text);
    await client.change(uri, [{ text: text.replace('memory = 256', 'memory = 512\nmaxmem = 1024').replace('vcpus = 2', 'vcpus = 4').replace(',xvda,w', ',xvda,r') }]);
    const ours = await ask(uri);
    assert.ok(ours);
    assert.deepEqual(compareSummaries(ours, hostSummary(), { left: 'our reading of the file', right: 'xl on vm-host' }), [
      'memory: our reading of the file has 512 MiB, xl on vm-host has 256 MiB',
      'maximum memory: our reading of the file has 1024 MiB, xl on vm-host has 256 MiB',
      'vCPUs: our reading of the file has 4, xl on vm-host has 2',
      'disk xvda: our reading of the file has mode r, xl on vm-host has w',
    ]);
  });

  it('is null for what is not an open domain config: xl.conf, another language, an unknown or missing uri', async () => {
    await client.open('file:///work/etc/xen/xl.conf', 'xl-config', 'autoballoon = "off"\n');
    await client.open('file:///work/etc/drbd.d/r0.res', 'drbd', 'resource r0 {}\n');
    assert.equal(await ask('file:///work/etc/xen/xl.conf'), null);
    assert.equal(await ask('file:///work/etc/drbd.d/r0.res'), null);
    assert.equal(await ask('file:///work/etc/xen/never-opened.cfg'), null);
    assert.equal(await client.connection.sendRequest<DomainSummaryResult>(DOMAIN_SUMMARY_REQUEST, {}), null);
  });
});
