/** The dom0 explorer's welcome view (package.json `viewsWelcome`): its buttons run contributed commands, and the cluster button's context key is the one the client sets. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../../helpers/fixtures';

const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
const welcome = manifest.contributes.viewsWelcome as { view: string; contents: string; when?: string }[];
const commands = new Set((manifest.contributes.commands as { command: string }[]).map((c) => c.command));
const buttons = welcome.flatMap((entry) => [...entry.contents.matchAll(/^\[([^\]]+)\]\(command:([\w.]+)\)$/gm)].map((m) => ({ label: m[1], command: m[2], when: entry.when })));

describe('the dom0 explorer welcome view', () => {
  it('has the three buttons, each a contributed command', () => {
    assert.deepEqual(buttons.map((b) => [b.label, b.command]), [
      ['Add Host', 'xenConfig.dom0.addHost'],
      ['Use the Nodes of cluster.conf', 'xenConfig.dom0.useClusterNodes'],
      ['Open Settings', 'xenConfig.dom0.openSettings'],
    ]);
    for (const button of buttons) assert.ok(commands.has(button.command), `${button.command} is not contributed`);
    assert.ok(welcome.every((entry) => entry.view === 'xenConfig.dom0Hosts'));
  });

  it('shows the cluster button only with a cluster.conf in the workspace and the setting off', () => {
    const source = readFileSync(join(REPO_ROOT, 'client', 'src', 'explorer', 'welcome.ts'), 'utf8');
    const contextKey = /export const CLUSTER_CONF_CONTEXT = '([\w.]+)';/.exec(source)?.[1];
    assert.ok(contextKey, 'welcome.ts names its context key');
    const cluster = buttons.find((b) => b.command === 'xenConfig.dom0.useClusterNodes');
    assert.equal(cluster?.when, `${contextKey} && !config.xenConfig.dom0.includeClusterNodes`);
    assert.deepEqual(buttons.filter((b) => b.when !== undefined).map((b) => b.command), ['xenConfig.dom0.useClusterNodes']);
  });
});
