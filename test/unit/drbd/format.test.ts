import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { drbd } from './helpers';

describe('drbd formatting', () => {
  it('indents sections one level per brace, with the editor\'s indentation', () => {
    const text = [
      'resource r0 {',
      'protocol C;',
      '      net {',
      '# the peers authenticate',
      '  cram-hmac-alg sha1;',
      '        shared-secret "s3cret";',
      '}',
      '  on alpha {',
      ' device /dev/drbd0;',
      '\tdisk /dev/vg0/r0;',
      '       address 10.0.0.1:7789;',
      '   meta-disk internal;',
      '    }',
      '}',
      '',
    ].join('\n');
    const expected = [
      'resource r0 {',
      '  protocol C;',
      '  net {',
      '    # the peers authenticate',
      '    cram-hmac-alg sha1;',
      '    shared-secret "s3cret";',
      '  }',
      '  on alpha {',
      '    device /dev/drbd0;',
      '    disk /dev/vg0/r0;',
      '    address 10.0.0.1:7789;',
      '    meta-disk internal;',
      '  }',
      '}',
      '',
    ].join('\n');
    assert.equal(drbd.format(text, { tabSize: 2 }).text, expected);
    assert.equal(drbd.format(text, { tabSize: 4, insertSpaces: false }).text, expected.replace(/^((?:  )+)/gm, (run) => '\t'.repeat(run.length / 2)));
  });

  it('indents a continued option one level more, and a comment before a } inside its section', () => {
    const text = 'common {\n  disk {\n    resync-rate\n  33M;\n  # more to come\n  }\n}\n';
    assert.equal(drbd.format(text).text, 'common {\n    disk {\n        resync-rate\n            33M;\n        # more to come\n    }\n}\n');
  });

  it('leaves the spacing inside a line as written: values aligned the way drbdadm dump writes them', () => {
    const text = 'resource r0 {\n    on alpha {\n        device           /dev/drbd0 minor 0;\n        disk             /dev/vg0/r0;\n    }\n}\n';
    assert.deepEqual(drbd.format(text).edits, []);
  });

  it('edits only the lines that are wrong, and only their indentation and trailing blanks', () => {
    const text = 'global {\n    usage-count no;   \n  udev-always-use-vnr;\n}\n';
    assert.deepEqual(drbd.format(text).edits, [
      { range: { start: { line: 1, character: 19 }, end: { line: 1, character: 22 } }, newText: '' },
      { range: { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } }, newText: '  ' },
    ]);
  });

  it('formats only the lines of a range', () => {
    const text = 'global {\nusage-count no;\n}\ncommon {\nnet { protocol C; }\n}\n';
    const range = { start: { line: 4, character: 0 }, end: { line: 5, character: 0 } };
    assert.equal(drbd.format(text, {}, range).text, 'global {\nusage-count no;\n}\ncommon {\n    net { protocol C; }\n}\n');
  });

  it('leaves a file with syntax errors alone: its nesting is not known', () => {
    assert.deepEqual(drbd.format('resource r0 {\n  net {\nprotocol C;\n}\n').edits, []);
    assert.deepEqual(drbd.format('resource r0 {\nprotocol C\n}\n').edits, []);
  });

  it('keeps CRLF line ends and the lines of a skip section', () => {
    const text = 'skip {\r\nanything { goes }\r\n}\r\nglobal {\r\nusage-count no;\r\n}\r\n';
    assert.equal(drbd.format(text).text, 'skip {\r\n    anything { goes }\r\n}\r\nglobal {\r\n    usage-count no;\r\n}\r\n');
  });
});
