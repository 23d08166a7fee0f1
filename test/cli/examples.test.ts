/** `cli.js check examples/`: clean; a broken copy of each example gives a compiler-style error at its line. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/fixtures';
import { copyExamples } from '../helpers/workspaceCopy';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

function check(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One syntax mistake per language, and the error line it must give. */
const BREAKAGES: { file: string; find: string; replace: string; error: RegExp }[] = [
  { file: 'etc/xen/vm01-web.cfg', find: 'memory = 2048', replace: 'memory = = 2048', error: /^etc\/xen\/vm01-web\.cfg:9:10: error: .+ \[xl\/syntax\]$/ },
  { file: 'etc/xen/xend-config.sxp', find: '(xend-relocation-server yes)', replace: '(xend-relocation-server yes', error: /^etc\/xen\/xend-config\.sxp:16:1: error: '\(xend-relocation-server' is never closed: add '\)' .+ \[xend\/syntax-unclosed-list\]$/ },
  { file: 'guests/vm01-web/etc/iftab', find: 'eth1 mac 00:16:3e:00:02:01', replace: 'eth1 mac', error: /^guests\/vm01-web\/etc\/iftab:5:6: error: selector 'mac' has no value \(ifrename drops this line\) \[iftab\/missing-value\]$/ },
  { file: 'etc/drbd.d/r0.res', find: 'protocol C;', replace: 'protocol C', error: /^etc\/drbd\.d\/r0\.res:8:18: error: Missing ';' after 'C' to end the 'protocol' option\. \[drbd\/missing-semicolon\]$/ },
  { file: 'etc/cluster/cluster.conf', find: '<fence_daemon post_join_delay="30"/>', replace: '<fence_daemon post_join_delay="30">', error: /^etc\/cluster\/cluster\.conf:41:1: error: XML is not well-formed: Expected closing tag 'fence_daemon' \(opened in line 25, col 5\) instead of closing tag 'cluster'\. \[cluster-conf\/syntax\]$/ },
];

describe('cli.js check examples/', () => {
  it('exits 0 on the examples, with no error or warning', () => {
    const result = check(REPO_ROOT, 'examples/');
    assert.equal(result.status, 0, result.stdout);
    assert.match(result.stderr, /^checked 8 files: 0 errors, 0 warnings, /);
  });

  it('finds nothing for the Problems view (no error, warning or info) with the default settings the demo runs with: it opens clean', () => {
    const result = check(REPO_ROOT, '--format', 'json', 'examples/');
    assert.equal(result.status, 0, result.stdout);
    const files = JSON.parse(result.stdout) as { file: string; diagnostics: { severity: string; code: string }[] }[];
    assert.equal(files.length, 8);
    const shown = files.flatMap(({ file, diagnostics }) => diagnostics.filter((d) => d.severity !== 'hint').map((d) => `${file}: ${d.severity} ${d.code}`));
    assert.deepEqual(shown, []);
    // The hints: xend-config.sxp under xl, and the iftab's kernel-assigned eth0.
    assert.deepEqual([...new Set(files.flatMap(({ diagnostics }) => diagnostics.map((d) => d.code)))].sort(), ['iftab/unreliable-name', 'xend/xend-removed']);
  });

  for (const breakage of BREAKAGES) {
    it(`a broken copy of ${breakage.file} gives its error line and exit 1`, () => {
      const copy = copyExamples({ [breakage.file]: [[breakage.find, breakage.replace]] });
      try {
        const result = check(copy.root, '.');
        assert.equal(result.status, 1);
        const errors = result.stdout.split('\n').filter((line) => line.includes(': error: '));
        assert.ok(errors.some((line) => breakage.error.test(line)), `no line matches ${breakage.error}:\n${result.stdout}`);
      } finally {
        copy.remove();
      }
    });
  }
});
