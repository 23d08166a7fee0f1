/** The explorer tree as data (the TreeDataProvider only maps it), and the manifest's menus that match its contextValues. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { unreachableHost, buildHostModel } from '../../../shared/src/dom0/model';
import { childNodes, Dom0Node, rootNodes, viewOf } from '../../../shared/src/dom0/treeNodes';
import { capture, labSections, refreshOutput, testHost } from '../../helpers/dom0';
import { REPO_ROOT } from '../../helpers/fixtures';

const host = testHost('root@an-node01');
const lab = buildHostModel(host, refreshOutput('xl', labSections({ list: capture('24-xl-list-paused.stdout') })));
const root = rootNodes([host], new Map([[host.spec, lab]]), new Set(), []);
const flat = (node: Dom0Node, depth = 0): string[] => [`${'  '.repeat(depth)}${viewOf(node).label} | ${viewOf(node).description ?? ''} | ${viewOf(node).contextValue}`, ...childNodes(node).flatMap((c) => flat(c, depth + 1))];

describe('explorer tree', () => {
  it('shows host -> domains -> disks, interfaces and config, with state-gated context values', () => {
    assert.deepEqual(flat(root[0]), [
      'root@an-node01 | 2/3 running, Xen 4.17.5, 1757 of 3071 MiB free, 2 CPUs | dom0Host',
      '  Domain-0 | #0 running, 1024 MiB, 2 vCPUs, up 0:02:05 | dom0Domain state-running has-id',
      '  domu1 | #1 running, idle, 128 MiB, 1 vCPU, up 0:01:05 | dom0Domain state-blocked can-shutdown can-reboot can-destroy can-pause can-console can-migrate has-config has-id has-mac',
      '    xvda | /var/lib/xen/images/domu1.img (read-write) | dom0Disk',
      '    00:16:3e:00:01:01 | bridge xenbr0 | dom0Nic has-mac',
      '    /etc/xen/domu1.cfg | config | dom0Config has-config',
      '  domu2 | #2 paused, 128 MiB, 2 vCPUs, up 0:00:48 | dom0Domain state-paused can-destroy can-unpause can-console has-config has-id has-mac',
      '    xvda | /var/lib/xen/images/domu2.img (read-write) | dom0Disk',
      '    00:16:3e:00:01:02 | bridge xenbr0 | dom0Nic has-mac',
      '    /etc/xen/domu2.cfg | config | dom0Config has-config',
      '  domu3 | stopped | dom0Domain state-stopped can-start has-config',
      '    /etc/xen/domu3.cfg | config | dom0Config has-config',
    ]);
    assert.deepEqual(viewOf(childNodes(root[0])[2]).icon, { id: 'debug-pause', color: 'charts.yellow' });
  });

  it('turns an unreachable host into a node that names it and says what to try', () => {
    const down = unreachableHost(host, { kind: 'auth-refused', message: 'root@an-node01: authentication refused', hint: 'Load your key (ssh-add).' });
    const [node] = rootNodes([host], new Map([[host.spec, down]]), new Set(), []);
    assert.deepEqual(flat(node), ['root@an-node01 | unreachable | dom0Host unreachable', '  root@an-node01: authentication refused | Load your key (ssh-add). | dom0Message']);
    assert.deepEqual(viewOf(node).icon, { id: 'debug-disconnect', color: 'errorForeground' });
  });

  it('keeps the last listing of a host while it refreshes', () => {
    const [node] = rootNodes([host], new Map([[host.spec, lab]]), new Set([host.spec]), []);
    assert.equal(viewOf(node).description, '2/3 running, Xen 4.17.5, 1757 of 3071 MiB free, 2 CPUs (refreshing...)');
    assert.equal(childNodes(node).length, 4);
  });

  it('shows bad host settings and hosts still connecting', () => {
    const nodes = rootNodes([host], new Map(), new Set([host.spec]), ['host "a b": bad']);
    assert.deepEqual(nodes.flatMap((n) => flat(n)), ['host "a b": bad | Fix the entry in the setting xenConfig.dom0.hosts. | dom0Message', 'root@an-node01 | connecting... | dom0Host', '  Connecting... |  | dom0Message']);
  });
});

describe('package.json menus of the explorer', () => {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  // The explorer's commands are registered in index.ts, the welcome view's in welcome.ts.
  const source = ['index.ts', 'welcome.ts'].map((file) => readFileSync(join(REPO_ROOT, 'client', 'src', 'explorer', file), 'utf8')).join('\n');
  const commands = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));

  it('declares every command the explorer registers, and registers every declared one', () => {
    const registered = new Set([...source.matchAll(/registerCommand\('(xenConfig\.dom0\.[A-Za-z]+)'/g)].map((m) => m[1]));
    for (const action of ['start', 'shutdown', 'reboot', 'destroy', 'pause', 'unpause']) registered.add(`xenConfig.dom0.${action}`);
    registered.add('xenConfig.dom0.openConfig');
    assert.deepEqual([...commands].filter((c) => c.startsWith('xenConfig.dom0.')).sort(), [...registered].sort());
  });

  it('gates each item menu on a word the tree really puts in contextValue', () => {
    const words = new Set(
      [...flat(root[0]).map((line) => line.split(' | ')[2]), 'dom0Host unreachable', 'dom0Domain can-start', 'dom0Domain can-unpause'].flatMap((value) => value.split(' ')),
    );
    for (const entry of manifest.contributes.menus['view/item/context']) {
      assert.ok(commands.has(entry.command), entry.command);
      const word = /viewItem =~ \/\\b([\w-]+)\\b\//.exec(entry.when)?.[1];
      assert.ok(word && words.has(word), `${entry.command}: ${entry.when}`);
    }
  });
});
