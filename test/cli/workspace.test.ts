/** `cli.js check DIR` on the example cluster: clean, and each seeded cross-file mistake in both files. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/fixtures';
import { copyExamples, SEEDED_MISTAKES, WorkspaceCopy } from '../helpers/workspaceCopy';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

function check(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `file:line:col code` of the workspace/… lines of the text output. */
const crossFile = (stdout: string) =>
  stdout
    .split('\n')
    .filter((line) => line.includes('[workspace/'))
    .map((line) => `${line.split(':').slice(0, 3).join(':')} ${/\[(workspace\/[^\]]+)\]$/.exec(line)![1]}`);

describe('cli.js check on a workspace', () => {
  let clean: WorkspaceCopy;
  let broken: WorkspaceCopy;
  before(() => {
    clean = copyExamples();
    broken = copyExamples(SEEDED_MISTAKES);
  });
  after(() => {
    clean.remove();
    broken.remove();
  });

  it('the example cluster is clean: exit 0 and no cross-file findings', () => {
    const result = check(clean.root, '.');
    assert.equal(result.status, 0);
    assert.deepEqual(crossFile(result.stdout), []);
    assert.match(result.stderr, /^checked 8 files: 0 errors, 0 warnings/);
  });

  it('reports each seeded mistake in the files involved, compiler style, and exits 0: each is a warning (the tools accept the files; they hurt at run time)', () => {
    const result = check(broken.root, '.');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^checked 8 files: 0 errors, 8 warnings/);
    assert.deepEqual(crossFile(result.stdout), [
      'etc/cluster/cluster.conf:6:28 workspace/node-missing-in-drbd',
      'etc/cluster/cluster.conf:39:19 workspace/vm-without-config',
      'etc/drbd.d/r0.res:3:10 workspace/node-missing-in-drbd',
      'etc/drbd.d/r0.res:25:8 workspace/drbd-host-not-cluster-node',
      'etc/xen/vm01-web.cfg:15:14 workspace/duplicate-mac',
      'etc/xen/vm02-db.cfg:11:14 workspace/duplicate-mac',
      'guests/vm01-web/etc/iftab:4:1 workspace/iftab-vif-order',
      'guests/vm01-web/etc/iftab:5:1 workspace/iftab-vif-order',
    ]);
    assert.ok(
      result.stdout.includes("etc/xen/vm02-db.cfg:11:14: warning: MAC 00:16:3e:00:01:01 is also given to a vif of domain 'vm01-web' (etc/xen/vm01-web.cfg:15);"),
      'the message names the other file and line',
    );
  });

  it('writes SARIF 2.1.0 that code scanning reads: a rule per code, a location per finding', () => {
    const result = check(broken.root, '--format', 'sarif', '.');
    assert.equal(result.status, 0);
    const sarif = JSON.parse(result.stdout);
    assert.equal(sarif.version, '2.1.0');
    const [run] = sarif.runs;
    assert.ok(run.tool.driver.rules.some((r: { id: string }) => r.id === 'workspace/duplicate-mac'));
    const mac = run.results.filter((r: { ruleId: string }) => r.ruleId === 'workspace/duplicate-mac');
    assert.deepEqual(
      mac.map((r: { level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }) => {
        const { artifactLocation, region } = r.locations[0].physicalLocation;
        return `${r.level} ${artifactLocation.uri}:${region.startLine}:${region.startColumn}`;
      }),
      ['warning etc/xen/vm01-web.cfg:15:14', 'warning etc/xen/vm02-db.cfg:11:14'],
    );
  });
});
