/** LiveHosts with a scripted refresh: each host lands on its own, a read during a read is queued once, a reset drops old answers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LiveHosts } from '../../../shared/src/dom0/liveHosts';
import { buildHostModel, HostModel } from '../../../shared/src/dom0/model';
import { HostSpec } from '../../../shared/src/dom0/hosts';
import { viewOf, rootNodes } from '../../../shared/src/dom0/treeNodes';
import { labSections, refreshOutput, testHost } from '../../helpers/dom0';

/** A refresh whose answers the test releases by hand. */
function scripted() {
  const pending: { host: HostSpec; resolve: (m: HostModel) => void }[] = [];
  const changes: string[] = [];
  const live = new LiveHosts({
    refreshHost: (host) => new Promise((resolve) => pending.push({ host, resolve })),
    parallelism: 4,
    pollIntervalMs: 10,
    onChange: (spec) => changes.push(spec),
  });
  const answer = (index: number) => {
    const { host, resolve } = pending[index];
    resolve(buildHostModel(host, refreshOutput('xl', labSections())));
  };
  return { live, pending, changes, answer };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('LiveHosts', () => {
  it('shows each host when it answers, not when the slowest does', async () => {
    const { live, pending, answer } = scripted();
    const slow = testHost('root@slow');
    const fast = testHost('root@fast');
    const all = live.refresh([slow, fast]);
    await tick();
    answer(1);
    await tick();
    assert.equal(live.model(fast.spec)?.domains.length, 4);
    assert.equal(live.isLoading(slow.spec), true);
    answer(0);
    await all;
    assert.equal(pending.length, 2);
  });

  it('skips a host being read for the timer, queues exactly one read for an action', async () => {
    const { live, pending, answer } = scripted();
    const host = testHost();
    void live.refresh([host]);
    void live.refresh([host]); // the timer: skipped
    const queued = live.read(host);
    const again = live.read(host); // a second ask while one is queued: the same read
    await tick();
    assert.equal(pending.length, 1);
    answer(0);
    await tick();
    assert.equal(pending.length, 2, 'the queued read starts when the first lands');
    answer(1);
    assert.equal(await queued, await again);
  });

  it('marks the awaited transition on the row until the state shows, and ends the wait unreached', async () => {
    const seen: (string | undefined)[] = [];
    const live: LiveHosts = new LiveHosts({
      refreshHost: async (host) => buildHostModel(host, refreshOutput('xl', labSections())),
      parallelism: 1,
      pollIntervalMs: 10,
      onChange: (spec) => seen.push(live.model(spec)?.domains.find((d) => d.name === 'domu1')?.transition),
    });
    const host = testHost();
    const result = await live.settle(host, 'shutdown', { name: 'domu1', id: 1 }, 60);
    assert.equal(result.reached, false, 'the guest never goes');
    assert.equal(result.domain?.state, 'blocked');
    assert.ok(seen.includes('shutting down'), 'meanwhile the row said what was awaited');
    assert.equal(live.model(host.spec)?.domains.find((d) => d.name === 'domu1')?.transition, undefined, 'and the mark is gone');
    const [hostNode] = rootNodes([host], live.modelMap, live.loadingSpecs, []);
    assert.match(viewOf(hostNode).tooltip ?? '', /toolstack: xl \(detected\)/);
  });

  it('drops the answer of a read abandoned by reset()', async () => {
    const { live, answer } = scripted();
    const host = testHost();
    const reading = live.refresh([host]);
    live.reset();
    answer(0);
    await reading;
    assert.equal(live.model(host.spec), undefined);
  });
});
