/** `# xcc-ignore` comments in domain configs and xl.conf: found where xl's lexer has its comments. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { xl } from './helpers';

describe('xl-config ignore comments', () => {
  it('reads a line and a file directive, several codes, and a reason after --', () => {
    const text = [
      'name = "vm01"',
      '# xcc-ignore xl/unknown-key',
      'foo = 1',
      '  #xcc-ignore-file  xl/deprecated-key,workspace/duplicate-mac -- a lab copy of vm01',
      'memory = 512 # xcc-ignore xl/memory-too-small',
      '',
    ].join('\n');
    assert.deepEqual(xl.ignores(text), [
      'line 2: xl/unknown-key@2:14-28',
      'file 4: xl/deprecated-key@4:21-38, workspace/duplicate-mac@4:39-62',
      'line 5 after code: xl/memory-too-small@5:27-46',
    ]);
  });

  it('takes no # inside a string for a comment, and no comment that only mentions xcc-ignore', () => {
    const text = ['name = "vm01 # xcc-ignore xl/unknown-key"', '# see xcc-ignore in the docs', '# xcc-ignored xl/unknown-key', '# xcc-ignore-files xl/unknown-key', ''].join('\n');
    assert.deepEqual(xl.ignores(text), []);
  });

  it('reports a directive that names no code as one, at its keyword', () => {
    assert.deepEqual(xl.ignores('# xcc-ignore\n#  xcc-ignore-file -- why\nname = "a"\n'), ['line 1: (no code)@1:3-13', 'file 2: (no code)@2:4-19']);
  });
});
