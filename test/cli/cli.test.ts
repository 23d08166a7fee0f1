/** The command-line checker as a user runs it: exit codes and messages. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers/fixtures';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cli.js check: usage and unreadable input', () => {
  it('exits 2 with a clear message for a missing path', () => {
    const result = cli('check', 'no/such/file.cfg');
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'error: no/such/file.cfg: no such file or folder\n');
    assert.equal(result.stdout, '');
  });

  it('exits 2 for an unknown option, an unknown format and no paths', () => {
    assert.equal(cli('check', '--bogus', 'examples').status, 2);
    const format = cli('check', '--format', 'xml', 'examples');
    assert.equal(format.status, 2);
    assert.match(format.stderr, /^error: unknown format 'xml': use text, json or sarif\n/);
    const none = cli('check');
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^error: no files or folders to check\n/);
  });

  it('exits 2 when a named file has no recognisable language and none is given', () => {
    const result = cli('check', 'package.json');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /package\.json: cannot tell the language from the file name; pass --language/);
  });

  it('exits 2 for an unknown command and prints the usage', () => {
    const result = cli('frobnicate');
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown command 'frobnicate'/);
  });
});
