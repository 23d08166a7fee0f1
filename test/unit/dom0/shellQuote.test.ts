/** The one quoting function every remote argument goes through, proven against real shells. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { quoteForSh, shellCommandLine } from '../../../shared/src/dom0/shellQuote';
import { HOSTILE_NAMES } from '../../helpers/dom0';


/**
 * What the shell receives as argv after parsing `commandLine`, printed
 * NUL-separated; run in an empty folder that must stay empty (no `touch x` ran).
 */
function argvSeenBy(shell: string, commandLine: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'quote-test-'));
  try {
    const out = execFileSync(shell, ['-c', `printf '%s\\0' ${commandLine}`], { encoding: 'utf8', cwd: dir });
    assert.deepEqual(readdirSync(dir), [], 'the shell executed part of an argument');
    return out.split('\0').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('quoteForSh', () => {
  it('leaves plain words readable and quotes everything else', () => {
    assert.equal(quoteForSh('domu1'), 'domu1');
    assert.equal(quoteForSh('/etc/xen/domu1.cfg'), '/etc/xen/domu1.cfg');
    assert.equal(quoteForSh("a'b"), `'a'\\''b'`);
    assert.equal(quoteForSh('$(touch x)'), `'$(touch x)'`);
    assert.equal(quoteForSh(''), `''`);
  });

  for (const shell of ['/bin/sh', '/bin/dash', '/bin/bash']) {
    it(`makes ${shell} see exactly the argv, hostile names included`, (t) => {
      if (!existsSync(shell)) return t.skip(`${shell} is not installed`);
      assert.deepEqual(argvSeenBy(shell, shellCommandLine(HOSTILE_NAMES)), HOSTILE_NAMES);
      for (const name of HOSTILE_NAMES) assert.deepEqual(argvSeenBy(shell, quoteForSh(name)), [name], JSON.stringify(name));
    });
  }
});
